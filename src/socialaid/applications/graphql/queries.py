"""GraphQL reads: one application, pages of applications and of cases, the provisions in force.

Every root field authorizes once in `applications.queries`.
"""

from __future__ import annotations

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.applications import queries
from socialaid.applications.graphql.inputs import CaseFilterInput
from socialaid.applications.graphql.types import (
    ApplicationConnection,
    ApplicationEdge,
    ApplicationStateEnum,
    ApplicationType,
    CaseConnection,
    CaseEdge,
    CaseType,
)
from socialaid.applications.models import Application
from socialaid.applications.states import ApplicationState, CaseState
from socialaid.kernel.context import Info
from socialaid.kernel.pagination import PageInfo, check_page_size, decode_cursor, encode_cursor


@strawberry.type
class ApplicationQuery:
    @strawberry.field(description="一份申请：各事项案件的状态、期限、结果与跨部门时间线")
    async def application(self, info: Info, id: strawberry.ID) -> ApplicationType:
        async with scoped_session(info.context.db, info.context.principal) as session:
            record = await queries.application_record(
                session, actor=info.context.principal, application_id=str(id)
            )
        return ApplicationType.of(record)

    @strawberry.field(description="租户及其下级的申请（调用者可见者），新者在前")
    async def applications(
        self,
        info: Info,
        tenant: str,
        states: list[ApplicationStateEnum] | None = None,  # type: ignore[valid-type]
        first: int = 20,
        after: str | None = None,
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
        return ApplicationConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page),
        )

    @strawberry.field(description="案件（部门工作台）：按部门、状态、超期、区域筛选，新者在前")
    async def cases(
        self, info: Info, filter: CaseFilterInput, first: int = 20, after: str | None = None
    ) -> CaseConnection:
        check_page_size(first, path=["first"])
        key = queries.parse_page_key(decode_cursor(after, 2, path=["after"])) if after else None
        async with scoped_session(info.context.db, info.context.principal) as session:
            page = await queries.list_cases(
                session,
                actor=info.context.principal,
                filter=queries.CaseFilter(
                    tenant=filter.tenant,
                    department=filter.department,
                    status=[CaseState(s) for s in filter.status],
                    overdue=filter.overdue,
                    area=filter.area,
                ),
                first=first,
                after=key,
            )
        edges = [
            CaseEdge(
                cursor=encode_cursor(queries.page_key(r.created_at, r.id)), node=CaseType(row=r)
            )
            for r in page.rows
        ]
        return CaseConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page),
        )

    @strawberry.field(description="本地区（含上级设定）当前生效的应急措施")
    async def emergency_provisions(self, info: Info, tenant: str) -> list[str]:
        async with scoped_session(info.context.db, info.context.principal) as session:
            return await queries.provisions_in_force(
                session, actor=info.context.principal, tenant=tenant
            )


def _application_edges(rows: list[Application]) -> list[ApplicationEdge]:
    return [
        ApplicationEdge(
            cursor=encode_cursor(queries.page_key(r.submitted_at, r.id)),
            node=ApplicationType(row=r),
        )
        for r in rows
    ]
