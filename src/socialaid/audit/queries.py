"""Auditors reading the history: filtered listings, one application's story, one person's.

Each operation is authorized once (audit_event / read) in the auditor's jurisdiction, narrowed by
the row-scope predicate, and recorded as an `audit.read` event in the same transaction: who
looked at which part of the history is itself part of it. Read events name their subject
(subject_type, subject_id) but not the application or person column, so the histories they
look at stay the stories of the applications and people themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, literal, select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Principal, Target
from socialaid.access.row_scope import row_scope, tenant_subtree
from socialaid.access.vocabulary import Action, Resource
from socialaid.audit.models import AuditEvent
from socialaid.audit.person import person_key
from socialaid.audit.writer import write_event
from socialaid.clock import CHINA
from socialaid.errors import DomainError, NotFoundError
from socialaid.tenancy.models import Tenant

AUDIT_READ = "audit.read"
# The keyset of every listing: time, then the tenant's chain position (unique per tenant).
EventKey = tuple[datetime, str, int]


@dataclass(frozen=True)
class EventFilter:
    """What an auditor narrows the history by; `occurred_to` is exclusive."""

    tenant: str
    include_descendants: bool = False
    applicant_id_number: str | None = None
    application: str | None = None
    department: str | None = None
    actor: str | None = None
    action: str | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None


@dataclass(frozen=True)
class EventPage:
    events: list[AuditEvent]
    has_next_page: bool


@dataclass(frozen=True)
class PersonScope:
    """An authorized look at one person's history (made only by `open_person_history`)."""

    actor: Principal
    person_key: str


@dataclass(frozen=True)
class PersonApplication:
    application_id: str
    tenant_id: str
    first_at: datetime
    last_at: datetime
    events: int
    departments: list[str]
    actions: list[str]


def china_time(value: datetime | None) -> datetime | None:
    """A time without an offset is read as China time (what auditors there mean by it)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=CHINA)


def event_key(event: AuditEvent) -> EventKey:
    assert event.occurred_at is not None and event.sequence is not None  # set by the database
    return (event.occurred_at, event.tenant_id, event.sequence)


def _keyset() -> ColumnElement[Any]:
    return tuple_(col(AuditEvent.occurred_at), col(AuditEvent.tenant_id), col(AuditEvent.sequence))


def _newest_first() -> tuple[ColumnElement[Any], ...]:
    return (
        col(AuditEvent.occurred_at).desc(),
        col(AuditEvent.tenant_id).desc(),
        col(AuditEvent.sequence).desc(),
    )


def oldest_first() -> tuple[ColumnElement[Any], ...]:
    return (
        col(AuditEvent.occurred_at).asc(),
        col(AuditEvent.tenant_id).asc(),
        col(AuditEvent.sequence).asc(),
    )


async def authorized_tenant(
    session: AsyncSession, actor: Principal | None, code: str, *, path: list[str]
) -> tuple[Principal, Tenant]:
    """The auditor and the tenant asked about, when the auditor's jurisdiction covers it."""
    actor = authenticated(actor)
    tenant = await session.get(Tenant, code)
    if tenant is None:
        raise NotFoundError(f"没有行政区划代码为 {code} 的租户", path=path)
    authorize(actor, Resource.AUDIT_EVENT, Action.READ, Target(tenant.path))
    return actor, tenant


def filter_conditions(
    event_filter: EventFilter, tenant: Tenant, signing_key: str
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter (shared by listings and exports)."""
    f = event_filter
    conditions: list[ColumnElement[bool]] = [
        tenant_subtree(col(AuditEvent.tenant_id), tenant.path)
        if f.include_descendants
        else col(AuditEvent.tenant_id) == tenant.tenant_id
    ]
    if f.applicant_id_number is not None:
        key = person_key(signing_key, f.applicant_id_number)
        conditions.append(col(AuditEvent.person_key) == key)
    if f.application is not None:
        conditions.append(col(AuditEvent.application_id) == f.application)
    if f.department is not None:
        conditions.append(col(AuditEvent.department) == f.department)
    if f.actor is not None:
        conditions.append(col(AuditEvent.actor) == f.actor)
    if f.action is not None:
        conditions.append(col(AuditEvent.action) == f.action)
    if f.occurred_from is not None:
        conditions.append(col(AuditEvent.occurred_at) >= f.occurred_from)
    if f.occurred_to is not None:
        conditions.append(col(AuditEvent.occurred_at) < f.occurred_to)
    return conditions


def describe_filter(event_filter: EventFilter, signing_key: str) -> dict[str, Any]:
    """The filter as recorded in the read event: the ID number only as its person key."""
    f = event_filter
    described: dict[str, Any] = {
        "tenant": f.tenant,
        "includeDescendants": f.include_descendants,
        "applicant": person_key(signing_key, f.applicant_id_number)
        if f.applicant_id_number is not None
        else None,
        "application": f.application,
        "department": f.department,
        "actor": f.actor,
        "action": f.action,
        "from": f.occurred_from.isoformat() if f.occurred_from else None,
        "to": f.occurred_to.isoformat() if f.occurred_to else None,
    }
    return {k: v for k, v in described.items() if v is not None}


def visible_to(actor: Principal) -> ColumnElement[bool]:
    return row_scope(actor, Resource.AUDIT_EVENT, tenant=col(AuditEvent.tenant_id))


async def plan_for_these_values(session: AsyncSession) -> None:
    """Plan the transaction's next statements for their actual values. asyncpg prepares every
    statement; after five executions PostgreSQL may switch to a generic plan, and over the
    month partitions a generic plan of a person's events cannot tell one person from a whole
    tenant: 120–140 ms per read instead of 5 ms at 5 % of a province (bench/RESULTS.md,
    issue 20 part 3). Planning each time costs a few ms; the generic plan cost 25 times that."""
    await session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))


async def _page(
    session: AsyncSession,
    conditions: list[ColumnElement[bool]],
    *,
    first: int,
    after: EventKey | None,
) -> EventPage:
    await plan_for_these_values(session)
    query = select(AuditEvent).where(*conditions).order_by(*_newest_first()).limit(first + 1)
    if after is not None:
        query = query.where(_keyset() < tuple_(*after))
    rows = list((await session.execute(query)).scalars())
    return EventPage(rows[:first], has_next_page=len(rows) > first)


async def record_read(
    session: AsyncSession,
    *,
    actor: Principal,
    tenant_id: str,
    subject_type: str,
    subject_id: str,
    query: str,
    details: dict[str, Any],
) -> None:
    await write_event(
        session,
        actor=actor,
        action=AUDIT_READ,
        tenant_id=tenant_id,
        subject_type=subject_type,
        subject_id=subject_id,
        after={"query": query, **details},
    )


async def list_events(
    session: AsyncSession,
    *,
    actor: Principal | None,
    signing_key: str,
    event_filter: EventFilter,
    first: int,
    after: EventKey | None = None,
    reading: AsyncSession | None = None,
) -> EventPage:
    """Events matching the filter, newest first: read in `reading` (a replica's transaction)
    when given, authorized and recorded in `session`."""
    actor, tenant = await authorized_tenant(
        session, actor, event_filter.tenant, path=["filter", "tenant"]
    )
    conditions = [*filter_conditions(event_filter, tenant, signing_key), visible_to(actor)]
    page = await _page(reading or session, conditions, first=first, after=after)
    await record_read(
        session,
        actor=actor,
        tenant_id=tenant.tenant_id,
        subject_type="audit_event",
        subject_id=tenant.tenant_id,
        query="auditEvents",
        details={"filter": describe_filter(event_filter, signing_key), "rows": len(page.events)},
    )
    return page


async def count_events(
    session: AsyncSession,
    *,
    actor: Principal | None,
    signing_key: str,
    event_filter: EventFilter,
    reading: AsyncSession | None = None,
    cap: int | None = None,
) -> int:
    """How many events `list_events` pages through (the same check, filter and scope), counting
    no further than `cap` + 1 (so a result above `cap` means "more than cap"); the listing
    already recorded the read, so counting records nothing more."""
    actor, tenant = await authorized_tenant(
        session, actor, event_filter.tenant, path=["filter", "tenant"]
    )
    conditions = [*filter_conditions(event_filter, tenant, signing_key), visible_to(actor)]
    return await count_where(reading or session, conditions, cap=cap)


async def count_where(
    session: AsyncSession, conditions: Sequence[ColumnElement[bool]], *, cap: int | None = None
) -> int:
    """COUNT of the matching events; with `cap`, of at most cap + 1 of them: PostgreSQL stops
    reading (an index-only scan, usually) once it has that many, where an exact count of a
    whole tenant reads millions of rows."""
    await plan_for_these_values(session)
    if cap is None:
        found = await session.scalar(
            select(func.count()).select_from(AuditEvent).where(*conditions)
        )
    else:
        matching = select(literal(1)).select_from(AuditEvent).where(*conditions).limit(cap + 1)
        found = await session.scalar(select(func.count()).select_from(matching.subquery()))
    return int(found or 0)


async def application_history(
    session: AsyncSession,
    *,
    actor: Principal | None,
    application_id: str,
    reading: AsyncSession | None = None,
) -> list[AuditEvent]:
    """Every event of one application the auditor may see, in the order they happened (read in
    `reading` when given, recorded in `session`).

    An application's history is bounded by its cases and their decisions, so it comes whole.
    """
    actor = authenticated(actor)
    authorize(actor, Resource.AUDIT_EVENT, Action.READ, Target(actor.tenant_path))
    rows = await (reading or session).execute(
        select(AuditEvent)
        .where(col(AuditEvent.application_id) == application_id, visible_to(actor))
        .order_by(*oldest_first())
    )
    events = list(rows.scalars())
    if not events:
        # The same answer for "no such application" and "outside your jurisdiction".
        raise NotFoundError("在您的管辖范围内没有该申请的审计记录", path=["id"])
    await record_read(
        session,
        actor=actor,
        tenant_id=events[0].tenant_id,
        subject_type="application",
        subject_id=application_id,
        query="applicationHistory",
        details={"rows": len(events)},
    )
    return events


async def event_record(
    session: AsyncSession,
    *,
    actor: Principal | None,
    tenant_id: str,
    sequence: int,
    reading: AsyncSession | None = None,
) -> AuditEvent:
    """One event the auditor may see (the scope of `list_events`), the read recorded like theirs.

    Not found and outside the jurisdiction answer alike, as `application_history` does."""
    actor = authenticated(actor)
    authorize(actor, Resource.AUDIT_EVENT, Action.READ, Target(actor.tenant_path))
    event = await (reading or session).scalar(
        select(AuditEvent).where(
            col(AuditEvent.tenant_id) == tenant_id,
            col(AuditEvent.sequence) == sequence,
            visible_to(actor),
        )
    )
    if event is None:
        raise NotFoundError("在您的管辖范围内没有这条审计事件", path=["id"])
    await record_read(
        session,
        actor=actor,
        tenant_id=event.tenant_id,
        subject_type="audit_event",
        subject_id=f"{tenant_id}:{sequence}",
        query="node",
        details={"rows": 1},
    )
    return event


async def open_person_history(
    session: AsyncSession, *, actor: Principal | None, signing_key: str, id_number: str
) -> PersonScope:
    """Authorize a look at one person's history and record it; the pages come from the scope."""
    actor = authenticated(actor)
    authorize(actor, Resource.AUDIT_EVENT, Action.READ, Target(actor.tenant_path))
    if not id_number.strip():
        raise DomainError("请提供身份证件号码", path=["idNumber"])
    key = person_key(signing_key, id_number)
    await record_read(
        session,
        actor=actor,
        tenant_id=actor.tenant_id,
        subject_type="person",
        subject_id=key,
        query="personHistory",
        details={},
    )
    return PersonScope(actor=actor, person_key=key)


def _person_conditions(scope: PersonScope) -> list[ColumnElement[bool]]:
    return [col(AuditEvent.person_key) == scope.person_key, visible_to(scope.actor)]


async def person_events(
    session: AsyncSession, scope: PersonScope, *, first: int, after: EventKey | None = None
) -> EventPage:
    """The person's events in every tenant the auditor may see, newest first."""
    return await _page(session, _person_conditions(scope), first=first, after=after)


async def count_person_events(
    session: AsyncSession, scope: PersonScope, *, cap: int | None = None
) -> int:
    return await count_where(session, _person_conditions(scope), cap=cap)


async def person_applications(session: AsyncSession, scope: PersonScope) -> list[PersonApplication]:
    """Each application concerning the person, with the departments that worked on it."""
    await plan_for_these_values(session)
    rows = await session.execute(
        select(
            col(AuditEvent.application_id),
            col(AuditEvent.tenant_id),
            func.min(col(AuditEvent.occurred_at)),
            func.max(col(AuditEvent.occurred_at)),
            func.count(),
            func.array_remove(func.array_agg(col(AuditEvent.department).distinct()), None),
            func.array_agg(col(AuditEvent.action).distinct()),
        )
        .where(*_person_conditions(scope), col(AuditEvent.application_id).is_not(None))
        .group_by(col(AuditEvent.application_id), col(AuditEvent.tenant_id))
        .order_by(func.min(col(AuditEvent.occurred_at)).desc())
    )
    return [
        PersonApplication(
            application_id=application,
            tenant_id=tenant,
            first_at=first_at,
            last_at=last_at,
            events=count,
            departments=sorted(departments),
            actions=sorted(actions),
        )
        for application, tenant, first_at, last_at, count, departments, actions in rows.all()
    ]
