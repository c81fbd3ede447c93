"""GraphQL for `statistics` (issue 23): counts over the rollups, small cells suppressed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.statistics import queries
from socialaid.statistics.measures import Dimension, Measure, Outcome
from socialaid.statistics.queries import Group, StatisticsFilter

DimensionEnum = described_enum(
    Dimension,
    name="StatisticsDimension",
    description="统计的分组维度",
    values={
        "TENANT": "租户（TENANT）：申请所在的租户（本级或下级行政区划）",
        "AREA": "区域（AREA）：申请登记的街道（区域路径的第一段）；未登记的为空字符串",
        "DEPARTMENT": "部门（DEPARTMENT）：承办案件的职能部门代码",
        "ITEM": "事项（ITEM）：救助事项代码",
        "CHANNEL": "渠道（CHANNEL）：提交渠道（窗口、线上等）",
        "DAY": "日（DAY）：按提交日（北京时间）",
        "WEEK": "周（WEEK）：按提交日所在的周（周一起）",
        "MONTH": "月（MONTH）：按提交日所在的月",
        "TARGET_GROUP": "对象类别（TARGET_GROUP）：准予时认定的第一个救助对象类别；未认定的为空字符串",
        "OUTCOME": "结果（OUTCOME）：案件的办理结果",
    },
)

OutcomeEnum = described_enum(
    Outcome,
    name="StatisticsOutcome",
    description="统计中案件的办理结果",
    values={
        "APPROVED": "准予（APPROVED）：部门准予（含自动给予）",
        "DENIED": "不予准予（DENIED）：部门决定不予准予",
        "CLOSED": "终止（CLOSED）：前置事项不予准予，本案件未作决定即终止",
        "WITHDRAWN": "撤回（WITHDRAWN）：申请人撤回",
        "PENDING": "办理中（PENDING）：尚未办结",
    },
)

MeasureEnum = described_enum(
    Measure,
    name="StatisticsMeasure",
    description="统计指标（标明哪些数因小于小单元阈值而不显示）",
    values={
        "APPLICATIONS": "申请数（APPLICATIONS）",
        "CASES": "案件数（CASES）：申请中每个事项一件",
        "ACCEPTED": "受理数（ACCEPTED）：一门受理或联席会议指定承办的申请",
        "REJECTED_AT_DOOR": "不予受理数（REJECTED_AT_DOOR）：一门受理不予受理的申请（不含联席会议驳回）",
        "ESCALATED": "提交联席会议数（ESCALATED）",
        "APPROVED": "准予数（APPROVED）",
        "DENIED": "不予准予数（DENIED）",
        "CLOSED": "终止数（CLOSED）",
        "PENDING": "办理中数（PENDING）",
        "OVERDUE": "超期数（OVERDUE）：超过办结期限仍未办结或超期办结的案件",
        "SUPPLEMENTS_REQUESTED": "要求补正数（SUPPLEMENTS_REQUESTED）",
        "DECISIONS": "部门决定数（DECISIONS）：准予与不予准予（不含自动给予）",
        "MEDIAN_WORKING_DAYS": "决定用时中位数（MEDIAN_WORKING_DAYS）：自提交次日起的工作日",
        "P90_WORKING_DAYS": "决定用时第 90 百分位（P90_WORKING_DAYS）",
        "AMOUNT_GRANTED": "月给予金额合计（AMOUNT_GRANTED）",
    },
)


@strawberry.input(description="统计的筛选条件；各列表为空或省略时不筛选")
class StatisticsFilterInput:
    departments: list[str] | None = strawberry.field(
        default=None, description="只计这些部门（职能部门代码）的案件；部门负责人只能列本部门"
    )
    items: list[str] | None = strawberry.field(default=None, description="只计这些事项代码的案件")
    channels: list[str] | None = strawberry.field(
        default=None, description="只计这些提交渠道的申请（渠道代码，如 window、online）"
    )

    def as_filter(self) -> StatisticsFilter:
        return StatisticsFilter(
            tuple(self.departments or ()), tuple(self.items or ()), tuple(self.channels or ())
        )


def _key(group: Group, dimension: Dimension) -> str | None:
    value = group.key.get(dimension)
    return None if value is None else str(value)


@strawberry.type(
    description="一组统计数：分组维度的取值和各指标；小于阈值的数为 null 并列入 suppressed"
)
class StatisticsRow:
    group: strawberry.Private[Group]

    @strawberry.field(description="租户代码；未按 TENANT 分组时为 null")
    def tenant_code(self) -> str | None:
        return _key(self.group, Dimension.TENANT)

    @strawberry.field(description="街道（区域路径第一段）；未按 AREA 分组时为 null")
    def area(self) -> str | None:
        return _key(self.group, Dimension.AREA)

    @strawberry.field(description="部门代码；未按 DEPARTMENT 分组时为 null")
    def department(self) -> str | None:
        return _key(self.group, Dimension.DEPARTMENT)

    @strawberry.field(description="事项代码；未按 ITEM 分组时为 null")
    def item(self) -> str | None:
        return _key(self.group, Dimension.ITEM)

    @strawberry.field(description="提交渠道代码；未按 CHANNEL 分组时为 null")
    def channel(self) -> str | None:
        return _key(self.group, Dimension.CHANNEL)

    @strawberry.field(
        description="时段的第一天（YYYY-MM-DD）：按 DAY 为当日，WEEK 为周一，MONTH 为当月一日；未按时段分组时为 null"
    )
    def period(self) -> date | None:
        for dimension in (Dimension.DAY, Dimension.WEEK, Dimension.MONTH):
            value = self.group.key.get(dimension)
            if value is not None:
                return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        return None

    @strawberry.field(
        description="对象类别代码，未认定的为空字符串；未按 TARGET_GROUP 分组时为 null"
    )
    def target_group(self) -> str | None:
        return _key(self.group, Dimension.TARGET_GROUP)

    @strawberry.field(description="办理结果；未按 OUTCOME 分组时为 null")
    def outcome(self) -> OutcomeEnum | None:  # type: ignore[valid-type]
        value = self.group.key.get(Dimension.OUTCOME)
        return None if value is None else Outcome(value)

    def _count(self, measure: Measure) -> int | None:
        return self.group.figures.counts.get(measure.value)

    @strawberry.field(
        description="申请数；按事项、对象类别、结果分组或筛选事项时为 null（一份申请会落入多组）"
    )
    def applications(self) -> int | None:
        return self._count(Measure.APPLICATIONS)

    @strawberry.field(description="案件数")
    def cases(self) -> int | None:
        return self._count(Measure.CASES)

    @strawberry.field(description="受理的申请数；与 applications 同样在按案件维度分组时可能为 null")
    def accepted(self) -> int | None:
        return self._count(Measure.ACCEPTED)

    @strawberry.field(description="一门受理不予受理的申请数；按部门等案件维度统计时为 null")
    def rejected_at_door(self) -> int | None:
        return self._count(Measure.REJECTED_AT_DOOR)

    @strawberry.field(description="提交联席会议的申请数")
    def escalated(self) -> int | None:
        return self._count(Measure.ESCALATED)

    @strawberry.field(description="准予的案件数")
    def approved(self) -> int | None:
        return self._count(Measure.APPROVED)

    @strawberry.field(description="不予准予的案件数")
    def denied(self) -> int | None:
        return self._count(Measure.DENIED)

    @strawberry.field(description="终止的案件数")
    def closed(self) -> int | None:
        return self._count(Measure.CLOSED)

    @strawberry.field(description="办理中的案件数")
    def pending(self) -> int | None:
        return self._count(Measure.PENDING)

    @strawberry.field(description="超期的案件数")
    def overdue(self) -> int | None:
        return self._count(Measure.OVERDUE)

    @strawberry.field(description="曾要求补正的案件数")
    def supplements_requested(self) -> int | None:
        return self._count(Measure.SUPPLEMENTS_REQUESTED)

    @strawberry.field(description="部门作出的准予与不予准予决定数（不含自动给予）")
    def decisions(self) -> int | None:
        return self.group.figures.decisions

    @strawberry.field(
        description="自提交次日至决定日的工作日数的中位数（就近秩）；无决定或被抑制时为 null"
    )
    def median_working_days(self) -> int | None:
        return self.group.figures.median_working_days

    @strawberry.field(description="同上的第 90 百分位（就近秩）")
    def p90_working_days(self) -> int | None:
        return self.group.figures.p90_working_days

    @strawberry.field(
        description="准予决定所定金额之和（元/月，十进制字符串）；准予数小于阈值时为 null"
    )
    def amount_granted_per_month(self) -> str | None:
        amount = self.group.figures.amount_granted
        return None if amount is None else f"{amount:.2f}"

    @strawberry.field(
        description="不显示（为 null）的指标：小于小单元阈值的数，以及为防止用合计减去其他组推算出被隐藏的数而一并隐藏的数（次级抑制）"
    )
    def suppressed(self) -> list[MeasureEnum]:  # type: ignore[valid-type]
        return [Measure(name) for name in self.group.figures.suppressed]


@strawberry.type(description="statistics 的结果")
class Statistics:
    answer: strawberry.Private[queries.Answer]

    @strawberry.field(description="数据截至的时刻：此前提交的改动都已计入（汇总任务约每分钟一次）")
    def as_of(self) -> datetime:
        return self.answer.as_of

    @strawberry.field(
        description="小单元阈值：1 至该值减 1 的数不显示（GB/T 37973；002 §6.4.3）。取所查租户及其下级各租户的租户参数"
        " statistics_min_cell 中最大者（未设定时为 5），且不低于部署设定的下限 SOCIALAID_STATISTICS_MIN_CELL"
    )
    def min_cell(self) -> int:
        return self.answer.threshold

    @strawberry.field(description="部门负责人被限定的部门；其他角色为空列表")
    def departments(self) -> list[str]:
        return list(self.answer.departments)

    @strawberry.field(description="各组，按分组维度的取值排序")
    def rows(self) -> list[StatisticsRow]:
        return [StatisticsRow(group=g) for g in self.answer.groups]


@strawberry.type
class StatisticsQuery:
    @strawberry.field(
        description="本租户及下级租户的申请与案件统计（analyst、tenant_admin、auditor；"
        "department_head 只见本部门）；按提交日统计，读汇总表，小于阈值的数不显示"
    )
    async def statistics(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="租户（行政区划代码），含其下级")],
        from_: Annotated[
            date, strawberry.argument(name="from", description="起始提交日（含，YYYY-MM-DD）")
        ],
        to: Annotated[date, strawberry.argument(description="截止提交日（含），不早于 from")],
        group_by: Annotated[
            list[DimensionEnum],  # type: ignore[valid-type]
            strawberry.argument(
                description="分组维度（可为空：一行总计）；DAY、WEEK、MONTH 至多一个"
            ),
        ],
        filter: Annotated[
            StatisticsFilterInput | None, strawberry.argument(description="筛选条件")
        ] = None,
    ) -> Statistics:
        ctx = info.context
        async with scoped_session(ctx.db, ctx.principal, replica=True) as session:
            answer = await queries.statistics(
                session,
                ctx.principal,
                tenant=tenant,
                first=from_,
                last=to,
                group_by=[Dimension(d) for d in group_by],
                row_filter=filter.as_filter() if filter else StatisticsFilter(),
                floor=ctx.settings.statistics_min_cell,
            )
        return Statistics(answer=answer)
