"""GraphQL types and queries for tenants, departments and areas."""

from __future__ import annotations

from typing import Annotated

import strawberry

from socialaid.kernel.context import Info
from socialaid.tenancy import service
from socialaid.tenancy.levels import AdminLevel
from socialaid.tenancy.loaders import tenancy_loaders
from socialaid.tenancy.models import Area, Department, Tenant

AdminLevelEnum = strawberry.enum(AdminLevel, name="AdminLevel", description="行政层级")


@strawberry.type(name="Department", description="部门：code 为跨租户稳定的职能代码")
class DepartmentType:
    code: str
    name: str

    @classmethod
    def of(cls, row: Department) -> DepartmentType:
        return cls(code=row.code, name=row.name)


@strawberry.type(name="Area", description="租户内的街道（乡镇）或社区（村）")
class AreaType:
    code: str
    name: str
    level: AdminLevelEnum  # type: ignore[valid-type]
    parent_code: str | None
    path: str

    @classmethod
    def of(cls, row: Area) -> AreaType:
        return cls(
            code=row.code,
            name=row.name,
            level=AdminLevel(row.level),
            parent_code=row.parent_code,
            path=row.path,
        )


@strawberry.type(name="Tenant", description="租户：一个行政区划，按 GB/T 2260 代码标识")
class TenantType:
    code: str
    name: str
    level: AdminLevelEnum  # type: ignore[valid-type]
    parent_code: str | None
    path: str = strawberry.field(description="祖先代码以 / 连接的物化路径，如 310000/310105")

    @classmethod
    def of(cls, row: Tenant) -> TenantType:
        return cls(
            code=row.tenant_id,
            name=row.name,
            level=AdminLevel(row.level),
            parent_code=row.parent_id,
            path=row.path,
        )

    @strawberry.field
    async def parent(self, info: Info) -> Annotated[TenantType, strawberry.lazy(__name__)] | None:
        if self.parent_code is None:
            return None
        row = await tenancy_loaders(info.context).tenant.load(self.parent_code)
        return TenantType.of(row) if row else None

    @strawberry.field
    async def children(self, info: Info) -> list[TenantType]:
        return [
            TenantType.of(t) for t in await tenancy_loaders(info.context).children.load(self.code)
        ]

    @strawberry.field
    async def departments(self, info: Info) -> list[DepartmentType]:
        rows = await tenancy_loaders(info.context).departments.load(self.code)
        return [DepartmentType.of(d) for d in rows]

    @strawberry.field
    async def areas(self, info: Info) -> list[AreaType]:
        return [AreaType.of(a) for a in await tenancy_loaders(info.context).areas.load(self.code)]


@strawberry.type
class TenancyQuery:
    @strawberry.field(description="所有租户（行政区划），按物化路径排序")
    async def tenants(self, info: Info) -> list[TenantType]:
        async with info.context.db.session() as session:
            return [TenantType.of(t) for t in await service.list_tenants(session)]

    @strawberry.field(description="按行政区划代码取一个租户；未知代码返回 NOT_FOUND 错误")
    async def tenant(self, info: Info, code: str) -> TenantType:
        async with info.context.db.session() as session:
            return TenantType.of(await service.get_tenant(session, code=code))
