"""GraphQL for re-verification (issue 22): the street office's `reverifications`, the department's
`reverificationComplete`, and 主动报告 `householdChangeReport`."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, ClassVar

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.applications import review_queries
from socialaid.applications.graphql.types import ApplicationType, CaseType
from socialaid.applications.models import ApplicationCase
from socialaid.applications.review_models import HouseholdChangeReport, Reverification
from socialaid.applications.review_schedule import (
    ChangeKind,
    ReviewOutcome,
    ReviewState,
    ReviewTrigger,
)
from socialaid.applications.reviews import (
    NODE_TYPE,
    ChangeReport,
    Completion,
    complete_review,
    report_change,
)
from socialaid.errors import DomainError, ErrorCode
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
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ERRORS, ErrorOf, Failable, errors_field, payload_error

ReverificationStateEnum = described_enum(
    ReviewState,
    name="ReverificationState",
    description="定期核查的状态",
    values={
        "UNSCHEDULED": "待定（UNSCHEDULED）：事项未规定周期，或分列周期而未选定本家庭适用的周期；主动报告可提前开启",
        "SCHEDULED": "已排定（SCHEDULED）：等待核查日期（dueOn）到来",
        "DUE": "待核查（DUE）：已到期或因主动报告提前开启，街镇核查后由主管部门填写结果",
        "COMPLETED": "已完成（COMPLETED）：已有结果（outcome）与告知书",
    },
)
ReverificationTriggerEnum = described_enum(
    ReviewTrigger,
    name="ReverificationTrigger",
    description="这次核查因何排定",
    values={
        "APPROVAL": "准予后首次（APPROVAL）：准予救助时按事项的核查周期排定",
        "REVIEW": "周期核查（REVIEW）：上次核查继续救助后按周期排定",
        "SELF_REPORT": "主动报告（SELF_REPORT）：家庭报告了变化，提前核查",
        "TAPER": "渐退期满（TAPER）：家庭成员就业后，救助在渐退期内继续，期满核查",
        "SPOT_CHECK": "不定期抽查（SPOT_CHECK）：按本地区设定的每月抽查比例随机抽中，提前核查"
        "（未设定比例时不抽查）",
    },
)
ReverificationOutcomeEnum = described_enum(
    ReviewOutcome,
    name="ReverificationOutcome",
    description="定期核查的结果",
    values={
        "CONTINUE": "继续（CONTINUE）：继续按原金额救助，按周期排定下次核查",
        "ADJUST": "调整（ADJUST）：按新金额继续救助，按周期排定下次核查",
        "STOP": "停止（STOP）：停止救助，出具停止救助告知书（写明理由）",
    },
)
HouseholdChangeKindEnum = described_enum(
    ChangeKind,
    name="HouseholdChangeKind",
    description="家庭主动报告的变化（长社救联办〔2021〕3号 三（二）4：家庭人口、经济状况等重大变化主动报告）",
    values={
        "EMPLOYMENT_STARTED": "成员就业（EMPLOYMENT_STARTED）：家庭成员开始工作；有收入豁免、救助渐退规则的事项在渐退期内继续",
        "INCOME_CHANGED": "收入变化（INCOME_CHANGED）：家庭收入发生变化",
        "HOUSEHOLD_CHANGED": "人口变化（HOUSEHOLD_CHANGED）：家庭成员增加或减少",
        "ASSETS_CHANGED": "财产变化（ASSETS_CHANGED）：家庭财产状况发生变化",
        "OTHER": "其他（OTHER）：其他重大变化",
    },
)


@strawberry.type(
    name="ReverificationTaperStep",
    description="渐退期内的一个月：自该日起一个月按原金额的百分比发放",
)
class TaperStepType:
    month_from: date = strawberry.field(
        description="这一个月的起始日期（YYYY-MM-DD，自就业之日起按月计）"
    )
    percent: str = strawberry.field(description="按原金额发放的百分比（十进制字符串，如 80）")
    amount: str = strawberry.field(
        description="这一个月发放的金额（元，十进制字符串，四舍五入到分）"
    )


@strawberry.type(
    name="ReverificationTaper",
    description="收入豁免、救助渐退（沪民救发〔2022〕9号 一）：家庭成员就业后的安排；参数未设定时由核查决定",
)
class TaperType:
    started_on: date = strawberry.field(description="就业开始日期（YYYY-MM-DD）")
    continues_until: date | None = strawberry.field(
        description="救助继续发放至此日期（渐退期满，届时核查）；本地区未设定渐退期参数时为 null"
    )
    earned_income: str | None = strawberry.field(
        description="报告的月就业收入（元，十进制字符串）；未报告时为 null"
    )
    counted_income: str | None = strawberry.field(
        description="扣除收入豁免额后计入的月收入（元）；未报告收入或未设定豁免额时为 null"
    )
    missing_parameters: list[str] = strawberry.field(
        description="本地区尚未设定的参数代码（如 dibao_taper_months）：由核查决定，系统不代为取值"
    )
    steps: list[TaperStepType] | None = strawberry.field(
        description="渐退期内逐月发放的金额（按本地区设定的渐退步长）；未设定步长或渐退期时为 null，"
        "救助金额在渐退期内不变"
    )
    steps_parameter_unset: str | None = strawberry.field(
        description="未设定的渐退步长参数代码（如 dibao_taper_steps）：金额在渐退期内不变；已设定时为 null"
    )


@strawberry.type(
    name="BenefitReverification",
    description="一项已准予救助的一次定期核查（长社救联办〔2021〕3号 三（二）4）",
)
class ReverificationType(Node):
    # "Reverification", not the GraphQL name: the ids issued since issue 22 stay valid (ADR 0040).
    node_type: ClassVar[str] = NODE_TYPE
    row: strawberry.Private[Reverification]
    case_row: strawberry.Private[ApplicationCase]

    def node_key(self) -> tuple[str, ...]:
        return (str(self.row.id),)

    @strawberry.field(description="核查的数据库标识（UUID），与审计事件的 subjectId 相同")
    def database_id(self) -> str:
        return str(self.row.id)

    @strawberry.field(description="状态")
    def state(self) -> ReverificationStateEnum:  # type: ignore[valid-type]
        return ReviewState(self.row.state)

    @strawberry.field(description="因何排定")
    def trigger(self) -> ReverificationTriggerEnum:  # type: ignore[valid-type]
        return ReviewTrigger(self.row.trigger)

    @strawberry.field(description="核查的救助事项代码")
    def item_code(self) -> str:
        return self.row.item_code

    @strawberry.field(description="主管部门职能代码")
    def department(self) -> str:
        return self.row.department

    @strawberry.field(
        description="适用的核查周期代码（事项分列多个周期时）；统一周期或待定时为 null"
    )
    def period_code(self) -> str | None:
        return self.row.period_code

    @strawberry.field(description="核查周期（月）；待定时为 null")
    def period_months(self) -> int | None:
        return self.row.period_months

    @strawberry.field(description="核查日期（中国日期 YYYY-MM-DD）；待定时为 null")
    def due_on(self) -> date | None:
        return self.row.due_on

    @strawberry.field(description="开启核查的时间（带时区）；尚未开启时为 null")
    def opened_at(self) -> datetime | None:
        return self.row.opened_at

    @strawberry.field(description="核查时正在发放的金额（元，十进制字符串）；未定金额时为 null")
    def amount(self) -> str | None:
        return _money(self.row.amount)

    @strawberry.field(description="收入豁免、救助渐退的安排；没有时为 null")
    def taper(self) -> TaperType | None:
        data = self.row.taper
        if data is None:
            return None
        until = data.get("continuesUntil")
        return TaperType(
            started_on=date.fromisoformat(data["startedOn"]),
            continues_until=None if until is None else date.fromisoformat(until),
            earned_income=data.get("earnedIncome"),
            counted_income=data.get("countedIncome"),
            missing_parameters=list(data.get("missingParameters", [])),
            steps=None
            if data.get("steps") is None
            else [
                TaperStepType(
                    month_from=date.fromisoformat(step["from"]),
                    percent=step["percent"],
                    amount=step["amount"],
                )
                for step in data["steps"]
            ],
            steps_parameter_unset=data.get("stepsUnset"),
        )

    @strawberry.field(description="结果；未完成时为 null")
    def outcome(self) -> ReverificationOutcomeEnum | None:  # type: ignore[valid-type]
        return None if self.row.outcome is None else ReviewOutcome(self.row.outcome)

    @strawberry.field(description="调整后的金额（元）；结果不是 ADJUST 时为 null")
    def new_amount(self) -> str | None:
        return _money(self.row.new_amount)

    @strawberry.field(description="结果的理由或说明；无则为空列表")
    def reasons(self) -> list[str]:
        return list(self.row.reasons)

    @strawberry.field(description="核查结果告知书全文；未完成时为 null")
    def notice_text(self) -> str | None:
        return None if self.row.notice is None else str(self.row.notice["text"])

    @strawberry.field(description="完成时间（带时区）；未完成时为 null")
    def completed_at(self) -> datetime | None:
        return self.row.completed_at

    @strawberry.field(description="被核查的救助所属的案件（按案件的可见范围与脱敏规则）")
    def case(self) -> CaseType:
        return CaseType(row=self.case_row)


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


@relay_connection(
    name="BenefitReverificationConnection",
    description="定期核查的分页列表（Relay 连接），核查日期早者在前，待定者在后",
    edge="定期核查的一条",
    node="核查",
    edges="本页的核查",
    cursor="本条的游标",
)
class ReverificationConnection(CountedConnection[ReverificationType]):
    pass


@strawberry.input(description="定期核查的筛选条件")
class ReverificationFilterInput:
    tenant: str = strawberry.field(description="租户（行政区划代码），含其下级")
    due_before: date | None = strawberry.field(
        default=None, description="只要核查日期不晚于此日（中国日期 YYYY-MM-DD）的；省略为不限"
    )
    states: list[ReverificationStateEnum] = strawberry.field(  # type: ignore[valid-type]
        default_factory=list, description="只要这些状态的；空列表为全部"
    )
    area: str | None = strawberry.field(default=None, description="街道或社区代码（含其下社区）")


@strawberry.type(description="定期核查的查询")
class ReviewQuery:
    @strawberry.field(
        description="定期核查（街镇工作台）：顾问只见本区域的，经办、审批只见本部门的；核查日期早者在前"
    )
    async def reverifications(
        self,
        info: Info,
        filter: Annotated[ReverificationFilterInput, strawberry.argument(description="筛选条件")],
        first: Annotated[int, strawberry.argument(description=FIRST)] = 20,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> ReverificationConnection:
        check_page_size(first, path=["first"])
        key = (
            review_queries.parse_page_key(decode_cursor(after, 2, path=["after"]))
            if after
            else None
        )
        review_filter = review_queries.ReviewFilter(
            tenant=filter.tenant,
            due_before=filter.due_before,
            states=[ReviewState(s) for s in filter.states],
            area=filter.area,
        )
        principal = info.context.principal
        async with scoped_session(info.context.db, principal) as session:
            page = await review_queries.list_reviews(
                session, actor=principal, filter=review_filter, first=first, after=key
            )
        edges = [
            ReverificationConnection.edge(
                cursor=encode_cursor(review_queries.page_key(review)),
                node=ReverificationType(row=review, case_row=case),
            )
            for review, case in page.rows
        ]

        async def count() -> int:
            async with scoped_session(info.context.db, principal) as session:
                return await review_queries.count_reviews(
                    session, actor=principal, filter=review_filter
                )

        return ReverificationConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=page.has_next_page, after=after),
            count=count,
        )


ReverificationError = payload_error(
    "ReverificationError",
    [ErrorCode.NOT_FOUND],
    operations="reverificationComplete、householdChangeReport",
)


@strawberry.input(description="填写一次定期核查的结果")
class ReverificationCompleteInput:
    id: strawberry.ID = strawberry.field(description="核查标识（Reverification.id）")
    outcome: ReverificationOutcomeEnum = strawberry.field(  # type: ignore[valid-type]
        description="继续、调整或停止"
    )
    amount: str | None = strawberry.field(
        default=None,
        description='调整后的金额（元），十进制字符串（如 "1510.00"）；ADJUST 必填，CONTINUE 与 STOP 不填',
    )
    reasons: list[str] = strawberry.field(
        default_factory=list, description="理由或说明；STOP 至少一条（写入停止救助告知书）"
    )
    period_code: str | None = strawberry.field(
        default=None,
        description="继续救助时下次核查适用的周期代码（事项分列多个周期时）；省略沿用本次的",
    )


@strawberry.type(description="reverificationComplete 的结果")
class ReverificationCompletePayload(Failable):
    error_type = ReverificationError
    reverification: ReverificationType | None = strawberry.field(
        default=None, description="完成的核查；失败时为 null"
    )
    next: ReverificationType | None = strawberry.field(
        default=None, description="继续救助时排定的下次核查；停止救助或失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(ReverificationError)


@strawberry.input(description="家庭主动报告的变化")
class HouseholdChangeReportInput:
    application: strawberry.ID = strawberry.field(
        description="获准救助的申请（Application.id）；申请人本人或代其办理的顾问、窗口报告"
    )
    kind: HouseholdChangeKindEnum = strawberry.field(  # type: ignore[valid-type]
        description="变化的类型"
    )
    occurred_on: date = strawberry.field(description="变化发生的日期（YYYY-MM-DD），不晚于今天")
    description: str = strawberry.field(description="变化的说明（如：长子于某公司就业）")
    monthly_income: str | None = strawberry.field(
        default=None,
        description="变化后的月收入（元，十进制字符串）；成员就业时为其月就业收入，用于收入豁免的计算",
    )


@strawberry.type(description="householdChangeReport 的结果")
class HouseholdChangeReportPayload(Failable):
    error_type = ReverificationError
    report_id: str | None = strawberry.field(
        default=None,
        description="报告的数据库标识（UUID），与审计事件的 subjectId 相同；失败时为 null",
    )
    application: ApplicationType | None = strawberry.field(
        default=None, description="报告所属的申请（时间线含此报告及提前核查）；失败时为 null"
    )
    reverifications: list[ReverificationType] = strawberry.field(
        default_factory=list,
        description="受影响的核查：已提前开启的（DUE），或按渐退期排定的（SCHEDULED）",
    )
    errors: list[ErrorOf] = errors_field(ReverificationError, ERRORS)


def _decimal(value: str | None, path: str) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise DomainError("金额应为十进制数", path=[path]) from None
    if not amount.is_finite() or amount < 0:
        raise DomainError("金额应为非负数", path=[path])
    return amount


@strawberry.type
class ReviewMutation:
    @strawberry.mutation(
        description="主管部门填写定期核查结果（须有该案件的决定权限）：继续、调整金额或停止救助，出具告知书并告知申请人"
    )
    async def reverification_complete(
        self,
        info: Info,
        input: Annotated[
            ReverificationCompleteInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> ReverificationCompletePayload:
        async def work(uow: UnitOfWork) -> ReverificationCompletePayload:
            completion = Completion(
                outcome=ReviewOutcome(input.outcome),
                amount=_decimal(input.amount, "amount"),
                reasons=tuple(input.reasons),
                period_code=input.period_code,
            )
            review = await complete_review(uow, review_id=str(input.id), completion=completion)
            case = await uow.session.get(ApplicationCase, (review.tenant_id, review.case_id))
            assert case is not None
            following = await review_queries.open_review_of(uow.session, review)
            return ReverificationCompletePayload(
                reverification=ReverificationType(row=review, case_row=case),
                next=None
                if following is None
                else ReverificationType(row=following, case_row=case),
            )

        return await run_mutation(info, ReverificationCompletePayload, work)

    @strawberry.mutation(
        description="主动报告：家庭（或代其办理的顾问、窗口）报告人口、收入、就业等变化，提前开启其救助的核查"
    )
    async def household_change_report(
        self,
        info: Info,
        input: Annotated[
            HouseholdChangeReportInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> HouseholdChangeReportPayload:
        async def work(uow: UnitOfWork) -> HouseholdChangeReportPayload:
            reported = await report_change(
                uow,
                application_id=str(input.application),
                change=ChangeReport(
                    kind=ChangeKind(input.kind),
                    occurred_on=input.occurred_on,
                    description=input.description,
                    monthly_income=_decimal(input.monthly_income, "monthlyIncome"),
                ),
            )
            report: HouseholdChangeReport = reported.report
            cases = {
                c.id: c
                for c in (
                    await uow.session.execute(review_queries.cases_of_reviews(reported.reviews))
                ).scalars()
            }
            application = await review_queries.application_of(uow.session, report)
            return HouseholdChangeReportPayload(
                report_id=str(report.id),
                application=ApplicationType(row=application),
                reverifications=[
                    ReverificationType(row=r, case_row=cases[r.case_id]) for r in reported.reviews
                ],
            )

        return await run_mutation(info, HouseholdChangeReportPayload, work)
