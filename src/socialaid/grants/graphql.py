"""GraphQL: who am I, role assignments (list, grant, revoke)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, ClassVar

import strawberry

from socialaid.access.principal import Grant, GrantSource
from socialaid.access.sessions import scoped_session
from socialaid.access.vocabulary import Action, Resource, Role
from socialaid.errors import ErrorCode
from socialaid.grants import service
from socialaid.grants.models import RoleAssignment
from socialaid.kernel.connections import CountedConnection, relay_connection
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.node import Node
from socialaid.kernel.pagination import (
    AFTER,
    FIRST,
    PageInfo,
    check_page_size,
    decode_cursor,
    encode_cursor,
)
from socialaid.kernel.role_enum import RoleEnum
from socialaid.kernel.runner import run_mutation
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, errors_field, payload_error
from socialaid.tenancy.graphql import TenantType, tenant_of
from socialaid.tenancy.loaders import tenancy_loaders

ResourceEnum = described_enum(
    Resource,
    name="ResourceType",
    description="受控资源类型：权限表中与操作组合成一项权限",
    values={
        "TENANT": "租户（TENANT）：行政区划及其设置（如应急措施）",
        "CATALOGUE": "事项目录（CATALOGUE）：已发布的事项、覆盖与停用",
        "CATALOGUE_DRAFT": "事项草稿（CATALOGUE_DRAFT）：本级事项未发布的版本",
        "FORM": "表单（FORM）：合并表单与答案检查",
        "SHARED_RECORD": "共享数据（SHARED_RECORD）：部门推送的某人持有某材料的记录",
        "APPLICATION": "申请（APPLICATION）",
        "CASE": "案件（CASE）：一份申请中由一个部门办理的一个事项",
        "TRIAGE": "一门受理（TRIAGE）：受理、不予受理、提交联席会议",
        "JOINT_MEETING": "联席会议（JOINT_MEETING）：指定承办部门与牵头部门",
        "AUDIT_EVENT": "审计事件（AUDIT_EVENT）",
        "ROLE_ASSIGNMENT": "角色授予（ROLE_ASSIGNMENT）",
        "ME": "当前调用者（ME）",
        "WORKING_CALENDAR": "工作日历（WORKING_CALENDAR）：省级租户每年的法定节假日与调休上班日",
        "TENANT_PARAMETER": "租户参数（TENANT_PARAMETER）：目录中由各地设定取值的标准与金额",
        "WEBHOOK_SUBSCRIPTION": "事件推送订阅（WEBHOOK_SUBSCRIPTION）：部门系统接收事件的地址及其投递记录",
        "REFORM_REPORT": "改革成效（REFORM_REPORT）：减环节、减时间、减材料、减跑动对照改革目标",
        "COMPLETION_SUMMARY": "办结汇总（COMPLETION_SUMMARY）：各部门办理结果汇总至受理中心",
        "LEAD": "救助线索（LEAD）：主动发现按民生体征标签生成、由社区救助顾问跟进的线索",
        "NEEDS_ASSESSMENT": "需求综合评估（NEEDS_ASSESSMENT）：一户家庭的需求评估，所涉部门共用",
        "STATISTICS": "统计（STATISTICS）：申请与案件的汇总数，小于阈值的数不显示",
        "REVERIFICATION": "定期核查（REVERIFICATION）：已准予救助的定期核查及其结果",
    },
)
ActionEnum = described_enum(
    Action,
    name="Action",
    description="操作：权限表中与资源类型组合成一项权限",
    values={
        "READ": "查看（READ）",
        "CREATE": "新建（CREATE）",
        "UPDATE": "修改（UPDATE）",
        "DELETE": "删除（DELETE）",
        "PUBLISH": "发布（PUBLISH）：事项版本发布、覆盖、停用",
        "SUBMIT": "提交（SUBMIT）：提交申请",
        "DECIDE": "决定（DECIDE）：受理与否、准予与否",
        "ESCALATE": "提交上级（ESCALATE）：提交联席会议",
        "GRANT": "授予（GRANT）：授予角色",
        "REVOKE": "撤销（REVOKE）：撤销角色",
        "BACKDATE": "补登（BACKDATE）：目录变更的生效日期早于今天（须写明理由，记入审计）",
    },
)
GrantSourceEnum = described_enum(
    GrantSource,
    name="GrantSource",
    description="角色来源：身份令牌声明，或租户管理员的授予",
    values={
        "TOKEN": "令牌（TOKEN）：身份提供方在令牌 roles 声明中为令牌所属租户给出",
        "ASSIGNMENT": "授予（ASSIGNMENT）：租户管理员经 roleGrant 授予具名用户，覆盖下级租户",
    },
)


@strawberry.type(name="PermittedAction", description="在本租户可执行的（资源类型，操作）")
class PermittedActionType:
    resource: ResourceEnum = strawberry.field(  # type: ignore[valid-type]
        description="资源类型"
    )
    action: ActionEnum = strawberry.field(  # type: ignore[valid-type]
        description="对该资源类型可执行的操作"
    )


@strawberry.type(name="Grant", description="在某租户（及其下级）持有的角色")
class GrantType:
    role: RoleEnum = strawberry.field(description="角色")  # type: ignore[valid-type]
    tenant_code: str = strawberry.field(
        description="持有该角色的租户代码（GB/T 2260）；角色同样适用于其下级租户",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="持有该角色的租户；角色同样适用于其下级租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    source: GrantSourceEnum = strawberry.field(  # type: ignore[valid-type]
        description="来源：令牌声明或管理员授予"
    )

    @classmethod
    def of(cls, grant: Grant) -> GrantType:
        return cls(role=grant.role, tenant_code=grant.tenant_id, source=grant.source)


@strawberry.type(name="Me", description="当前调用者")
class MeType:
    # Only what a client selects is worked out: `{ me { roles } }` reads no database.
    who: strawberry.Private[service.WhoAmI]

    @strawberry.field(description="用户标识（令牌的 sub 声明）")
    def user_id(self) -> str:
        return self.who.principal.user_id

    @strawberry.field(description="令牌所属的租户（令牌的 tenant 声明）")
    async def tenant(self, info: Info) -> TenantType:
        tenant = await tenancy_loaders(info.context).tenant.load(self.who.principal.tenant_id)
        assert tenant is not None  # authentication resolved the tenant
        return TenantType.of(tenant)

    @strawberry.field(
        description="在任一租户持有的角色（令牌声明与授予合并，去重）；各在哪个租户见 grants"
    )
    def roles(self) -> list[RoleEnum]:  # type: ignore[valid-type]
        return list(self.who.principal.roles)

    @strawberry.field(description="持有的全部角色：所在租户（覆盖其下级）与来源")
    def grants(self) -> list[GrantType]:
        return [GrantType.of(g) for g in self.who.principal.grants]

    @strawberry.field(
        description="所属部门的职能代码（令牌的 departments 声明）；经办、审批只见这些部门的案件"
    )
    def departments(self) -> list[str]:
        return list(self.who.principal.departments)

    @strawberry.field(
        description="所属街道或社区代码（令牌的 area 声明）；社区救助顾问、窗口只见此区域的申请；无则为 null"
    )
    def area(self) -> str | None:
        return self.who.principal.area

    @strawberry.field(description="在本租户允许的（资源类型，操作）")
    def permissions(self) -> list[PermittedActionType]:
        return [PermittedActionType(resource=r, action=a) for r, a in self.who.permissions()]


@strawberry.type(name="RoleAssignment", description="授予具名用户的角色")
class RoleAssignmentType(Node):
    node_type: ClassVar[str] = "RoleAssignment"
    tenant_code: str = strawberry.field(
        description="授予所在租户的代码；覆盖其下级租户",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )
    user_id: str = strawberry.field(description="被授予者的用户标识（令牌的 sub）")
    role: RoleEnum = strawberry.field(description="授予的角色")  # type: ignore[valid-type]
    granted_by: str = strawberry.field(description="授予者的用户标识")
    granted_at: datetime = strawberry.field(description="授予时间")

    def node_key(self) -> tuple[str, ...]:
        return (self.tenant_code, self.user_id, Role(self.role).value)

    @strawberry.field(description="授予所在租户；覆盖其下级租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

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


@relay_connection(
    description="角色授予的分页列表（Relay 连接）",
    edge="角色授予连接中的一条",
    node="角色授予",
    edges="本页的角色授予",
)
class RoleAssignmentConnection(CountedConnection[RoleAssignmentType]):
    pass


@strawberry.input(
    description="授予角色：调用者须在该租户（或其上级）持有 tenant_admin，且不得授予自己"
)
class RoleGrantInput:
    tenant: str = strawberry.field(description="授权所在租户的行政区划代码")
    user_id: str = strawberry.field(description="被授予者的用户标识（其令牌的 sub）")
    role: RoleEnum = strawberry.field(  # type: ignore[valid-type]
        description="授予的角色；与职责分离规则（access/duties.csv）冲突时返回 FORBIDDEN"
    )


@strawberry.input(description="撤销一项角色授予（令牌声明的角色不能经此撤销）")
class RoleRevokeInput:
    tenant: str = strawberry.field(description="授予所在租户的行政区划代码")
    user_id: str = strawberry.field(description="被授予者的用户标识")
    role: RoleEnum = strawberry.field(description="撤销的角色")  # type: ignore[valid-type]


RoleGrantError = payload_error(
    "RoleGrantError",
    # FORBIDDEN: roles the duties file keeps apart (SeparationOfDutiesError), a payload error
    [ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN],
    operations="roleGrant",
)
RoleRevokeError = payload_error("RoleRevokeError", [ErrorCode.NOT_FOUND], operations="roleRevoke")


@strawberry.type(description="roleGrant 的结果")
class RoleGrantPayload(Failable):
    error_type = RoleGrantError
    assignment: RoleAssignmentType | None = strawberry.field(
        default=None, description="新的授予；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(RoleGrantError)


@strawberry.type(description="roleRevoke 的结果")
class RoleRevokePayload(Failable):
    error_type = RoleRevokeError
    revoked: bool = strawberry.field(default=False, description="是否已撤销；失败时为 false")
    errors: list[ErrorOf] = errors_field(RoleRevokeError)


@strawberry.type(description="当前调用者与角色授予的查询")
class GrantsQuery:
    @strawberry.field(description="当前调用者：租户、角色、部门、区域及可执行的操作")
    async def me(self, info: Info) -> MeType:
        return MeType(who=service.who_am_i(info.context.principal))

    @strawberry.field(
        description="租户及其下级租户中的角色授予，按（租户，用户，角色）排序；需 tenant_admin 或 auditor"
    )
    async def role_assignments(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="租户代码（GB/T 2260），含其下级")],
        first: Annotated[int, strawberry.argument(description=FIRST)] = 50,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
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
            RoleAssignmentConnection.edge(
                cursor=encode_cursor(service.assignment_key(row)), node=RoleAssignmentType.of(row)
            )
            for row in page.assignments
        ]

        async def count() -> int:
            async with scoped_session(info.context.db, info.context.principal) as session:
                return await service.count_assignments(
                    session, actor=info.context.principal, tenant_code=tenant
                )

        return RoleAssignmentConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page, after=after),
            count=count,
        )


@strawberry.type(description="角色授予的变更")
class GrantsMutation:
    @strawberry.mutation(description="在租户内授予用户角色（覆盖下级租户）；需 tenant_admin")
    async def role_grant(
        self, info: Info, input: Annotated[RoleGrantInput, strawberry.argument(description="授予")]
    ) -> RoleGrantPayload:
        async def work(uow: UnitOfWork) -> RoleGrantPayload:
            row = await service.grant(
                uow, tenant_code=input.tenant, user_id=input.user_id, role=Role(input.role)
            )
            return RoleGrantPayload(assignment=RoleAssignmentType.of(row), errors=[])

        return await run_mutation(info, RoleGrantPayload, work)

    @strawberry.mutation(description="撤销用户在租户内的角色；需 tenant_admin")
    async def role_revoke(
        self, info: Info, input: Annotated[RoleRevokeInput, strawberry.argument(description="撤销")]
    ) -> RoleRevokePayload:
        async def work(uow: UnitOfWork) -> RoleRevokePayload:
            await service.revoke(
                uow, tenant_code=input.tenant, user_id=input.user_id, role=Role(input.role)
            )
            return RoleRevokePayload(revoked=True, errors=[])

        return await run_mutation(info, RoleRevokePayload, work)
