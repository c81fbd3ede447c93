"""The tenant and period a report covers: authorized once, its subtree's tenant codes, and the
period's bounds as instants in China time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.clock import CHINA
from socialaid.errors import DomainError, NotFoundError
from socialaid.tenancy.models import Tenant

# A report over more than this many days is refused: completionSummary reads case rows, and a
# year is what a centre sends upward at most.
LONGEST_PERIOD_DAYS = 366


@dataclass(frozen=True)
class Scope:
    tenant: Tenant
    codes: tuple[str, ...]  # the tenant and every tenant below it
    start: datetime | None  # from this instant (the first day's midnight, China time)
    end: datetime | None  # up to, not including, this instant (the day after the last)


def period_problem(start: date | None, end: date | None) -> DomainError | None:
    if start is not None and end is not None:
        if start > end:
            return DomainError("起始日期（from）不能晚于截止日期（to）", path=["from"])
        if (end - start).days + 1 > LONGEST_PERIOD_DAYS:
            return DomainError(
                f"统计期间最长 {LONGEST_PERIOD_DAYS} 天，请缩短 from 与 to 之间的期间", path=["to"]
            )
    return None


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=CHINA)


async def authorized_scope(
    session: AsyncSession,
    actor: Principal | None,
    resource: Resource,
    *,
    tenant: str,
    start: date | None,
    end: date | None,
) -> Scope:
    """The tenant asked about, when `actor` may read `resource` there, and its subtree."""
    actor = authenticated(actor)
    problem = period_problem(start, end)
    if problem is not None:
        raise problem
    row = await session.get(Tenant, tenant)
    if row is None:
        raise NotFoundError(f"没有行政区划代码为 {tenant} 的租户", path=["tenant"])
    authorize(actor, resource, Action.READ, Target(row.path))
    codes = (
        await session.execute(
            select(col(Tenant.tenant_id)).where(
                or_(
                    col(Tenant.path) == row.path,
                    col(Tenant.path).startswith(row.path + "/", autoescape=True),
                )
            )
        )
    ).scalars()
    return Scope(
        tenant=row,
        codes=tuple(codes),
        start=_midnight(start) if start is not None else None,
        end=_midnight(end + timedelta(days=1)) if end is not None else None,
    )
