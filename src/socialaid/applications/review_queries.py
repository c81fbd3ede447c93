"""Reading re-verifications: the street office's page of reviews (as `cases` reads cases: one
authorization, the row-scope predicate row-level security backs up), and the count of completed
reviews by outcome that statistics reads."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, func, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import (
    ForbiddenError,
    allowed_somewhere,
    authenticated,
    authorize,
    is_allowed,
)
from socialaid.access.principal import Principal, Target
from socialaid.access.row_scope import row_scope, tenant_subtree
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.queries import Page
from socialaid.applications.review_models import HouseholdChangeReport, Reverification
from socialaid.applications.review_schedule import ReviewOutcome, ReviewState
from socialaid.errors import DomainError, NotFoundError
from socialaid.tenancy.models import Area
from socialaid.tenancy.service import get_tenant

# A review without a date (period not chosen yet) sorts after every dated one.
_NO_DATE = date(9999, 12, 31)
PageKey = tuple[date, uuid.UUID]


@dataclass(frozen=True)
class ReviewFilter:
    tenant: str
    due_before: date | None = None  # due on or before this China date
    states: Sequence[ReviewState] = ()
    area: str | None = None  # an area code of the tenant: its reviews and those inside it


def _sort_day() -> ColumnElement[date]:
    return func.coalesce(col(Reverification.due_on), _NO_DATE)


async def _conditions(
    session: AsyncSession, actor: Principal | None, filter: ReviewFilter
) -> list[ColumnElement[bool]]:
    actor = authenticated(actor)
    tenant = await get_tenant(session, code=filter.tenant)
    authorize(actor, Resource.REVERIFICATION, Action.READ, Target(tenant.path))
    area_path: ColumnElement[str] = col(Reverification.area_path)  # type: ignore[assignment]
    conditions: list[ColumnElement[bool]] = [
        tenant_subtree(col(Reverification.tenant_id), tenant.path),
        row_scope(
            actor,
            Resource.REVERIFICATION,
            tenant=col(Reverification.tenant_id),
            department=col(Reverification.department),
            area=area_path,
            owner=col(Reverification.owner),
        ),
    ]
    if filter.states:
        conditions.append(col(Reverification.state).in_([s.value for s in filter.states]))
    if filter.due_before is not None:
        conditions.append(col(Reverification.due_on) <= filter.due_before)
    if filter.area is not None:
        row = await session.get(Area, (tenant.tenant_id, filter.area))
        if row is None:
            raise NotFoundError(
                f"{tenant.name}没有代码为 {filter.area} 的街道或社区", path=["filter", "area"]
            )
        conditions.append(
            or_(area_path == row.path, area_path.startswith(row.path + "/", autoescape=True))
        )
    return conditions


async def list_reviews(
    session: AsyncSession,
    *,
    actor: Principal | None,
    filter: ReviewFilter,
    first: int,
    after: PageKey | None = None,
) -> Page[tuple[Reverification, ApplicationCase]]:
    """Reviews the actor may read, the soonest due first (undated last), with their cases."""
    conditions = await _conditions(session, actor, filter)
    day, ident = _sort_day(), col(Reverification.id)
    if after is not None:
        conditions.append(tuple_(day, ident) > tuple_(after[0], after[1]))
    query = (
        select(Reverification, ApplicationCase)
        .join(
            ApplicationCase,
            (col(ApplicationCase.tenant_id) == col(Reverification.tenant_id))
            & (col(ApplicationCase.id) == col(Reverification.case_id)),
        )
        .where(*conditions)
        .order_by(day, ident)
        .limit(first + 1)
    )
    rows = [(r, c) for r, c in (await session.execute(query)).tuples()]
    return Page(rows[:first], has_next_page=len(rows) > first)


async def count_reviews(
    session: AsyncSession, *, actor: Principal | None, filter: ReviewFilter
) -> int:
    conditions = await _conditions(session, actor, filter)
    found = await session.scalar(
        select(func.count()).select_from(Reverification).where(*conditions)
    )
    return int(found or 0)


async def review_record(
    session: AsyncSession, *, actor: Principal | None, review_id: uuid.UUID
) -> tuple[Reverification, ApplicationCase]:
    """One review with its case, for a reader `reverifications` would show it to: the listing's
    permission and row scope (an adviser its area's, a caseworker its departments'), checked on
    the row, as `case_record` does for cases (node(id:), ADR 0021)."""
    actor = allowed_somewhere(actor, Resource.REVERIFICATION, Action.READ)
    found = (
        await session.execute(
            select(Reverification, ApplicationCase)
            .join(
                ApplicationCase,
                (col(ApplicationCase.tenant_id) == col(Reverification.tenant_id))
                & (col(ApplicationCase.id) == col(Reverification.case_id)),
            )
            .where(col(Reverification.id) == review_id)
        )
    ).first()
    if found is None:
        raise NotFoundError("没有这项核查", path=["id"])
    review, case = found
    tenant = await get_tenant(session, code=review.tenant_id)
    target = Target(
        tenant_path=tenant.path,
        department=review.department,
        area_path=review.area_path,
        owner=review.owner,
    )
    if not is_allowed(actor, Resource.REVERIFICATION, Action.READ, target):
        raise ForbiddenError()
    return review, case


def page_key(review: Reverification) -> tuple[str, str]:
    return (review.due_on or _NO_DATE).isoformat(), str(review.id)


def parse_page_key(key: tuple[str, ...]) -> PageKey:
    try:
        return date.fromisoformat(key[0]), uuid.UUID(key[1])
    except ValueError:
        raise DomainError("游标无效", path=["after"]) from None


async def count_by_outcome(
    session: AsyncSession, *, tenant_path: str, completed_from: date, completed_to: date
) -> dict[ReviewOutcome, int]:
    """Completed reviews in the tenant's subtree by outcome, completed on those China dates
    (inclusive): the statistics hook (issue 23). The caller authorizes and scopes the session."""
    completed_on = func.date(func.timezone("Asia/Shanghai", col(Reverification.completed_at)))
    rows = await session.execute(
        select(col(Reverification.outcome), func.count())
        .where(
            tenant_subtree(col(Reverification.tenant_id), tenant_path),
            col(Reverification.state) == ReviewState.COMPLETED.value,
            completed_on >= completed_from,
            completed_on <= completed_to,
        )
        .group_by(col(Reverification.outcome))
    )
    counts = {outcome: 0 for outcome in ReviewOutcome}
    for outcome, count in rows.tuples():
        if outcome is not None:  # a completed review always has one (the service sets both)
            counts[ReviewOutcome(outcome)] = int(count)
    return counts


async def open_review_of(session: AsyncSession, review: Reverification) -> Reverification | None:
    """The benefit's open review after `review` (the next one a continuing review scheduled)."""
    return await session.scalar(
        select(Reverification).where(
            col(Reverification.tenant_id) == review.tenant_id,
            col(Reverification.case_id) == review.case_id,
            col(Reverification.state) != ReviewState.COMPLETED.value,
        )
    )


def cases_of_reviews(reviews: Sequence[Reverification]) -> Select[ApplicationCase]:  # type: ignore[type-var]
    return select(ApplicationCase).where(
        tuple_(col(ApplicationCase.tenant_id), col(ApplicationCase.id)).in_(
            [(r.tenant_id, r.case_id) for r in reviews]
        )
    )


async def application_of(session: AsyncSession, report: HouseholdChangeReport) -> Application:
    found = await session.get(Application, (report.tenant_id, report.application_id))
    assert found is not None  # the report's foreign key
    return found
