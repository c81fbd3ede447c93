"""GraphQL enums for the catalogue's closed vocabularies: channels, element types, sensitivity,
material subjects and forms, exemptions, versions, actors and levels, categories, periods.

Where the catalogue files spell a vocabulary as a `Literal` (ItemFile.category, Benefit.period,
MaterialUse.necessity and .original, Dependency.on_denied and .prerequisite) a StrEnum here gives
it a GraphQL name; tests/catalogue/test_vocabulary_enums.py keeps each the same as its Literal.
"""

from __future__ import annotations

from enum import StrEnum

from socialaid.catalogue.diff import Change
from socialaid.catalogue.files import (
    Actor,
    Channel,
    ElementType,
    Exemption,
    Level,
    Sensitivity,
    Status,
    Subject,
)
from socialaid.kernel.described_enum import described_enum


class Category(StrEnum):
    """ItemFile.category."""

    BASIC_LIVING = "basic_living"
    SPECIAL = "special"
    EMERGENCY = "emergency"
    SOCIAL = "social"
    RECOGNITION = "recognition"


class BenefitPeriod(StrEnum):
    """Benefit.period."""

    MONTHLY = "monthly"
    YEARLY = "yearly"
    ONE_OFF = "one_off"
    PER_TERM = "per_term"
    PER_CASE = "per_case"
    ONGOING = "ongoing"


class Necessity(StrEnum):
    """MaterialUse.necessity."""

    REQUIRED = "required"
    OPTIONAL = "optional"


class Original(StrEnum):
    """MaterialUse.original (and FormMaterial.original, the strictest of them)."""

    ORIGINAL = "original"
    COPY = "copy"
    ORIGINAL_OR_COPY = "original_or_copy"
    SIGNED_OR_ELECTRONIC = "signed_or_electronic"


class OnDenied(StrEnum):
    """Dependency.on_denied."""

    CLOSE = "close"
    CONTINUE = "continue"


class Prerequisite(StrEnum):
    """Dependency.prerequisite."""

    ADD = "add"
    WARN = "warn"


ChannelEnum = described_enum(
    Channel,
    name="ApplicationChannel",
    description="申请渠道：网上、窗口、自助终端、12345热线、社区救助顾问代为申请、电话、基层组织代为申报"
    "（目录的 channels 与 applicationSubmit 的 channel 用同一枚举）",
    values={
        "ONLINE": "网上申请（ONLINE）：“一网通办”等线上平台",
        "WINDOW": "窗口申请（WINDOW）：社区事务受理服务中心等窗口",
        "SELF_SERVICE": "自助终端申请（SELF_SERVICE）：街镇、社区的自助终端",
        "HOTLINE_12345": "12345热线申请（HOTLINE_12345）：由热线代为提交",
        "ADVISER": "社区救助顾问代为申请（ADVISER）：顾问为申请人填写提交",
        "PHONE": "电话申请（PHONE）：经公布的救助咨询热线（沪民救发〔2022〕9号 四）",
        "ORGANISATION": "基层组织代为申报（ORGANISATION）：由事项写明的组织为其成员申报，成员为申请对象"
        "（如基层工会经“申工通”，沪民救发〔2021〕10号 一（十二））",
    },
)
ElementTypeEnum = described_enum(
    ElementType,
    name="ElementType",
    description="数据元（表单字段）的取值类型",
    values={
        "STRING": "字符串（STRING）：单行文字",
        "TEXT": "文本（TEXT）：多行文字",
        "INTEGER": "整数（INTEGER）：不带小数的数",
        "AMOUNT": "金额（AMOUNT）：元，非负，两位小数",
        "NUMBER": "数（NUMBER）：可带小数",
        "BOOLEAN": "是否（BOOLEAN）：true 或 false",
        "DATE": "日期（DATE）：YYYY-MM-DD",
        "CODE": "代码（CODE）：代码表中的一个取值",
        "CODES": "多个代码（CODES）：代码表中的多个取值",
        "ID_NUMBER": "身份证号（ID_NUMBER）：GB 11643 公民身份号码",
        "PHONE": "电话（PHONE）：手机或固定电话号码",
        "BANK_ACCOUNT": "银行账号（BANK_ACCOUNT）：救助金发放账户",
        "ADDRESS": "地址（ADDRESS）：居住或户籍地址",
        "FILE": "文件（FILE）：已上传文件的引用",
    },
)
SensitivityEnum = described_enum(
    Sensitivity,
    name="Sensitivity",
    description="数据元的敏感级别：决定对哪些角色脱敏",
    values={
        "PUBLIC": "公开（PUBLIC）：不脱敏",
        "PERSONAL": "个人信息（PERSONAL）：仅有权查看该申请的人可见",
        "SENSITIVE": "敏感（SENSITIVE）：对不需要的角色脱敏，明文读取记入审计",
    },
)
SubjectEnum = described_enum(
    Subject,
    name="MaterialSubject",
    description="材料对象：一份材料为谁提交",
    values={
        "APPLICANT": "申请人（APPLICANT）：申请人本人一份",
        "HOUSEHOLD_MEMBER": "家庭成员（HOUSEHOLD_MEMBER）：符合 subjectWhen 的每位家庭成员各一份",
        "SUPPORTER": "义务人（SUPPORTER）：每位赡养、抚养、扶养义务人各一份",
        "HOUSEHOLD": "家庭（HOUSEHOLD）：整个家庭一份",
    },
)
ElectionEnum = described_enum(
    Exemption,
    name="MaterialElection",
    description="一份材料免交或缓交的方式：申请人的选择、事项允许的方式、确认免交的途径",
    values={
        "SHARED_DATA": "共享数据（SHARED_DATA）：由部门共享的数据核实，免交",
        "ELECTRONIC_LICENCE": "电子证照（ELECTRONIC_LICENCE）：调用电子证照，免交",
        "PERSONAL_COMMITMENT": "个人承诺（PERSONAL_COMMITMENT）：以书面承诺代替材料",
        "DEFERRED": "容缺后补（DEFERRED）：先行受理，材料在补正期限内补交",
    },
)
ItemStatusEnum = described_enum(
    Status,
    name="ItemStatus",
    description="事项版本的状态",
    values={
        "DRAFT": "草稿（DRAFT）：编辑中，尚未生效",
        "PUBLISHED": "已发布（PUBLISHED）：自生效日起对本租户及下级有效",
        "RETIRED": "已停用（RETIRED）：不再生效，保留以便追溯",
    },
)
ActorEnum = described_enum(
    Actor,
    name="ProcessActor",
    description="办理流程中一步的办理者",
    values={
        "APPLICANT": "申请人（APPLICANT）",
        "ADVISER": "社区救助顾问（ADVISER）",
        "WINDOW_CLERK": "窗口受理人员（WINDOW_CLERK）",
        "CASEWORKER": "经办人员（CASEWORKER）：部门的审核人员",
        "APPROVER": "审批人员（APPROVER）：作出决定的人员",
        "JOINT_MEETING": "联席会议（JOINT_MEETING）：多部门会商",
        "ORGANISATION": "组织（ORGANISATION）：学校、基层工会、社区妇联等",
        "SYSTEM": "系统（SYSTEM）：自动办理",
    },
)
LevelEnum = described_enum(
    Level,
    name="AdministrativeTier",
    description="办理或受理的层级",
    values={
        "PROVINCE": "省级（PROVINCE）：省、自治区、直辖市",
        "CITY": "市级（CITY）：地级市",
        "COUNTY": "区县级（COUNTY）：区、县",
        "STREET": "街镇级（STREET）：街道、乡镇",
        "COMMUNITY": "社区级（COMMUNITY）：居委、村委",
        "ORGANISATION": "组织（ORGANISATION）：学校、基层工会等组织",
    },
)
ChangeEnum = described_enum(
    Change,
    name="ElementChangeKind",
    description="两个事项版本之间一个要素的变化",
    values={
        "ADDED": "新增（ADDED）：新版本才有",
        "REMOVED": "删除（REMOVED）：旧版本才有",
        "CHANGED": "修改（CHANGED）：两版本取值不同",
    },
)
CategoryEnum = described_enum(
    Category,
    name="ItemCategory",
    description="事项类别",
    values={
        "BASIC_LIVING": "基本生活救助（BASIC_LIVING）：低保、特困供养等",
        "SPECIAL": "专项救助（SPECIAL）：医疗、教育、住房、就业等",
        "EMERGENCY": "急难救助（EMERGENCY）：临时救助等",
        "SOCIAL": "社会帮扶（SOCIAL）：工会、红十字会、妇联等群团组织与社会力量",
        "RECOGNITION": "认定类（RECOGNITION）：低收入人口等对象认定",
    },
)
BenefitPeriodEnum = described_enum(
    BenefitPeriod,
    name="BenefitPeriod",
    description="救助的给付周期",
    values={
        "MONTHLY": "按月（MONTHLY）",
        "YEARLY": "按年（YEARLY）",
        "ONE_OFF": "一次性（ONE_OFF）",
        "PER_TERM": "按学期（PER_TERM）",
        "PER_CASE": "按次（PER_CASE）：每次发生时给付",
        "ONGOING": "持续（ONGOING）：认定期间持续享受",
    },
)
NecessityEnum = described_enum(
    Necessity,
    name="MaterialNecessity",
    description="材料是否必交",
    values={
        "REQUIRED": "必交（REQUIRED）：满足 requiredWhen 时必须提交",
        "OPTIONAL": "选交（OPTIONAL）：可以提交",
    },
)
OriginalEnum = described_enum(
    Original,
    name="MaterialOriginal",
    description="材料须交原件还是复印件",
    values={
        "ORIGINAL": "原件（ORIGINAL）",
        "COPY": "复印件（COPY）",
        "ORIGINAL_OR_COPY": "原件或复印件（ORIGINAL_OR_COPY）",
        "SIGNED_OR_ELECTRONIC": "签字件或电子件（SIGNED_OR_ELECTRONIC）",
    },
)
OnDeniedEnum = described_enum(
    OnDenied,
    name="DependencyOnDenied",
    description="串联办理中前置事项不准予时本事项如何处理",
    values={
        "CLOSE": "终止（CLOSE）：终止本事项并告知理由",
        "CONTINUE": "继续（CONTINUE）：照常办理本事项",
    },
)
PrerequisiteEnum = described_enum(
    Prerequisite,
    name="DependencyPrerequisite",
    description="申请未选前置事项时表单如何处理",
    values={
        "ADD": "自动加入（ADD）：前置事项一并申请",
        "WARN": "提示（WARN）：提示申请人，不自动加入",
    },
)
