"""Reading applications and cases: one application with its cases and timeline, and keyset pages.

Each read authorizes once; lists narrow their rows with the row-scope predicate that
row-level security backs up (tenant subtree, department, area, own).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import ColumnElement, and_, func, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import (
    ForbiddenError,
    allowed_somewhere,
    authenticated,
    authorize,
    is_allowed,
    roles_allowed,
)
from socialaid.access.principal import Principal, Target
from socialaid.access.row_scope import row_scope, tenant_subtree
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications.disclosure import replaced, sensitive_values
from socialaid.applications.emergency import active_provisions
from socialaid.applications.models import Application, ApplicationCase, ApplicationEvent
from socialaid.applications.states import CASE_OPEN_STATES, ApplicationState, CaseState
from socialaid.applications.timeline import TimelineEvent, merge_timeline
from socialaid.audit.sensitive import read_sensitive
from socialaid.clock import CHINA
from socialaid.errors import DomainError, NotFoundError
from socialaid.forms.compiled import CompiledForm
from socialaid.kernel.global_id import raw_key
from socialaid.tenancy.models import Area, Tenant
from socialaid.tenancy.service import get_tenant

# The key a page is sorted by (newest first) and its cursor holds.
T = TypeVar("T")
PageKey = tuple[datetime, uuid.UUID]


@dataclass(frozen=True)
class ApplicationRecord:
    """An application as one reader sees it: its tenant, every case, one merged timeline."""

    application: Application
    tenant: Tenant
    cases: list[ApplicationCase]
    timeline: list[TimelineEvent]


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    has_next_page: bool


@dataclass(frozen=True)
class CaseFilter:
    tenant: str
    department: str | None = None
    status: Sequence[CaseState] = ()
    overdue: bool | None = None
    area: str | None = None  # an area code of the tenant: its cases and those of areas inside it


def _nullable(column: Any) -> ColumnElement[str]:
    """A nullable text column where row_scope takes a text one (NULL matches no scope)."""
    return cast(ColumnElement[str], column)


def _uuid(value: str, what: str, path: str, node_type: str) -> uuid.UUID:
    """The row id in `value`: the node's global id or (during deprecation) the raw UUID."""
    try:
        return uuid.UUID(raw_key(value, node_type))
    except ValueError:
        raise NotFoundError(f"没有这个{what}", path=[path]) from None


def application_read_targets(
    application: Application, tenant: Tenant, cases: Sequence[ApplicationCase]
) -> list[Target]:
    """A department-scoped reader sees an application through a case of its department; an
    application without cases has no department, so such a reader does not see it yet."""
    departments = [c.department for c in cases] or [""]
    return [
        Target(
            tenant_path=tenant.path,
            department=d,
            area_path=application.area_path,
            owner=application.owner,
        )
        for d in departments
    ]


def events_as_timeline(events: Sequence[ApplicationEvent]) -> list[TimelineEvent]:
    return merge_timeline(
        TimelineEvent(
            at=e.at or datetime.now(CHINA),
            sequence=e.id or 0,
            kind=e.kind,
            item=e.item,
            department=e.department,
            summary=e.summary,
            data=e.data,
        )
        for e in events
    )


async def application_record(
    session: AsyncSession, *, actor: Principal | None, application_id: str
) -> ApplicationRecord:
    """One application with every case and the timeline across its departments."""
    actor = allowed_somewhere(actor, Resource.APPLICATION, Action.READ)
    wanted = _uuid(application_id, "申请", "id", "Application")
    application = await session.scalar(select(Application).where(col(Application.id) == wanted))
    if application is None:
        raise NotFoundError("没有这个申请", path=["id"])
    tenant = await get_tenant(session, code=application.tenant_id)
    cases = await cases_of(session, application)
    targets = application_read_targets(application, tenant, cases)
    if not any(is_allowed(actor, Resource.APPLICATION, Action.READ, t) for t in targets):
        raise ForbiddenError()
    return ApplicationRecord(application, tenant, cases, await timeline_of(session, application))


async def case_record(
    session: AsyncSession, *, actor: Principal | None, case_id: str
) -> ApplicationCase:
    """One case, for a reader the case listing would show it to: the same permission and row
    scope as `list_cases` (a caseworker sees its departments' cases only), checked on the row."""
    actor = allowed_somewhere(actor, Resource.CASE, Action.READ)
    wanted = _uuid(case_id, "案件", "id", "Case")
    case = await session.scalar(select(ApplicationCase).where(col(ApplicationCase.id) == wanted))
    if case is None:
        raise NotFoundError("没有这个案件", path=["id"])
    tenant = await get_tenant(session, code=case.tenant_id)
    target = Target(
        tenant_path=tenant.path,
        department=case.department,
        area_path=case.area_path,
        owner=case.owner,
    )
    if not is_allowed(actor, Resource.CASE, Action.READ, target):
        raise ForbiddenError()
    return case


async def cases_of(session: AsyncSession, application: Application) -> list[ApplicationCase]:
    """The application's cases, by item code."""
    result = await session.execute(
        select(ApplicationCase)
        .where(
            col(ApplicationCase.tenant_id) == application.tenant_id,
            col(ApplicationCase.application_id) == application.id,
        )
        .order_by(col(ApplicationCase.item_code))
    )
    return list(result.scalars())


async def timeline_of(session: AsyncSession, application: Application) -> list[TimelineEvent]:
    events = (
        await session.execute(
            select(ApplicationEvent)
            .where(
                col(ApplicationEvent.tenant_id) == application.tenant_id,
                col(ApplicationEvent.application_id) == application.id,
            )
            .order_by(col(ApplicationEvent.id))
        )
    ).scalars()
    return events_as_timeline(list(events))


async def provisions_in_force(
    session: AsyncSession, *, actor: Principal | None, tenant: str
) -> list[str]:
    """The emergency provisions in force in the tenant now (set on it or on an ancestor)."""
    row_tenant = await get_tenant(session, code=tenant)
    authorize(actor, Resource.TENANT, Action.READ, Target(row_tenant.path))
    return await active_provisions(session, row_tenant, datetime.now(CHINA))


def _after(
    created: ColumnElement[datetime], ident: ColumnElement[uuid.UUID], key: PageKey | None
) -> ColumnElement[bool] | None:
    return None if key is None else tuple_(created, ident) < tuple_(key[0], key[1])


async def _application_conditions(
    session: AsyncSession,
    actor: Principal | None,
    tenant: str,
    states: Sequence[ApplicationState],
) -> list[ColumnElement[bool]]:
    """Authorize, and the WHERE clauses of the applications the actor may read in the subtree."""
    actor = authenticated(actor)
    row_tenant = await get_tenant(session, code=tenant)
    authorize(actor, Resource.APPLICATION, Action.READ, Target(row_tenant.path))
    conditions = [
        tenant_subtree(col(Application.tenant_id), row_tenant.path),
        row_scope(
            actor,
            Resource.APPLICATION,
            tenant=col(Application.tenant_id),
            area=_nullable(col(Application.area_path)),
            owner=col(Application.owner),
        ),
    ]
    if states:
        conditions.append(col(Application.state).in_(states))
    return conditions


async def list_applications(
    session: AsyncSession,
    *,
    actor: Principal | None,
    tenant: str,
    states: Sequence[ApplicationState] = (),
    first: int,
    after: PageKey | None = None,
) -> Page[Application]:
    """Applications in the tenant and its descendants that the actor may read, newest first."""
    conditions = await _application_conditions(session, actor, tenant, states)
    submitted = col(Application.submitted_at)
    ident = col(Application.id)
    keyset = _after(submitted, ident, after)  # type: ignore[arg-type]
    if keyset is not None:
        conditions.append(keyset)
    query = (
        select(Application)
        .where(*conditions)
        .order_by(submitted.desc(), ident.desc())
        .limit(first + 1)
    )
    rows = list((await session.execute(query)).scalars())
    return Page(rows[:first], has_next_page=len(rows) > first)


async def count_applications(
    session: AsyncSession,
    *,
    actor: Principal | None,
    tenant: str,
    states: Sequence[ApplicationState] = (),
) -> int:
    """How many applications `list_applications` pages through (the same check and scope)."""
    conditions = await _application_conditions(session, actor, tenant, states)
    return await _count(session, Application, conditions)


async def _count(
    session: AsyncSession, model: type[Any], conditions: Sequence[ColumnElement[bool]]
) -> int:
    found = await session.scalar(select(func.count()).select_from(model).where(*conditions))
    return int(found or 0)


async def _area_prefix(session: AsyncSession, tenant: Tenant, area: str) -> str:
    row = await session.get(Area, (tenant.tenant_id, area))
    if row is None:
        raise NotFoundError(f"{tenant.name}没有代码为 {area} 的街道或社区", path=["filter", "area"])
    return row.path


async def _case_conditions(
    session: AsyncSession, actor: Principal | None, filter: CaseFilter, now: datetime | None
) -> list[ColumnElement[bool]]:
    """Authorize, and the WHERE clauses of the cases the actor may read matching the filter."""
    actor = authenticated(actor)
    tenant = await get_tenant(session, code=filter.tenant)
    authorize(actor, Resource.CASE, Action.READ, Target(tenant.path))
    conditions: list[ColumnElement[bool]] = [
        tenant_subtree(col(ApplicationCase.tenant_id), tenant.path),
        row_scope(
            actor,
            Resource.CASE,
            tenant=col(ApplicationCase.tenant_id),
            department=col(ApplicationCase.department),
            area=_nullable(col(ApplicationCase.area_path)),
            owner=col(ApplicationCase.owner),
        ),
    ]
    if filter.department is not None:
        conditions.append(col(ApplicationCase.department) == filter.department)
    if filter.status:
        conditions.append(col(ApplicationCase.state).in_(filter.status))
    if filter.area is not None:
        prefix = await _area_prefix(session, tenant, filter.area)
        area = col(ApplicationCase.area_path)
        conditions.append(or_(area == prefix, area.like(prefix + "/%")))
    if filter.overdue is not None:
        moment = now or datetime.now(CHINA)
        late = and_(
            col(ApplicationCase.state).in_(sorted(CASE_OPEN_STATES)),
            col(ApplicationCase.due_at) < moment,
        )
        conditions.append(late if filter.overdue else ~late)
    return conditions


async def list_cases(
    session: AsyncSession,
    *,
    actor: Principal | None,
    filter: CaseFilter,
    first: int,
    after: PageKey | None = None,
    now: datetime | None = None,
) -> Page[ApplicationCase]:
    """Cases the actor may read (a caseworker: its departments'), newest first, filtered."""
    conditions = await _case_conditions(session, actor, filter, now)
    created = col(ApplicationCase.created_at)
    ident = col(ApplicationCase.id)
    keyset = _after(created, ident, after)  # type: ignore[arg-type]
    if keyset is not None:
        conditions.append(keyset)
    query = (
        select(ApplicationCase)
        .where(*conditions)
        .order_by(created.desc(), ident.desc())
        .limit(first + 1)
    )
    rows = list((await session.execute(query)).scalars())
    return Page(rows[:first], has_next_page=len(rows) > first)


async def count_cases(
    session: AsyncSession,
    *,
    actor: Principal | None,
    filter: CaseFilter,
    now: datetime | None = None,
) -> int:
    """How many cases `list_cases` pages through (the same check, scope and filter)."""
    return await _count(
        session, ApplicationCase, await _case_conditions(session, actor, filter, now)
    )


def page_key(created: datetime | None, ident: uuid.UUID) -> tuple[str, str]:
    """The cursor's content for a row: its sort time and id."""
    assert created is not None  # set by the service on insert
    return created.isoformat(), str(ident)


def parse_page_key(key: tuple[str, ...]) -> PageKey:
    try:
        return datetime.fromisoformat(key[0]), uuid.UUID(key[1])
    except ValueError:
        raise DomainError("游标无效", path=["after"]) from None


def is_overdue(case: ApplicationCase, now: datetime) -> bool:
    return case.state in CASE_OPEN_STATES and case.due_at is not None and case.due_at < now


async def disclosed_answers(
    session: AsyncSession,
    *,
    actor: Principal,
    application: Application,
    form: CompiledForm,
    tenant: Tenant | None = None,
    cases: Sequence[ApplicationCase] | None = None,
    request_id: str | None = None,
) -> dict[str, Any]:
    """The answers as this reader may see them: sensitive values masked for roles that do not
    need them, and an unmasked read recorded in the audit history. `tenant` and `cases` are read
    when not given."""
    if tenant is None:
        tenant = await get_tenant(session, code=application.tenant_id)
    if cases is None:
        cases = await cases_of(session, application)
    targets = application_read_targets(application, tenant, cases)
    roles = {r for t in targets for r in roles_allowed(actor, Resource.APPLICATION, Action.READ, t)}
    found = sensitive_values(form, application.answers)
    shown = await read_sensitive(
        session,
        actor=actor,
        tenant_id=application.tenant_id,
        subject_type="application",
        subject_id=str(application.id),
        values={path: value for path, (_, value) in found.items()},
        request_id=request_id,
        roles=roles,
    )
    return replaced(application.answers, found, shown)
