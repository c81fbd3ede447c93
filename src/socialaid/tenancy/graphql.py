"""GraphQL types and queries for tenants, departments and areas."""

from __future__ import annotations

from typing import Annotated, ClassVar

import strawberry

from socialaid.errors import NotFoundError
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.node import Node
from socialaid.tenancy import service
from socialaid.tenancy.levels import AdminLevel
from socialaid.tenancy.loaders import tenancy_loaders
from socialaid.tenancy.models import Area, Department, Tenant

AdminLevelEnum = described_enum(
    AdminLevel,
    name="AdminLevel",
    description="行政层级：租户为省、市、区县；租户内的区域为区县、街道（乡镇）、社区（村）",
    values={
        "PROVINCE": "省级（PROVINCE）：省、自治区、直辖市",
        "CITY": "市级（CITY）：地级市、自治州、直辖市的市辖区划",
        "COUNTY": "区县级（COUNTY）：区、县、县级市",
        "STREET": "街道（STREET）：街道、乡镇",
        "COMMUNITY": "社区（COMMUNITY）：社区（居委会）、村（村委会）",
    },
)


@strawberry.type(name="Department", description="部门：code 为跨租户稳定的职能代码")
class DepartmentType(Node):
    code: str = strawberry.field(
        description="职能代码，跨租户稳定（如 civil_affairs 民政、healthcare_security 医保）"
    )
    name: str = strawberry.field(description="本租户中该部门的名称，如“区民政局”")
    owner_code: strawberry.Private[str]
    node_type: ClassVar[str] = "Department"

    @classmethod
    def of(cls, row: Department) -> DepartmentType:
        return cls(code=row.code, name=row.name, owner_code=row.tenant_id)

    def node_key(self) -> tuple[str, ...]:
        return (self.owner_code, self.code)

    @strawberry.field(description="设有该部门的租户（可能是查看租户的上级）")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.owner_code)


@strawberry.type(name="Area", description="租户内的街道（乡镇）或社区（村）")
class AreaType:
    code: str = strawberry.field(description="区域代码，租户内唯一（如街道 huayanglu）")
    name: str = strawberry.field(description="区域名称")
    level: AdminLevelEnum = strawberry.field(  # type: ignore[valid-type]
        description="层级：街道或社区"
    )
    parent_code: str | None = strawberry.field(
        description="上级区域代码；街道的上级为 null（直属租户）"
    )
    path: str = strawberry.field(
        description="祖先区域代码以 / 连接的物化路径；按前缀可筛选某街道下的全部社区"
    )

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
class TenantType(Node):
    node_type: ClassVar[str] = "Tenant"
    code: str = strawberry.field(description="行政区划代码（GB/T 2260，六位），如 310000、310101")
    name: str = strawberry.field(description="行政区划名称，如“上海市”")
    level: AdminLevelEnum = strawberry.field(  # type: ignore[valid-type]
        description="行政层级：省、市或区县"
    )
    parent_code: str | None = strawberry.field(description="上级租户的代码；最高级租户为 null")
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

    def node_key(self) -> tuple[str, ...]:
        return (self.code,)

    @strawberry.field(description="上级租户；最高级租户为 null")
    async def parent(self, info: Info) -> Annotated[TenantType, strawberry.lazy(__name__)] | None:
        if self.parent_code is None:
            return None
        row = await tenancy_loaders(info.context).tenant.load(self.parent_code)
        return TenantType.of(row) if row else None

    @strawberry.field(description="直接下级租户（不含更下级），按代码排序")
    async def children(self, info: Info) -> list[TenantType]:
        return [
            TenantType.of(t) for t in await tenancy_loaders(info.context).children.load(self.code)
        ]

    @strawberry.field(description="本租户的部门（承办事项的职能部门）")
    async def departments(self, info: Info) -> list[DepartmentType]:
        rows = await tenancy_loaders(info.context).departments.load(self.code)
        return [DepartmentType.of(d) for d in rows]

    @strawberry.field(description="本租户内的街道（乡镇）与社区（村）")
    async def areas(self, info: Info) -> list[AreaType]:
        return [AreaType.of(a) for a in await tenancy_loaders(info.context).areas.load(self.code)]


async def tenant_of(info: Info, code: str) -> TenantType:
    """The tenant a row names (rows name existing tenants: a foreign key keeps them)."""
    row = await tenancy_loaders(info.context).tenant.load(code)
    if row is None:
        raise NotFoundError(f"没有行政区划代码为 {code} 的租户", path=["tenant"])
    return TenantType.of(row)


async def department_node(info: Info, tenant: str, code: str) -> DepartmentType | None:
    """A tenant's department (public, like `Tenant.departments`); None when it has none such."""
    rows = await tenancy_loaders(info.context).departments.load(tenant)
    return next((DepartmentType.of(d) for d in rows if d.code == code), None)


@strawberry.type(description="租户（行政区划）查询")
class TenancyQuery:
    @strawberry.field(description="所有租户（行政区划），按物化路径排序；公开，无需令牌")
    async def tenants(self, info: Info) -> list[TenantType]:
        async with info.context.db.session() as session:
            return [TenantType.of(t) for t in await service.list_tenants(session)]

    @strawberry.field(
        description="按行政区划代码取一个租户；未知代码返回 NOT_FOUND 错误；公开，无需令牌"
    )
    async def tenant(
        self,
        info: Info,
        code: Annotated[
            str, strawberry.argument(description="行政区划代码（GB/T 2260），如 310101")
        ],
    ) -> TenantType:
        async with info.context.db.session() as session:
            return TenantType.of(await service.get_tenant(session, code=code))
