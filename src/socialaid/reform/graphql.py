"""GraphQL for the reform reports (issue 23): `reformEffect` and `completionSummary`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.catalogue.files import ReformComparison
from socialaid.catalogue.graphql import SourceType
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.reform.arithmetic import ItemTime, Measure
from socialaid.reform.completion import CompletionSummary, DepartmentResults, completion_summary
from socialaid.reform.completion_cells import ShownRow
from socialaid.reform.effect import MeasureReport, ReformEffectReport, reform_effect
from socialaid.reform.targets import HeldTarget

ReformMeasureEnum = described_enum(
    Measure,
    name="ReformEffectMeasure",
    description="改革成效的度量",
    values={
        "STEPS": "环节（STEPS）：事项办理流程的步骤；一门受理的步骤合并后只计一次",
        "FIELDS": "填报字段（FIELDS）：各事项要求填写的数据元；合并表单中同一数据元只填一次",
        "TIME": "办理时间（TIME）：逐项串联办理所需工作日与合并申请实际所用工作日",
        "MATERIALS": "证明材料（MATERIALS）：各事项分别要求的材料份数与合并申请实际须提交的份数",
        "TRIPS": "跑动次数（TRIPS）：逐项到窗口及到出具部门开具证明的次数与合并申请须到窗口的次数",
    },
)
ReformComparisonEnum = described_enum(
    ReformComparison,
    name="ReformTargetComparison",
    description="改革目标的百分比怎样算达到",
    values={
        "AT_LEAST": "以上（AT_LEAST）：减少比例不低于目标",
        "ABOUT": "左右（ABOUT）：文件未给出容差，减少比例不低于目标才算达到",
    },
)

TENANT = "租户（行政区划代码），如 310000；统计该租户及其下级"
FROM = "统计期间起始日（含，YYYY-MM-DD，中国时间）；省略为不限"
TO = "统计期间截止日（含）；省略为不限；与起始日同时给出时期间最长 366 天"


@strawberry.type(name="ReformTarget", description="改革目标：文件原话及其出处")
class ReformTargetType:
    name: str = strawberry.field(description="目标名称，如“减材料”")
    statement: str = strawberry.field(description="文件中的原话")
    reduction_percent: float | None = strawberry.field(
        description="目标减少的百分比，如 40 表示 40%；文件未给出数字时为 null"
    )
    comparison: ReformComparisonEnum | None = strawberry.field(  # type: ignore[valid-type]
        description="百分比的比较方式；无数字时为 null"
    )
    tenant: str = strawberry.field(description="规定该目标的租户（本级或继承自上级）")
    source: SourceType = strawberry.field(description="出处")

    @classmethod
    def of(cls, held: HeldTarget) -> ReformTargetType:
        target = held.target
        return cls(
            name=target.name,
            statement=target.statement,
            reduction_percent=target.reduction_percent,
            comparison=target.comparison,
            tenant=held.tenant,
            source=SourceType.of(target.source),
        )


@strawberry.type(
    name="ReformEffectCheck",
    description="一项度量：逐项办理与合并申请的对比、减少比例的算式，及是否达到目标",
)
class ReformEffectCheck:
    measure: ReformMeasureEnum = strawberry.field(description="度量")  # type: ignore[valid-type]
    item_by_item: int = strawberry.field(
        description="逐项分别办理时的数量（分母），如各事项分别要求的材料份数"
    )
    merged: int = strawberry.field(description="合并申请实际的数量")
    saved: int = strawberry.field(description="减少的数量（分子）：逐项办理减合并申请")
    reduction_percent: float | None = strawberry.field(
        description="减少比例（%，两位小数）：减少数 ÷ 逐项数 × 100；逐项数为 0 时为 null"
    )
    target: ReformTargetType | None = strawberry.field(
        description="租户的改革目标；无目标（如填报字段）时为 null"
    )
    met: bool | None = strawberry.field(
        description="是否达到目标；无目标、目标无数字或无可计算的数据时为 null"
    )
    arithmetic: str = strawberry.field(
        description="算式，如“（120 − 66）÷ 120 = 45.00%，目标 40%左右，达到”"
    )

    @classmethod
    def of(cls, report: MeasureReport) -> ReformEffectCheck:
        check = report.check
        return cls(
            measure=report.measure,
            item_by_item=check.tally.item_by_item,
            merged=check.tally.merged,
            saved=check.tally.saved,
            reduction_percent=check.percent,
            target=ReformTargetType.of(report.target) if report.target else None,
            met=check.met,
            arithmetic=check.arithmetic,
        )


@strawberry.type(
    name="ReformItemTime", description="一个事项已决定案件的办理工作日，对照承诺时限和法定时限"
)
class ReformItemTime:
    item: str = strawberry.field(description="事项代码")
    decided: int = strawberry.field(description="已决定（准予或不予）的案件数")
    median_working_days: float | None = strawberry.field(
        description="部门开始办理至决定的工作日中位数"
    )
    total_working_days: int = strawberry.field(description="各案件办理工作日之和")
    promised_working_days: int | None = strawberry.field(
        description="事项的承诺时限（工作日）；未规定为 null"
    )
    within_promised: int | None = strawberry.field(
        description="在承诺时限内决定的案件数；未规定承诺时限为 null"
    )
    statutory_working_days: int | None = strawberry.field(
        description="事项的法定时限（工作日）；未规定为 null"
    )
    within_statutory: int | None = strawberry.field(
        description="在法定时限内决定的案件数；未规定法定时限为 null"
    )

    @classmethod
    def of(cls, times: ItemTime) -> ReformItemTime:
        return cls(
            item=times.item,
            decided=times.decided,
            median_working_days=times.median_working_days,
            total_working_days=sum(times.working_days),
            promised_working_days=times.promised_working_days,
            within_promised=times.within_promised,
            statutory_working_days=times.statutory_working_days,
            within_statutory=times.within_statutory,
        )


@strawberry.type(
    name="ReformEffect",
    description="改革成效：统计期间内提交的申请，逐项分别办理与一次合并申请的对比，对照租户的改革目标",
)
class ReformEffectType:
    tenant: str = strawberry.field(description="统计的租户（含其下级）")
    from_: date | None = strawberry.field(name="from", description="统计期间起始日；不限为 null")
    to: date | None = strawberry.field(description="统计期间截止日；不限为 null")
    applications: int = strawberry.field(description="统计期间内提交的申请数")
    timed_applications: int = strawberry.field(
        description="计入办理时间的申请数：各案件均已办结且至少一件已决定"
    )
    checks: list[ReformEffectCheck] = strawberry.field(
        description="各项度量：环节、填报字段、办理时间、证明材料、跑动次数"
    )
    item_times: list[ReformItemTime] = strawberry.field(
        description="各事项的办理工作日对照承诺时限与法定时限，按事项代码排序"
    )
    as_of: datetime = strawberry.field(description="统计时刻（实时读取申请与案件）")

    @classmethod
    def of(cls, report: ReformEffectReport) -> ReformEffectType:
        return cls(
            tenant=report.tenant,
            from_=report.start,
            to=report.end,
            applications=report.applications,
            timed_applications=report.timed_applications,
            checks=[ReformEffectCheck.of(m) for m in report.measures],
            item_times=[ReformItemTime.of(t) for t in report.item_times],
            as_of=report.as_of,
        )


@strawberry.type(
    name="DepartmentCompletion",
    description="一个部门在统计期间收到的案件的办理结果；小于小单元阈值的数及为防推算而一并隐藏的数为 null，列入 suppressed",
)
class DepartmentCompletion:
    department: str = strawberry.field(description="职能部门代码；合计行为空字符串")
    department_name: str = strawberry.field(description="部门名称；合计行为“合计”")
    received: int | None = strawberry.field(description="收到的案件数（一门受理派单）")
    decided: int | None = strawberry.field(description="已决定：准予与不予之和")
    approved: int | None = strawberry.field(description="准予")
    denied: int | None = strawberry.field(description="不予")
    closed: int | None = strawberry.field(
        description="未经本部门决定而终结（前置事项不予、被排除）"
    )
    withdrawn: int | None = strawberry.field(description="申请人撤回")
    concluded: int | None = strawberry.field(description="办结：已决定、终结与撤回之和")
    pending: int | None = strawberry.field(description="在办（含等待前置事项、补正中）")
    overdue: int | None = strawberry.field(description="在办且已超过办理时限")
    within_limit: int | None = strawberry.field(description="在办理时限内作出决定的")
    late: int | None = strawberry.field(description="超过办理时限才作出决定的")
    suppressed: list[str] = strawberry.field(
        description="不显示（为 null）的字段名（如 denied、withinLimit）：小于小单元阈值的数，"
        "以及为防止用合计或本行的和减去其他数推算出被隐藏的数而一并隐藏的数"
    )

    @classmethod
    def of(cls, row: DepartmentResults, shown: ShownRow) -> DepartmentCompletion:
        counts = shown.counts
        return cls(
            department=row.department,
            department_name=row.department_name,
            received=counts["received"],
            decided=counts["decided"],
            approved=counts["approved"],
            denied=counts["denied"],
            closed=counts["closed"],
            withdrawn=counts["withdrawn"],
            concluded=counts["concluded"],
            pending=counts["pending"],
            overdue=counts["overdue"],
            within_limit=counts["within_limit"],
            late=counts["late"],
            suppressed=[_camel(name) for name in shown.suppressed],
        )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


@strawberry.type(
    name="CompletionSummary",
    description="办结汇总（江阴规范 5.6）：各主管部门的办理结果汇总至社会救助中心",
)
class CompletionSummaryType:
    tenant: str = strawberry.field(description="汇总的租户（含其下级）")
    from_: date | None = strawberry.field(name="from", description="统计期间起始日；不限为 null")
    to: date | None = strawberry.field(description="统计期间截止日；不限为 null")
    departments: list[DepartmentCompletion] = strawberry.field(
        description="各部门一行，按部门代码排序；期间内无案件的部门不列出"
    )
    total: DepartmentCompletion = strawberry.field(description="合计")
    as_of: datetime = strawberry.field(description="汇总时刻（实时读取案件；超期按此时刻判断）")
    min_cell: int = strawberry.field(
        description="小单元阈值：1 至该值减 1 的数不显示，与 statistics 相同（租户参数 statistics_min_cell，"
        "取本级及下级中最大者，未设定时为 5，不低于 SOCIALAID_STATISTICS_MIN_CELL）"
    )

    @classmethod
    def of(cls, summary: CompletionSummary) -> CompletionSummaryType:
        rows, total = summary.shown()
        return cls(
            tenant=summary.tenant,
            from_=summary.start,
            to=summary.end,
            departments=[
                DepartmentCompletion.of(d, shown)
                for d, shown in zip(summary.departments, rows, strict=True)
            ],
            total=DepartmentCompletion.of(summary.total, total),
            as_of=summary.as_of,
            min_cell=summary.threshold,
        )


@strawberry.type
class ReformQuery:
    @strawberry.field(
        description="改革成效（analyst、tenant_admin、auditor）：统计期间内提交的申请，环节、填报字段、"
        "证明材料、办理时间、跑动次数逐项办理与合并申请的对比，列出算式并对照租户的改革目标"
        "（上海市 000 四：减环节 20%、减时间 30% 以上、减材料 40% 左右、减跑动）"
    )
    async def reform_effect(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description=TENANT)],
        from_: Annotated[date | None, strawberry.argument(name="from", description=FROM)] = None,
        to: Annotated[date | None, strawberry.argument(description=TO)] = None,
    ) -> ReformEffectType:
        ctx = info.context
        async with scoped_session(ctx.db, ctx.principal, replica=True) as session:
            report = await reform_effect(session, ctx.principal, tenant=tenant, start=from_, end=to)
        return ReformEffectType.of(report)

    @strawberry.field(
        description="办结汇总（社会救助中心窗口人员 window_clerk、tenant_admin、auditor、analyst）："
        "统计期间内各部门收到的案件的决定、办结、在办、超期与时限内办结数"
    )
    async def completion_summary(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description=TENANT)],
        from_: Annotated[date | None, strawberry.argument(name="from", description=FROM)] = None,
        to: Annotated[date | None, strawberry.argument(description=TO)] = None,
    ) -> CompletionSummaryType:
        ctx = info.context
        async with scoped_session(ctx.db, ctx.principal, replica=True) as session:
            summary = await completion_summary(
                session,
                ctx.principal,
                tenant=tenant,
                start=from_,
                end=to,
                floor=ctx.settings.statistics_min_cell,
            )
        return CompletionSummaryType.of(summary)
