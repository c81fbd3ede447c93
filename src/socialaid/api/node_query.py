"""`node(id:)` and `nodes(ids:)`: any Node refetched by its global id, answered exactly as its
type's own query answers (the same service call, so the same permission, scope and masking).

A malformed id, or one naming no Node type, is INVALID_INPUT. A well-formed id of a row that does
not exist, or that the caller may not see, gets the own query's error (NOT_FOUND, FORBIDDEN) at
that position and null there: `node` is nullable and so is each element of `nodes`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry

from socialaid.access.sessions import replica_reading, scoped_session
from socialaid.applications import queries as application_queries
from socialaid.applications import review_queries
from socialaid.applications.graphql.reviews import ReverificationType
from socialaid.applications.graphql.types import ApplicationType, CaseType
from socialaid.applications.reviews import parse_review_id
from socialaid.audit import queries as audit_queries
from socialaid.audit.graphql import AuditEventType
from socialaid.catalogue import history
from socialaid.catalogue import service as catalogue_service
from socialaid.catalogue.admin_graphql import ItemVersionType
from socialaid.catalogue.graphql import CatalogueItemType
from socialaid.catalogue.service import CatalogueCaches
from socialaid.clock import today_in_china
from socialaid.errors import DomainError, NotFoundError
from socialaid.grants import service as grants_service
from socialaid.grants.graphql import RoleAssignmentType
from socialaid.kernel.context import Info
from socialaid.kernel.global_id import decode_global_id, encode_global_id
from socialaid.kernel.node import Node
from socialaid.needs import service as needs_service
from socialaid.needs.graphql import NeedsAssessmentType
from socialaid.needs.identity import TYPE_NAME as NEEDS_ASSESSMENT
from socialaid.tenancy import service as tenancy_service
from socialaid.tenancy.graphql import TenantType, department_node

# The most ids one `nodes` call takes (also its bound in kernel/input_bounds.py).
MAX_NODES = 100
# How many of one call's nodes are read at the same time (each in its own session).
NODES_AT_ONCE = 4
# No key this service mints is longer (user ids are bounded to 128 characters); a longer part
# names nothing, and refusing it keeps error messages that name a key short.
MAX_KEY_PART = 128


async def _application(info: Info, key: tuple[str, ...]) -> Node:
    async with scoped_session(info.context.db, info.context.principal) as session:
        record = await application_queries.application_record(
            session, actor=info.context.principal, application_id=key[0]
        )
    return ApplicationType.of(record)


async def _case(info: Info, key: tuple[str, ...]) -> Node:
    async with scoped_session(info.context.db, info.context.principal) as session:
        row = await application_queries.case_record(
            session, actor=info.context.principal, case_id=key[0]
        )
    return CaseType(row=row)


async def _reverification(info: Info, key: tuple[str, ...]) -> Node:
    async with scoped_session(info.context.db, info.context.principal) as session:
        review, case = await review_queries.review_record(
            session, actor=info.context.principal, review_id=parse_review_id(key[0])
        )
    return ReverificationType(row=review, case_row=case)


async def _needs_assessment(info: Info, key: tuple[str, ...]) -> Node:
    ctx = info.context
    async with scoped_session(ctx.db, ctx.principal) as session:
        row = await needs_service.read_assessment(
            session,
            ctx.principal,
            encode_global_id(NEEDS_ASSESSMENT, *key),
            request_id=ctx.request_id,
            via="node",
        )
    return NeedsAssessmentType(row=row)


async def _tenant(info: Info, key: tuple[str, ...]) -> Node:
    async with info.context.db.session() as session:
        return TenantType.of(await tenancy_service.get_tenant(session, code=key[0]))


async def _department(info: Info, key: tuple[str, ...]) -> Node:
    found = await department_node(info, key[0], key[1])
    if found is None:
        raise NotFoundError(f"租户 {key[0]} 没有职能代码为 {key[1]} 的部门", path=["id"])
    return found


async def _catalogue_item(info: Info, key: tuple[str, ...]) -> Node:
    async with info.context.db.session() as session:
        view, item = await catalogue_service.get_item(
            session,
            info.context.caches.of(CatalogueCaches),
            tenant=key[0],
            code=key[1],
            as_of=today_in_china(),
        )
    return CatalogueItemType.of(view, item)


async def _item_version(info: Info, key: tuple[str, ...]) -> Node:
    tenant, code, version = key[0], key[1], _whole(key[2])
    async with scoped_session(info.context.db, info.context.principal) as session:
        rows = await history.item_versions(
            session, actor=info.context.principal, tenant=tenant, code=code
        )
    found = next((r for r in rows if r.version == version), None)
    if found is None:
        raise NotFoundError(f"租户 {tenant} 的事项 {code} 没有第 {version} 版", path=["id"])
    return ItemVersionType.of(found)


async def _audit_event(info: Info, key: tuple[str, ...]) -> Node:
    ctx = info.context
    async with (
        scoped_session(ctx.db, ctx.principal) as session,
        replica_reading(ctx.db, ctx.principal, session) as reading,
    ):
        event = await audit_queries.event_record(
            session,
            reading=reading,
            actor=ctx.principal,
            tenant_id=key[0],
            sequence=_whole(key[1]),
        )
    return AuditEventType.of(event)


async def _role_assignment(info: Info, key: tuple[str, ...]) -> Node:
    async with scoped_session(info.context.db, info.context.principal) as session:
        row = await grants_service.get_assignment(
            session,
            actor=info.context.principal,
            tenant_code=key[0],
            user_id=key[1],
            role=key[2],
        )
    return RoleAssignmentType.of(row)


def _whole(part: str) -> int:
    if not part.isascii() or not part.isdigit() or len(part) > 18:
        raise _invalid()
    return int(part)


Fetch = Callable[[Info, tuple[str, ...]], Awaitable[Node]]
# Each Node type: how many key parts its global id holds, and its own query's read.
FETCHERS: dict[str, tuple[int, Fetch]] = {
    "Application": (1, _application),
    "Case": (1, _case),
    "Reverification": (1, _reverification),
    "NeedsAssessment": (2, _needs_assessment),
    "Tenant": (1, _tenant),
    "Department": (2, _department),
    "CatalogueItem": (2, _catalogue_item),
    "ItemVersion": (3, _item_version),
    "AuditEvent": (2, _audit_event),
    "RoleAssignment": (3, _role_assignment),
}


def _invalid() -> DomainError:
    return DomainError("全局标识无效：请原样使用某对象 id 字段的值", path=["id"])


async def fetch_node(info: Info, global_id: str, path: list[str | int]) -> Node:
    """The node `global_id` names, as its own query answers; errors carry `path`."""
    try:
        decoded = decode_global_id(global_id)
        if decoded is None or decoded.type_name not in FETCHERS:
            raise _invalid()
        arity, fetch = FETCHERS[decoded.type_name]
        if len(decoded.parts) != arity or any(len(p) > MAX_KEY_PART for p in decoded.parts):
            raise _invalid()
        return await fetch(info, decoded.parts)
    except DomainError as error:
        error.path = [str(p) for p in path]
        raise


@strawberry.type(description="按全局标识取对象（Relay）")
class NodeQuery:
    @strawberry.field(
        description="按全局标识取一个对象，权限与脱敏同该类型自身的查询（如 application(id:)）；"
        "标识格式不对时为 INVALID_INPUT，对象不存在或不可见时为 null 并附该查询的错误（NOT_FOUND、FORBIDDEN）"
    )
    async def node(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID, strawberry.argument(description="对象的全局标识（某对象 id 字段的值）")
        ],
    ) -> Node | None:
        return await fetch_node(info, str(id), ["id"])

    @strawberry.field(
        description=f"按全局标识取多个对象（至多 {MAX_NODES} 个），结果与 ids 一一对应；"
        "某个标识无效、对象不存在或不可见时该位置为 null，错误的 path 指明是第几个"
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description=f"全局标识的列表，至多 {MAX_NODES} 个"),
        ],
    ) -> list[Node | None]:
        # At most a few sessions at a time: a hundred ids must not take a hundred pooled
        # connections from every other request.
        turns = asyncio.Semaphore(NODES_AT_ONCE)

        async def one(n: int, global_id: str) -> Node:
            async with turns:
                return await fetch_node(info, global_id, ["ids", n])

        # Awaitables, not values: graphql-core completes each alone, so one failure nulls only
        # its own position and reports its error there.
        return [one(n, str(i)) for n, i in enumerate(ids)]  # type: ignore[misc]
