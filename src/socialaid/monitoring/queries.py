"""Reading households under monitoring: a page for the staff who may read the cases that placed
them, newest first. Authorized here, once per root field."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import ColumnElement, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Principal, Target
from socialaid.access.row_scope import row_scope, tenant_subtree
from socialaid.access.vocabulary import Action, Resource
from socialaid.errors import DomainError
from socialaid.monitoring.models import MonitoredHousehold
from socialaid.tenancy.service import get_tenant

PageKey = tuple[datetime, uuid.UUID]


@dataclass(frozen=True)
class Page:
    rows: list[MonitoredHousehold]
    has_next_page: bool


async def _conditions(
    session: AsyncSession, actor: Principal | None, tenant: str
) -> list[ColumnElement[bool]]:
    """Authorize, and the WHERE clauses: the subtree, narrowed as the actor's cases are (a
    caseworker: its departments'; a window clerk: its area's)."""
    actor = authenticated(actor)
    row_tenant = await get_tenant(session, code=tenant)
    authorize(actor, Resource.CASE, Action.READ, Target(row_tenant.path))
    return [
        tenant_subtree(col(MonitoredHousehold.tenant_id), row_tenant.path),
        row_scope(
            actor,
            Resource.CASE,
            tenant=col(MonitoredHousehold.tenant_id),
            department=col(MonitoredHousehold.department),
            area=cast(ColumnElement[str], col(MonitoredHousehold.area_path)),
        ),
    ]


async def list_monitored(
    session: AsyncSession,
    *,
    actor: Principal | None,
    tenant: str,
    first: int,
    after: PageKey | None,
) -> Page:
    conditions = await _conditions(session, actor, tenant)
    placed = col(MonitoredHousehold.placed_at)
    ident = col(MonitoredHousehold.id)
    if after is not None:
        conditions.append(tuple_(placed, ident) < tuple_(after[0], after[1]))
    query = (
        select(MonitoredHousehold)
        .where(*conditions)
        .order_by(placed.desc(), ident.desc())
        .limit(first + 1)
    )
    rows = list((await session.execute(query)).scalars())
    return Page(rows[:first], has_next_page=len(rows) > first)


async def count_monitored(session: AsyncSession, *, actor: Principal | None, tenant: str) -> int:
    conditions = await _conditions(session, actor, tenant)
    found = await session.scalar(
        select(func.count()).select_from(MonitoredHousehold).where(*conditions)
    )
    return int(found or 0)


def page_key(row: MonitoredHousehold) -> tuple[str, str]:
    assert row.placed_at is not None  # set on insert
    return row.placed_at.isoformat(), str(row.id)


def parse_page_key(key: tuple[str, ...]) -> PageKey:
    try:
        return datetime.fromisoformat(key[0]), uuid.UUID(key[1])
    except ValueError:
        raise DomainError("after 不是本列表的游标", path=["after"]) from None
