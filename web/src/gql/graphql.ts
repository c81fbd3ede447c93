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

/** 两个事项版本之间一个要素的变化 */
export type ElementChangeKind =
  /** 新增（ADDED）：新版本才有 */
  | 'ADDED'
  /** 修改（CHANGED）：两版本取值不同 */
  | 'CHANGED'
  /** 删除（REMOVED）：旧版本才有 */
  | 'REMOVED';

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
  /** 取值，类型由参数单位决定：元、元/月、元/人·月等为不小于 0、至多两位小数的数；月、周岁、人为整数；比例为 0 到 1 的数；无单位为文字。类型不符为 INVALID_INPUT（path: value） */
  value: unknown;
};

export type AdminCalendarQueryVariables = Exact<{
  tenant: string;
  year: number;
}>;


export type AdminCalendarQuery = { workingCalendar: { year: number, published: boolean, source: string | null, publishedAt: string | null, adjustedWorkdays: Array<string>, tenant: { name: string }, holidays: Array<{ date: string, name: string }> } };

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

export type DashboardsQueryVariables = Exact<{
  tenant: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type DashboardsQuery = { reformEffect: { applications: number, timedApplications: number, checks: Array<{ measure: ReformEffectMeasure, itemByItem: number, merged: number, saved: number, reductionPercent: number | null, met: boolean | null, arithmetic: string, target: { statement: string, reductionPercent: number | null, comparison: ReformTargetComparison | null } | null }> }, completionSummary: { departments: Array<{ department: string, departmentName: string, received: number, decided: number, approved: number, denied: number, closed: number, withdrawn: number, pending: number, overdue: number, withinLimit: number, late: number }>, total: { received: number, decided: number, approved: number, denied: number, closed: number, pending: number, overdue: number, withinLimit: number, late: number } } };

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


export const AdminCalendarDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminCalendar"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workingCalendar"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"holidays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adjustedWorkdays"}}]}}]}}]} as unknown as DocumentNode<AdminCalendarQuery, AdminCalendarQueryVariables>;
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
export const DashboardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reformEffect"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"}},{"kind":"Field","name":{"kind":"Name","value":"timedApplications"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"itemByItem"}},{"kind":"Field","name":{"kind":"Name","value":"merged"}},{"kind":"Field","name":{"kind":"Name","value":"saved"}},{"kind":"Field","name":{"kind":"Name","value":"reductionPercent"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"arithmetic"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"reductionPercent"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"completionSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"withinLimit"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"denied"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"withinLimit"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardsQuery, DashboardsQueryVariables>;
export const ApplicationHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"eventsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationHistoryQuery, ApplicationHistoryQueryVariables>;
export const PersonHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAt"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountIsCapped"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonHistoryQuery, PersonHistoryQueryVariables>;
export const AuditVerifyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditVerify"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditVerify"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"firstSequence"}},{"kind":"Field","name":{"kind":"Name","value":"lastSequence"}},{"kind":"Field","name":{"kind":"Name","value":"brokenLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"compared"}},{"kind":"Field","name":{"kind":"Name","value":"coveredThrough"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AuditVerifyQuery, AuditVerifyQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;