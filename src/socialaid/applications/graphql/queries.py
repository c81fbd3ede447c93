"""GraphQL reads: one application, pages of applications and of cases, the provisions in force.

Every root field authorizes once in `applications.queries`.
"""

from __future__ import annotations

from typing import Annotated

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.applications import queries
from socialaid.applications.graphql.inputs import CaseFilterInput
from socialaid.applications.graphql.types import (
    ApplicationConnection,
    ApplicationStateEnum,
    ApplicationType,
    CaseConnection,
    CaseType,
)
from socialaid.applications.models import Application
from socialaid.applications.states import ApplicationState, CaseState
from socialaid.kernel.connections import Edge
from socialaid.kernel.context import Info
from socialaid.kernel.pagination import (
    AFTER,
    FIRST,
    PageInfo,
    check_page_size,
    decode_cursor,
    encode_cursor,
)

ID = "申请标识（Application.id）"


@strawberry.type(description="申请与案件的查询")
class ApplicationQuery:
    @strawberry.field(
        description="一份申请：各事项案件的状态、期限、结果与跨部门时间线；申请人只见自己的，部门只见与本部门有关的；不可见或不存在时返回 NOT_FOUND"
    )
    async def application(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description=ID)]
    ) -> ApplicationType:
        async with scoped_session(info.context.db, info.context.principal) as session:
            record = await queries.application_record(
                session, actor=info.context.principal, application_id=str(id)
            )
        return ApplicationType.of(record)

    @strawberry.field(
        description="租户及其下级的申请（调用者可见者：申请人本人的、顾问与窗口本区域的、部门本部门的），按提交时间新者在前"
    )
    async def applications(
        self,
        info: Info,
        tenant: Annotated[
            str, strawberry.argument(description="租户（行政区划代码，GB/T 2260），含其下级")
        ],
        states: Annotated[
            list[ApplicationStateEnum] | None,  # type: ignore[valid-type]
            strawberry.argument(description="只要这些状态的申请；null 或空为全部"),
        ] = None,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 20,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> ApplicationConnection:
        check_page_size(first, path=["first"])
        key = queries.parse_page_key(decode_cursor(after, 2, path=["after"])) if after else None
        async with scoped_session(info.context.db, info.context.principal) as session:
            page = await queries.list_applications(
                session,
                actor=info.context.principal,
                tenant=tenant,
                states=[ApplicationState(s) for s in states or ()],
                first=first,
                after=key,
            )
        edges = _application_edges(page.rows)

        async def count() -> int:
            async with scoped_session(info.context.db, info.context.principal) as session:
                return await queries.count_applications(
                    session,
                    actor=info.context.principal,
                    tenant=tenant,
                    states=[ApplicationState(s) for s in states or ()],
                )

        return ApplicationConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page, after=after),
            count=count,
        )

    @strawberry.field(
        description="案件（部门工作台）：按部门、状态、超期、区域筛选，按开立时间新者在前；经办、审批只见本部门的"
    )
    async def cases(
        self,
        info: Info,
        filter: Annotated[CaseFilterInput, strawberry.argument(description="筛选条件")],
        first: Annotated[int, strawberry.argument(description=FIRST)] = 20,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> CaseConnection:
        check_page_size(first, path=["first"])
        key = queries.parse_page_key(decode_cursor(after, 2, path=["after"])) if after else None
        case_filter = queries.CaseFilter(
            tenant=filter.tenant,
            department=filter.department,
            status=[CaseState(s) for s in filter.status],
            overdue=filter.overdue,
            area=filter.area,
        )
        async with scoped_session(info.context.db, info.context.principal) as session:
            page = await queries.list_cases(
                session, actor=info.context.principal, filter=case_filter, first=first, after=key
            )
        edges = [
            CaseConnection.edge(
                cursor=encode_cursor(queries.page_key(r.created_at, r.id)), node=CaseType(row=r)
            )
            for r in page.rows
        ]

        async def count() -> int:
            async with scoped_session(info.context.db, info.context.principal) as session:
                return await queries.count_cases(
                    session, actor=info.context.principal, filter=case_filter
                )

        return CaseConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page, after=after),
            count=count,
        )

    @strawberry.field(description="本地区（含上级设定）当前生效的应急措施代码")
    async def emergency_provisions(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="租户（行政区划代码）")],
    ) -> list[str]:
        async with scoped_session(info.context.db, info.context.principal) as session:
            return await queries.provisions_in_force(
                session, actor=info.context.principal, tenant=tenant
            )


def _application_edges(rows: list[Application]) -> list[Edge[ApplicationType]]:
    return [
        ApplicationConnection.edge(
            cursor=encode_cursor(queries.page_key(r.submitted_at, r.id)),
            node=ApplicationType(row=r),
        )
        for r in rows
    ]
