"""GraphQL output types of applications and cases: the application with its cases, materials,
result and timeline; a case with its decision, notice and 补正; the connections; emergency mode.

An application's or case's fields below the root (cases, timeline, answers) load through this
request's loaders within the caller's row-level-security scope, without deciding again: the root
field that returned the row has authorized.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry

from socialaid.applications import queries
from socialaid.applications.loaders import application_loaders, key_of
from socialaid.applications.models import Application, ApplicationCase, EmergencyMode
from socialaid.applications.planning import Outcome
from socialaid.applications.records import (
    DecisionRecord,
    MaterialRecord,
    NoticeRecord,
    SupplementRecord,
)
from socialaid.applications.states import CASE_FINAL_STATES, ApplicationState, CaseState
from socialaid.applications.timeline import TimelineEvent
from socialaid.clock import CHINA
from socialaid.kernel.context import Info
from socialaid.kernel.pagination import PageInfo
from socialaid.kernel.scalars import JSON, as_json


@strawberry.enum(
    name="ApplicationChannel",
    description="申请渠道：网上、窗口、自助终端、12345热线、社区救助顾问代为申请、电话、基层组织代为申报",
)
class ChannelEnum(Enum):
    """The values of catalogue.files.Channel, each described for clients (a test keeps the two
    the same)."""

    ONLINE = strawberry.enum_value("online", description="网上申请（“一网通办”等线上平台）")
    WINDOW = strawberry.enum_value("window", description="窗口申请")
    SELF_SERVICE = strawberry.enum_value("self_service", description="自助终端申请")
    HOTLINE_12345 = strawberry.enum_value("hotline_12345", description="12345热线申请")
    ADVISER = strawberry.enum_value("adviser", description="社区救助顾问代为申请")
    PHONE = strawberry.enum_value(
        "phone", description="电话申请：经公布的救助咨询热线（沪民救发〔2022〕9号 四）"
    )
    ORGANISATION = strawberry.enum_value(
        "organisation",
        description="基层组织代为申报：由事项写明的组织为其成员申报，成员为申请对象"
        "（如基层工会经“申工通”，沪民救发〔2021〕10号 一（十二））",
    )


ApplicationStateEnum = strawberry.enum(
    ApplicationState, name="ApplicationState", description="申请状态"
)


CaseStateEnum = strawberry.enum(CaseState, name="CaseState", description="事项案件状态")


OutcomeEnum = strawberry.enum(Outcome, name="DecisionOutcome", description="准予或不准予")


@strawberry.type(name="CaseDepartment", description="承办部门")
class CaseDepartmentType:
    code: str
    name: str


@strawberry.type(
    name="CaseDecision",
    description="部门的办理结果：准予（金额、期限、起始）或不准予（理由、依据）",
)
class DecisionType:
    outcome: OutcomeEnum  # type: ignore[valid-type]
    reasons: list[str]
    amount: str | None = strawberry.field(description="金额（元），十进制字符串")
    period: str | None
    starts_on: date | None
    period_months: int | None
    basis: str | None = strawberry.field(description="法律依据")
    documents: list[str]
    recognised_as: list[str] = strawberry.field(description="认定的对象类别（认定类事项）")
    decided_by: str
    decided_at: datetime
    automatic: bool = strawberry.field(description="免申即享：由前置认定结果自动给予")
    trigger: str | None

    @classmethod
    def of(cls, d: DecisionRecord) -> DecisionType:
        return cls(
            outcome=d.outcome,
            reasons=list(d.reasons),
            amount=None if d.amount is None else str(d.amount),
            period=d.period,
            starts_on=d.starts_on,
            period_months=d.period_months,
            basis=d.basis,
            documents=list(d.documents),
            recognised_as=list(d.recognised_as),
            decided_by=d.decided_by,
            decided_at=d.decided_at,
            automatic=d.automatic,
            trigger=d.trigger,
        )


@strawberry.type(name="Notice", description="告知书")
class NoticeType:
    kind: str = strawberry.field(description="approve / deny / reject / supplement")
    text: str
    origin: str = strawberry.field(description="模板来源：本地区或平台默认")
    label: str | None

    @classmethod
    def of(cls, n: NoticeRecord) -> NoticeType:
        return cls(kind=n.kind.value, text=n.text, origin=n.origin.value, label=n.label)


@strawberry.type(name="SupplementRequest", description="补正告知：所需材料与期限")
class SupplementType:
    materials: list[str]
    deadline: date | None
    notice: NoticeType | None
    supplied: list[str]

    @classmethod
    def of(cls, s: SupplementRecord) -> SupplementType:
        return cls(
            materials=list(s.materials),
            deadline=s.deadline,
            notice=NoticeType.of(s.notice),
            supplied=list(s.supplied),
        )


@strawberry.type(name="Case", description="一份申请中的一个事项，由其主管部门办理")
class CaseType:
    row: strawberry.Private[ApplicationCase]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.id))

    @strawberry.field
    def application_id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.application_id))

    @strawberry.field
    def tenant_code(self) -> str:
        return self.row.tenant_id

    @strawberry.field
    def item_code(self) -> str:
        return self.row.item_code

    @strawberry.field
    def item_name(self) -> str:
        return self.row.item_name

    @strawberry.field
    def department(self) -> CaseDepartmentType:
        return CaseDepartmentType(code=self.row.department, name=self.row.department_name)

    @strawberry.field
    def state(self) -> CaseStateEnum:  # type: ignore[valid-type]
        return self.row.state

    @strawberry.field(description="乐观锁版本：变更时须带上读到的版本")
    def lock_version(self) -> int:
        return self.row.lock_version

    @strawberry.field(description="串联办理：等待其结果的前置事项")
    def waiting_on(self) -> list[str]:
        return list(self.row.waiting_on)

    @strawberry.field(description="计时起点（前置事项办结、开始办理之时）")
    def clock_started_at(self) -> datetime | None:
        return self.row.clock_started_at

    @strawberry.field(description="按法定工作日计算的办结期限")
    def due_at(self) -> datetime | None:
        return self.row.due_at

    @strawberry.field(description="是否已超期未办结")
    def overdue(self) -> bool:
        return queries.is_overdue(self.row, datetime.now(CHINA))

    @strawberry.field
    def decision(self) -> DecisionType | None:
        return None if self.row.decision is None else DecisionType.of(self.row.decision)

    @strawberry.field
    def notice(self) -> NoticeType | None:
        return None if self.row.notice is None else NoticeType.of(self.row.notice)

    @strawberry.field(description="收到的前置事项结果与说明")
    def received(self) -> JSON:
        return as_json([entry.to_json() for entry in self.row.received])

    @strawberry.field
    def supplement(self) -> SupplementType | None:
        return None if self.row.supplement is None else SupplementType.of(self.row.supplement)

    @strawberry.field(description="未经本部门决定而终止的理由（如前置事项不准予）")
    def closed_reason(self) -> str | None:
        return self.row.closed_reason

    @strawberry.field
    def created_at(self) -> datetime:
        assert self.row.created_at is not None
        return self.row.created_at

    @strawberry.field
    def updated_at(self) -> datetime:
        assert self.row.updated_at is not None
        return self.row.updated_at


@strawberry.type(name="TimelineEntry", description="跨部门的一条办理记录")
class TimelineEntryType:
    at: datetime
    kind: str
    item: str | None
    department: str | None
    summary: str | None
    data: JSON

    @classmethod
    def of(cls, e: TimelineEvent) -> TimelineEntryType:
        return cls(
            at=e.at,
            kind=e.kind,
            item=e.item,
            department=e.department,
            summary=e.summary,
            data=as_json(e.data),
        )


@strawberry.type(
    name="ApplicationMaterial", description="一份材料对某个人的状态（上传、免交及理由）"
)
class ApplicationMaterialType:
    material: str
    evidence: str
    subject: str
    subject_path: str | None
    status: str
    reason: str | None
    required_by: list[str]
    exempt_via: str | None
    issuer: str | None

    @classmethod
    def of(cls, m: MaterialRecord) -> ApplicationMaterialType:
        return cls(
            material=m.material,
            evidence=m.evidence,
            subject=m.subject,
            subject_path=m.subject_path,
            status=m.status.value,
            reason=m.reason,
            required_by=list(m.required_by),
            exempt_via=None if m.exempt_via is None else m.exempt_via.value,
            issuer=m.issuer,
        )


@strawberry.type(name="ApplicationResult", description="统一反馈：各事项的办理结果")
class ResultType:
    finished: bool = strawberry.field(description="是否全部办结")
    approved: list[str]
    denied: list[str]
    closed: list[str]
    open: list[str]


@strawberry.type(name="Application", description="一次申请：一张表单、一套材料、每个事项一个案件")
class ApplicationType:
    row: strawberry.Private[Application]
    loaded_cases: strawberry.Private[list[ApplicationCase] | None] = None
    loaded_timeline: strawberry.Private[list[TimelineEvent] | None] = None

    @classmethod
    def of(cls, record: queries.ApplicationRecord) -> ApplicationType:
        return cls(
            row=record.application, loaded_cases=record.cases, loaded_timeline=record.timeline
        )

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.id))

    @strawberry.field
    def tenant_code(self) -> str:
        return self.row.tenant_id

    @strawberry.field
    def channel(self) -> ChannelEnum:
        return ChannelEnum(self.row.channel)

    @strawberry.field
    def state(self) -> ApplicationStateEnum:  # type: ignore[valid-type]
        return self.row.state

    @strawberry.field(description="乐观锁版本：变更时须带上读到的版本")
    def lock_version(self) -> int:
        return self.row.lock_version

    @strawberry.field(description="申请人（用户标识）")
    def owner(self) -> str:
        return self.row.owner

    @strawberry.field(description="提交人：申请人本人、窗口人员或社区救助顾问")
    def submitted_by(self) -> str:
        return self.row.submitted_by

    @strawberry.field
    def applicant_name(self) -> str:
        return self.row.applicant_name

    @strawberry.field(description="申请人所在街道、社区的路径")
    def area_path(self) -> str | None:
        return self.row.area_path

    @strawberry.field(description="所申请的事项（含因前置关系加入的）")
    def items(self) -> list[str]:
        return list(self.row.items)

    @strawberry.field(description="填写所依据的表单内容哈希")
    def form_hash(self) -> str:
        return self.row.form_hash

    @strawberry.field
    def personal_commitment(self) -> bool:
        return self.row.personal_commitment

    @strawberry.field(description="提交时生效的应急措施")
    def emergency_provisions(self) -> list[str]:
        return list(self.row.emergency_provisions)

    @strawberry.field(description="联席会议指定的牵头部门")
    def lead_department(self) -> str | None:
        return self.row.lead_department

    @strawberry.field(description="一门受理的结果：受理、不予受理（理由）或提交联席会议")
    def triage(self) -> JSON | None:
        return None if self.row.triage is None else as_json(self.row.triage.to_json())

    @strawberry.field
    def submitted_at(self) -> datetime:
        assert self.row.submitted_at is not None
        return self.row.submitted_at

    @strawberry.field
    def updated_at(self) -> datetime:
        assert self.row.updated_at is not None
        return self.row.updated_at

    @strawberry.field
    def materials(self) -> list[ApplicationMaterialType]:
        return [ApplicationMaterialType.of(m) for m in self.row.materials]

    @strawberry.field(
        description="答案；身份证号、银行账号、收入、健康信息对不需要的角色脱敏，明文读取记入审计"
    )
    async def answers(self, info: Info) -> JSON | None:
        # Nullable: a node whose answers cannot be shown fails alone, not the whole page.
        return as_json(await application_loaders(info.context).answers.load(key_of(self.row)))

    @strawberry.field(description="每个事项的案件：部门、状态、期限、结果")
    async def cases(self, info: Info) -> list[CaseType]:
        return [CaseType(row=c) for c in await self._cases(info)]

    @strawberry.field(description="跨部门的统一时间线（一体查询）")
    async def timeline(self, info: Info) -> list[TimelineEntryType]:
        if self.loaded_timeline is None:
            loader = application_loaders(info.context).timeline
            self.loaded_timeline = await loader.load(key_of(self.row))
        return [TimelineEntryType.of(e) for e in self.loaded_timeline]

    async def _cases(self, info: Info) -> list[ApplicationCase]:
        if self.loaded_cases is None:
            self.loaded_cases = await application_loaders(info.context).cases.load(key_of(self.row))
        return self.loaded_cases

    @strawberry.field(description="统一反馈：各事项的办理结果")
    async def result(self, info: Info) -> ResultType:
        cases = await self._cases(info)
        by_state: dict[CaseState, list[str]] = {}
        for case in cases:
            by_state.setdefault(case.state, []).append(case.item_code)
        return ResultType(
            finished=bool(cases) and all(c.state in CASE_FINAL_STATES for c in cases),
            approved=by_state.get(CaseState.APPROVED, []),
            denied=by_state.get(CaseState.DENIED, []),
            closed=by_state.get(CaseState.CLOSED, []) + by_state.get(CaseState.WITHDRAWN, []),
            open=[c.item_code for c in cases if c.state not in CASE_FINAL_STATES],
        )


@strawberry.type
class ApplicationEdge:
    cursor: str
    node: ApplicationType


@strawberry.type
class ApplicationConnection:
    edges: list[ApplicationEdge]
    page_info: PageInfo


@strawberry.type
class CaseEdge:
    cursor: str
    node: CaseType


@strawberry.type
class CaseConnection:
    edges: list[CaseEdge]
    page_info: PageInfo


@strawberry.type(
    name="EmergencyMode", description="本地区启用的应急措施及期间（沪民救发〔2022〕9号）"
)
class EmergencyModeType:
    tenant_code: str
    provision: str
    starts_at: datetime
    ends_at: datetime | None
    set_by: str

    @classmethod
    def of(cls, row: EmergencyMode) -> EmergencyModeType:
        return cls(
            tenant_code=row.tenant_id,
            provision=row.provision,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            set_by=row.set_by,
        )
