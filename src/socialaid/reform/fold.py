"""The fold (ADR 0035): count again, from their rows, every application a write marked stale,
and keep its counts in `reform_application` and `reform_case_time`, and their sums per tenant
and month in `reform_month` and `reform_case_time_month`.

Writes only mark (a trigger in the writer's transaction, rollup_sql.py); the fold runs in the
worker on the statistics fold's schedule and after a bulk load. Counting a whole application
again, with the same pure arithmetic the report used to run on every row, keeps the counts exact
whatever path changed it, and makes a fold safe to repeat.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import delete, insert, literal_column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.calendars.service import calendar_of, root_of
from socialaid.calendars.working_calendar import WorkingCalendar
from socialaid.clock import CHINA
from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from socialaid.reform import arithmetic
from socialaid.reform.facts import StoredApplication, load_facts, marked
from socialaid.reform.models import reform_application, reform_case_time
from socialaid.reform.rollup_sql import FOLD_MONTHS, SUBMITTED_MONTH
from socialaid.tenancy.models import Tenant

BATCH_APPLICATIONS = 1000

# The claimed marks are deleted by their row addresses: joined back on the key, the planner
# hashed a sequential scan of every mark, row-level security's check evaluated on each (2.4 s a
# batch with 240,000 marked after a bulk load, against 56 ms this way). The locked rows cannot
# move before the DELETE of the same statement.
CLAIM = """
DELETE FROM reform_dirty WHERE ctid = ANY(ARRAY(
  SELECT ctid FROM reform_dirty ORDER BY marked_at LIMIT :batch FOR UPDATE SKIP LOCKED
))
RETURNING tenant_id, application_id
"""


class _Calendars:
    """Each application's province calendar, read once per fold."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.roots: dict[str, str] = {}
        self.calendars: dict[str, WorkingCalendar] = {}

    async def of(self, tenant_id: str) -> WorkingCalendar:
        if tenant_id not in self.roots:
            tenant = await self.session.get(Tenant, tenant_id)
            assert tenant is not None, "an application's tenant exists (foreign key)"
            self.roots[tenant_id] = root_of(tenant)
        root = self.roots[tenant_id]
        if root not in self.calendars:
            self.calendars[root] = await calendar_of(self.session, root)
        return self.calendars[root]


def _rows(
    stored: StoredApplication, counts: arithmetic.ApplicationTallies
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    key = {"tenant_id": stored.tenant_id, "application_id": stored.id}
    row: dict[str, Any] = {**key, "submitted_at": stored.submitted_at}
    for name, tally in (
        ("steps", counts.steps),
        ("fields", counts.fields),
        ("materials", counts.materials),
        ("trips", counts.trips),
        ("time", counts.time),
    ):
        row[f"{name}_item_by_item"] = tally.item_by_item if tally is not None else None
        row[f"{name}_merged"] = tally.merged if tally is not None else None
    times = [
        {
            **key,
            "item": times.item,
            "submitted_at": stored.submitted_at,
            "working_days": times.working_days,
            "promised_working_days": times.promised_working_days,
            "statutory_working_days": times.statutory_working_days,
        }
        for times in counts.case_times
    ]
    return row, times


async def _fold(session: AsyncSession, tenants: list[str], ids: list[UUID]) -> None:
    # The months the applications' stored rows were in, before they are replaced (a changed
    # submission moves an application to another month: both months are summed again).
    before = await session.execute(
        select(reform_application.c.tenant_id, literal_column(SUBMITTED_MONTH)).where(
            marked(tenants, ids, reform_application.name)
        )
    )
    touched: set[tuple[str, date]] = {(str(tenant), month) for tenant, month in before}
    for table in (reform_application, reform_case_time):
        await session.execute(delete(table).where(marked(tenants, ids, table.name)))
    calendars = _Calendars(session)
    rows: list[dict[str, Any]] = []
    times: list[dict[str, Any]] = []
    for stored in await load_facts(session, [marked(tenants, ids)]):
        calendar = await calendars.of(stored.tenant_id)

        def working_days(first: Any, last: Any, calendar: WorkingCalendar = calendar) -> int:
            return arithmetic.working_days_between(calendar.is_working_day, first, last)

        row, case_rows = _rows(stored, arithmetic.tallies(stored.facts, working_days))
        rows.append(row)
        times.extend(case_rows)
        touched.add((stored.tenant_id, stored.submitted_at.astimezone(CHINA).date().replace(day=1)))
    if rows:
        await session.execute(insert(reform_application), rows)
    if times:
        await session.execute(insert(reform_case_time), times)
    months = sorted(touched)
    for statement in FOLD_MONTHS:
        await session.execute(
            text(statement),
            {"tenants": [t for t, _ in months], "months": [m for _, m in months]},
        )


async def fold_reform_dirty(db: Database, *, batch: int = BATCH_APPLICATIONS) -> int:
    """Fold every marked application, a batch per transaction; returns how many were folded."""
    folded = 0
    while True:
        async with db.session() as session, session.begin():
            await set_every_tenant_scope(session)
            # One fold at a time: a fold reading an application before a second one re-counted
            # it could otherwise commit the older counts last.
            await session.execute(text("SELECT pg_advisory_xact_lock(hashtext('reform.fold'))"))
            claimed = (await session.execute(text(CLAIM), {"batch": batch})).all()
            if not claimed:
                return folded
            await _fold(session, [t for t, _ in claimed], [i for _, i in claimed])
        folded += len(claimed)
