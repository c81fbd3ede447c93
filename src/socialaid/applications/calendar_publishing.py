"""A province publishes a year's working-day calendar, and the provisional deadlines of its open
cases and 补正 requests are counted again on it, in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications import deadlines
from socialaid.applications.models import ApplicationCase
from socialaid.applications.states import CASE_OPEN_STATES, CaseState
from socialaid.audit.writer import write_event
from socialaid.calendars.models import WorkingCalendarYear, stored_values
from socialaid.calendars.service import calendar_of
from socialaid.calendars.working_calendar import (
    CalendarProblem,
    WorkingCalendar,
    YearCalendar,
    problems_of,
)
from socialaid.clock import CHINA
from socialaid.errors import DomainError
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.models import Tenant
from socialaid.tenancy.service import get_tenant

PUBLISHED = "published"


class CalendarInvalidError(DomainError):
    """The schedule is not a coherent year: one INVALID_INPUT error per problem, each its path."""

    def __init__(self, problems: list[CalendarProblem]) -> None:
        self.problems = [
            DomainError(p.message, path=[str(part) for part in p.path]) for p in problems
        ]
        super().__init__("；".join(p.message for p in problems), path=self.problems[0].path)

    @property
    def failures(self) -> list[DomainError]:
        return list(self.problems)


@dataclass(frozen=True)
class Recounted:
    cases: int
    supplements: int


async def publish_working_calendar(
    uow: UnitOfWork, *, tenant: str, schedule: YearCalendar
) -> tuple[WorkingCalendarYear, Recounted]:
    """Store `schedule` for the root tenant `tenant` (replacing that year) and recount the
    provisional deadlines in its tree."""
    session, actor = uow.session, authenticated(uow.actor)
    row_tenant = await get_tenant(session, code=tenant)
    authorize(actor, Resource.WORKING_CALENDAR, Action.PUBLISH, Target(tenant_path=row_tenant.path))
    if row_tenant.parent_id is not None:
        # The State Council's schedule holds province-wide: no district has one of its own (a
        # district's admin asking for its province is refused by `authorize` above).
        root = row_tenant.path.split("/")[0]
        raise DomainError(f"工作日历由省级租户发布，请对 {root} 发布", path=["tenant"])
    problems = problems_of(schedule)
    if problems:
        raise CalendarInvalidError(problems)
    key = (row_tenant.tenant_id, schedule.year)
    before_row = await session.get(WorkingCalendarYear, key)
    before = (
        None
        if before_row is None
        else {
            "source": before_row.source,
            "holidays": before_row.holidays,
            "adjusted_workdays": before_row.adjusted_workdays,
        }
    )
    values = {
        "tenant_id": row_tenant.tenant_id,
        "year": schedule.year,
        "source": PUBLISHED,
        "published_by": actor.user_id,
        "published_at": uow.clock(),
        **stored_values(schedule),
    }
    await session.execute(
        insert(WorkingCalendarYear)
        .values(**values)
        .on_conflict_do_update(index_elements=["tenant_id", "year"], set_=values)
    )
    calendar = await calendar_of(session, row_tenant.tenant_id)
    recounted = await _recount(session, row_tenant, calendar, uow.clock())
    await write_event(
        session,
        actor=actor,
        action="working_calendar.publish",
        tenant_id=row_tenant.tenant_id,
        subject_type="working_calendar",
        subject_id=str(schedule.year),
        before=before,
        after={
            "source": PUBLISHED,
            **stored_values(schedule),
            "recounted_cases": recounted.cases,
            "recounted_supplements": recounted.supplements,
        },
        request_id=uow.request_id,
    )
    row = await session.get_one(WorkingCalendarYear, key, populate_existing=True)
    return row, recounted


async def _recount(
    session: AsyncSession, root: Tenant, calendar: WorkingCalendar, now: datetime
) -> Recounted:
    """Count again every provisional deadline of an open case in `root`'s tree.

    A case's deadline is recounted from its clock start on its promised working days; the
    emergency review, which counts hours, never makes a deadline provisional. A 补正 deadline is
    recounted from the day it was requested.
    """
    in_tree = col(ApplicationCase.tenant_id).in_(
        select(col(Tenant.tenant_id)).where(
            (col(Tenant.path) == root.path) | col(Tenant.path).startswith(root.path + "/")
        )
    )
    open_cases = col(ApplicationCase.state).in_(sorted(CASE_OPEN_STATES))
    cases = (
        await session.execute(
            select(ApplicationCase).where(
                in_tree,
                open_cases,
                col(ApplicationCase.due_provisional),
                col(ApplicationCase.clock_started_at).is_not(None),
            )
        )
    ).scalars()
    counted_cases = 0
    for case in cases:
        started = case.clock_started_at
        assert started is not None  # selected so
        due = deadlines.case_deadline(calendar, started, case.item_ref.promised_working_days)
        await _set(
            session,
            case,
            now,
            due_at=None if due is None else due.at,
            due_provisional=due is not None and due.provisional,
        )
        counted_cases += 1
    supplements = (
        await session.execute(
            select(ApplicationCase).where(
                in_tree,
                col(ApplicationCase.state) == CaseState.SUPPLEMENT_REQUESTED,
                func.jsonb_extract_path_text(col(ApplicationCase.supplement), "provisional")
                == "true",
            )
        )
    ).scalars()
    counted_supplements = 0
    for case in supplements:
        requested = case.supplement
        if requested is None or requested.working_days is None:  # pragma: no cover - selected so
            continue
        since = requested.requested_at.astimezone(CHINA).date()
        counted = calendar.add_working_days(since, requested.working_days)
        record = requested.model_copy(
            update={"deadline": counted.day, "provisional": counted.provisional or None}
        )
        await _set(session, case, now, supplement=record)
        counted_supplements += 1
    return Recounted(counted_cases, counted_supplements)


async def _set(
    session: AsyncSession, case: ApplicationCase, now: datetime, **values: object
) -> None:
    # Not a clerk's edit: lock_version stays, so nobody's open form is made stale by a publish.
    await session.execute(
        update(ApplicationCase)
        .where(col(ApplicationCase.tenant_id) == case.tenant_id, col(ApplicationCase.id) == case.id)
        .values(**values, updated_at=now)
        .execution_options(synchronize_session=False)
    )
