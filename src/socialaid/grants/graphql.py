"""GraphQL: who am I, role assignments (list, grant, revoke)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from socialaid.access.principal import Grant, GrantSource
from socialaid.access.sessions import scoped_session
from socialaid.access.vocabulary import Action, Resource, Role
from socialaid.grants import service
from socialaid.grants.models import RoleAssignment
from socialaid.kernel.context import Info
from socialaid.kernel.pagination import PageInfo, check_page_size, decode_cursor, encode_cursor
from socialaid.kernel.runner import run_mutation
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import Failable, UserError
from socialaid.tenancy.graphql import TenantType
from socialaid.tenancy.loaders import tenancy_loaders

RoleEnum = strawberry.enum(Role, name="Role", description="角色")
ResourceEnum = strawberry.enum(Resource, name="ResourceType", description="受控资源类型")
ActionEnum = strawberry.enum(Action, name="Action", description="操作")
GrantSourceEnum = strawberry.enum(GrantSource, name="GrantSource", description="角色来源")


@strawberry.type(name="PermittedAction", description="在本租户可执行的（资源类型，操作）")
class PermittedActionType:
    resource: ResourceEnum  # type: ignore[valid-type]
    action: ActionEnum  # type: ignore[valid-type]


@strawberry.type(name="Grant", description="在某租户（及其下级）持有的角色")
class GrantType:
    role: RoleEnum  # type: ignore[valid-type]
    tenant_code: str
    source: GrantSourceEnum  # type: ignore[valid-type]

    @classmethod
    def of(cls, grant: Grant) -> GrantType:
        return cls(role=grant.role, tenant_code=grant.tenant_id, source=grant.source)


@strawberry.type(name="Me", description="当前调用者")
class MeType:
    user_id: str
    tenant: TenantType
    roles: list[RoleEnum]  # type: ignore[valid-type]
    grants: list[GrantType]
    departments: list[str]
    area: str | None
    permissions: list[PermittedActionType] = strawberry.field(
        description="在本租户允许的（资源类型，操作）"
    )


@strawberry.type(name="RoleAssignment", description="授予具名用户的角色")
class RoleAssignmentType:
    tenant_code: str
    user_id: str
    role: RoleEnum  # type: ignore[valid-type]
    granted_by: str
    granted_at: datetime

    @classmethod
    def of(cls, row: RoleAssignment) -> RoleAssignmentType:
        assert row.granted_at is not None  # set by the database
        return cls(
            tenant_code=row.tenant_id,
            user_id=row.user_id,
            role=Role(row.role),
            granted_by=row.granted_by,
            granted_at=row.granted_at,
        )


@strawberry.type
class RoleAssignmentEdge:
    cursor: str
    node: RoleAssignmentType


@strawberry.type
class RoleAssignmentConnection:
    edges: list[RoleAssignmentEdge]
    page_info: PageInfo


@strawberry.input
class RoleGrantInput:
    tenant: str = strawberry.field(description="授权所在租户的行政区划代码")
    user_id: str
    role: RoleEnum  # type: ignore[valid-type]


@strawberry.input
class RoleRevokeInput:
    tenant: str
    user_id: str
    role: RoleEnum  # type: ignore[valid-type]


@strawberry.type
class RoleGrantPayload(Failable):
    assignment: RoleAssignmentType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RoleRevokePayload(Failable):
    revoked: bool = False
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class GrantsQuery:
    @strawberry.field(description="当前调用者：租户、角色、部门、区域及可执行的操作")
    async def me(self, info: Info) -> MeType:
        who = service.who_am_i(info.context.principal)
        actor = who.principal
        tenant = await tenancy_loaders(info.context).tenant.load(actor.tenant_id)
        assert tenant is not None  # authentication resolved the tenant
        return MeType(
            user_id=actor.user_id,
            tenant=TenantType.of(tenant),
            roles=list(actor.roles),
            grants=[GrantType.of(g) for g in actor.grants],
            departments=list(actor.departments),
            area=actor.area,
            permissions=[PermittedActionType(resource=r, action=a) for r, a in who.permissions],
        )

    @strawberry.field(description="租户及其下级租户中的角色授予，按（租户，用户，角色）排序")
    async def role_assignments(
        self, info: Info, tenant: str, first: int = 50, after: str | None = None
    ) -> RoleAssignmentConnection:
        check_page_size(first, path=["first"])
        key = decode_cursor(after, 3, path=["after"]) if after is not None else None
        async with scoped_session(info.context.db, info.context.principal) as session:
            page = await service.list_assignments(
                session,
                actor=info.context.principal,
                tenant_code=tenant,
                first=first,
                after=(key[0], key[1], key[2]) if key else None,
            )
        edges = [
            RoleAssignmentEdge(
                cursor=encode_cursor(service.assignment_key(row)), node=RoleAssignmentType.of(row)
            )
            for row in page.assignments
        ]
        return RoleAssignmentConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page),
        )


@strawberry.type
class GrantsMutation:
    @strawberry.mutation(description="在租户内授予用户角色（覆盖下级租户）；需 tenant_admin")
    async def role_grant(self, info: Info, input: RoleGrantInput) -> RoleGrantPayload:
        async def work(uow: UnitOfWork) -> RoleGrantPayload:
            row = await service.grant(
                uow, tenant_code=input.tenant, user_id=input.user_id, role=Role(input.role)
            )
            return RoleGrantPayload(assignment=RoleAssignmentType.of(row), errors=[])

        return await run_mutation(info, RoleGrantPayload, work)

    @strawberry.mutation(description="撤销用户在租户内的角色；需 tenant_admin")
    async def role_revoke(self, info: Info, input: RoleRevokeInput) -> RoleRevokePayload:
        async def work(uow: UnitOfWork) -> RoleRevokePayload:
            await service.revoke(
                uow, tenant_code=input.tenant, user_id=input.user_id, role=Role(input.role)
            )
            return RoleRevokePayload(revoked=True, errors=[])

        return await run_mutation(info, RoleRevokePayload, work)
