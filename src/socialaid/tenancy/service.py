"""Reading tenants, departments and areas."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.errors import NotFoundError
from socialaid.tenancy.models import Area, Department, Tenant


async def list_tenants(session: AsyncSession) -> list[Tenant]:
    result = await session.execute(select(Tenant).order_by(col(Tenant.path)))
    return list(result.scalars())


async def get_tenant(
    session: AsyncSession, *, code: str, path: Sequence[str] = ("code",)
) -> Tenant:
    """The tenant; NotFoundError at `path`, the argument or input field that named it."""
    tenant = await session.get(Tenant, code)
    if tenant is None:
        raise NotFoundError(f"没有行政区划代码为 {code} 的租户", path=list(path))
    return tenant


async def tenants_by_code(session: AsyncSession, codes: Sequence[str]) -> dict[str, Tenant]:
    result = await session.execute(select(Tenant).where(col(Tenant.tenant_id).in_(codes)))
    return {t.tenant_id: t for t in result.scalars()}


async def children_of(session: AsyncSession, codes: Sequence[str]) -> dict[str, list[Tenant]]:
    result = await session.execute(
        select(Tenant).where(col(Tenant.parent_id).in_(codes)).order_by(col(Tenant.tenant_id))
    )
    grouped: dict[str, list[Tenant]] = defaultdict(list)
    for tenant in result.scalars():
        grouped[tenant.parent_id or ""].append(tenant)
    return grouped


async def departments_of(
    session: AsyncSession, codes: Sequence[str]
) -> dict[str, list[Department]]:
    result = await session.execute(
        select(Department)
        .where(col(Department.tenant_id).in_(codes))
        .order_by(col(Department.tenant_id), col(Department.position))
    )
    grouped: dict[str, list[Department]] = defaultdict(list)
    for department in result.scalars():
        grouped[department.tenant_id].append(department)
    return grouped


async def areas_of(session: AsyncSession, codes: Sequence[str]) -> dict[str, list[Area]]:
    result = await session.execute(
        select(Area)
        .where(col(Area.tenant_id).in_(codes))
        .order_by(col(Area.tenant_id), col(Area.position))
    )
    grouped: dict[str, list[Area]] = defaultdict(list)
    for area in result.scalars():
        grouped[area.tenant_id].append(area)
    return grouped
