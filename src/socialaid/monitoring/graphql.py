"""GraphQL for households under monitoring: `monitoredHouseholds`, a Relay connection for staff."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from socialaid.access.masking import Sensitivity, mask
from socialaid.access.sessions import scoped_session
from socialaid.kernel.connections import CountedConnection, relay_connection
from socialaid.kernel.context import Info
from socialaid.kernel.global_id import encode_global_id
from socialaid.kernel.pagination import (
    AFTER,
    FIRST,
    PageInfo,
    check_page_size,
    decode_cursor,
    encode_cursor,
)
from socialaid.monitoring import queries
from socialaid.monitoring.models import MonitoredHousehold


@strawberry.type(name="MonitoredCategoryCheck", description="纳入监测时对一个类别的判断")
class MonitoredCategoryCheckType:
    category: str = strawberry.field(description="对象类别代码，如 dibao_family")
    outcome: str = strawberry.field(
        description="判断结果：MET、NOT_MET 或 UNDECIDED（同 RecognitionCategoryOutcome）"
    )
    reason: str = strawberry.field(description="理由（中文）")


@strawberry.type(
    name="MonitoredHousehold",
    description="纳入监测范围的家庭（山西 004 三（二）1：低收入人口分类审核认定不符合条件的纳入监测范围），"
    "供动态监测发现使用；身份证号始终脱敏，需核对原件请查看其申请（读取记入审计）",
)
class MonitoredHouseholdType:
    row: strawberry.Private[MonitoredHousehold]

    @strawberry.field(description="所在租户代码")
    def tenant_code(self) -> str:
        return self.row.tenant_id

    @strawberry.field(description="纳入监测的申请（Application.id），可作 application(id:)")
    def application_id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id("Application", str(self.row.application_id)))

    @strawberry.field(description="作出不予认定、纳入监测决定的案件（Case.id）")
    def case_id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id("Case", str(self.row.case_id)))

    @strawberry.field(description="事项代码，如 low_income_recognition")
    def item_code(self) -> str:
        return self.row.item_code

    @strawberry.field(description="作出决定的部门代码")
    def department(self) -> str:
        return self.row.department

    @strawberry.field(description="申请人姓名")
    def applicant_name(self) -> str:
        return self.row.applicant_name

    @strawberry.field(description="申请人身份证号（脱敏：保留前 4 位和后 4 位）；未填写为 null")
    def id_number_masked(self) -> str | None:
        number = self.row.id_number
        return None if number is None else mask(Sensitivity.ID_NUMBER, number)

    @strawberry.field(description="家庭人口数；申请未填写为 null")
    def household_size(self) -> int | None:
        return self.row.household_size

    @strawberry.field(description="各类别的判断（决定时按申请所填情况计算），按目录所列顺序")
    def checks(self) -> list[MonitoredCategoryCheckType]:
        return [
            MonitoredCategoryCheckType(
                category=c["target_group"], outcome=c["outcome"], reason=c["reason"]
            )
            for c in self.row.checks
        ]

    @strawberry.field(description="决定写明的不予认定理由")
    def reasons(self) -> list[str]:
        return list(self.row.reasons)

    @strawberry.field(description="作出决定的工作人员标识")
    def placed_by(self) -> str:
        return self.row.placed_by

    @strawberry.field(description="纳入监测的时间（ISO 8601，带时区偏移）")
    def placed_at(self) -> datetime:
        assert self.row.placed_at is not None
        return self.row.placed_at


@relay_connection(
    description="纳入监测家庭的分页列表（Relay 连接），新者在前",
    edge="纳入监测家庭连接中的一条",
    node="纳入监测的家庭",
    edges="本页的家庭",
)
class MonitoredHouseholdConnection(CountedConnection[MonitoredHouseholdType]):
    pass


@strawberry.type
class MonitoringQuery:
    @strawberry.field(
        description="纳入监测范围的家庭（租户及其下级，调用者可见其案件者：经办、审批只见本部门的），"
        "按纳入时间新者在前"
    )
    async def monitored_households(
        self,
        info: Info,
        tenant: Annotated[
            str, strawberry.argument(description="租户（行政区划代码，GB/T 2260），含其下级")
        ],
        first: Annotated[int, strawberry.argument(description=FIRST)] = 20,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> MonitoredHouseholdConnection:
        check_page_size(first, path=["first"])
        key = queries.parse_page_key(decode_cursor(after, 2, path=["after"])) if after else None
        actor = info.context.principal
        async with scoped_session(info.context.db, actor) as session:
            page = await queries.list_monitored(
                session, actor=actor, tenant=tenant, first=first, after=key
            )
        edges = [
            MonitoredHouseholdConnection.edge(
                cursor=encode_cursor(queries.page_key(r)), node=MonitoredHouseholdType(row=r)
            )
            for r in page.rows
        ]

        async def count() -> int:
            async with scoped_session(info.context.db, actor) as session:
                return await queries.count_monitored(session, actor=actor, tenant=tenant)

        return MonitoredHouseholdConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page, after=after),
            count=count,
        )
