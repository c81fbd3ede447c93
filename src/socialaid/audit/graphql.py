"""GraphQL for auditors: events by filter, an application's story, a person's, chain checks."""

from __future__ import annotations

import asyncio
from datetime import datetime
from enum import Enum
from typing import Annotated, Any, ClassVar

import strawberry

from socialaid.access.sessions import replica_reading, scoped_session
from socialaid.access.vocabulary import Role
from socialaid.audit import queries, verification
from socialaid.audit.changes import field_changes
from socialaid.audit.checkpoint_setup import checkpoints_for_verification
from socialaid.audit.models import AuditEvent
from socialaid.audit.queries import EventFilter, EventKey, EventPage, PersonScope
from socialaid.errors import DomainError
from socialaid.kernel.connections import CountedConnection, TotalConnection, relay_connection
from socialaid.kernel.context import Info
from socialaid.kernel.global_id import raw_key
from socialaid.kernel.node import Node
from socialaid.kernel.pagination import (
    AFTER,
    FIRST,
    TOTAL_COUNT,
    Counter,
    PageInfo,
    check_page_size,
    decode_cursor,
    encode_cursor,
    slice_after,
)
from socialaid.kernel.role_enum import RoleEnum
from socialaid.kernel.scalars import JSON, as_json
from socialaid.tenancy.graphql import TenantType, tenant_of


@strawberry.enum(name="AuditChainProblem", description="哈希链断裂的类型")
class ProblemEnum(Enum):
    """The kinds of verification.Problem, each described for auditors (a test keeps the two
    the same)."""

    CONTENT_CHANGED = strawberry.enum_value(
        "CONTENT_CHANGED",
        description="内容被改（CONTENT_CHANGED）：事件的内容与其存储的哈希不符，内容在写入后被改动",
    )
    LINK_BROKEN = strawberry.enum_value(
        "LINK_BROKEN",
        description="链接断裂（LINK_BROKEN）：事件没有链接到前一事件的哈希，前一事件被改动或替换",
    )
    SEQUENCE_GAP = strawberry.enum_value(
        "SEQUENCE_GAP", description="序号缺口（SEQUENCE_GAP）：序号不连续或重复，有事件被删除或插入"
    )
    HEAD_MISMATCH = strawberry.enum_value(
        "HEAD_MISMATCH",
        description="链头不符（HEAD_MISMATCH）：最新的事件与链头记录不符，最新的事件被删除",
    )
    CHECKPOINT_MISMATCH = strawberry.enum_value(
        "CHECKPOINT_MISMATCH",
        description="检查点不符（CHECKPOINT_MISMATCH）：链在签名检查点的序号处的哈希与检查点不符，或该事件已不存在："
        "签名之后有事件被改写（即使整条链的哈希被重新计算）",
    )
    CHECKPOINT_INVALID = strawberry.enum_value(
        "CHECKPOINT_INVALID",
        description="检查点无效（CHECKPOINT_INVALID）：签名检查点无法读取或签名无效（不是受信任的公钥所签），检查点的存放处可能被改动",
    )


def _dict(value: Any) -> dict[str, Any] | None:
    if value is None or isinstance(value, dict):
        return value
    return {"value": value}


@strawberry.type(name="AuditFieldChange", description="一次变更中取值不同的字段")
class FieldChangeType:
    field: str = strawberry.field(description="字段名（点分路径）")
    before: JSON | None = strawberry.field(description="变更前的取值；新增时为 null")
    after: JSON | None = strawberry.field(description="变更后的取值；删除时为 null")


@strawberry.type(name="AuditEvent", description="一条审计事件（只增不改，按租户哈希成链）")
class AuditEventType(Node):
    node_type: ClassVar[str] = "AuditEvent"
    database_id: str = strawberry.field(
        description="事件的数据库标识（整数的十进制），与 AuditBrokenLink.eventId 相同；缓存与 node(id:) 用 id"
    )
    tenant_code: str = strawberry.field(
        description="事件所属租户代码（哈希链按租户）",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )
    sequence: int = strawberry.field(description="在本租户哈希链中的序号（连续）")
    occurred_at: datetime = strawberry.field(
        description="发生时间（ISO 8601，带时区偏移）；沿链不倒退"
    )
    actor: str = strawberry.field(description="操作者的用户标识")
    # The row itself: the fields below that convert it (roles, snapshots, their differences, the
    # hashes) do so only when the client selects them — a listing of 50 asks for a few columns.
    row: strawberry.Private[AuditEvent]

    @strawberry.field(description="操作者当时的角色（同 Me.roles 的枚举）")
    def roles(self) -> list[RoleEnum]:  # type: ignore[valid-type]
        return [Role(r) for r in self.row.roles]

    department: str | None = strawberry.field(description="操作者的部门代码；无则为 null")
    action: str = strawberry.field(
        description="动作，如 application.submit、case.acknowledge、role.grant、emergency_mode.set"
    )
    subject_type: str = strawberry.field(
        description="对象类型，如 application、case、catalogue_item"
    )
    subject_id: str = strawberry.field(description="对象标识")

    @strawberry.field(description="变更前的对象快照；新建时为 null")
    def before(self) -> JSON | None:
        return as_json(_dict(self.row.before))

    @strawberry.field(description="变更后的对象快照；删除时为 null")
    def after(self) -> JSON | None:
        return as_json(_dict(self.row.after))

    @strawberry.field(description="before 与 after 不同的字段")
    def changes(self) -> list[FieldChangeType]:
        return [
            FieldChangeType(field=c.field, before=as_json(c.before), after=as_json(c.after))
            for c in field_changes(_dict(self.row.before), _dict(self.row.after))
        ]

    reason: str | None = strawberry.field(
        description="操作者给出的理由（补登、覆盖等）；无则为 null"
    )
    request_id: str | None = strawberry.field(
        description="HTTP 请求标识（响应头 X-Request-Id）；非请求所致时为 null"
    )
    client_address: str | None = strawberry.field(description="客户端地址；无则为 null")
    application_id: str | None = strawberry.field(description="有关的申请标识；无则为 null")
    person_key: str | None = strawberry.field(description="当事人的不可逆键（不含身份证号）")

    @strawberry.field(description="上一事件的哈希（十六进制）；链首为全零")
    def previous_hash(self) -> str:
        assert self.row.previous_hash is not None
        return self.row.previous_hash.hex()

    @strawberry.field(description="本事件的哈希（十六进制），覆盖内容与 previousHash")
    def hash(self) -> str:
        assert self.row.hash is not None
        return self.row.hash.hex()

    def node_key(self) -> tuple[str, ...]:
        return (self.tenant_code, str(self.sequence))

    @strawberry.field(description="事件所属租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    @classmethod
    def of(cls, e: AuditEvent) -> AuditEventType:
        assert e.occurred_at and e.sequence and e.hash is not None and e.previous_hash is not None
        return cls(
            database_id=str(e.id),
            tenant_code=e.tenant_id,
            sequence=e.sequence,
            occurred_at=e.occurred_at,
            actor=e.actor,
            row=e,
            department=e.department,
            action=e.action,
            subject_type=e.subject_type,
            subject_id=e.subject_id,
            reason=e.reason,
            request_id=e.request_id,
            client_address=e.client_address,
            application_id=e.application_id,
            person_key=e.person_key,
        )


@relay_connection(
    description="审计事件的分页列表（Relay 连接），最新的在前",
    edge="审计事件连接中的一条",
    node="审计事件",
    edges="本页的事件",
)
class AuditEventConnection(CountedConnection[AuditEventType]):
    # count counts at most cap + 1 events (queries.count_where), once for both count fields.
    cap: strawberry.Private[int]
    counting: strawberry.Private[asyncio.Future[int] | None] = None

    @strawberry.field(
        description=TOTAL_COUNT
        + "；至多数到上限（SOCIALAID_AUDIT_COUNT_CAP，默认 10000）：符合条件的更多时为上限，"
        "且 totalCountIsCapped 为 true（界面可显示“10000 条以上”）"
    )
    async def total_count(self) -> int:
        return min(await self._counted(), self.cap)

    @strawberry.field(
        description="totalCount 是否封顶：true 时符合条件的事件多于 totalCount 条"
        "（对数百万条事件精确计数要数秒，故只数到上限）；false 时 totalCount 即精确总数"
    )
    async def total_count_is_capped(self) -> bool:
        return await self._counted() > self.cap

    async def _counted(self) -> int:
        if self.counting is None:
            self.counting = asyncio.ensure_future(self.count())
        return await self.counting

    @classmethod
    def of(
        cls, page: EventPage, *, after: str | None, count: Counter, cap: int
    ) -> AuditEventConnection:
        edges = [
            cls.edge(cursor=_cursor(queries.event_key(e)), node=AuditEventType.of(e))
            for e in page.events
        ]
        return cls(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page, after=after),
            count=count,
            cap=cap,
        )


def _cursor(key: EventKey) -> str:
    return encode_cursor(_cursor_key(key))


def _cursor_key(key: EventKey) -> list[str]:
    occurred_at, tenant, sequence = key
    return [occurred_at.isoformat(), tenant, str(sequence)]


def _event_cursor_key(event: AuditEvent) -> list[str]:
    return _cursor_key(queries.event_key(event))


def _key(cursor: str | None) -> EventKey | None:
    if cursor is None:
        return None
    occurred_at, tenant, sequence = decode_cursor(cursor, 3, path=["after"])
    try:
        return (datetime.fromisoformat(occurred_at), tenant, int(sequence))
    except ValueError as exc:
        raise DomainError("游标无效", path=["after"]) from exc


@strawberry.input(description="审计事件的筛选条件；时间段含起点、不含终点")
class AuditEventFilter:
    tenant: str = strawberry.field(description="租户（行政区划代码），须在管辖范围内")
    include_descendants: bool = strawberry.field(default=False, description="是否包含下级租户")
    applicant_id_number: str | None = strawberry.field(
        default=None, description="当事人身份证件号码（按不可逆键匹配，不落库）"
    )
    application: str | None = strawberry.field(
        default=None,
        description="申请的全局标识（Application.id）或数据库标识（Application.databaseId）",
    )
    department: str | None = strawberry.field(default=None, description="部门代码")
    actor: str | None = strawberry.field(default=None, description="操作者的用户标识")
    action: str | None = strawberry.field(default=None, description="动作，如 application.submit")
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="时间段起点（含，ISO 8601）；null 为不限"
    )
    to: datetime | None = strawberry.field(
        default=None, description="时间段终点（不含，ISO 8601）；null 为不限"
    )

    def as_filter(self) -> EventFilter:
        return EventFilter(
            tenant=self.tenant,
            include_descendants=self.include_descendants,
            applicant_id_number=self.applicant_id_number,
            application=None
            if self.application is None
            else raw_key(self.application, "Application"),
            department=self.department,
            actor=self.actor,
            action=self.action,
            occurred_from=queries.china_time(self.from_),
            occurred_to=queries.china_time(self.to),
        )


@strawberry.type(name="ApplicationHistory", description="一件申请跨部门的完整经过")
class ApplicationHistoryType:
    application_id: str = strawberry.field(description="申请的数据库标识（Application.databaseId）")
    tenant_code: str = strawberry.field(
        description="申请所在租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )
    departments: list[str] = strawberry.field(description="经手的部门代码")
    events: list[AuditEventType] = strawberry.field(
        description="按发生顺序",
        deprecation_reason="#17：请用 eventsConnection（分页，随办理增长的列表）",
    )
    rows: strawberry.Private[list[AuditEvent]]

    @strawberry.field(description="申请所在租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    @strawberry.field(description="全部变更的分页列表，按发生顺序（最早的在前）")
    def events_connection(
        self,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 50,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> AuditEventConnection:
        check_page_size(first, path=["first"])
        page, more = slice_after(
            self.rows, _event_cursor_key, first=first, after=after, path=["after"]
        )
        total = len(self.rows)

        async def count() -> int:
            return total

        # The whole history is in memory already: its count is exact, never capped.
        return AuditEventConnection.of(
            EventPage(page, has_next_page=more), after=after, count=count, cap=total
        )


@strawberry.type(name="PersonApplication", description="与当事人有关的一件申请")
class PersonApplicationType:
    application_id: str = strawberry.field(description="申请标识")
    tenant_code: str = strawberry.field(
        description="申请所在租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="申请所在租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    first_at: datetime = strawberry.field(
        description="最早一条有关事件的时间（ISO 8601，带时区偏移）"
    )
    last_at: datetime = strawberry.field(
        description="最近一条有关事件的时间（ISO 8601，带时区偏移）"
    )
    event_count: int = strawberry.field(description="有关事件数")
    departments: list[str] = strawberry.field(description="经手的部门代码")
    actions: list[str] = strawberry.field(description="出现过的动作")

    @classmethod
    def of(cls, r: queries.PersonApplication) -> PersonApplicationType:
        return cls(
            application_id=r.application_id,
            tenant_code=r.tenant_id,
            first_at=r.first_at,
            last_at=r.last_at,
            event_count=r.events,
            departments=r.departments,
            actions=r.actions,
        )


@relay_connection(
    description="与当事人有关的申请的分页列表（Relay 连接），最近开始的在前",
    edge="当事人申请连接中的一条",
    node="与当事人有关的一件申请",
    edges="本页的申请",
)
class PersonApplicationConnection(TotalConnection[PersonApplicationType]):
    pass


def _person_key(row: queries.PersonApplication) -> list[str]:
    return [row.tenant_id, row.application_id]


@strawberry.type(name="PersonHistory", description="当事人在各部门、各租户（管辖范围内）的记录")
class PersonHistoryType:
    scope: strawberry.Private[PersonScope]

    @strawberry.field(
        description="涉及当事人的申请，最近开始的在前",
        deprecation_reason="#17：请用 applicationsConnection（分页，随申请增长的列表）",
    )
    async def applications(self, info: Info) -> list[PersonApplicationType]:
        return [PersonApplicationType.of(r) for r in await self._applications(info)]

    @strawberry.field(description="涉及当事人的申请的分页列表，最近开始的在前")
    async def applications_connection(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 50,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> PersonApplicationConnection:
        check_page_size(first, path=["first"])
        rows = await self._applications(info)
        page, more = slice_after(rows, _person_key, first=first, after=after, path=["after"])
        edges = [
            PersonApplicationConnection.edge(
                cursor=encode_cursor(_person_key(r)), node=PersonApplicationType.of(r)
            )
            for r in page
        ]
        return PersonApplicationConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=more, after=after),
            total_count=len(rows),
        )

    async def _applications(self, info: Info) -> list[queries.PersonApplication]:
        async with scoped_session(info.context.db, self.scope.actor, replica=True) as session:
            return await queries.person_applications(session, self.scope)

    @strawberry.field(description="涉及当事人的审计事件，最新的在前")
    async def events(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 50,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> AuditEventConnection:
        check_page_size(first, path=["first"])
        key = _key(after)
        async with scoped_session(info.context.db, self.scope.actor, replica=True) as session:
            page = await queries.person_events(session, self.scope, first=first, after=key)

        cap = info.context.settings.audit_count_cap

        async def count() -> int:
            async with scoped_session(info.context.db, self.scope.actor, replica=True) as session:
                return await queries.count_person_events(session, self.scope, cap=cap)

        return AuditEventConnection.of(page, after=after, count=count, cap=cap)


@strawberry.type(name="AuditBrokenLink", description="哈希链中第一处断裂")
class BrokenLinkType:
    tenant_code: str = strawberry.field(
        description="租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    sequence: int = strawberry.field(description="断裂处的序号")
    event_id: strawberry.ID | None = strawberry.field(
        description="断裂处的事件标识；事件已不存在时为 null"
    )
    problem: ProblemEnum = strawberry.field(description="断裂的类型")
    message: str = strawberry.field(description="中文说明")


@strawberry.type(
    name="AuditCheckpointCoverage",
    description="与数据库之外保存的签名检查点的比对：检查点由数据库从不持有的密钥签署",
)
class CheckpointCoverageType:
    configured: bool = strawberry.field(
        description="是否配置了签名检查点；为 false 时只校验了链本身，"
        "持有数据库所有者或超级用户权限者改写事件并重算整条链发现不了"
    )
    compared: int = strawberry.field(description="与链比对过的检查点数")
    covered_through: int | None = strawberry.field(
        description="此序号及之前的事件与签名检查点一致（无相符的检查点时为空）"
    )
    signed_at: datetime | None = strawberry.field(description="该检查点的签名时间")
    message: str = strawberry.field(description="比对结果的中文说明")

    @classmethod
    def of(cls, c: verification.CheckpointCoverage) -> CheckpointCoverageType:
        return cls(
            configured=c.configured,
            compared=c.compared,
            covered_through=c.covered_through,
            signed_at=c.signed_at,
            message=c.message,
        )


@strawberry.type(name="AuditVerification", description="哈希链校验结果")
class VerificationType:
    tenant_code: str = strawberry.field(
        description="租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    ok: bool = strawberry.field(description="链与检查点是否均无问题（未配置检查点时只说明链本身）")
    checked: int = strawberry.field(description="校验的事件数")
    first_sequence: int | None = strawberry.field(description="校验的第一个序号；无事件时为 null")
    last_sequence: int | None = strawberry.field(description="校验的最后一个序号；无事件时为 null")
    broken_link: BrokenLinkType | None = strawberry.field(description="第一处断裂；无断裂时为 null")
    checkpoints: CheckpointCoverageType = strawberry.field(
        description="与签名检查点的比对；未配置时明说，不当作通过"
    )

    @classmethod
    def of(cls, v: verification.Verification) -> VerificationType:
        b = v.broken
        return cls(
            tenant_code=v.tenant_id,
            ok=v.ok,
            checked=v.checked,
            first_sequence=v.first_sequence,
            last_sequence=v.last_sequence,
            broken_link=BrokenLinkType(
                tenant_code=b.tenant_id,
                sequence=b.sequence,
                event_id=strawberry.ID(str(b.event_id)) if b.event_id is not None else None,
                problem=ProblemEnum(b.problem.value),
                message=b.message,
            )
            if b
            else None,
            checkpoints=CheckpointCoverageType.of(v.checkpoints),
        )


@strawberry.type(description="审计查询（auditor，管辖范围内）；每次查询本身也记入审计")
class AuditQuery:
    @strawberry.field(description="按条件查询审计事件（管辖范围内），最新的在前；需 auditor")
    async def audit_events(
        self,
        info: Info,
        filter: Annotated[AuditEventFilter, strawberry.argument(description="筛选条件")],
        first: Annotated[int, strawberry.argument(description=FIRST)] = 50,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> AuditEventConnection:
        check_page_size(first, path=["first"])
        key = _key(after)
        ctx = info.context
        async with (
            scoped_session(ctx.db, ctx.principal) as session,
            replica_reading(ctx.db, ctx.principal, session) as reading,
        ):
            page = await queries.list_events(
                session,
                reading=reading,
                actor=ctx.principal,
                signing_key=ctx.settings.signing_key,
                event_filter=filter.as_filter(),
                first=first,
                after=key,
            )

        async def count() -> int:
            async with (
                scoped_session(ctx.db, ctx.principal) as session,
                replica_reading(ctx.db, ctx.principal, session) as reading,
            ):
                return await queries.count_events(
                    session,
                    reading=reading,
                    actor=ctx.principal,
                    signing_key=ctx.settings.signing_key,
                    event_filter=filter.as_filter(),
                    cap=ctx.settings.audit_count_cap,
                )

        return AuditEventConnection.of(
            page, after=after, count=count, cap=ctx.settings.audit_count_cap
        )

    @strawberry.field(description="一件申请跨部门的全部变更（含变更前后），按发生顺序；需 auditor")
    async def application_history(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="申请的全局标识（Application.id）；弃用期内也接受数据库标识（Application.databaseId）"
            ),
        ],
    ) -> ApplicationHistoryType:
        ctx = info.context
        application_id = raw_key(str(id), "Application")
        async with (
            scoped_session(ctx.db, ctx.principal) as session,
            replica_reading(ctx.db, ctx.principal, session) as reading,
        ):
            events = await queries.application_history(
                session, reading=reading, actor=ctx.principal, application_id=application_id
            )
        return ApplicationHistoryType(
            application_id=application_id,
            tenant_code=events[0].tenant_id,
            departments=sorted({e.department for e in events if e.department}),
            events=[AuditEventType.of(e) for e in events],
            rows=events,
        )

    @strawberry.field(description="按身份证件号码查询当事人的申请与案件记录；需 auditor")
    async def person_history(
        self,
        info: Info,
        id_number: Annotated[
            str,
            strawberry.argument(
                description="当事人的居民身份证号（18 位）；按不可逆键匹配，号码不落库也不写入审计"
            ),
        ],
    ) -> PersonHistoryType:
        ctx = info.context
        async with scoped_session(ctx.db, ctx.principal) as session:
            scope = await queries.open_person_history(
                session,
                actor=ctx.principal,
                signing_key=ctx.settings.signing_key,
                id_number=id_number,
            )
        return PersonHistoryType(scope=scope)

    @strawberry.field(description="校验租户的审计哈希链（可限定时间段）；需 auditor")
    async def audit_verify(
        self,
        info: Info,
        tenant: Annotated[
            str, strawberry.argument(description="租户（行政区划代码），须在管辖范围内")
        ],
        from_: Annotated[
            datetime | None,
            strawberry.argument(
                name="from", description="只校验此时间（含，ISO 8601）之后的事件；null 为从头"
            ),
        ] = None,
        to: Annotated[
            datetime | None,
            strawberry.argument(description="只校验此时间（不含）之前的事件；null 为到最新"),
        ] = None,
    ) -> VerificationType:
        ctx = info.context
        async with scoped_session(ctx.db, ctx.principal) as session:
            result = await verification.verify(
                session,
                actor=ctx.principal,
                tenant_code=tenant,
                occurred_from=queries.china_time(from_),
                occurred_to=queries.china_time(to),
                checkpoints=checkpoints_for_verification(ctx.settings),
            )
        return VerificationType.of(result)
