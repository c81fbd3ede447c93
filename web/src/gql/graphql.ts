/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 行政层级：租户为省、市、区县；租户内的区域为区县、街道（乡镇）、社区（村） */
export type AdminLevel =
  /** 市级（CITY）：地级市、自治州、直辖市的市辖区划 */
  | 'CITY'
  /** 社区（COMMUNITY）：社区（居委会）、村（村委会） */
  | 'COMMUNITY'
  /** 区县级（COUNTY）：区、县、县级市 */
  | 'COUNTY'
  /** 省级（PROVINCE）：省、自治区、直辖市 */
  | 'PROVINCE'
  /** 街道（STREET）：街道、乡镇 */
  | 'STREET';

/** 办理或受理的层级 */
export type AdministrativeTier =
  /** 市级（CITY）：地级市 */
  | 'CITY'
  /** 社区级（COMMUNITY）：居委、村委 */
  | 'COMMUNITY'
  /** 区县级（COUNTY）：区、县 */
  | 'COUNTY'
  /** 组织（ORGANISATION）：学校、基层工会等组织 */
  | 'ORGANISATION'
  /** 省级（PROVINCE）：省、自治区、直辖市 */
  | 'PROVINCE'
  /** 街镇级（STREET）：街道、乡镇 */
  | 'STREET';

/** 对一份申请的办理动作（受理等） */
export type ApplicationActInput = {
  /** 申请标识（Application.id） */
  id: string;
  /** 读到的 lockVersion；对象已被他人修改时返回 CONFLICT */
  lockVersion: number;
};

/** 申请渠道：网上、窗口、自助终端、12345热线、社区救助顾问代为申请、电话、基层组织代为申报（目录的 channels 与 applicationSubmit 的 channel 用同一枚举） */
export type ApplicationChannel =
  /** 社区救助顾问代为申请（ADVISER）：顾问为申请人填写提交 */
  | 'ADVISER'
  /** 12345热线申请（HOTLINE_12345）：由热线代为提交 */
  | 'HOTLINE_12345'
  /** 网上申请（ONLINE）：“一网通办”等线上平台 */
  | 'ONLINE'
  /** 基层组织代为申报（ORGANISATION）：由事项写明的组织为其成员申报，成员为申请对象（如基层工会经“申工通”，沪民救发〔2021〕10号 一（十二）） */
  | 'ORGANISATION'
  /** 电话申请（PHONE）：经公布的救助咨询热线（沪民救发〔2022〕9号 四） */
  | 'PHONE'
  /** 自助终端申请（SELF_SERVICE）：街镇、社区的自助终端 */
  | 'SELF_SERVICE'
  /** 窗口申请（WINDOW）：社区事务受理服务中心等窗口 */
  | 'WINDOW';

/** 申请办理动作（applicationTriage…、applicationJointMeeting…、applicationWithdraw）可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type ApplicationErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 状态不允许（ILLEGAL_TRANSITION）：当前状态下不允许此办理动作 */
  | 'ILLEGAL_TRANSITION'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 申请状态（一门受理与联席会议）；各事项的办理状态见 CaseState */
export type ApplicationState =
  /** 已受理（ACCEPTED）：已分送各事项主管部门办理 */
  | 'ACCEPTED'
  /** 已办结（COMPLETED）：各事项均已办结，统一反馈 */
  | 'COMPLETED'
  /** 已提交联席会议（ESCALATED）：无适合部门或需多部门会商，等待指定承办部门 */
  | 'ESCALATED'
  /** 不予受理（REJECTED）：一门受理或联席会议告知理由 */
  | 'REJECTED'
  /** 已提交（SUBMITTED）：等待一门受理 */
  | 'SUBMITTED'
  /** 已撤回（WITHDRAWN）：申请人撤回，未办结的案件一并撤回 */
  | 'WITHDRAWN';

/** applicationSubmit可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type ApplicationSubmitErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 无权操作（FORBIDDEN）：无权执行此操作（含职责分离的限制） */
  | 'FORBIDDEN'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 一次申请：一张表单（所选事项合并）、一套材料；先以 applicationForm 取表单，可先以 applicationFormCheck 检查答案 */
export type ApplicationSubmitInput = {
  /** 答案：一个 JSON 对象，结构即所依据表单的 jsonSchema（applicationForm 以同一租户、事项、日期合并；哈希相同即同一表单）。数据元的点分键逐段嵌套为对象：applicant.name 填在 {"applicant": {"name": "张三"}}；重复组（repeatGroups，如 household.members）为行对象的数组，行内字段的键去掉组键与 [] 前缀：household.members[].id_number 填在 {"household": {"members": [{"id_number": "…"}]}}。取值按字段的 type（ElementType）：DATE 为 "YYYY-MM-DD"；AMOUNT 为金额（元，非负数，至多两位小数）；INTEGER、NUMBER 为数；BOOLEAN 为 true/false；CODE 为 options 中的一个 code，CODES 为其数组（不重复）；ID_NUMBER 为 18 位居民身份证号（含校验位）；PHONE 为手机号或带区号的固定电话；BANK_ACCOUNT 为 12 至 19 位银行卡号（Luhn 校验）；FILE 为已上传文件的引用；STRING、TEXT、ADDRESS 为字符串。x-visibleWhen（JSONLogic）不成立的字段与表单中没有的键被丢弃（dropped 列出其路径），x-requiredWhen 成立或 required 中的字段缺答时报 REQUIRED；错误的 path 形如 household.members[2].id_number（行号从 0 起）。提交时按当日（中国时间）合并的表单校验；不合格时 fieldErrors 列出，申请不保存 */
  answers: unknown;
  /** 申请人所在街道或社区代码（Tenant.areas）；社区救助顾问、窗口只见本区域的申请 */
  area?: string | null | undefined;
  /** 申请渠道：catalogue.channels 与 item.channels 中的一个（同一枚举） */
  channel: ApplicationChannel;
  /** 幂等键：客户端为每次申请生成（如 UUID）；网络重试时带同一键即返回同一申请（replayed 为 true），不重复提交 */
  idempotencyKey: string;
  /** 所选事项代码（与 applicationForm 的 items 相同） */
  items: Array<string>;
  /** 材料：上传引用或免交、缓交选择；未列出的材料按表单检查的状态处理，须上传而未给出引用（又无允许的缓交或承诺）时返回 INVALID_INPUT */
  materials?: Array<MaterialInputType>;
  /** 代为申请时申请人的用户标识（窗口、顾问、热线、组织）：申请归其所有；本人申请时为 null */
  onBehalfOf?: string | null | undefined;
  /** 应急期间以个人承诺代替须上传的材料、先行受理（沪民救发〔2022〕9号）；仅在 same_day_application_48h_review 或 deferred_checks_and_materials 应急措施生效时起作用 */
  personalCommitment?: boolean;
  /** 申请所在租户（行政区划代码，GB/T 2260） */
  tenant: string;
};

/** 哈希链断裂的类型 */
export type AuditChainProblem =
  /** 检查点无效（CHECKPOINT_INVALID）：签名检查点无法读取或签名无效（不是受信任的公钥所签），检查点的存放处可能被改动 */
  | 'CHECKPOINT_INVALID'
  /** 检查点不符（CHECKPOINT_MISMATCH）：链在签名检查点的序号处的哈希与检查点不符，或该事件已不存在：签名之后有事件被改写（即使整条链的哈希被重新计算） */
  | 'CHECKPOINT_MISMATCH'
  /** 内容被改（CONTENT_CHANGED）：事件的内容与其存储的哈希不符，内容在写入后被改动 */
  | 'CONTENT_CHANGED'
  /** 链头不符（HEAD_MISMATCH）：最新的事件与链头记录不符，最新的事件被删除 */
  | 'HEAD_MISMATCH'
  /** 链接断裂（LINK_BROKEN）：事件没有链接到前一事件的哈希，前一事件被改动或替换 */
  | 'LINK_BROKEN'
  /** 序号缺口（SEQUENCE_GAP）：序号不连续或重复，有事件被删除或插入 */
  | 'SEQUENCE_GAP';

/** 救助的给付周期 */
export type BenefitPeriod =
  /** 按月（MONTHLY） */
  | 'MONTHLY'
  /** 一次性（ONE_OFF） */
  | 'ONE_OFF'
  /** 持续（ONGOING）：认定期间持续享受 */
  | 'ONGOING'
  /** 按次（PER_CASE）：每次发生时给付 */
  | 'PER_CASE'
  /** 按学期（PER_TERM） */
  | 'PER_TERM'
  /** 按年（YEARLY） */
  | 'YEARLY';

/** 对一个案件的办理动作（接件） */
export type CaseActInput = {
  /** 案件标识（Case.id） */
  id: string;
  /** 读到的 lockVersion；对象已被他人修改时返回 CONFLICT */
  lockVersion: number;
};

/** 办理结果：准予（金额、期限、起始日）或不准予（理由、依据） */
export type CaseDecideInput = {
  /** 金额（元），十进制字符串（如 "1510.00"）；不得为负，不得超过本事项单次救助上限参数 */
  amount?: string | null | undefined;
  /** 法律依据；默认为事项的 */
  basis?: string | null | undefined;
  /** 出具的文书编号或引用 */
  documents?: Array<string>;
  /** 案件标识（Case.id） */
  id: string;
  /** 读到的 lockVersion；对象已被他人修改时返回 CONFLICT */
  lockVersion: number;
  /** 准予或不准予 */
  outcome: DecisionOutcome;
  /** 救助期限的文字（写入告知书）；省略时由 startsOn 与 periodMonths 生成 */
  period?: string | null | undefined;
  /** 救助期限（月，至少 1） */
  periodMonths?: number | null | undefined;
  /** 不准予的理由（不准予时至少一条） */
  reasons?: Array<string>;
  /** 认定类事项：认定的对象类别（目标群体代码，如 dibao_family、extremely_poor） */
  recognisedAs?: Array<string>;
  /** 准予时：事项分列多个定期核查周期（item.reverification.periods）时，街镇判断适用于本家庭的周期代码（如长宁低保 unstable_income_with_labour_capacity 每半年、stable_economic_situation 每年）；省略则首次核查待定。事项只有统一周期或没有定期核查时不填 */
  reverificationPeriod?: string | null | undefined;
  /** 救助起始日（YYYY-MM-DD） */
  startsOn?: string | null | undefined;
};

/** 案件办理动作（caseAcknowledge、caseSupplementRequest、caseSupplementProvide、caseDecide）可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type CaseErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 状态不允许（ILLEGAL_TRANSITION）：当前状态下不允许此办理动作 */
  | 'ILLEGAL_TRANSITION'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 案件筛选：各条件同时满足 */
export type CaseFilterInput = {
  /** 街道或社区代码（含其下社区） */
  area?: string | null | undefined;
  /** 部门职能代码；省略为调用者可见的全部部门 */
  department?: string | null | undefined;
  /** true：只看超期；false：只看未超期 */
  overdue?: boolean | null | undefined;
  /** 案件状态；空列表为全部状态 */
  status?: Array<CaseState>;
  /** 租户（行政区划代码），含其下级 */
  tenant: string;
};

/** 事项案件状态：一个事项在其主管部门的办理进度 */
export type CaseState =
  /** 办理中（ACKNOWLEDGED）：部门已接件 */
  | 'ACKNOWLEDGED'
  /** 已准予（APPROVED）：部门决定给予救助（或免申即享自动给予） */
  | 'APPROVED'
  /** 已终止（CLOSED）：未经本部门决定而终止，如前置事项不予准予 */
  | 'CLOSED'
  /** 不予准予（DENIED）：部门决定不予救助，告知理由与依据 */
  | 'DENIED'
  /** 待接件（READY）：可由部门接件办理，开始计时 */
  | 'READY'
  /** 待补正（SUPPLEMENT_REQUESTED）：已一次性告知所需材料及期限 */
  | 'SUPPLEMENT_REQUESTED'
  /** 等待前置事项（WAITING）：串联办理，待前置事项作出决定 */
  | 'WAITING'
  /** 已撤回（WITHDRAWN）：随申请撤回 */
  | 'WITHDRAWN';

/** 为本级事项新建草稿版本：复制最新版本 */
export type CatalogueDraftNewVersionInput = {
  /** 本级事项代码 */
  code: string;
  /** 租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin */
  tenant: string;
};

/** 发布草稿：先运行目录检查，不通过时每个问题一条 LINT_FAILED 错误 */
export type CatalogueDraftPublishInput = {
  /** 生效日期早于今天时必填：补登理由（记入审计，且须有补登权限） */
  backdateReason?: string | null | undefined;
  /** 本级事项代码 */
  code: string;
  /** 生效日期（YYYY-MM-DD，中国时间）；早于今天须有补登权限与 backdateReason */
  effectiveFrom: string;
  /** 读到的 lockVersion；他人已修改时返回 CONFLICT */
  lockVersion: number;
  /** 租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin */
  tenant: string;
  /** 草稿的版本号 */
  version: number;
};

/** 以合并补丁编辑草稿 */
export type CatalogueDraftUpdateInput = {
  /** 本级事项代码 */
  code: string;
  /** 读到的 lockVersion；他人已修改时返回 CONFLICT */
  lockVersion: number;
  /** RFC 7386 合并补丁 */
  patch: unknown;
  /** 租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin */
  tenant: string;
  /** 草稿的版本号 */
  version: number;
};

/** 覆盖变更（catalogueOverrideSet、catalogueOverrideClear）可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type CatalogueOverrideErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 目录检查未通过（LINT_FAILED）：每个问题一条错误 */
  | 'LINT_FAILED'
  /** 锁定要素（LOCKED_ELEMENT）：覆盖涉及上级锁定的要素（名称、编码、法律依据等） */
  | 'LOCKED_ELEMENT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 覆盖继承事项的非锁定要素（code、name、legal_basis、parent 锁定，覆盖时返回 LOCKED_ELEMENT） */
export type CatalogueOverrideSetInput = {
  /** 生效日期早于今天时必填：补登理由（记入审计，且须有补登权限） */
  backdateReason?: string | null | undefined;
  /** 继承事项的代码 */
  code: string;
  /** 生效日期（YYYY-MM-DD，中国时间）；早于今天须有补登权限与 backdateReason */
  effectiveFrom: string;
  /** RFC 7386 合并补丁，作用于事项文档；null 值删除该键 */
  patch: unknown;
  /** 覆盖理由（记入审计） */
  reason: string;
  /** 租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin */
  tenant: string;
};

/** 部门的决定：准予或不准予 */
export type DecisionOutcome =
  /** 准予（APPROVED）：给予救助，写明金额、期限与起始日 */
  | 'APPROVED'
  /** 不予准予（DENIED）：须写明理由与依据 */
  | 'DENIED';

/** 两个事项版本之间一个要素的变化 */
export type ElementChangeKind =
  /** 新增（ADDED）：新版本才有 */
  | 'ADDED'
  /** 修改（CHANGED）：两版本取值不同 */
  | 'CHANGED'
  /** 删除（REMOVED）：旧版本才有 */
  | 'REMOVED';

/** 法定节假日中的一天 */
export type HolidayInput = {
  /** 日期（YYYY-MM-DD），须在所发布的年份内 */
  date: string;
  /** 节日名称（不能为空），如 春节 */
  name: string;
};

/** 办理方式：依申请、免申即享、非依申请 */
export type ItemMode =
  /** 免申即享（AUTO_GRANTED）：无需申请，前置认定准予为所服务的对象类别时自动给予 */
  | 'AUTO_GRANTED'
  /** 依申请（ON_APPLICATION）：由申请人（或代办人）提出申请后办理 */
  | 'ON_APPLICATION'
  /** 非依申请（ORGANISED）：由部门或组织主动组织实施，不经个人申请 */
  | 'ORGANISED';

/** 事项版本的状态 */
export type ItemStatus =
  /** 草稿（DRAFT）：编辑中，尚未生效 */
  | 'DRAFT'
  /** 已发布（PUBLISHED）：自生效日起对本租户及下级有效 */
  | 'PUBLISHED'
  /** 已停用（RETIRED）：不再生效，保留以便追溯 */
  | 'RETIRED';

/** 事项版本变更（catalogueDraft…、catalogueVersionRetire）可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type ItemVersionErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 状态不允许（ILLEGAL_TRANSITION）：当前状态下不允许此办理动作 */
  | 'ILLEGAL_TRANSITION'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 目录检查未通过（LINT_FAILED）：每个问题一条错误 */
  | 'LINT_FAILED'
  /** 锁定要素（LOCKED_ELEMENT）：覆盖涉及上级锁定的要素（名称、编码、法律依据等） */
  | 'LOCKED_ELEMENT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 答案检查得出的一份材料对一个人的状态（提交后另有 UPLOADED，见 MaterialStatus） */
export type MaterialCheckStatus =
  /** 容缺受理（DEFERRED）：先受理，在补正期限内补交 */
  | 'DEFERRED'
  /** 免交（EXEMPT）：已经共享数据或电子证照确认 */
  | 'EXEMPT'
  /** 不适用（NOT_APPLICABLE）：适用条件不成立或无此人 */
  | 'NOT_APPLICABLE'
  /** 可选上传（OPTIONAL）：适用，但所选事项都不要求必交 */
  | 'OPTIONAL'
  /** 个人承诺（PERSONAL_COMMITMENT）：以书面承诺代替材料 */
  | 'PERSONAL_COMMITMENT'
  /** 须上传（UPLOAD_REQUIRED）：必交，尚未免交 */
  | 'UPLOAD_REQUIRED';

/** 一份材料免交或缓交的方式：申请人的选择、事项允许的方式、确认免交的途径 */
export type MaterialElection =
  /** 容缺后补（DEFERRED）：先行受理，材料在补正期限内补交 */
  | 'DEFERRED'
  /** 电子证照（ELECTRONIC_LICENCE）：调用电子证照，免交 */
  | 'ELECTRONIC_LICENCE'
  /** 个人承诺（PERSONAL_COMMITMENT）：以书面承诺代替材料 */
  | 'PERSONAL_COMMITMENT'
  /** 共享数据（SHARED_DATA）：由部门共享的数据核实，免交 */
  | 'SHARED_DATA';

/** 为表单中的一份材料提供的上传引用，或事项允许时的缓交、承诺 */
export type MaterialInputType = {
  /** 不上传时选择的免交或缓交方式；须为事项或材料类型允许的 */
  election?: MaterialElection | null | undefined;
  /** 表单材料标识（applicationForm.materials.id） */
  material: string;
  /** 已上传文件的引用 */
  reference?: string | null | undefined;
  /** 对象路径（applicant、household.members[1]）；空：每个对象 */
  subject?: string | null | undefined;
};

/** 材料是否必交 */
export type MaterialNecessity =
  /** 选交（OPTIONAL）：可以提交 */
  | 'OPTIONAL'
  /** 必交（REQUIRED）：满足 requiredWhen 时必须提交 */
  | 'REQUIRED';

/** 材料须交原件还是复印件 */
export type MaterialOriginal =
  /** 复印件（COPY） */
  | 'COPY'
  /** 原件（ORIGINAL） */
  | 'ORIGINAL'
  /** 原件或复印件（ORIGINAL_OR_COPY） */
  | 'ORIGINAL_OR_COPY'
  /** 签字件或电子件（SIGNED_OR_ELECTRONIC） */
  | 'SIGNED_OR_ELECTRONIC';

/** 材料对象：一份材料为谁提交 */
export type MaterialSubject =
  /** 申请人（APPLICANT）：申请人本人一份 */
  | 'APPLICANT'
  /** 家庭（HOUSEHOLD）：整个家庭一份 */
  | 'HOUSEHOLD'
  /** 家庭成员（HOUSEHOLD_MEMBER）：符合 subjectWhen 的每位家庭成员各一份 */
  | 'HOUSEHOLD_MEMBER'
  /** 义务人（SUPPORTER）：每位赡养、抚养、扶养义务人各一份 */
  | 'SUPPORTER';

/** 准备上传一份材料文件：声明文件名、类型、大小与摘要 */
export type MaterialUploadCreateInput = {
  /** 文件大小（字节），不超过设定的上限 */
  byteSize: number;
  /** 文件类型：application/pdf、image/png 或 image/jpeg；须与文件内容相符 */
  contentType: string;
  /** 文件名（1 到 255 个字符，不含路径） */
  fileName: string;
  /** 文件的 SHA-256 摘要（64 位十六进制） */
  sha256: string;
  /** 申请所在租户（行政区划代码） */
  tenant: string;
};

/** 材料上传（materialUploadCreate、materialUploadComplete）可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type MaterialUploadErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 上传的状态 */
export type MaterialUploadState =
  /** 已完成（COMPLETE）：已读回存储的文件并核验大小、摘要、类型与病毒扫描 */
  | 'COMPLETE'
  /** 待上传（PENDING）：已签发上传地址，文件尚未核验 */
  | 'PENDING';

/** 取值来源：本级、继承、本级或上级覆盖 */
export type Origin =
  /** 继承（INHERITED）：按上级（所有者）的定义，未经改动 */
  | 'INHERITED'
  /** 本级（LOCAL）：由查看的租户自己定义 */
  | 'LOCAL'
  /** 覆盖（OVERRIDDEN）：经本级或途经的上级租户以合并补丁改动 */
  | 'OVERRIDDEN';

/** 参数取值的来历 */
export type ParameterValueOrigin =
  /** 目录给出（CATALOGUE）：种子文件写明的取值，出处见 source */
  | 'CATALOGUE'
  /** 无取值（NONE）：种子文件未给出，本租户及上级租户均未设定 */
  | 'NONE'
  /** 租户设定（SET）：租户管理员以 tenantParameterSet 设定，出处见 valueSource */
  | 'SET';

/** 办理流程中一步的办理者 */
export type ProcessActor =
  /** 社区救助顾问（ADVISER） */
  | 'ADVISER'
  /** 申请人（APPLICANT） */
  | 'APPLICANT'
  /** 审批人员（APPROVER）：作出决定的人员 */
  | 'APPROVER'
  /** 经办人员（CASEWORKER）：部门的审核人员 */
  | 'CASEWORKER'
  /** 联席会议（JOINT_MEETING）：多部门会商 */
  | 'JOINT_MEETING'
  /** 组织（ORGANISATION）：学校、基层工会、社区妇联等 */
  | 'ORGANISATION'
  /** 系统（SYSTEM）：自动办理 */
  | 'SYSTEM'
  /** 窗口受理人员（WINDOW_CLERK） */
  | 'WINDOW_CLERK';

/** 改革成效的度量 */
export type ReformEffectMeasure =
  /** 填报字段（FIELDS）：各事项要求填写的数据元；合并表单中同一数据元只填一次 */
  | 'FIELDS'
  /** 证明材料（MATERIALS）：各事项分别要求的材料份数与合并申请实际须提交的份数 */
  | 'MATERIALS'
  /** 环节（STEPS）：事项办理流程的步骤；一门受理的步骤合并后只计一次 */
  | 'STEPS'
  /** 办理时间（TIME）：逐项串联办理所需工作日与合并申请实际所用工作日 */
  | 'TIME'
  /** 跑动次数（TRIPS）：逐项到窗口及到出具部门开具证明的次数与合并申请须到窗口的次数 */
  | 'TRIPS';

/** 改革目标的百分比怎样算达到 */
export type ReformTargetComparison =
  /** 左右（ABOUT）：文件未给出容差，减少比例不低于目标才算达到 */
  | 'ABOUT'
  /** 以上（AT_LEAST）：减少比例不低于目标 */
  | 'AT_LEAST';

/** 角色：决定可执行的操作（权限表 access/policy.csv）与可见的数据范围 */
export type Role =
  /** 社区救助顾问（ADVISER）：代困难群众申请，见本社区（街道）的申请 */
  | 'ADVISER'
  /** 分析人员（ANALYST）：只读申请与案件，供统计分析 */
  | 'ANALYST'
  /** 申请人（APPLICANT）：为本人（家庭）申请，只见自己的申请 */
  | 'APPLICANT'
  /** 审批人（APPROVER）：作出本部门案件的准予或不准予决定 */
  | 'APPROVER'
  /** 审计员（AUDITOR）：查询审计事件、校验哈希链 */
  | 'AUDITOR'
  /** 经办人（CASEWORKER）：本部门案件的接件、补正与办理 */
  | 'CASEWORKER'
  /** 部门负责人（DEPARTMENT_HEAD）：只查本部门（令牌所列部门）的统计数，不见个案 */
  | 'DEPARTMENT_HEAD'
  /** 系统对接（INTEGRATION）：部门系统、大数据中心、12345 热线推送共享数据或代为提交 */
  | 'INTEGRATION'
  /** 联席会议办公室（JOINT_MEETING）：为提交联席会议的申请指定承办与牵头部门 */
  | 'JOINT_MEETING'
  /** 租户管理员（TENANT_ADMIN）：管理本级事项目录与角色授予；不得兼任经办、审批、审计 */
  | 'TENANT_ADMIN'
  /** 受理窗口人员（WINDOW_CLERK）：一门受理，受理、不予受理或提交联席会议 */
  | 'WINDOW_CLERK';

/** roleGrant可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type RoleGrantErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 无权操作（FORBIDDEN）：无权执行此操作（含职责分离的限制） */
  | 'FORBIDDEN'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 授予角色：调用者须在该租户（或其上级）持有 tenant_admin，且不得授予自己 */
export type RoleGrantInput = {
  /** 授予的角色；与职责分离规则（access/duties.csv）冲突时返回 FORBIDDEN */
  role: Role;
  /** 授权所在租户的行政区划代码 */
  tenant: string;
  /** 被授予者的用户标识（其令牌的 sub） */
  userId: string;
};

/** roleRevoke可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type RoleRevokeErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 撤销一项角色授予（令牌声明的角色不能经此撤销） */
export type RoleRevokeInput = {
  /** 撤销的角色 */
  role: Role;
  /** 授予所在租户的行政区划代码 */
  tenant: string;
  /** 被授予者的用户标识 */
  userId: string;
};

/** 初筛结论（按申请人自己填写的情况，不是审核认定） */
export type ScreeningOutcome =
  /** 可能符合（LIKELY）：按所填情况满足该事项可机读的全部条件 */
  | 'LIKELY'
  /** 需补充信息（NEEDS_INFORMATION）：还缺 missingAnswers 所列的回答 */
  | 'NEEDS_INFORMATION'
  /** 无法初筛（NOT_SCREENABLE）：原因见 notScreenableReason */
  | 'NOT_SCREENABLE'
  /** 可能不符合（UNLIKELY）：按所填情况有条件不满足，见 failedConditions */
  | 'UNLIKELY';

/** 统计的分组维度 */
export type StatisticsDimension =
  /** 区域（AREA）：申请登记的街道（区域路径的第一段）；未登记的为空字符串 */
  | 'AREA'
  /** 渠道（CHANNEL）：提交渠道（窗口、线上等） */
  | 'CHANNEL'
  /** 日（DAY）：按提交日（北京时间） */
  | 'DAY'
  /** 部门（DEPARTMENT）：承办案件的职能部门代码 */
  | 'DEPARTMENT'
  /** 事项（ITEM）：救助事项代码 */
  | 'ITEM'
  /** 月（MONTH）：按提交日所在的月 */
  | 'MONTH'
  /** 结果（OUTCOME）：案件的办理结果 */
  | 'OUTCOME'
  /** 对象类别（TARGET_GROUP）：准予时认定的第一个救助对象类别；未认定的为空字符串 */
  | 'TARGET_GROUP'
  /** 租户（TENANT）：申请所在的租户（本级或下级行政区划） */
  | 'TENANT'
  /** 周（WEEK）：按提交日所在的周（周一起） */
  | 'WEEK';

/** 统计指标（标明哪些数因小于小单元阈值而不显示） */
export type StatisticsMeasure =
  /** 受理数（ACCEPTED）：一门受理或联席会议指定承办的申请 */
  | 'ACCEPTED'
  /** 月给予金额合计（AMOUNT_GRANTED） */
  | 'AMOUNT_GRANTED'
  /** 申请数（APPLICATIONS） */
  | 'APPLICATIONS'
  /** 准予数（APPROVED） */
  | 'APPROVED'
  /** 案件数（CASES）：申请中每个事项一件 */
  | 'CASES'
  /** 终止数（CLOSED） */
  | 'CLOSED'
  /** 部门决定数（DECISIONS）：准予与不予准予（不含自动给予） */
  | 'DECISIONS'
  /** 不予准予数（DENIED） */
  | 'DENIED'
  /** 提交联席会议数（ESCALATED） */
  | 'ESCALATED'
  /** 决定用时中位数（MEDIAN_WORKING_DAYS）：自提交次日起的工作日 */
  | 'MEDIAN_WORKING_DAYS'
  /** 超期数（OVERDUE）：超过办结期限仍未办结或超期办结的案件 */
  | 'OVERDUE'
  /** 决定用时第 90 百分位（P90_WORKING_DAYS） */
  | 'P90_WORKING_DAYS'
  /** 办理中数（PENDING） */
  | 'PENDING'
  /** 不予受理数（REJECTED_AT_DOOR）：一门受理不予受理的申请（不含联席会议驳回） */
  | 'REJECTED_AT_DOOR'
  /** 要求补正数（SUPPLEMENTS_REQUESTED） */
  | 'SUPPLEMENTS_REQUESTED';

/** 设定租户参数（tenantParameterSet）可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type TenantParameterSetErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 设定租户参数的取值（自某日起施行；此前的取值保留为历史） */
export type TenantParameterSetInput = {
  /** 自哪天起施行（YYYY-MM-DD，不早于今天）；此前各日仍读原取值 */
  effectiveFrom: string;
  /** 参数键，须为该租户目录（本级或上级的目录、事项）声明的参数，如 dibao_standard */
  key: string;
  /** 设定理由（不能为空），记入审计 */
  reason: string;
  /** 取值的出处：文件名称、文号及条款（不能为空），如“关于调整本市最低生活保障标准的通知 第一条” */
  source: string;
  /** 租户（行政区划代码）；下级租户未设定的，沿用该值 */
  tenant: string;
  /** 取值，类型由参数单位决定：元、元/月、元/人·月等为不小于 0、至多两位小数的数；月、周岁、人为整数；比例为 0 到 1 的数；%/月 为逐月百分比，以英文逗号分隔的文字（如 "100,80,60"）；无单位为文字。类型不符为 INVALID_INPUT（path: value） */
  value: unknown;
};

/** 时间线记录的事件类型（申请本身的以 APPLICATION_ 开头，案件的以 CASE_ 开头） */
export type TimelineKind =
  /** 已受理（APPLICATION_ACCEPTED）：一门受理，分送各部门 */
  | 'APPLICATION_ACCEPTED'
  /** 联席会议已指定（APPLICATION_ASSIGNED）：指定承办与牵头部门 */
  | 'APPLICATION_ASSIGNED'
  /** 已办结（APPLICATION_COMPLETED）：各事项均已办结 */
  | 'APPLICATION_COMPLETED'
  /** 提交联席会议（APPLICATION_ESCALATED）：等待指定承办部门 */
  | 'APPLICATION_ESCALATED'
  /** 不予受理（APPLICATION_REJECTED）：一门受理告知理由 */
  | 'APPLICATION_REJECTED'
  /** 已提交（APPLICATION_SUBMITTED）：申请提交，details 为其渠道与事项 */
  | 'APPLICATION_SUBMITTED'
  /** 已撤回（APPLICATION_WITHDRAWN）：申请人撤回申请 */
  | 'APPLICATION_WITHDRAWN'
  /** 已接件（CASE_ACKNOWLEDGED）：部门已受理 */
  | 'CASE_ACKNOWLEDGED'
  /** 已准予（CASE_APPROVED）：部门决定给予救助 */
  | 'CASE_APPROVED'
  /** 已终止（CASE_CLOSED）：未经本部门决定而终止，如前置事项不准予 */
  | 'CASE_CLOSED'
  /** 时限提醒（CASE_DEADLINE_REMINDER）：距办理时限不足设定的工作日数，提醒承办部门 */
  | 'CASE_DEADLINE_REMINDER'
  /** 收到前置决定（CASE_DECISION_RECEIVED）：前置事项的决定已转来 */
  | 'CASE_DECISION_RECEIVED'
  /** 不予准予（CASE_DENIED）：部门决定不予救助 */
  | 'CASE_DENIED'
  /** 免申即享（CASE_GRANTED_AUTOMATICALLY）：按前置认定自动给予 */
  | 'CASE_GRANTED_AUTOMATICALLY'
  /** 开始办理（CASE_OPENED）：案件开立，可接件 */
  | 'CASE_OPENED'
  /** 已超期（CASE_OVERDUE）：超过办理时限仍未办结，已向申请人致歉 */
  | 'CASE_OVERDUE'
  /** 可开始办理（CASE_RELEASED）：前置事项办结，开始计时 */
  | 'CASE_RELEASED'
  /** 补正逾期（CASE_SUPPLEMENT_LAPSED）：补正期限已过仍未补交材料 */
  | 'CASE_SUPPLEMENT_LAPSED'
  /** 要求补正（CASE_SUPPLEMENT_REQUESTED）：一次性告知所需材料及期限 */
  | 'CASE_SUPPLEMENT_REQUESTED'
  /** 已补正（CASE_SUPPLIED）：申请人提交了补正材料 */
  | 'CASE_SUPPLIED'
  /** 等待前置事项（CASE_WAITING）：案件开立，等待前置事项的决定 */
  | 'CASE_WAITING'
  /** 已撤回（CASE_WITHDRAWN）：随申请撤回 */
  | 'CASE_WITHDRAWN'
  /** 主动报告（HOUSEHOLD_CHANGE_REPORTED）：家庭报告了人口、收入、就业等变化 */
  | 'HOUSEHOLD_CHANGE_REPORTED'
  /** 核查完成（REVIEW_COMPLETED）：定期核查结果为继续、调整或停止救助 */
  | 'REVIEW_COMPLETED'
  /** 待核查（REVIEW_DUE）：定期核查到期，或因主动报告提前核查 */
  | 'REVIEW_DUE'
  /** 已排定核查（REVIEW_SCHEDULED）：已准予的救助排定了下次定期核查日期 */
  | 'REVIEW_SCHEDULED';

/** workingCalendarPublish可能返回的错误代码（ErrorCode 的子集，取值与之相同） */
export type WorkingCalendarPublishErrorCode =
  /** 冲突（CONFLICT）：对象已被他人修改（lockVersion 不符）或已存在 */
  | 'CONFLICT'
  /** 输入有误（INVALID_INPUT）：输入不合要求；path 指明位置 */
  | 'INVALID_INPUT'
  /** 未找到（NOT_FOUND）：所指对象不存在或不在可见范围内 */
  | 'NOT_FOUND';

/** 发布省级租户某一年的工作日历（国务院办公厅放假安排） */
export type WorkingCalendarPublishInput = {
  /** 调休上班日：须为周六或周日，不能同时是节假日 */
  adjustedWorkdays: Array<string>;
  /** 放假的每一天（含放假期间的周末），日期不重复 */
  holidays: Array<HolidayInput>;
  /** 省级（根）租户代码；区县管理员无权发布（FORBIDDEN） */
  tenant: string;
  /** 年份；已有该年日历时整体替换 */
  year: number;
};

export type AdminCalendarQueryVariables = Exact<{
  tenant: string;
  year: number;
}>;


export type AdminCalendarQuery = { workingCalendar: { year: number, published: boolean, source: string | null, publishedAt: string | null, adjustedWorkdays: Array<string>, tenant: { name: string }, holidays: Array<{ date: string, name: string }> } };

export type AdminCalendarPublishMutationVariables = Exact<{
  input: WorkingCalendarPublishInput;
}>;


export type AdminCalendarPublishMutation = { workingCalendarPublish: { recountedCases: number | null, recountedSupplements: number | null, workingCalendar: { year: number, adjustedWorkdays: Array<string>, holidays: Array<{ date: string }> } | null, errors: Array<{ code: WorkingCalendarPublishErrorCode, message: string, path: Array<string> }> } };

export type AdminCatalogueQueryVariables = Exact<{
  tenant: string;
}>;


export type AdminCatalogueQuery = { tenant: { code: string, name: string, parentCode: string | null }, catalogue: { disabledItems: Array<string>, items: Array<{ code: string, name: string, version: number, department: { name: string } | null, provenance: { owner: string, origin: Origin, overriddenBy: Array<string>, elements: Array<{ element: string, origin: Origin, tenant: string }> } }> }, catalogueDiff: { additions: Array<string>, disabled: Array<string>, overrides: Array<{ code: string, elements: Array<string> }> } };

export type OwnItemsQueryVariables = Exact<{
  tenant: string;
}>;


export type OwnItemsQuery = { catalogue: { items: Array<{ code: string, name: string, provenance: { owner: string } }> } };

export type ItemVersionsQueryVariables = Exact<{
  tenant: string;
  code: string;
}>;


export type ItemVersionsQuery = { itemVersionsConnection: { edges: Array<{ node: { version: number, status: ItemStatus, effectiveFrom: string, lockVersion: number, updatedAt: string | null } }> } };

export type DraftNewVersionMutationVariables = Exact<{
  input: CatalogueDraftNewVersionInput;
}>;


export type DraftNewVersionMutation = { catalogueDraftNewVersion: { itemVersion: { version: number } | null, errors: Array<{ code: ItemVersionErrorCode, message: string, path: Array<string> }> } };

export type DraftUpdateMutationVariables = Exact<{
  input: CatalogueDraftUpdateInput;
}>;


export type DraftUpdateMutation = { catalogueDraftUpdate: { itemVersion: { version: number, lockVersion: number } | null, errors: Array<{ code: ItemVersionErrorCode, message: string, path: Array<string> }> } };

export type ItemDiffQueryVariables = Exact<{
  tenant: string;
  code: string;
  from: number;
  to: number;
}>;


export type ItemDiffQuery = { itemDiff: Array<{ element: string, change: ElementChangeKind, before: unknown, after: unknown }> };

export type DraftPublishPreviewQueryVariables = Exact<{
  tenant: string;
  code: string;
  version: number;
  effectiveFrom: string;
}>;


export type DraftPublishPreviewQuery = { catalogueDraftPublishPreview: Array<{ items: Array<string>, applications: number, changed: boolean, fieldsAdded: Array<string>, fieldsRemoved: Array<string>, fieldsChanged: Array<string>, materialsAdded: Array<string>, materialsRemoved: Array<string>, materialsChanged: Array<string>, problem: string | null, tenant: { name: string } }> };

export type DraftPublishMutationVariables = Exact<{
  input: CatalogueDraftPublishInput;
}>;


export type DraftPublishMutation = { catalogueDraftPublish: { itemVersion: { version: number, status: ItemStatus, effectiveFrom: string } | null, errors: Array<{ code: ItemVersionErrorCode, message: string, path: Array<string> }> } };

export type RoleAssignmentsQueryVariables = Exact<{
  tenant: string;
}>;


export type RoleAssignmentsQuery = { roleAssignments: { totalCount: number, edges: Array<{ node: { id: string, userId: string, role: Role, grantedBy: string, grantedAt: string, tenant: { name: string } } }> } };

export type RoleGrantMutationVariables = Exact<{
  input: RoleGrantInput;
}>;


export type RoleGrantMutation = { roleGrant: { assignment: { id: string } | null, errors: Array<{ code: RoleGrantErrorCode, message: string, path: Array<string> }> } };

export type RoleRevokeMutationVariables = Exact<{
  input: RoleRevokeInput;
}>;


export type RoleRevokeMutation = { roleRevoke: { errors: Array<{ code: RoleRevokeErrorCode, message: string, path: Array<string> }> } };

export type AdminItemQueryVariables = Exact<{
  tenant: string;
  code: string;
}>;


export type AdminItemQuery = { item: { code: string, name: string, version: number, effectiveFrom: string, targetDescription: string | null, acceptanceConditions: string | null, department: { code: string, name: string } | null, targetGroups: Array<{ code: string, name: string }>, processSteps: Array<{ name: string, actor: ProcessActor, level: AdministrativeTier, description: string | null, timeLimitWorkingDays: number | null }>, benefit: { content: string, formulaText: string | null, period: BenefitPeriod | null } | null, materials: Array<{ necessity: MaterialNecessity, original: MaterialOriginal, purpose: string, evidence: { code: string, name: string } }>, legalBasis: Array<{ title: string, number: string | null, article: string | null }>, timeLimit: { statutoryWorkingDays: number | null, promisedWorkingDays: number | null }, provenance: { owner: string, origin: Origin, overriddenBy: Array<string>, lockedElements: Array<string>, elements: Array<{ element: string, origin: Origin, tenant: string }> } } };

export type CatalogueOverridePreviewQueryVariables = Exact<{
  tenant: string;
  code: string;
  patch: unknown;
  effectiveFrom: string;
}>;


export type CatalogueOverridePreviewQuery = { catalogueOverridePreview: Array<{ items: Array<string>, applications: number, changed: boolean, fieldsAdded: Array<string>, fieldsRemoved: Array<string>, fieldsChanged: Array<string>, materialsAdded: Array<string>, materialsRemoved: Array<string>, materialsChanged: Array<string>, problem: string | null, tenant: { code: string, name: string } }> };

export type CatalogueOverrideSetMutationVariables = Exact<{
  input: CatalogueOverrideSetInput;
}>;


export type CatalogueOverrideSetMutation = { catalogueOverrideSet: { override: { version: number, effectiveFrom: string, patch: unknown } | null, errors: Array<{ code: CatalogueOverrideErrorCode, message: string, path: Array<string> }> } };

export type AdminParametersQueryVariables = Exact<{
  tenant: string;
}>;


export type AdminParametersQuery = { parameters: Array<{ key: string, label: string, unit: string | null, value: unknown, valueOrigin: ParameterValueOrigin, valueEffectiveFrom: string | null, valueSource: string | null, valueTenant: { code: string, name: string } | null, source: { seed: string | null, section: string } }> };

export type TenantParameterSetMutationVariables = Exact<{
  input: TenantParameterSetInput;
}>;


export type TenantParameterSetMutation = { tenantParameterSet: { parameter: { key: string, value: unknown } | null, errors: Array<{ code: TenantParameterSetErrorCode, message: string, path: Array<string> }> } };

export type TenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantsQuery = { tenants: Array<{ code: string, name: string, level: AdminLevel, parentCode: string | null }> };

export type DashboardTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardTenantsQuery = { tenants: Array<{ code: string, name: string, parentCode: string | null }> };

export type DashboardsQueryVariables = Exact<{
  tenant: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type DashboardsQuery = { reformEffect: { applications: number, timedApplications: number, checks: Array<{ measure: ReformEffectMeasure, itemByItem: number, merged: number, saved: number, reductionPercent: number | null, met: boolean | null, arithmetic: string, target: { statement: string, reductionPercent: number | null, comparison: ReformTargetComparison | null } | null }> }, completionSummary: { minCell: number, departments: Array<{ department: string, departmentName: string, received: number | null, decided: number | null, approved: number | null, denied: number | null, closed: number | null, withdrawn: number | null, pending: number | null, overdue: number | null, withinLimit: number | null, late: number | null }>, total: { received: number | null, decided: number | null, approved: number | null, denied: number | null, closed: number | null, pending: number | null, overdue: number | null, withinLimit: number | null, late: number | null } } };

export type StatisticsPanelsQueryVariables = Exact<{
  tenant: string;
  from: string;
  to: string;
  period: StatisticsDimension;
}>;


export type StatisticsPanelsQuery = { byPeriod: { asOf: string, minCell: number, rows: Array<{ period: string | null, applications: number | null, cases: number | null, approved: number | null, denied: number | null, pending: number | null, overdue: number | null, suppressed: Array<StatisticsMeasure> }> }, byDepartment: { rows: Array<{ department: string | null, applications: number | null, cases: number | null, approved: number | null, denied: number | null, pending: number | null, overdue: number | null, suppressed: Array<StatisticsMeasure> }> }, byItem: { rows: Array<{ item: string | null, applications: number | null, cases: number | null, approved: number | null, denied: number | null, pending: number | null, overdue: number | null, suppressed: Array<StatisticsMeasure> }> }, catalogue: { items: Array<{ code: string, name: string, children: Array<{ code: string, name: string }> }> }, overdueCases: { totalCount: number, edges: Array<{ node: { id: string, itemName: string, state: CaseState, dueAt: string | null, overdueMarkedAt: string | null, department: { code: string, name: string } } }> } };

export type ApplicationHistoryQueryVariables = Exact<{
  id: string;
}>;


export type ApplicationHistoryQuery = { applicationHistory: { applicationId: string, departments: Array<string>, tenant: { name: string }, eventsConnection: { totalCount: number, edges: Array<{ node: { sequence: number, occurredAt: string, actor: string, roles: Array<Role>, department: string | null, action: string, reason: string | null, changes: Array<{ field: string, before: unknown, after: unknown }> } }> } } };

export type PersonHistoryQueryVariables = Exact<{
  idNumber: string;
}>;


export type PersonHistoryQuery = { personHistory: { applicationsConnection: { totalCount: number, edges: Array<{ node: { applicationId: string, firstAt: string, lastAt: string, eventCount: number, departments: Array<string>, actions: Array<string>, tenant: { name: string } } }> }, events: { totalCount: number, totalCountIsCapped: boolean, edges: Array<{ node: { sequence: number, occurredAt: string, actor: string, department: string | null, action: string, subjectType: string, subjectId: string, applicationId: string | null, tenant: { name: string } } }> } } };

export type AuditVerifyQueryVariables = Exact<{
  tenant: string;
}>;


export type AuditVerifyQuery = { auditVerify: { ok: boolean, checked: number, firstSequence: number | null, lastSequence: number | null, tenant: { name: string }, brokenLink: { sequence: number, eventId: string | null, problem: AuditChainProblem, message: string, tenant: { name: string } } | null, checkpoints: { configured: boolean, compared: number, coveredThrough: number | null, signedAt: string | null, message: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { userId: string, roles: Array<Role>, departments: Array<string>, area: string | null, tenant: { code: string, name: string, level: AdminLevel } } };

export type FlowCatalogueQueryVariables = Exact<{
  tenant: string;
}>;


export type FlowCatalogueQuery = { catalogue: { items: Array<{ code: string, name: string, mode: ItemMode, targetDescription: string | null, department: { code: string, name: string } | null }> }, tenant: { code: string, name: string, areas: Array<{ code: string, name: string }> } };

export type FlowScreeningQueryVariables = Exact<{
  tenant: string;
  answers: unknown;
}>;


export type FlowScreeningQuery = { eligibilityScreen: Array<{ item: string, itemName: string, outcome: ScreeningOutcome, explanation: string }>, screeningQuestions: Array<{ key: string, label: string, type: string, decides: Array<string>, codeValues: Array<{ code: string, label: string }> }> };

export type FlowFormQueryVariables = Exact<{
  tenant: string;
  items: Array<string> | string;
}>;


export type FlowFormQuery = { applicationForm: { hash: string, jsonSchema: unknown, items: Array<{ code: string, name: string }>, notes: Array<{ message: string }>, materials: Array<{ id: string, name: string, subject: MaterialSubject, required: boolean }> } };

export type FlowFormCheckQueryVariables = Exact<{
  hash: string;
  answers: unknown;
}>;


export type FlowFormCheckQuery = { applicationFormCheck: { ok: boolean, answerErrors: Array<{ path: Array<string>, message: string, detailCode: string | null }>, materials: Array<{ material: string, code: string, subject: MaterialSubject, subjectPath: string | null, status: MaterialCheckStatus, reason: string }> } };

export type FlowUploadCreateMutationVariables = Exact<{
  input: MaterialUploadCreateInput;
}>;


export type FlowUploadCreateMutation = { materialUploadCreate: { errors: Array<{ code: MaterialUploadErrorCode, message: string, path: Array<string> }>, upload: { id: string, url: string | null, headers: unknown } | null } };

export type FlowUploadCompleteMutationVariables = Exact<{
  id: string;
}>;


export type FlowUploadCompleteMutation = { materialUploadComplete: { errors: Array<{ code: MaterialUploadErrorCode, message: string, path: Array<string> }>, upload: { id: string, state: MaterialUploadState, fileName: string, byteSize: number } | null } };

export type FlowSubmitMutationVariables = Exact<{
  input: ApplicationSubmitInput;
}>;


export type FlowSubmitMutation = { applicationSubmit: { errors: Array<{ code: ApplicationSubmitErrorCode, message: string, path: Array<string>, detailCode: string | null }>, application: { id: string, state: ApplicationState } | null } };

export type FlowApplicationFragment = { id: string, databaseId: string, state: ApplicationState, lockVersion: number, applicantName: string, items: Array<string>, submittedAt: string, cases: Array<{ id: string, itemCode: string, itemName: string, state: CaseState, lockVersion: number, department: { code: string, name: string }, decision: { outcome: DecisionOutcome, amount: string | null, reasons: Array<string> } | null }>, timeline: Array<{ at: string, kind: TimelineKind, item: string | null, department: string | null, summary: string | null }>, result: { finished: boolean, approved: Array<string>, denied: Array<string>, closed: Array<string>, open: Array<string> } };

export type FlowApplicationQueryVariables = Exact<{
  id: string;
}>;


export type FlowApplicationQuery = { application: { id: string, databaseId: string, state: ApplicationState, lockVersion: number, applicantName: string, items: Array<string>, submittedAt: string, cases: Array<{ id: string, itemCode: string, itemName: string, state: CaseState, lockVersion: number, department: { code: string, name: string }, decision: { outcome: DecisionOutcome, amount: string | null, reasons: Array<string> } | null }>, timeline: Array<{ at: string, kind: TimelineKind, item: string | null, department: string | null, summary: string | null }>, result: { finished: boolean, approved: Array<string>, denied: Array<string>, closed: Array<string>, open: Array<string> } } };

export type FlowApplicationUpdatedSubscriptionVariables = Exact<{
  id: string;
}>;


export type FlowApplicationUpdatedSubscription = { applicationUpdated: { id: string, databaseId: string, state: ApplicationState, lockVersion: number, applicantName: string, items: Array<string>, submittedAt: string, cases: Array<{ id: string, itemCode: string, itemName: string, state: CaseState, lockVersion: number, department: { code: string, name: string }, decision: { outcome: DecisionOutcome, amount: string | null, reasons: Array<string> } | null }>, timeline: Array<{ at: string, kind: TimelineKind, item: string | null, department: string | null, summary: string | null }>, result: { finished: boolean, approved: Array<string>, denied: Array<string>, closed: Array<string>, open: Array<string> } } };

export type FlowTriageQueueQueryVariables = Exact<{
  tenant: string;
}>;


export type FlowTriageQueueQuery = { applications: { edges: Array<{ node: { id: string, state: ApplicationState, lockVersion: number, applicantName: string, items: Array<string>, submittedAt: string, areaPath: string | null } }> } };

export type FlowTriageAcceptMutationVariables = Exact<{
  input: ApplicationActInput;
}>;


export type FlowTriageAcceptMutation = { applicationTriageAccept: { errors: Array<{ code: ApplicationErrorCode, message: string }>, application: { id: string, state: ApplicationState } | null } };

export type FlowCaseQueueQueryVariables = Exact<{
  filter: CaseFilterInput;
}>;


export type FlowCaseQueueQuery = { cases: { edges: Array<{ node: { id: string, applicationId: string, itemCode: string, itemName: string, state: CaseState, lockVersion: number, dueAt: string | null, department: { code: string, name: string } } }> } };

export type FlowCaseAcknowledgeMutationVariables = Exact<{
  input: CaseActInput;
}>;


export type FlowCaseAcknowledgeMutation = { caseAcknowledge: { errors: Array<{ code: CaseErrorCode, message: string }>, case: { id: string, state: CaseState, lockVersion: number } | null } };

export type FlowCaseDecideMutationVariables = Exact<{
  input: CaseDecideInput;
}>;


export type FlowCaseDecideMutation = { caseDecide: { errors: Array<{ code: CaseErrorCode, message: string, path: Array<string> }>, case: { id: string, state: CaseState, decision: { outcome: DecisionOutcome, amount: string | null } | null } | null } };

export const FlowApplicationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCode"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}}]}}]} as unknown as DocumentNode<FlowApplicationFragment, unknown>;
export const AdminCalendarDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminCalendar"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workingCalendar"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"holidays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adjustedWorkdays"}}]}}]}}]} as unknown as DocumentNode<AdminCalendarQuery, AdminCalendarQueryVariables>;
export const AdminCalendarPublishDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCalendarPublish"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkingCalendarPublishInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workingCalendarPublish"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workingCalendar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"holidays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adjustedWorkdays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recountedCases"}},{"kind":"Field","name":{"kind":"Name","value":"recountedSupplements"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<AdminCalendarPublishMutation, AdminCalendarPublishMutationVariables>;
export const AdminCatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminCatalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disabledItems"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"overriddenBy"}},{"kind":"Field","name":{"kind":"Name","value":"elements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"catalogueDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"additions"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"overrides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"elements"}}]}}]}}]}}]} as unknown as DocumentNode<AdminCatalogueQuery, AdminCatalogueQueryVariables>;
export const OwnItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OwnItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"owner"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OwnItemsQuery, OwnItemsQueryVariables>;
export const ItemVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"itemVersionsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ItemVersionsQuery, ItemVersionsQueryVariables>;
export const DraftNewVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftNewVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogueDraftNewVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogueDraftNewVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"itemVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<DraftNewVersionMutation, DraftNewVersionMutationVariables>;
export const DraftUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogueDraftUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogueDraftUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"itemVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<DraftUpdateMutation, DraftUpdateMutationVariables>;
export const ItemDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"itemDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"fromVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"toVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]} as unknown as DocumentNode<ItemDiffQuery, ItemDiffQueryVariables>;
export const DraftPublishPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DraftPublishPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"effectiveFrom"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogueDraftPublishPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"effectiveFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"effectiveFrom"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"applications"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsChanged"}},{"kind":"Field","name":{"kind":"Name","value":"materialsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"materialsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"materialsChanged"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}}]}}]}}]} as unknown as DocumentNode<DraftPublishPreviewQuery, DraftPublishPreviewQueryVariables>;
export const DraftPublishDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftPublish"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogueDraftPublishInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogueDraftPublish"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"itemVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<DraftPublishMutation, DraftPublishMutationVariables>;
export const RoleAssignmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoleAssignments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleAssignments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"grantedBy"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoleAssignmentsQuery, RoleAssignmentsQueryVariables>;
export const RoleGrantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RoleGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RoleGrantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<RoleGrantMutation, RoleGrantMutationVariables>;
export const RoleRevokeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RoleRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RoleRevokeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleRevoke"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<RoleRevokeMutation, RoleRevokeMutationVariables>;
export const AdminItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetDescription"}},{"kind":"Field","name":{"kind":"Name","value":"acceptanceConditions"}},{"kind":"Field","name":{"kind":"Name","value":"processSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"timeLimitWorkingDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"formulaText"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"necessity"}},{"kind":"Field","name":{"kind":"Name","value":"original"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"article"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statutoryWorkingDays"}},{"kind":"Field","name":{"kind":"Name","value":"promisedWorkingDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"overriddenBy"}},{"kind":"Field","name":{"kind":"Name","value":"lockedElements"}},{"kind":"Field","name":{"kind":"Name","value":"elements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminItemQuery, AdminItemQueryVariables>;
export const CatalogueOverridePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogueOverridePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"effectiveFrom"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogueOverridePreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}},{"kind":"Argument","name":{"kind":"Name","value":"effectiveFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"effectiveFrom"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"applications"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"fieldsChanged"}},{"kind":"Field","name":{"kind":"Name","value":"materialsAdded"}},{"kind":"Field","name":{"kind":"Name","value":"materialsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"materialsChanged"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}}]}}]}}]} as unknown as DocumentNode<CatalogueOverridePreviewQuery, CatalogueOverridePreviewQueryVariables>;
export const CatalogueOverrideSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CatalogueOverrideSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogueOverrideSetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogueOverrideSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"override"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"patch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<CatalogueOverrideSetMutation, CatalogueOverrideSetMutationVariables>;
export const AdminParametersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminParameters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parameters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"valueOrigin"}},{"kind":"Field","name":{"kind":"Name","value":"valueEffectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"valueSource"}},{"kind":"Field","name":{"kind":"Name","value":"valueTenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"section"}}]}}]}}]}}]} as unknown as DocumentNode<AdminParametersQuery, AdminParametersQueryVariables>;
export const TenantParameterSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TenantParameterSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TenantParameterSetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantParameterSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parameter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<TenantParameterSetMutation, TenantParameterSetMutationVariables>;
export const TenantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}}]}}]}}]} as unknown as DocumentNode<TenantsQuery, TenantsQueryVariables>;
export const DashboardTenantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardTenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}}]}}]}}]} as unknown as DocumentNode<DashboardTenantsQuery, DashboardTenantsQueryVariables>;
export const DashboardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reformEffect"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"}},{"kind":"Field","name":{"kind":"Name","value":"timedApplications"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"itemByItem"}},{"kind":"Field","name":{"kind":"Name","value":"merged"}},{"kind":"Field","name":{"kind":"Name","value":"saved"}},{"kind":"Field","name":{"kind":"Name","value":"reductionPercent"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"arithmetic"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"reductionPercent"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"completionSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minCell"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"withinLimit"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"withinLimit"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardsQuery, DashboardsQueryVariables>;
export const StatisticsPanelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsPanels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatisticsDimension"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"byPeriod"},"name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"period"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"minCell"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"applications"}},{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byDepartment"},"name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPARTMENT"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"applications"}},{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byItem"},"name":{"kind":"Name","value":"statistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ITEM"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"applications"}},{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"overdueCases"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdueMarkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StatisticsPanelsQuery, StatisticsPanelsQueryVariables>;
export const ApplicationHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"eventsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationHistoryQuery, ApplicationHistoryQueryVariables>;
export const PersonHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAt"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountIsCapped"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonHistoryQuery, PersonHistoryQueryVariables>;
export const AuditVerifyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditVerify"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditVerify"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"firstSequence"}},{"kind":"Field","name":{"kind":"Name","value":"lastSequence"}},{"kind":"Field","name":{"kind":"Name","value":"brokenLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"compared"}},{"kind":"Field","name":{"kind":"Name","value":"coveredThrough"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AuditVerifyQuery, AuditVerifyQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const FlowCatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowCatalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetDescription"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"areas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<FlowCatalogueQuery, FlowCatalogueQueryVariables>;
export const FlowScreeningDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowScreening"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"answers"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligibilityScreen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"answers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"answers"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"screeningQuestions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"answers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"answers"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"codeValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decides"}}]}}]}}]} as unknown as DocumentNode<FlowScreeningQuery, FlowScreeningQueryVariables>;
export const FlowFormDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowForm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"items"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationForm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"items"},"value":{"kind":"Variable","name":{"kind":"Name","value":"items"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"jsonSchema"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]}}]}}]} as unknown as DocumentNode<FlowFormQuery, FlowFormQueryVariables>;
export const FlowFormCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowFormCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hash"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"answers"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationFormCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hash"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hash"}}},{"kind":"Argument","name":{"kind":"Name","value":"answers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"answers"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"answerErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"detailCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"material"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"subjectPath"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<FlowFormCheckQuery, FlowFormCheckQueryVariables>;
export const FlowUploadCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FlowUploadCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MaterialUploadCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"materialUploadCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"headers"}}]}}]}}]}}]} as unknown as DocumentNode<FlowUploadCreateMutation, FlowUploadCreateMutationVariables>;
export const FlowUploadCompleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FlowUploadComplete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"materialUploadComplete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"byteSize"}}]}}]}}]}}]} as unknown as DocumentNode<FlowUploadCompleteMutation, FlowUploadCompleteMutationVariables>;
export const FlowSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FlowSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationSubmitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationSubmit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"detailCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<FlowSubmitMutation, FlowSubmitMutationVariables>;
export const FlowApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowApplication"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCode"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}}]}}]} as unknown as DocumentNode<FlowApplicationQuery, FlowApplicationQueryVariables>;
export const FlowApplicationUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"FlowApplicationUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowApplication"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCode"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"item"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}}]}}]} as unknown as DocumentNode<FlowApplicationUpdatedSubscription, FlowApplicationUpdatedSubscriptionVariables>;
export const FlowTriageQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowTriageQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"states"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SUBMITTED"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}},{"kind":"Field","name":{"kind":"Name","value":"applicantName"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"areaPath"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowTriageQueueQuery, FlowTriageQueueQueryVariables>;
export const FlowTriageAcceptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FlowTriageAccept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationTriageAccept"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<FlowTriageAcceptMutation, FlowTriageAcceptMutationVariables>;
export const FlowCaseQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowCaseQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"itemCode"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowCaseQueueQuery, FlowCaseQueueQueryVariables>;
export const FlowCaseAcknowledgeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FlowCaseAcknowledge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseActInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseAcknowledge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lockVersion"}}]}}]}}]}}]} as unknown as DocumentNode<FlowCaseAcknowledgeMutation, FlowCaseAcknowledgeMutationVariables>;
export const FlowCaseDecideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FlowCaseDecide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseDecideInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseDecide"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowCaseDecideMutation, FlowCaseDecideMutationVariables>;