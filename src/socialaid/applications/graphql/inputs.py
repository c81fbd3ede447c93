"""GraphQL inputs: what a client sends to submit, triage, assign, work and decide, set emergency
mode, and filter cases."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from socialaid.applications.graphql.types import CaseStateEnum, ChannelEnum, OutcomeEnum
from socialaid.catalogue.files import Exemption
from socialaid.kernel.scalars import JSON

ElectionEnum = strawberry.enum(
    Exemption, name="MaterialElection", description="材料的免交或缓交方式（事项允许时）"
)


@strawberry.input(description="为表单中的一份材料提供的上传引用，或事项允许时的缓交、承诺")
class MaterialInputType:
    material: str = strawberry.field(description="表单材料标识（applicationForm.materials.id）")
    subject: str | None = strawberry.field(
        default=None, description="对象路径（applicant、household.members[1]）；空：每个对象"
    )
    reference: str | None = strawberry.field(default=None, description="已上传文件的引用")
    election: ElectionEnum | None = None  # type: ignore[valid-type]


@strawberry.input
class ApplicationSubmitInput:
    tenant: str
    channel: ChannelEnum
    items: list[str]
    answers: JSON
    idempotency_key: str = strawberry.field(description="客户端生成；重试时相同即返回同一申请")
    materials: list[MaterialInputType] = strawberry.field(default_factory=list)
    on_behalf_of: str | None = strawberry.field(
        default=None, description="代为申请时申请人的用户标识（窗口、顾问、热线）"
    )
    area: str | None = strawberry.field(default=None, description="申请人所在街道或社区代码")
    personal_commitment: bool = strawberry.field(
        default=False, description="应急期间以个人承诺先行受理（沪民救发〔2022〕9号）"
    )


@strawberry.input
class ApplicationActInput:
    id: strawberry.ID
    lock_version: int


@strawberry.input
class ApplicationRejectInput:
    id: strawberry.ID
    lock_version: int
    reasons: list[str]


@strawberry.input
class ApplicationEscalateInput:
    id: strawberry.ID
    lock_version: int
    reason: str


@strawberry.input(description="联席会议为某事项指定的承办部门")
class DepartmentAssignmentInput:
    item: str
    department: str


@strawberry.input
class JointMeetingAssignInput:
    id: strawberry.ID
    lock_version: int
    lead: str = strawberry.field(description="牵头部门代码")
    departments: list[DepartmentAssignmentInput] = strawberry.field(default_factory=list)


@strawberry.input
class ApplicationWithdrawInput:
    id: strawberry.ID
    lock_version: int
    reason: str | None = None


@strawberry.input
class CaseActInput:
    id: strawberry.ID
    lock_version: int


@strawberry.input(description="补正：所需材料及期限（日期或自今日起的工作日数）")
class CaseSupplementRequestInput:
    id: strawberry.ID
    lock_version: int
    materials: list[str]
    deadline: date | None = None
    working_days: int | None = None


@strawberry.input
class CaseSupplementProvideInput:
    id: strawberry.ID
    lock_version: int
    references: list[str]


@strawberry.input(description="办理结果：准予（金额、期限、起始日）或不准予（理由、依据）")
class CaseDecideInput:
    id: strawberry.ID
    lock_version: int
    outcome: OutcomeEnum  # type: ignore[valid-type]
    reasons: list[str] = strawberry.field(default_factory=list)
    amount: str | None = strawberry.field(default=None, description="金额（元），十进制字符串")
    period: str | None = None
    period_months: int | None = None
    starts_on: date | None = None
    basis: str | None = strawberry.field(default=None, description="法律依据；默认为事项的")
    documents: list[str] = strawberry.field(default_factory=list)
    recognised_as: list[str] = strawberry.field(
        default_factory=list,
        description="认定类事项：认定的对象类别（目标群体代码，如 dibao_family、extremely_poor）",
    )


@strawberry.input
class EmergencyModeSetInput:
    tenant: str
    provision: str
    starts_at: datetime
    ends_at: datetime | None = None


@strawberry.input
class CaseFilterInput:
    tenant: str
    department: str | None = None
    status: list[CaseStateEnum] = strawberry.field(default_factory=list)  # type: ignore[valid-type]
    overdue: bool | None = strawberry.field(
        default=None, description="true：只看超期；false：只看未超期"
    )
    area: str | None = strawberry.field(default=None, description="街道或社区代码（含其下社区）")
