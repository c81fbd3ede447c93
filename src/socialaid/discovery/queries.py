"""Reading leads: a page for the staff who may read them (an adviser: its area's; the joint
meeting and auditors: the tenant's), newest first. Authorized here, once per root field."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import ColumnElement, func, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Principal, Target
from socialaid.access.row_scope import row_scope, tenant_subtree
from socialaid.access.vocabulary import Action, Resource
from socialaid.discovery.kinds import LeadState
from socialaid.discovery.models import Lead
from socialaid.errors import DomainError, NotFoundError
from socialaid.tenancy.models import Area
from socialaid.tenancy.service import get_tenant

PageKey = tuple[datetime, uuid.UUID]


@dataclass(frozen=True)
class LeadFilter:
    tenant: str
    area: str | None = None  # an area code of the tenant: that area and the areas inside it
    states: Sequence[LeadState] = ()


@dataclass(frozen=True)
class Page:
    rows: list[Lead]
    has_next_page: bool


async def _conditions(
    session: AsyncSession, actor: Principal | None, where: LeadFilter
) -> list[ColumnElement[bool]]:
    actor = authenticated(actor)
    tenant = await get_tenant(session, code=where.tenant, path=["filter", "tenant"])
    authorize(actor, Resource.LEAD, Action.READ, Target(tenant.path))
    area_path = cast(ColumnElement[str], col(Lead.area_path))
    conditions = [
        tenant_subtree(col(Lead.tenant_id), tenant.path),
        row_scope(actor, Resource.LEAD, tenant=col(Lead.tenant_id), area=area_path),
    ]
    if where.area is not None:
        place = await session.get(Area, (tenant.tenant_id, where.area))
        if place is None:
            raise NotFoundError(
                f"{tenant.name}没有代码为 {where.area} 的街道或社区", path=["filter", "area"]
            )
        conditions += [
            col(Lead.tenant_id) == tenant.tenant_id,
            or_(area_path == place.path, area_path.startswith(place.path + "/", autoescape=True)),
        ]
    if where.states:
        conditions.append(col(Lead.state).in_([s.value for s in where.states]))
    return conditions


async def list_leads(
    session: AsyncSession,
    *,
    actor: Principal | None,
    where: LeadFilter,
    first: int,
    after: PageKey | None,
) -> Page:
    conditions = await _conditions(session, actor, where)
    created = col(Lead.created_at)
    ident = col(Lead.id)
    if after is not None:
        conditions.append(tuple_(created, ident) < tuple_(after[0], after[1]))
    query = select(Lead).where(*conditions).order_by(created.desc(), ident.desc()).limit(first + 1)
    rows = list((await session.execute(query)).scalars())
    return Page(rows[:first], has_next_page=len(rows) > first)


async def count_leads(session: AsyncSession, *, actor: Principal | None, where: LeadFilter) -> int:
    conditions = await _conditions(session, actor, where)
    found = await session.scalar(select(func.count()).select_from(Lead).where(*conditions))
    return int(found or 0)


def page_key(row: Lead) -> tuple[str, str]:
    assert row.created_at is not None  # set on insert
    return row.created_at.isoformat(), str(row.id)


def parse_page_key(key: tuple[str, ...]) -> PageKey:
    try:
        return datetime.fromisoformat(key[0]), uuid.UUID(key[1])
    except ValueError:
        raise DomainError("after 不是本列表的游标", path=["after"]) from None
