"""GraphQL inputs: what a client sends to submit, triage, assign, work and decide, set emergency
mode, and filter cases."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from socialaid.applications.graphql.decision_types import OutcomeEnum
from socialaid.applications.graphql.types import CaseStateEnum
from socialaid.catalogue.graphql_vocabulary import ChannelEnum, ElectionEnum
from socialaid.forms.graphql import ANSWERS
from socialaid.kernel.scalars import JSON


@strawberry.input(description="为表单中的一份材料提供的上传引用，或事项允许时的缓交、承诺")
class MaterialInputType:
    material: str = strawberry.field(description="表单材料标识（applicationForm.materials.id）")
    subject: str | None = strawberry.field(
        default=None, description="对象路径（applicant、household.members[1]）；空：每个对象"
    )
    reference: str | None = strawberry.field(default=None, description="已上传文件的引用")
    election: ElectionEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="不上传时选择的免交或缓交方式；须为事项或材料类型允许的"
    )


@strawberry.input(
    description="一次申请：一张表单（所选事项合并）、一套材料；先以 applicationForm 取表单，"
    "可先以 applicationFormCheck 检查答案"
)
class ApplicationSubmitInput:
    tenant: str = strawberry.field(description="申请所在租户（行政区划代码，GB/T 2260）")
    channel: ChannelEnum = strawberry.field(  # type: ignore[valid-type]
        description="申请渠道：catalogue.channels 与 item.channels 中的一个（同一枚举）"
    )
    items: list[str] = strawberry.field(
        description="所选事项代码（与 applicationForm 的 items 相同）"
    )
    answers: JSON = strawberry.field(
        description=ANSWERS
        + "。提交时按当日（中国时间）合并的表单校验；不合格时 fieldErrors 列出，申请不保存"
    )
    idempotency_key: str = strawberry.field(
        description="幂等键：客户端为每次申请生成（如 UUID）；网络重试时带同一键即返回同一申请（replayed 为 true），不重复提交"
    )
    materials: list[MaterialInputType] = strawberry.field(
        default_factory=list,
        description="材料：上传引用或免交、缓交选择；未列出的材料按表单检查的状态处理，须上传而未给出引用（又无允许的缓交或承诺）时返回 INVALID_INPUT",
    )
    on_behalf_of: str | None = strawberry.field(
        default=None,
        description="代为申请时申请人的用户标识（窗口、顾问、热线、组织）：申请归其所有；本人申请时为 null",
    )
    area: str | None = strawberry.field(
        default=None,
        description="申请人所在街道或社区代码（Tenant.areas）；社区救助顾问、窗口只见本区域的申请",
    )
    personal_commitment: bool = strawberry.field(
        default=False,
        description="应急期间以个人承诺代替须上传的材料、先行受理（沪民救发〔2022〕9号）；仅在 same_day_application_48h_review 或 deferred_checks_and_materials 应急措施生效时起作用",
    )


@strawberry.input(description="对一份申请的办理动作（受理等）")
class ApplicationActInput:
    id: strawberry.ID = strawberry.field(description="申请标识（Application.id）")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；对象已被他人修改时返回 CONFLICT"
    )


@strawberry.input(description="不予受理：告知理由")
class ApplicationRejectInput:
    id: strawberry.ID = strawberry.field(description="申请标识（Application.id）")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；对象已被他人修改时返回 CONFLICT"
    )
    reasons: list[str] = strawberry.field(description="不予受理的理由（至少一条，写入告知书）")


@strawberry.input(description="提交联席会议")
class ApplicationEscalateInput:
    id: strawberry.ID = strawberry.field(description="申请标识（Application.id）")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；对象已被他人修改时返回 CONFLICT"
    )
    reason: str = strawberry.field(description="提交联席会议的理由")


@strawberry.input(description="联席会议为某事项指定的承办部门")
class DepartmentAssignmentInput:
    item: str = strawberry.field(description="事项代码（本申请中的）")
    department: str = strawberry.field(description="承办部门的职能代码")


@strawberry.input(description="联席会议指定承办部门与牵头部门")
class JointMeetingAssignInput:
    id: strawberry.ID = strawberry.field(description="申请标识（Application.id）")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；对象已被他人修改时返回 CONFLICT"
    )
    lead: str = strawberry.field(description="牵头部门代码")
    departments: list[DepartmentAssignmentInput] = strawberry.field(
        default_factory=list, description="各事项的承办部门；未列出的事项由其主管部门承办"
    )


@strawberry.input(description="撤回申请")
class ApplicationWithdrawInput:
    id: strawberry.ID = strawberry.field(description="申请标识（Application.id）")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；对象已被他人修改时返回 CONFLICT"
    )
    reason: str | None = strawberry.field(default=None, description="撤回理由；可不填")


@strawberry.input(description="对一个案件的办理动作（接件）")
class CaseActInput:
    id: strawberry.ID = strawberry.field(description="案件标识（Case.id）")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；对象已被他人修改时返回 CONFLICT"
    )


@strawberry.input(description="补正：所需材料及期限（日期或自今日起的工作日数）")
class CaseSupplementRequestInput:
    id: strawberry.ID = strawberry.field(description="案件标识（Case.id）")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；对象已被他人修改时返回 CONFLICT"
    )
    materials: list[str] = strawberry.field(description="需补正的材料（一次性告知全部）")
    deadline: date | None = strawberry.field(
        default=None, description="补正期限（YYYY-MM-DD）；与 workingDays 二选一"
    )
    working_days: int | None = strawberry.field(
        default=None, description="自今日起的工作日数（法定节假日除外）；与 deadline 二选一"
    )


@strawberry.input(description="提交补正材料")
class CaseSupplementProvideInput:
    id: strawberry.ID = strawberry.field(description="案件标识（Case.id）")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；对象已被他人修改时返回 CONFLICT"
    )
    references: list[str] = strawberry.field(description="已上传补正材料的引用（至少一条）")


@strawberry.input(description="办理结果：准予（金额、期限、起始日）或不准予（理由、依据）")
class CaseDecideInput:
    id: strawberry.ID = strawberry.field(description="案件标识（Case.id）")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；对象已被他人修改时返回 CONFLICT"
    )
    outcome: OutcomeEnum = strawberry.field(  # type: ignore[valid-type]
        description="准予或不准予"
    )
    reasons: list[str] = strawberry.field(
        default_factory=list, description="不准予的理由（不准予时至少一条）"
    )
    amount: str | None = strawberry.field(
        default=None,
        description='金额（元），十进制字符串（如 "1510.00"）；不得为负，不得超过本事项单次救助上限参数',
    )
    period: str | None = strawberry.field(
        default=None,
        description="救助期限的文字（写入告知书）；省略时由 startsOn 与 periodMonths 生成",
    )
    period_months: int | None = strawberry.field(default=None, description="救助期限（月，至少 1）")
    starts_on: date | None = strawberry.field(default=None, description="救助起始日（YYYY-MM-DD）")
    basis: str | None = strawberry.field(default=None, description="法律依据；默认为事项的")
    documents: list[str] = strawberry.field(
        default_factory=list, description="出具的文书编号或引用"
    )
    recognised_as: list[str] = strawberry.field(
        default_factory=list,
        description="认定类事项：认定的对象类别（目标群体代码，如 dibao_family、extremely_poor）",
    )
    reverification_period: str | None = strawberry.field(
        default=None,
        description=(
            "准予时：事项分列多个定期核查周期（item.reverification.periods）时，街镇判断适用于本家庭的"
            "周期代码（如长宁低保 unstable_income_with_labour_capacity 每半年、stable_economic_situation"
            " 每年）；省略则首次核查待定。事项只有统一周期或没有定期核查时不填"
        ),
    )


@strawberry.input(description="启用或结束一项应急措施（对本租户及其下级）")
class EmergencyModeSetInput:
    tenant: str = strawberry.field(
        description="租户（行政区划代码）；对其下级同样适用；须有本租户的修改权限（tenant_admin）"
    )
    provision: str = strawberry.field(
        description="应急措施代码，须为本地区或上级目录所列（如 same_day_application_48h_review）"
    )
    starts_at: datetime = strawberry.field(
        description="开始时间（ISO 8601，须带时区偏移，如 2026-12-01T00:00:00+08:00）"
    )
    ends_at: datetime | None = strawberry.field(
        default=None,
        description="结束时间（须带时区偏移，不早于 startsAt）；早于现在即结束该措施；null 为未定",
    )


@strawberry.input(description="案件筛选：各条件同时满足")
class CaseFilterInput:
    tenant: str = strawberry.field(description="租户（行政区划代码），含其下级")
    department: str | None = strawberry.field(
        default=None, description="部门职能代码；省略为调用者可见的全部部门"
    )
    status: list[CaseStateEnum] = strawberry.field(  # type: ignore[valid-type]
        default_factory=list, description="案件状态；空列表为全部状态"
    )
    overdue: bool | None = strawberry.field(
        default=None, description="true：只看超期；false：只看未超期"
    )
    area: str | None = strawberry.field(default=None, description="街道或社区代码（含其下社区）")
