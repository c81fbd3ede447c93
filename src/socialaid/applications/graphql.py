"""GraphQL: apply once, one-door triage, the joint meeting, department work, one timeline.

Every root field authorizes once in the service; the fields below an application or case it
returned (cases, timeline, answers) load within the caller's row-level-security scope without
deciding again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, Awaitable, Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import strawberry

from socialaid.access.decisions import UnauthenticatedError
from socialaid.access.principal import Principal
from socialaid.access.sessions import scoped_session
from socialaid.applications import publish_preview, queries, service
from socialaid.applications.loaders import (
    application_loaders,
    forget_application_loaders,
    key_of,
)
from socialaid.applications.models import Application, ApplicationCase, EmergencyMode
from socialaid.applications.notifications import LOST, ApplicationUpdates
from socialaid.applications.planning import Outcome
from socialaid.applications.states import ApplicationState, CaseState
from socialaid.applications.timeline import TimelineEvent
from socialaid.catalogue.files import Channel, Exemption
from socialaid.clock import CHINA
from socialaid.errors import DomainError, ErrorCode
from socialaid.forms.graphql import FieldErrorType
from socialaid.kernel.context import Info
from socialaid.kernel.pagination import PageInfo, check_page_size, decode_cursor, encode_cursor
from socialaid.kernel.runner import run_mutation
from socialaid.kernel.scalars import JSON, as_json
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import Failable, UserError

T = TypeVar("T")


ChannelEnum = strawberry.enum(
    Channel,
    name="ApplicationChannel",
    description="申请渠道：网上、窗口、自助终端、12345热线、社区救助顾问代为申请",
)
ApplicationStateEnum = strawberry.enum(
    ApplicationState, name="ApplicationState", description="申请状态"
)
CaseStateEnum = strawberry.enum(CaseState, name="CaseState", description="事项案件状态")
OutcomeEnum = strawberry.enum(Outcome, name="DecisionOutcome", description="准予或不准予")
ElectionEnum = strawberry.enum(
    Exemption, name="MaterialElection", description="材料的免交或缓交方式（事项允许时）"
)


# ---------------------------------------------------------------- output types


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
    def of(cls, d: dict[str, Any]) -> DecisionType:
        return cls(
            outcome=Outcome(d["outcome"]),
            reasons=list(d.get("reasons") or []),
            amount=d.get("amount"),
            period=d.get("period"),
            starts_on=date.fromisoformat(d["starts_on"]) if d.get("starts_on") else None,
            period_months=d.get("period_months"),
            basis=d.get("basis"),
            documents=list(d.get("documents") or []),
            recognised_as=list(d.get("recognised_as") or []),
            decided_by=d["decided_by"],
            decided_at=datetime.fromisoformat(d["decided_at"]),
            automatic=bool(d.get("automatic")),
            trigger=d.get("trigger"),
        )


@strawberry.type(name="Notice", description="告知书")
class NoticeType:
    kind: str = strawberry.field(description="approve / deny / reject / supplement")
    text: str
    origin: str = strawberry.field(description="模板来源：本地区或平台默认")
    label: str | None

    @classmethod
    def of(cls, n: dict[str, Any]) -> NoticeType:
        return cls(kind=n["kind"], text=n["text"], origin=n["origin"], label=n.get("label"))


@strawberry.type(name="SupplementRequest", description="补正告知：所需材料与期限")
class SupplementType:
    materials: list[str]
    deadline: date | None
    notice: NoticeType | None
    supplied: list[str]

    @classmethod
    def of(cls, s: dict[str, Any]) -> SupplementType:
        return cls(
            materials=list(s.get("materials") or []),
            deadline=date.fromisoformat(s["deadline"]) if s.get("deadline") else None,
            notice=NoticeType.of(s["notice"]) if s.get("notice") else None,
            supplied=list(s.get("supplied") or []),
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
        return CaseState(self.row.state)

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
        return DecisionType.of(self.row.decision) if self.row.decision else None

    @strawberry.field
    def notice(self) -> NoticeType | None:
        return NoticeType.of(self.row.notice) if self.row.notice else None

    @strawberry.field(description="收到的前置事项结果与说明")
    def received(self) -> JSON:
        return as_json(self.row.received)

    @strawberry.field
    def supplement(self) -> SupplementType | None:
        return SupplementType.of(self.row.supplement) if self.row.supplement else None

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
    def of(cls, m: dict[str, Any]) -> ApplicationMaterialType:
        return cls(
            material=m["material"],
            evidence=m["evidence"],
            subject=m["subject"],
            subject_path=m.get("subject_path"),
            status=m["status"],
            reason=m.get("reason"),
            required_by=list(m.get("required_by") or []),
            exempt_via=m.get("exempt_via"),
            issuer=m.get("issuer"),
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
    def channel(self) -> ChannelEnum:  # type: ignore[valid-type]
        return Channel(self.row.channel)

    @strawberry.field
    def state(self) -> ApplicationStateEnum:  # type: ignore[valid-type]
        return ApplicationState(self.row.state)

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
        return None if self.row.triage is None else as_json(self.row.triage)

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
        by_state: dict[str, list[str]] = {}
        for case in cases:
            by_state.setdefault(case.state, []).append(case.item_code)
        final = {CaseState.APPROVED, CaseState.DENIED, CaseState.CLOSED, CaseState.WITHDRAWN}
        return ResultType(
            finished=bool(cases) and all(CaseState(c.state) in final for c in cases),
            approved=by_state.get(CaseState.APPROVED, []),
            denied=by_state.get(CaseState.DENIED, []),
            closed=by_state.get(CaseState.CLOSED, []) + by_state.get(CaseState.WITHDRAWN, []),
            open=[c.item_code for c in cases if CaseState(c.state) not in final],
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


@strawberry.type(
    name="PublishPreviewSelection",
    description="近 90 天申请用过的一种事项组合，在发布后表单如何变化",
)
class PublishPreviewSelectionType:
    tenant_code: str
    items: list[str]
    applications: int = strawberry.field(description="期间内以此组合提交的申请数")
    hash_before: str | None
    hash_after: str | None
    changed: bool
    fields_added: list[str]
    fields_removed: list[str]
    fields_changed: list[str] = strawberry.field(description="可见、必填条件或约束有变化的字段")
    materials_added: list[str]
    materials_removed: list[str]
    materials_changed: list[str]
    problem: str | None = strawberry.field(description="发布前或发布后无法编译时的原因")

    @classmethod
    def of(cls, c: publish_preview.SelectionChange) -> PublishPreviewSelectionType:
        d = c.difference
        return cls(
            tenant_code=c.selection.tenant,
            items=list(c.selection.items),
            applications=c.selection.applications,
            hash_before=c.hash_before,
            hash_after=c.hash_after,
            changed=c.hash_before != c.hash_after,
            fields_added=list(d.fields_added) if d else [],
            fields_removed=list(d.fields_removed) if d else [],
            fields_changed=list(d.fields_changed) if d else [],
            materials_added=list(d.materials_added) if d else [],
            materials_removed=list(d.materials_removed) if d else [],
            materials_changed=list(d.materials_changed) if d else [],
            problem=c.problem,
        )


# ---------------------------------------------------------------- inputs and payloads


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
    channel: ChannelEnum  # type: ignore[valid-type]
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


@strawberry.type
class ApplicationSubmitPayload(Failable):
    application: ApplicationType | None = None
    replayed: bool = strawberry.field(default=False, description="同一幂等键的重试：返回原申请")
    errors: list[UserError] = strawberry.field(default_factory=list)
    field_errors: list[FieldErrorType] = strawberry.field(
        default_factory=list, description="答案的字段错误"
    )

    @classmethod
    def failed(cls, error: DomainError) -> ApplicationSubmitPayload:
        field_errors = (
            [FieldErrorType(**e) for e in error.errors]
            if isinstance(error, service.AnswersInvalidError)
            else []
        )
        return cls(errors=[UserError.of(error)], field_errors=field_errors)


@strawberry.type
class ApplicationPayload(Failable):
    application: ApplicationType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CasePayload(Failable):
    case: CaseType | None = None
    application: ApplicationType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class EmergencyModePayload(Failable):
    emergency_mode: EmergencyModeType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


# ---------------------------------------------------------------- payloads


async def _application_payload(
    info: Info, act: Callable[[UnitOfWork], Awaitable[Application]]
) -> ApplicationPayload:
    async def work(uow: UnitOfWork) -> ApplicationPayload:
        return ApplicationPayload(application=ApplicationType(row=await act(uow)))

    return await run_mutation(info, ApplicationPayload, work)


async def _case_payload(
    info: Info, act: Callable[[UnitOfWork], Awaitable[ApplicationCase]]
) -> CasePayload:
    async def work(uow: UnitOfWork) -> CasePayload:
        case = await act(uow)
        # Read again in the same transaction: the decision's cascade changed the application.
        application = await uow.session.get_one(
            Application, (case.tenant_id, case.application_id), populate_existing=True
        )
        return CasePayload(case=CaseType(row=case), application=ApplicationType(row=application))

    return await run_mutation(info, CasePayload, work)


def _amount(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise DomainError("金额应为十进制数", path=["amount"]) from None
    if not amount.is_finite() or amount < 0:
        raise DomainError("金额应为非负数", path=["amount"])
    return amount


def _answers(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DomainError("answers 应为对象", path=["answers"])
    return value


# ---------------------------------------------------------------- queries


def _application_edges(rows: list[Application]) -> list[ApplicationEdge]:
    return [
        ApplicationEdge(
            cursor=encode_cursor(queries.page_key(r.submitted_at, r.id)),
            node=ApplicationType(row=r),
        )
        for r in rows
    ]


@strawberry.input
class CaseFilterInput:
    tenant: str
    department: str | None = None
    status: list[CaseStateEnum] = strawberry.field(default_factory=list)  # type: ignore[valid-type]
    overdue: bool | None = strawberry.field(
        default=None, description="true：只看超期；false：只看未超期"
    )
    area: str | None = strawberry.field(default=None, description="街道或社区代码（含其下社区）")


@strawberry.type
class ApplicationQuery:
    @strawberry.field(description="一份申请：各事项案件的状态、期限、结果与跨部门时间线")
    async def application(self, info: Info, id: strawberry.ID) -> ApplicationType:
        async with scoped_session(info.context.db, info.context.principal) as session:
            record = await queries.application_record(
                session, actor=info.context.principal, application_id=str(id)
            )
        return ApplicationType.of(record)

    @strawberry.field(description="租户及其下级的申请（调用者可见者），新者在前")
    async def applications(
        self,
        info: Info,
        tenant: str,
        states: list[ApplicationStateEnum] | None = None,  # type: ignore[valid-type]
        first: int = 20,
        after: str | None = None,
    ) -> ApplicationConnection:
        check_page_size(first, path=["first"])
        key = queries.parse_page_key(decode_cursor(after, 2, path=["after"])) if after else None
        async with scoped_session(info.context.db, info.context.principal) as session:
            page = await queries.list_applications(
                session,
                actor=info.context.principal,
                tenant=tenant,
                states=[ApplicationState(s) for s in states or ()],
                first=first,
                after=key,
            )
        edges = _application_edges(page.rows)
        return ApplicationConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page),
        )

    @strawberry.field(description="案件（部门工作台）：按部门、状态、超期、区域筛选，新者在前")
    async def cases(
        self, info: Info, filter: CaseFilterInput, first: int = 20, after: str | None = None
    ) -> CaseConnection:
        check_page_size(first, path=["first"])
        key = queries.parse_page_key(decode_cursor(after, 2, path=["after"])) if after else None
        async with scoped_session(info.context.db, info.context.principal) as session:
            page = await queries.list_cases(
                session,
                actor=info.context.principal,
                filter=queries.CaseFilter(
                    tenant=filter.tenant,
                    department=filter.department,
                    status=[CaseState(s) for s in filter.status],
                    overdue=filter.overdue,
                    area=filter.area,
                ),
                first=first,
                after=key,
            )
        edges = [
            CaseEdge(
                cursor=encode_cursor(queries.page_key(r.created_at, r.id)), node=CaseType(row=r)
            )
            for r in page.rows
        ]
        return CaseConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page),
        )

    @strawberry.field(
        description="发布预览：近 90 天申请用过的事项组合中，哪些在发布此草稿后表单会变化"
        "（已提交的申请仍按其填写时的表单）；发布检查不通过时返回该错误"
    )
    async def catalogue_draft_publish_preview(
        self, info: Info, tenant: str, code: str, version: int, effective_from: date
    ) -> list[PublishPreviewSelectionType]:
        async with info.context.unit_of_work() as uow:
            changes = await publish_preview.publish_preview(
                uow,
                tenant=tenant,
                code=code,
                version=version,
                effective_from=effective_from,
            )
        return [PublishPreviewSelectionType.of(c) for c in changes]

    @strawberry.field(description="本地区（含上级设定）当前生效的应急措施")
    async def emergency_provisions(self, info: Info, tenant: str) -> list[str]:
        async with scoped_session(info.context.db, info.context.principal) as session:
            return await queries.provisions_in_force(
                session, actor=info.context.principal, tenant=tenant
            )


# ---------------------------------------------------------------- mutations


@strawberry.type
class ApplicationMutation:
    @strawberry.mutation(description="一次申请多个事项（任一渠道）；同一幂等键重试返回同一申请")
    async def application_submit(
        self, info: Info, input: ApplicationSubmitInput
    ) -> ApplicationSubmitPayload:
        async def work(uow: UnitOfWork) -> ApplicationSubmitPayload:
            submitted = await service.submit(uow, submission=_submission(input))
            return ApplicationSubmitPayload(
                application=ApplicationType(row=submitted.application),
                replayed=submitted.replayed,
            )

        return await run_mutation(info, ApplicationSubmitPayload, work)

    @strawberry.mutation(description="一门受理：受理并分送各事项主管部门（无依赖者并联办理）")
    async def application_triage_accept(
        self, info: Info, input: ApplicationActInput
    ) -> ApplicationPayload:
        return await _application_payload(
            info,
            lambda uow: service.triage_accept(
                uow, application_id=str(input.id), lock_version=input.lock_version
            ),
        )

    @strawberry.mutation(description="一门受理：不予受理，告知理由")
    async def application_triage_reject(
        self, info: Info, input: ApplicationRejectInput
    ) -> ApplicationPayload:
        return await _application_payload(
            info,
            lambda uow: service.triage_reject(
                uow,
                application_id=str(input.id),
                lock_version=input.lock_version,
                reasons=input.reasons,
            ),
        )

    @strawberry.mutation(description="提交联席会议：无适合部门或需多部门会商")
    async def application_triage_escalate(
        self, info: Info, input: ApplicationEscalateInput
    ) -> ApplicationPayload:
        return await _application_payload(
            info,
            lambda uow: service.triage_escalate(
                uow,
                application_id=str(input.id),
                lock_version=input.lock_version,
                reason=input.reason,
            ),
        )

    @strawberry.mutation(description="联席会议指定承办部门与牵头部门，申请转入办理")
    async def application_joint_meeting_assign(
        self, info: Info, input: JointMeetingAssignInput
    ) -> ApplicationPayload:
        return await _application_payload(
            info,
            lambda uow: service.joint_meeting_assign(
                uow,
                application_id=str(input.id),
                lock_version=input.lock_version,
                departments={a.item: a.department for a in input.departments},
                lead=input.lead,
            ),
        )

    @strawberry.mutation(description="联席会议认定不属救助范围：不予受理，告知理由")
    async def application_joint_meeting_reject(
        self, info: Info, input: ApplicationRejectInput
    ) -> ApplicationPayload:
        return await _application_payload(
            info,
            lambda uow: service.joint_meeting_reject(
                uow,
                application_id=str(input.id),
                lock_version=input.lock_version,
                reasons=input.reasons,
            ),
        )

    @strawberry.mutation(description="申请人撤回申请：未办结的案件一并撤回")
    async def application_withdraw(
        self, info: Info, input: ApplicationWithdrawInput
    ) -> ApplicationPayload:
        return await _application_payload(
            info,
            lambda uow: service.withdraw(
                uow,
                application_id=str(input.id),
                lock_version=input.lock_version,
                reason=input.reason,
            ),
        )

    @strawberry.mutation(description="部门接件，开始办理")
    async def case_acknowledge(self, info: Info, input: CaseActInput) -> CasePayload:
        return await _case_payload(
            info,
            lambda uow: service.acknowledge(
                uow, case_id=str(input.id), lock_version=input.lock_version
            ),
        )

    @strawberry.mutation(description="补正：一次性告知所需材料及期限")
    async def case_supplement_request(
        self, info: Info, input: CaseSupplementRequestInput
    ) -> CasePayload:
        return await _case_payload(
            info,
            lambda uow: service.request_supplement(
                uow,
                case_id=str(input.id),
                lock_version=input.lock_version,
                materials=input.materials,
                deadline=input.deadline,
                working_days=input.working_days,
            ),
        )

    @strawberry.mutation(description="申请人（或代办人）提交补正材料")
    async def case_supplement_provide(
        self, info: Info, input: CaseSupplementProvideInput
    ) -> CasePayload:
        return await _case_payload(
            info,
            lambda uow: service.supply(
                uow,
                case_id=str(input.id),
                lock_version=input.lock_version,
                references=input.references,
            ),
        )

    @strawberry.mutation(description="部门作出准予或不准予的决定并出具告知书；结果推送给后道事项")
    async def case_decide(self, info: Info, input: CaseDecideInput) -> CasePayload:
        async def decide(uow: UnitOfWork) -> ApplicationCase:
            # Parsed inside the unit of work, so a bad amount is a payload error like any other.
            decision = service.DecisionInput(
                outcome=Outcome(input.outcome),
                reasons=tuple(input.reasons),
                amount=_amount(input.amount),
                period=input.period,
                period_months=input.period_months,
                starts_on=input.starts_on,
                basis=input.basis,
                documents=tuple(input.documents),
                recognised_as=tuple(input.recognised_as),
            )
            return await service.decide(
                uow, case_id=str(input.id), lock_version=input.lock_version, decision=decision
            )

        return await _case_payload(info, decide)

    @strawberry.mutation(description="启用或结束本地区的应急措施（结束时间早于现在即结束）")
    async def emergency_mode_set(
        self, info: Info, input: EmergencyModeSetInput
    ) -> EmergencyModePayload:
        async def work(uow: UnitOfWork) -> EmergencyModePayload:
            row = await service.set_emergency_mode(
                uow,
                tenant=input.tenant,
                provision=input.provision,
                starts_at=input.starts_at,
                ends_at=input.ends_at,
            )
            return EmergencyModePayload(emergency_mode=EmergencyModeType.of(row))

        return await run_mutation(info, EmergencyModePayload, work)


def _submission(input: ApplicationSubmitInput) -> service.Submission:
    return service.Submission(
        tenant=input.tenant,
        channel=Channel(input.channel).value,
        items=list(input.items),
        answers=_answers(input.answers),
        idempotency_key=input.idempotency_key,
        materials=[
            service.MaterialInput(
                material=m.material,
                subject=m.subject,
                reference=m.reference,
                election=Exemption(m.election) if m.election else None,
            )
            for m in input.materials
        ],
        on_behalf_of=input.on_behalf_of,
        area=input.area,
        personal_commitment=input.personal_commitment,
    )


# ---------------------------------------------------------------- subscription


async def _next_change(queue: asyncio.Queue[str], actor: Principal | None) -> str:
    """The next change, or UNAUTHENTICATED once the subscriber's credentials expire."""
    expires = actor.expires_at if actor is not None else None
    if expires is None:
        return await queue.get()
    try:
        return await asyncio.wait_for(queue.get(), max(expires - time.time(), 0))
    except TimeoutError:
        raise UnauthenticatedError() from None


@strawberry.type
class ApplicationSubscription:
    @strawberry.subscription(
        description="申请或其任一案件变化时推送最新状态（多进程经 LISTEN/NOTIFY）"
    )
    async def application_updated(
        self, info: Info, id: strawberry.ID
    ) -> AsyncGenerator[ApplicationType, None]:
        ctx = info.context

        async def current() -> ApplicationType:
            forget_application_loaders(ctx)  # each push is a new read (and audited as one)
            async with scoped_session(ctx.db, ctx.principal) as session:
                record = await queries.application_record(
                    session, actor=ctx.principal, application_id=str(id)
                )
            return ApplicationType.of(record)

        first = await current()  # authorizes before anything is subscribed
        # Subscribed before the state is sent, so no change between the two is missed.
        async with ctx.caches.of(ApplicationUpdates).subscribe(str(first.row.id)) as queue:
            yield await current()
            while True:
                changed = await _next_change(queue, ctx.principal)
                while changed != LOST and not queue.empty():  # several changes: send the latest
                    changed = queue.get_nowait()
                if changed == LOST:
                    raise DomainError("推送连接已中断，请重新订阅", code=ErrorCode.UNAVAILABLE)
                yield await current()
