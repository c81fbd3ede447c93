"""GraphQL for the working-day calendar (issue 19): `workingCalendar` (public) and
`workingCalendarPublish` (a province's tenant_admin).

It lives in `applications`, beside the deadlines it recounts, because `calendars` may not import
`applications` (an import cycle).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.applications.calendar_publishing import publish_working_calendar
from socialaid.calendars.models import WorkingCalendarYear
from socialaid.calendars.service import root_of
from socialaid.calendars.working_calendar import Holiday, YearCalendar
from socialaid.errors import ErrorCode
from socialaid.kernel.context import Info
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, errors_field, payload_error
from socialaid.tenancy.graphql import TenantType, tenant_of
from socialaid.tenancy.service import get_tenant


@strawberry.type(name="StatutoryHoliday", description="法定节假日中的一天")
class HolidayType:
    date: date = strawberry.field(description="日期（YYYY-MM-DD）")
    name: str = strawberry.field(description="节日名称，如 春节、国庆节")


@strawberry.type(
    name="WorkingCalendar",
    description="省级租户某一年的工作日历：法定节假日与调休上班日；办理期限按它计算工作日",
)
class WorkingCalendarType:
    tenant_code: str = strawberry.field(
        description="发布日历的省级（根）租户代码；查询下级租户时为其所属省级租户",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="发布日历的省级（根）租户；查询下级租户时为其所属省级租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    year: int = strawberry.field(description="年份")
    published: bool = strawberry.field(
        description="该年是否已有日历；false 时该年的期限只按周末计算，且标为暂定（provisional）"
    )
    source: str | None = strawberry.field(
        description="来源：published（管理员发布）或 chinese-calendar 版本（初始数据）；未发布为 null"
    )
    published_at: datetime | None = strawberry.field(
        description="发布时间（ISO 8601，带时区偏移）；未发布为 null"
    )
    holidays: list[HolidayType] = strawberry.field(description="法定节假日（按日期排序）")
    adjusted_workdays: list[date] = strawberry.field(
        description="调休上班日（周六或周日上班，按日期排序）"
    )

    @classmethod
    def of(cls, root: str, year: int, row: WorkingCalendarYear | None) -> WorkingCalendarType:
        if row is None:
            return cls(
                tenant_code=root,
                year=year,
                published=False,
                source=None,
                published_at=None,
                holidays=[],
                adjusted_workdays=[],
            )
        schedule = row.schedule()
        return cls(
            tenant_code=root,
            year=year,
            published=True,
            source=row.source,
            published_at=row.published_at,
            holidays=[
                HolidayType(date=h.day, name=h.name)
                for h in sorted(schedule.holidays, key=lambda h: h.day)
            ],
            adjusted_workdays=sorted(schedule.adjusted_workdays),
        )


@strawberry.input(name="HolidayInput", description="法定节假日中的一天")
class HolidayInput:
    date: date = strawberry.field(description="日期（YYYY-MM-DD），须在所发布的年份内")
    name: str = strawberry.field(description="节日名称（不能为空），如 春节")


@strawberry.input(description="发布省级租户某一年的工作日历（国务院办公厅放假安排）")
class WorkingCalendarPublishInput:
    tenant: str = strawberry.field(
        description="省级（根）租户代码；区县管理员无权发布（FORBIDDEN）"
    )
    year: int = strawberry.field(description="年份；已有该年日历时整体替换")
    holidays: list[HolidayInput] = strawberry.field(
        description="放假的每一天（含放假期间的周末），日期不重复"
    )
    adjusted_workdays: list[date] = strawberry.field(
        description="调休上班日：须为周六或周日，不能同时是节假日"
    )


WorkingCalendarPublishError = payload_error(
    "WorkingCalendarPublishError", [ErrorCode.NOT_FOUND], operations="workingCalendarPublish"
)


@strawberry.type(description="workingCalendarPublish 的结果")
class WorkingCalendarPublishPayload(Failable):
    error_type = WorkingCalendarPublishError
    working_calendar: WorkingCalendarType | None = strawberry.field(
        default=None, description="发布后的日历；失败时为 null"
    )
    recounted_cases: int | None = strawberry.field(
        default=None, description="按新日历重新计算了暂定办结期限的未办结案件数"
    )
    recounted_supplements: int | None = strawberry.field(
        default=None, description="按新日历重新计算了暂定补正期限的补正要求数"
    )
    errors: list[ErrorOf] = errors_field(WorkingCalendarPublishError)


@strawberry.type
class WorkingCalendarQuery:
    @strawberry.field(
        description="某租户所属省级租户某一年的工作日历（公开）；未发布的年份 published 为 false"
    )
    async def working_calendar(
        self,
        info: Info,
        tenant: Annotated[
            str, strawberry.argument(description="租户（行政区划代码）；下级租户读其省级日历")
        ],
        year: Annotated[int, strawberry.argument(description="年份")],
    ) -> WorkingCalendarType:
        async with scoped_session(info.context.db, info.context.principal) as session:
            row_tenant = await get_tenant(session, code=tenant)
            root = root_of(row_tenant)
            row = await session.get(WorkingCalendarYear, (root, year))
            return WorkingCalendarType.of(root, year, row)


@strawberry.type
class WorkingCalendarMutation:
    @strawberry.mutation(
        description="发布省级租户某一年的工作日历（tenant_admin，省级）；"
        "该省暂定的办结与补正期限在同一事务中按新日历重新计算"
    )
    async def working_calendar_publish(
        self,
        info: Info,
        input: Annotated[
            WorkingCalendarPublishInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> WorkingCalendarPublishPayload:
        schedule = YearCalendar(
            input.year,
            tuple(Holiday(h.date, h.name) for h in input.holidays),
            tuple(input.adjusted_workdays),
        )

        async def work(uow: UnitOfWork) -> WorkingCalendarPublishPayload:
            row, recounted = await publish_working_calendar(
                uow, tenant=input.tenant, schedule=schedule
            )
            return WorkingCalendarPublishPayload(
                working_calendar=WorkingCalendarType.of(row.tenant_id, row.year, row),
                recounted_cases=recounted.cases,
                recounted_supplements=recounted.supplements,
            )

        return await run_mutation(info, WorkingCalendarPublishPayload, work)
