"""Reading the calendar a tenant's deadlines count on, seeding root tenants from the package, and
how long each root tenant's published calendar still runs."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.calendars.models import WorkingCalendarYear, stored_values
from socialaid.calendars.package_seed import SOURCE, package_years
from socialaid.calendars.working_calendar import WorkingCalendar
from socialaid.tenancy.models import Tenant

# Warn this many days before a root tenant's published calendar runs out (issue 19): the State
# Council publishes the next year's schedule in November or December.
WARN_WITHIN_DAYS = 60


def root_of(tenant: Tenant) -> str:
    """The root tenant (province) whose calendar `tenant` counts on."""
    return tenant.path.split("/")[0]


async def calendar_of(session: AsyncSession, root_tenant: str) -> WorkingCalendar:
    """Every year `root_tenant` has published (a few dozen small rows)."""
    rows = await session.execute(
        select(WorkingCalendarYear).where(col(WorkingCalendarYear.tenant_id) == root_tenant)
    )
    return WorkingCalendar.of(row.schedule() for row in rows.scalars())


async def calendar_for(session: AsyncSession, tenant: Tenant) -> WorkingCalendar:
    return await calendar_of(session, root_of(tenant))


async def seed_root_calendars(session: AsyncSession) -> None:
    """Give every root tenant the years the `chinese-calendar` package covers, where it has not
    got them yet (a published year is never overwritten by the seed). As the owner."""
    roots = list(
        (
            await session.execute(
                select(col(Tenant.tenant_id)).where(col(Tenant.parent_id).is_(None))
            )
        )
        .scalars()
        .all()
    )
    if not roots:
        return
    rows = [
        {"tenant_id": root, "year": schedule.year, "source": SOURCE, **stored_values(schedule)}
        for schedule in package_years()
        for root in roots
    ]
    await session.execute(insert(WorkingCalendarYear).values(rows).on_conflict_do_nothing())


async def days_left(session: AsyncSession, today: date) -> dict[str, int]:
    """Per root tenant, the days from `today` to the end of its published calendar (0 or less:
    it has run out; today's year unpublished counts as 0)."""
    roots = (
        (
            await session.execute(
                select(col(Tenant.tenant_id)).where(col(Tenant.parent_id).is_(None))
            )
        )
        .scalars()
        .all()
    )
    years = await session.execute(
        select(col(WorkingCalendarYear.tenant_id), col(WorkingCalendarYear.year)).where(
            col(WorkingCalendarYear.year) >= today.year
        )
    )
    published: dict[str, set[int]] = {root: set() for root in roots}
    for tenant_id, year in years.all():
        published.setdefault(tenant_id, set()).add(year)
    left: dict[str, int] = {}
    for root, held in published.items():
        year = today.year - 1
        while year + 1 in held:
            year += 1
        left[root] = (date(year, 12, 31) - today).days
    return left


async def running_out(session: AsyncSession, today: date) -> list[dict[str, object]]:
    """The root tenants whose published calendar ends within WARN_WITHIN_DAYS of `today`, for
    /readyz: deadlines past its end are counted on weekends alone and marked provisional."""
    return [
        {
            "tenant": tenant,
            "daysLeft": max(left, 0),
            "publishedUntil": (today + timedelta(days=left)).isoformat() if left >= 0 else None,
        }
        for tenant, left in sorted((await days_left(session, today)).items())
        if left < WARN_WITHIN_DAYS
    ]
