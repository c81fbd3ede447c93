"""The periodic deadline job (issue 19): mark the open cases past their deadline (the applicant
gets the apology), mark 补正 requests whose deadline passed with nothing supplied, and remind a
case's department a configurable number of working days before its deadline.

The consequence of each is a mark and a timeline entry, nothing more: no catalogue item defines
another (tenants/*/items hold no overdue or lapse rule; 002 and 000 name none), and for a lapsed
补正 the department may already decide on what it has (states.py). The reminder is a
department-facing record — a `case.deadline_reminder` entry on the case's timeline, which the
department's case list and `applicationUpdated` show, and `reminded_at` on the case — not a
message: staff come from the identity provider's tokens with no phone or WeChat account here.

Each application is its own transaction, locked as every move locks it, but SKIP LOCKED: an
application a clerk is changing right now is marked on the next run instead of waiting.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.principal import Principal
from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.moves import Move, finish
from socialaid.applications.states import CASE_OPEN_STATES, CaseState
from socialaid.applications.timeline import TimelineKind
from socialaid.calendars.service import calendar_for
from socialaid.clock import CHINA
from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from socialaid.tenancy.service import get_tenant

ACTOR_ID = "system:deadlines"
# Calendar days that surely hold n working days (the longest run of holidays is 9 days), to
# narrow the reminder candidates in SQL before counting on each tenant's calendar.
_SLACK_DAYS = 15


@dataclass
class ScanResult:
    overdue: list[uuid.UUID] = field(default_factory=list)
    lapsed: list[uuid.UUID] = field(default_factory=list)
    reminded: list[uuid.UUID] = field(default_factory=list)


def _system_actor(tenant_id: str, tenant_path: str) -> Principal:
    return Principal(user_id=ACTOR_ID, tenant_id=tenant_id, tenant_path=tenant_path, grants=())


async def scan_deadlines(
    db: Database, clock: Callable[[], datetime], reminder_working_days: int
) -> ScanResult:
    now = clock().astimezone(CHINA)
    result = ScanResult()
    for application_id in await _candidates(db, now, reminder_working_days):
        async with db.session() as session, session.begin():
            await set_every_tenant_scope(session)
            await _scan_application(session, application_id, now, reminder_working_days, result)
    return result


def _open() -> list[str]:
    return sorted(CASE_OPEN_STATES)


async def _candidates(db: Database, now: datetime, reminder_working_days: int) -> list[uuid.UUID]:
    horizon = now + timedelta(days=reminder_working_days + _SLACK_DAYS)
    case = ApplicationCase
    async with db.session() as session, session.begin():
        await set_every_tenant_scope(session)
        rows = await session.execute(
            select(col(case.application_id))
            .where(
                or_(
                    and_(
                        col(case.state).in_(_open()),
                        col(case.due_at) < horizon,
                        or_(col(case.overdue_at).is_(None), col(case.reminded_at).is_(None)),
                    ),
                    and_(
                        col(case.state) == CaseState.SUPPLEMENT_REQUESTED,
                        text("(application_case.supplement->>'deadline')::date < :today"),
                        text("NOT application_case.supplement ? 'lapsed_at'"),
                    ),
                )
            )
            .distinct(),
            {"today": now.date()},
        )
        return sorted(rows.scalars())


async def _scan_application(
    session: AsyncSession,
    application_id: uuid.UUID,
    now: datetime,
    reminder_working_days: int,
    result: ScanResult,
) -> None:
    application = await session.scalar(
        select(Application)
        .where(col(Application.id) == application_id)
        .with_for_update(skip_locked=True)
    )
    if application is None:  # a clerk holds it now: the next run marks it
        return
    tenant = await get_tenant(session, code=application.tenant_id)
    cases = list(
        (
            await session.execute(
                select(ApplicationCase)
                .where(
                    col(ApplicationCase.tenant_id) == application.tenant_id,
                    col(ApplicationCase.application_id) == application.id,
                )
                .order_by(col(ApplicationCase.item_code))
            )
        ).scalars()
    )
    calendar = await calendar_for(session, tenant)
    reminder_day = calendar.add_working_days(now.date(), reminder_working_days).day
    move = Move(application, tenant, cases, now)
    marked: dict[str, list[str]] = defaultdict(list)
    for case in cases:
        if case.state not in CASE_OPEN_STATES:
            continue
        changes: dict[str, object] = {}
        due = case.due_at
        if due is not None and due < now and case.overdue_at is None:
            changes["overdue_at"] = now
            move.add_event(
                TimelineKind.CASE_OVERDUE,
                ACTOR_ID,
                case=case,
                summary=f"{case.item_name}已超过办理时限（{_day(due)}）",
                data={"dueAt": due.isoformat()},
            )
            result.overdue.append(case.id)
            marked["overdue"].append(case.item_code)
        elif (
            due is not None
            and due >= now
            and case.reminded_at is None
            and _day(due) <= reminder_day
        ):
            changes["reminded_at"] = now
            move.add_event(
                TimelineKind.CASE_DEADLINE_REMINDER,
                ACTOR_ID,
                case=case,
                summary=f"提醒{case.department_name}：{case.item_name}将于{_day(due)}到期",
                data={"dueAt": due.isoformat(), "workingDays": reminder_working_days},
            )
            result.reminded.append(case.id)
            marked["reminded"].append(case.item_code)
        supplement = case.supplement
        if (
            case.state is CaseState.SUPPLEMENT_REQUESTED
            and supplement is not None
            and supplement.lapsed_at is None
            and supplement.deadline < now.date()
        ):
            changes["supplement"] = supplement.model_copy(update={"lapsed_at": now})
            move.add_event(
                TimelineKind.CASE_SUPPLEMENT_LAPSED,
                ACTOR_ID,
                case=case,
                summary=f"{case.item_name}的补正期限（{supplement.deadline}）已过，材料未补交",
                data={"deadline": supplement.deadline.isoformat()},
            )
            result.lapsed.append(case.id)
            marked["lapsed"].append(case.item_code)
        if changes:
            # The marks are the system's, not an edit of the case: lock_version stays, so a
            # clerk's form open on the case is not made stale by them.
            await session.execute(
                update(ApplicationCase)
                .where(
                    col(ApplicationCase.tenant_id) == case.tenant_id,
                    col(ApplicationCase.id) == case.id,
                )
                .values(**changes)
                .execution_options(synchronize_session=False)
            )
    if not move.events:
        return
    await finish(
        session,
        move,
        actor=_system_actor(tenant.tenant_id, tenant.path),
        action="application.deadlines.mark",
        subject_type="application",
        subject_id=str(application.id),
        before=None,
        after=dict(marked),
        reason=None,
        request_id=None,
    )


def _day(moment: datetime) -> date:
    return moment.astimezone(CHINA).date()
