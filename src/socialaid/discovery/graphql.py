"""GraphQL for proactive discovery: `livelihoodTagUpsert` (a department's push), `leads` (a Relay
connection for advisers), `leadAssign`, `leadDismiss`, `leadConvert`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON

from socialaid.access.masking import may_see_sensitive
from socialaid.access.sessions import scoped_session
from socialaid.applications.graphql.inputs import MaterialInputType
from socialaid.applications.graphql.types import ApplicationType
from socialaid.applications.submission import AnswersInvalidError, MaterialInput
from socialaid.catalogue.files import Exemption, TagKind
from socialaid.discovery import queries
from socialaid.discovery.kinds import LeadState
from socialaid.discovery.leads import Conversion, lead_assign, lead_convert, lead_dismiss
from socialaid.discovery.models import Lead, LivelihoodTag
from socialaid.discovery.tags import (
    MAX_TAGS_PER_CALL,
    TagPush,
    upsert_livelihood_tag,
    upsert_livelihood_tags,
)
from socialaid.errors import DomainError, ErrorCode
from socialaid.kernel.connections import CountedConnection, relay_connection
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.global_id import encode_global_id
from socialaid.kernel.pagination import (
    AFTER,
    FIRST,
    PageInfo,
    check_page_size,
    decode_cursor,
    encode_cursor,
)
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.scalars import as_json
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, errors_field, payload_error

TagKindEnum = described_enum(
    TagKind,
    name="LivelihoodTagKind",
    description="民生体征标签的类别（沪民救发〔2022〕9号 三：年龄、身体状况、就业状况、残疾状况、家庭状况等）",
    values={
        "AGE": "年龄（AGE）：如 facts {years}",
        "HEALTH": "身体状况（HEALTH）：如 facts {chronic_illness, serious_illness}",
        "EMPLOYMENT": "就业状况（EMPLOYMENT）：如 facts {employed, registered_unemployed}",
        "DISABILITY": "残疾状况（DISABILITY）：如 facts {severe, grade}",
        "FAMILY_SITUATION": "家庭状况（FAMILY_SITUATION）：如 facts {living_alone, single_parent}",
        "LARGE_MEDICAL_BILLS": "大额医疗费用（LARGE_MEDICAL_BILLS）：如 facts {amount}（元，个人自付）",
        "DISASTER": "受灾（DISASTER）：如 facts {affected, event}",
    },
)
LeadStateEnum = described_enum(
    LeadState,
    name="LeadState",
    description="救助线索的状态",
    values={
        "OPEN": "待跟进（OPEN）：主动发现生成，尚无社区救助顾问跟进",
        "ASSIGNED": "跟进中（ASSIGNED）：已由社区救助顾问跟进",
        "DISMISSED": "不予跟进（DISMISSED）：核实后不需申请，写明理由",
        "CONVERTED": "已转申请（CONVERTED）：顾问已代为提交申请（建议事项预先选定）",
    },
)


# ---------------------------------------------------------------- the push


@strawberry.type(
    name="LivelihoodTag",
    description="民生体征标签：某部门对某居民的一项标注；身份证号不落库（按不可逆键匹配），只留末 4 位",
)
class LivelihoodTagType:
    row: strawberry.Private[LivelihoodTag]

    @strawberry.field(description="所在租户代码")
    def tenant_code(self) -> str:
        return self.row.tenant_id

    @strawberry.field(description="标签类别")
    def kind(self) -> TagKindEnum:  # type: ignore[valid-type]
        return TagKind(self.row.kind)

    @strawberry.field(description="当事人提示：身份证号的末 4 位")
    def subject_hint(self) -> str:
        return self.row.subject_hint

    @strawberry.field(description="居民所在街道或社区的路径")
    def area_path(self) -> str:
        return self.row.area_path

    @strawberry.field(description="推送部门")
    def source_department(self) -> str:
        return self.row.source_department

    @strawberry.field(description="最近一次推送的时间（ISO 8601，带时区偏移）")
    def updated_at(self) -> datetime:
        assert self.row.updated_at is not None
        return self.row.updated_at


LivelihoodTagError = payload_error(
    "LivelihoodTagError", [ErrorCode.NOT_FOUND], operations="livelihoodTagUpsert"
)


@strawberry.type(description="livelihoodTagUpsert 的结果")
class LivelihoodTagPayload(Failable):
    error_type = LivelihoodTagError
    tag: LivelihoodTagType | None = strawberry.field(
        default=None, description="保存后的标签；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(LivelihoodTagError)


@strawberry.input(
    description="批量推送中的一项民生体征标签（字段同 LivelihoodTagUpsertInput，租户在外层）"
)
class LivelihoodTagItemInput:
    kind: TagKindEnum = strawberry.field(description="标签类别")  # type: ignore[valid-type]
    subject_id_number: str = strawberry.field(
        description="居民的居民身份证号（18 位）；只保存其不可逆键与末 4 位"
    )
    household_number: str | None = strawberry.field(
        default=None,
        description="户号（推送部门所知的家庭标识）：同一户只生成一条线索；只保存其不可逆键；省略时按居民本人",
    )
    area: str = strawberry.field(
        description="居民所在街道或社区代码（Tenant.areas）：线索归该区域的社区救助顾问"
    )
    facts: JSON = strawberry.field(
        description="标签的事实：键为小写英文，值为文字、数字或布尔值；规则按 <类别>.<键> 读取（如 large_medical_bills.amount）"
    )
    source_department: str = strawberry.field(
        description="推送部门（职能代码，如 healthcare_security）"
    )
    valid_from: date | None = strawberry.field(
        default=None, description="有效期起（YYYY-MM-DD，含）"
    )
    valid_to: date | None = strawberry.field(
        default=None, description="有效期止（YYYY-MM-DD，不含），须晚于 validFrom"
    )


@strawberry.input(
    description="推送一项民生体征标签（经共享数据通道，权限同 sharedRecordUpsert）；"
    "同一租户、居民、标签类别已有记录时更新，并使该居民进入下次主动发现"
)
class LivelihoodTagUpsertInput(LivelihoodTagItemInput):
    tenant: str = strawberry.field(description="租户（行政区划代码）；调用者须在此持有 integration")


@strawberry.input(
    description=f"批量推送民生体征标签（权限同 livelihoodTagUpsert）：一次 1 至 {MAX_TAGS_PER_CALL} 项，"
    "全部保存或全部不保存，每项错误各自报告路径（input.tags.<序号>.<字段>）；记一条审计事件"
)
class LivelihoodTagsUpsertInput:
    tenant: str = strawberry.field(description="租户（行政区划代码）；调用者须在此持有 integration")
    tags: list[LivelihoodTagItemInput] = strawberry.field(
        description=f"要保存的标签，1 至 {MAX_TAGS_PER_CALL} 项；同一居民的同一类标签只可出现一次"
    )


LivelihoodTagsError = payload_error(
    "LivelihoodTagsError", [ErrorCode.NOT_FOUND], operations="livelihoodTagsUpsert"
)


@strawberry.type(description="livelihoodTagsUpsert 的结果")
class LivelihoodTagsPayload(Failable):
    error_type = LivelihoodTagsError
    upserted: int | None = strawberry.field(
        default=None, description="保存（新增或更新）的标签项数；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(LivelihoodTagsError)


# ---------------------------------------------------------------- leads


@strawberry.type(name="LeadRule", description="生成线索的主动发现规则（目录数据，生成时的版本）")
class LeadRuleType:
    code: str = strawberry.field(description="规则代码")
    version: int = strawberry.field(description="规则版本")
    name: str = strawberry.field(description="规则名称")
    tenant_code: str = strawberry.field(description="规则所在目录的租户代码")
    source: JSON = strawberry.field(description="规则依据：种子文件与条款 {seed, section, quote}")


@strawberry.type(name="LeadTag", description="规则生成线索时读取的一项标签")
class LeadTagType:
    kind: TagKindEnum = strawberry.field(description="标签类别")  # type: ignore[valid-type]
    facts: JSON | None = strawberry.field(
        description="标签的事实（含健康、收入等个人信息）：社区救助顾问、联席会议、审计可见，其他角色为 null"
    )
    source_department: str = strawberry.field(description="推送部门")
    updated_at: datetime = strawberry.field(description="标签最近一次推送的时间")


@strawberry.type(
    name="Lead",
    description="救助线索（政策找人）：主动发现规则按民生体征标签为一户家庭生成，归所在区域的社区救助顾问；"
    "身份证号不落库，只显示末 4 位",
)
class LeadType:
    row: strawberry.Private[Lead]
    sensitive: strawberry.Private[bool]

    @strawberry.field(description="线索的全局标识（leadAssign 等的 id）")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id("Lead", str(self.row.id)))

    @strawberry.field(description="数据库中的标识（UUID），供日志与对账")
    def database_id(self) -> str:
        return str(self.row.id)

    @strawberry.field(description="所在租户代码")
    def tenant_code(self) -> str:
        return self.row.tenant_id

    @strawberry.field(description="状态")
    def state(self) -> LeadStateEnum:  # type: ignore[valid-type]
        return LeadState(self.row.state)

    @strawberry.field(description="乐观锁版本：处理时带上所读到的值")
    def lock_version(self) -> int:
        return self.row.lock_version

    @strawberry.field(description="生成线索的规则")
    def rule(self) -> LeadRuleType:
        return LeadRuleType(
            code=self.row.rule_code,
            version=self.row.rule_version,
            name=self.row.rule_name,
            tenant_code=self.row.rule_tenant,
            source=as_json(self.row.source),
        )

    @strawberry.field(description="建议申请的事项代码（leadConvert 预先选定）")
    def suggested_items(self) -> list[str]:
        return list(self.row.suggested_items)

    @strawberry.field(description="居民所在街道或社区的路径")
    def area_path(self) -> str:
        return self.row.area_path

    @strawberry.field(description="居民提示：身份证号的末 4 位")
    def subject_hint(self) -> str:
        return self.row.subject_hint

    @strawberry.field(description="规则读取的标签")
    def tags(self) -> list[LeadTagType]:
        return [
            LeadTagType(
                kind=TagKind(t["kind"]),
                facts=as_json(t["facts"]) if self.sensitive else None,
                source_department=t["sourceDepartment"],
                updated_at=datetime.fromisoformat(t["updatedAt"]),
            )
            for t in self.row.tags
        ]

    @strawberry.field(description="跟进的社区救助顾问（用户标识）；无人跟进为 null")
    def assigned_to(self) -> str | None:
        return self.row.assigned_to

    @strawberry.field(description="不予跟进的理由；其他状态为 null")
    def dismissed_reason(self) -> str | None:
        return self.row.dismissed_reason

    @strawberry.field(description="转成的申请（Application.id）；未转申请为 null")
    def application_id(self) -> strawberry.ID | None:
        ident = self.row.application_id
        return None if ident is None else strawberry.ID(encode_global_id("Application", str(ident)))

    @strawberry.field(description="生成时间（ISO 8601，带时区偏移）")
    def created_at(self) -> datetime:
        assert self.row.created_at is not None
        return self.row.created_at

    @strawberry.field(description="最近一次处理的时间")
    def updated_at(self) -> datetime:
        assert self.row.updated_at is not None
        return self.row.updated_at


def _lead(info: Info, row: Lead) -> LeadType:
    actor = info.context.principal
    roles = frozenset(actor.roles) if actor is not None else frozenset()
    return LeadType(row=row, sensitive=may_see_sensitive(roles))


@relay_connection(
    description="线索的分页列表（Relay 连接），新者在前",
    edge="线索连接中的一条",
    node="线索",
    edges="本页的线索",
)
class LeadConnection(CountedConnection[LeadType]):
    pass


@strawberry.input(description="线索的筛选条件")
class LeadFilterInput:
    tenant: str = strawberry.field(description="租户（行政区划代码），含其下级")
    area: str | None = strawberry.field(
        default=None, description="街道或社区代码（该租户的）：只列该区域及其下的线索"
    )
    states: list[LeadStateEnum] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="只列这些状态的线索；省略为全部"
    )


@strawberry.input(description="跟进一条线索")
class LeadAssignInput:
    id: strawberry.ID = strawberry.field(description="线索的 id")
    lock_version: int = strawberry.field(description="所读到的 lockVersion")
    assignee: str | None = strawberry.field(
        default=None, description="跟进的社区救助顾问（用户标识）；省略为调用者本人"
    )


@strawberry.input(description="不予跟进一条线索")
class LeadDismissInput:
    id: strawberry.ID = strawberry.field(description="线索的 id")
    lock_version: int = strawberry.field(description="所读到的 lockVersion")
    reason: str = strawberry.field(description="理由（如：已走访，家庭不需救助）")


@strawberry.input(
    description="把线索转为申请：社区救助顾问代该家庭提交申请（渠道 adviser），事项为线索的建议事项；"
    "先以 applicationForm(items: suggestedItems) 取表单"
)
class LeadConvertInput:
    id: strawberry.ID = strawberry.field(description="线索的 id")
    lock_version: int = strawberry.field(description="所读到的 lockVersion")
    answers: JSON = strawberry.field(
        description="表单答案（同 applicationSubmit）；applicant.id_number 须为线索所指的居民"
    )
    idempotency_key: str = strawberry.field(description="幂等键（同 applicationSubmit）")
    materials: list[MaterialInputType] = strawberry.field(
        default_factory=list, description="材料（同 applicationSubmit）"
    )
    personal_commitment: bool = strawberry.field(
        default=False, description="应急期间以个人承诺代替材料（同 applicationSubmit）"
    )


LeadError = payload_error(
    "LeadError",
    [ErrorCode.NOT_FOUND, ErrorCode.ILLEGAL_TRANSITION],
    operations="leadAssign、leadDismiss",
)
LeadConvertError = payload_error(
    "LeadConvertError",
    [ErrorCode.NOT_FOUND, ErrorCode.ILLEGAL_TRANSITION, ErrorCode.FORBIDDEN],
    operations="leadConvert",
)


@strawberry.type(description="leadAssign、leadDismiss 的结果")
class LeadPayload(Failable):
    error_type = LeadError
    lead: LeadType | None = strawberry.field(
        default=None, description="处理后的线索；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(LeadError)


@strawberry.type(description="leadConvert 的结果")
class LeadConvertPayload(Failable):
    error_type = LeadConvertError
    lead: LeadType | None = strawberry.field(
        default=None, description="已转申请的线索；失败时为 null"
    )
    application: ApplicationType | None = strawberry.field(
        default=None, description="代为提交的申请；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(
        LeadConvertError,
        "可预期的失败；答案未通过表单校验时每个字段错误一条（path 以 answers 开头）",
    )

    @classmethod
    def failed(cls, error: DomainError) -> LeadConvertPayload:
        if not isinstance(error, AnswersInvalidError):
            return super().failed(error)
        return cls(
            errors=[
                cls.error_type.of_answer(e["path"], e["code"], e["message"]) for e in error.errors
            ]
        )


def _answers(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@strawberry.type
class DiscoveryQuery:
    @strawberry.field(
        description="救助线索（社区救助顾问只见本区域的，联席会议、审计见租户的），按生成时间新者在前"
    )
    async def leads(
        self,
        info: Info,
        filter: Annotated[LeadFilterInput, strawberry.argument(description="筛选条件")],
        first: Annotated[int, strawberry.argument(description=FIRST)] = 20,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> LeadConnection:
        check_page_size(first, path=["first"])
        key = queries.parse_page_key(decode_cursor(after, 2, path=["after"])) if after else None
        actor = info.context.principal
        where = queries.LeadFilter(
            tenant=filter.tenant,
            area=filter.area,
            states=[LeadState(s) for s in filter.states or []],
        )
        async with scoped_session(info.context.db, actor) as session:
            page = await queries.list_leads(
                session, actor=actor, where=where, first=first, after=key
            )
        edges = [
            LeadConnection.edge(cursor=encode_cursor(queries.page_key(r)), node=_lead(info, r))
            for r in page.rows
        ]

        async def count() -> int:
            async with scoped_session(info.context.db, actor) as session:
                return await queries.count_leads(session, actor=actor, where=where)

        return LeadConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page, after=after),
            count=count,
        )


@strawberry.type
class DiscoveryMutation:
    @strawberry.mutation(
        description="部门推送民生体征标签（经共享数据通道，需 integration）；该居民进入下次主动发现"
    )
    async def livelihood_tag_upsert(
        self,
        info: Info,
        input: Annotated[LivelihoodTagUpsertInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> LivelihoodTagPayload:
        async def work(uow: UnitOfWork) -> LivelihoodTagPayload:
            facts = input.facts
            if not isinstance(facts, dict):
                raise DomainError("facts 须为 JSON 对象", path=["input", "facts"])
            tag = await upsert_livelihood_tag(
                uow,
                tenant=input.tenant,
                kind=TagKind(input.kind),
                subject_id_number=input.subject_id_number,
                household_number=input.household_number,
                area=input.area,
                facts=facts,
                source_department=input.source_department,
                valid_from=input.valid_from,
                valid_to=input.valid_to,
            )
            return LivelihoodTagPayload(tag=LivelihoodTagType(row=tag))

        return await run_mutation(info, LivelihoodTagPayload, work)

    @strawberry.mutation(
        description="部门批量推送民生体征标签（经共享数据通道，需 integration）：全部保存或全部不保存；"
        "涉及的居民进入下次主动发现"
    )
    async def livelihood_tags_upsert(
        self,
        info: Info,
        input: Annotated[
            LivelihoodTagsUpsertInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> LivelihoodTagsPayload:
        async def work(uow: UnitOfWork) -> LivelihoodTagsPayload:
            upserted = await upsert_livelihood_tags(
                uow,
                tenant=input.tenant,
                tags=[
                    TagPush(
                        kind=TagKind(tag.kind),
                        subject_id_number=tag.subject_id_number,
                        household_number=tag.household_number,
                        area=tag.area,
                        facts=tag.facts,
                        source_department=tag.source_department,
                        valid_from=tag.valid_from,
                        valid_to=tag.valid_to,
                    )
                    for tag in input.tags
                ],
                source_path=["input", "tags"],
            )
            return LivelihoodTagsPayload(upserted=upserted)

        return await run_mutation(info, LivelihoodTagsPayload, work)

    @strawberry.mutation(description="社区救助顾问跟进线索（或联席会议交给某位顾问）")
    async def lead_assign(
        self,
        info: Info,
        input: Annotated[LeadAssignInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> LeadPayload:
        async def work(uow: UnitOfWork) -> LeadPayload:
            lead = await lead_assign(
                uow, lead_id=input.id, lock_version=input.lock_version, assignee=input.assignee
            )
            return LeadPayload(lead=_lead(info, lead))

        return await run_mutation(info, LeadPayload, work)

    @strawberry.mutation(description="不予跟进线索，写明理由")
    async def lead_dismiss(
        self,
        info: Info,
        input: Annotated[LeadDismissInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> LeadPayload:
        async def work(uow: UnitOfWork) -> LeadPayload:
            lead = await lead_dismiss(
                uow, lead_id=input.id, lock_version=input.lock_version, reason=input.reason
            )
            return LeadPayload(lead=_lead(info, lead))

        return await run_mutation(info, LeadPayload, work)

    @strawberry.mutation(
        description="把线索转为申请：社区救助顾问代该家庭提交申请，建议事项预先选定（经 applicationSubmit 的同一流程）"
    )
    async def lead_convert(
        self,
        info: Info,
        input: Annotated[LeadConvertInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> LeadConvertPayload:
        async def work(uow: UnitOfWork) -> LeadConvertPayload:
            lead, application = await lead_convert(
                uow,
                lead_id=input.id,
                lock_version=input.lock_version,
                conversion=Conversion(
                    answers=_answers(input.answers),
                    idempotency_key=input.idempotency_key,
                    materials=[
                        MaterialInput(
                            material=m.material,
                            subject=m.subject,
                            reference=m.reference,
                            election=Exemption(m.election) if m.election else None,
                        )
                        for m in input.materials
                    ],
                    personal_commitment=input.personal_commitment,
                ),
            )
            return LeadConvertPayload(
                lead=_lead(info, lead), application=ApplicationType(row=application)
            )

        return await run_mutation(info, LeadConvertPayload, work)
