"""GraphQL for eligibility screening (issue 21): `eligibilityScreen` and `screeningQuestions`,
both public. The answers are read for the request and never stored, logged or audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from socialaid.catalogue.graphql import CodeValueType, SourceType
from socialaid.catalogue.graphql_vocabulary import BenefitPeriod, BenefitPeriodEnum
from socialaid.catalogue.service import CatalogueCaches
from socialaid.clock import today_in_china
from socialaid.kernel.context import Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.scalars import JSON
from socialaid.screening.questions import Question
from socialaid.screening.screening import (
    Estimate,
    ItemScreening,
    MissingParameter,
    NotScreenableReason,
    Outcome,
)
from socialaid.screening.service import (
    ScreeningCaches,
    ScreeningContext,
    questions_for,
    screen_items,
    screening_context,
)

OutcomeEnum = described_enum(
    Outcome,
    name="ScreeningOutcome",
    description="初筛结论（按申请人自己填写的情况，不是审核认定）",
    values={
        "LIKELY": "可能符合（LIKELY）：按所填情况满足该事项可机读的全部条件",
        "UNLIKELY": "可能不符合（UNLIKELY）：按所填情况有条件不满足，见 failedConditions",
        "NEEDS_INFORMATION": "需补充信息（NEEDS_INFORMATION）：还缺 missingAnswers 所列的回答",
        "NOT_SCREENABLE": "无法初筛（NOT_SCREENABLE）：原因见 notScreenableReason",
    },
)
NotScreenableEnum = described_enum(
    NotScreenableReason,
    name="NotScreenableReason",
    description="无法初筛的原因",
    values={
        "NO_RULE": "无可机读条件（NO_RULE）：该事项的条件只有文字规定",
        "PARAMETER_WITHOUT_VALUE": "参数无取值（PARAMETER_WITHOUT_VALUE）：条件需要的标准本地尚未设定，见 missingParameters",
        "NOT_ON_APPLICATION": "非依申请（NOT_ON_APPLICATION）：由部门组织实施，不接受申请",
    },
)

ITEMS = "要初筛的事项代码；省略则初筛该租户目录中的全部事项（最多 60 个）"
ANSWERS = (
    '家庭情况，键与表单答案相同（如 {"applicant": {"shanghai_hukou": true}, '
    '"household": {"size": 3, "per_capita_monthly_income": 800}}）；只用于本次计算，不保存、'
    "不记日志、不入审计"
)
TENANT = "租户（行政区划代码），如 310105；按其今天的目录和参数取值初筛"


@strawberry.type(name="AnswerKey", description="一个回答（数据元）及其中文名称")
class AnswerKeyType:
    key: str = strawberry.field(description="数据元键，如 household.per_capita_monthly_income")
    label: str = strawberry.field(description="中文名称，如“家庭月人均可支配收入”")


@strawberry.type(name="MissingParameter", description="条件或公式需要、但尚无取值的租户参数")
class MissingParameterType:
    key: str = strawberry.field(description="参数键（params.<key> 中的 key）")
    label: str = strawberry.field(description="中文名称，如“本市最低生活保障标准”")
    unit: str | None = strawberry.field(description="单位；无单位为 null")

    @classmethod
    def of(cls, p: MissingParameter) -> MissingParameterType:
        return cls(key=p.key, label=p.label, unit=p.unit)


@strawberry.type(name="FailedCondition", description="按所填情况不满足的一条条件")
class FailedConditionType:
    requirement: str = strawberry.field(
        description="条件的文字说明，如“家庭月人均可支配收入 低于 本市最低生活保障标准”"
    )
    facts: str = strawberry.field(
        description="据以判断的所填情况与参数取值，如“家庭月人均可支配收入：3000；本市最低生活保障标准：1510 元/人·月”"
    )
    source: SourceType = strawberry.field(description="条件的出处：种子文件及章节")


@strawberry.type(name="BenefitEstimate", description="按救助内容公式和租户参数估算的金额")
class BenefitEstimateType:
    amount: float | None = strawberry.field(
        description="估算金额（元，保留两位小数）；缺回答或参数取值时为 null"
    )
    period: BenefitPeriodEnum | None = strawberry.field(  # type: ignore[valid-type]
        description="给付周期（金额是每月、每年还是一次性的）；未规定为 null"
    )
    formula_text: str | None = strawberry.field(description="公式的文字说明（目录原文）")
    calculation: str | None = strawberry.field(
        description="代入所填情况和参数后的算式，如“max(0, (1510 − 800) × 3) = 2130 元”的文字形式；无金额时为 null"
    )
    missing_answers: list[AnswerKeyType] = strawberry.field(description="估算还缺的回答")
    missing_parameters: list[MissingParameterType] = strawberry.field(
        description="估算需要但尚无取值的参数"
    )


@strawberry.type(name="EligibilityResult", description="一个事项的初筛结果")
class EligibilityResultType:
    item: str = strawberry.field(description="事项代码")
    item_name: str = strawberry.field(description="事项名称")
    outcome: OutcomeEnum = strawberry.field(  # type: ignore[valid-type]
        description="初筛结论"
    )
    explanation: str = strawberry.field(description="给申请人看的一句话说明")
    missing_answers: list[AnswerKeyType] = strawberry.field(
        description="判断还缺的回答（NEEDS_INFORMATION 时非空；NOT_SCREENABLE 时也列出）"
    )
    missing_parameters: list[MissingParameterType] = strawberry.field(
        description="判断需要但尚无取值的参数（PARAMETER_WITHOUT_VALUE 时非空）"
    )
    not_screenable_reason: NotScreenableEnum | None = strawberry.field(  # type: ignore[valid-type]
        description="无法初筛的原因；其他结论为 null"
    )
    failed_conditions: list[FailedConditionType] = strawberry.field(
        description="不满足的条件（UNLIKELY 时非空）"
    )
    estimate: BenefitEstimateType | None = strawberry.field(
        description="金额估算（LIKELY 且事项有计算公式时）；否则为 null"
    )
    rule_source: SourceType | None = strawberry.field(description="资格条件的出处：种子文件及章节")


@strawberry.type(name="ScreeningQuestion", description="下一步建议询问的问题")
class ScreeningQuestionType:
    key: str = strawberry.field(description="数据元键：回答填在 answers 的这个键下")
    label: str = strawberry.field(description="问题（数据元中文名称）")
    type: str = strawberry.field(
        description="回答的类型：boolean、integer、amount、code 等（数据元类型）"
    )
    code_values: list[CodeValueType] = strawberry.field(
        description="代码表型问题的可选项；其他类型为空"
    )
    decides: list[str] = strawberry.field(
        description="回答这一问就可能得出结论的事项代码（排序依据：越多越靠前）"
    )
    concerns: list[str] = strawberry.field(description="条件中用到这一问的全部未决事项代码")


def _keys(context: ScreeningContext, keys: tuple[str, ...]) -> list[AnswerKeyType]:
    return [AnswerKeyType(key=k, label=context.wording.label(k)) for k in keys]


def _estimate(context: ScreeningContext, e: Estimate | None) -> BenefitEstimateType | None:
    if e is None:
        return None
    return BenefitEstimateType(
        amount=e.amount,
        period=None if e.period is None else BenefitPeriod(e.period),
        formula_text=e.formula_text,
        calculation=e.calculation,
        missing_answers=_keys(context, e.missing_answers),
        missing_parameters=[MissingParameterType.of(p) for p in e.missing_parameters],
    )


def _result(context: ScreeningContext, r: ItemScreening) -> EligibilityResultType:
    return EligibilityResultType(
        item=r.item,
        item_name=r.name,
        outcome=r.outcome,
        explanation=r.explanation,
        missing_answers=_keys(context, r.missing_answers),
        missing_parameters=[MissingParameterType.of(p) for p in r.missing_parameters],
        not_screenable_reason=r.not_screenable,
        failed_conditions=[
            FailedConditionType(
                requirement=f.requirement, facts=f.facts, source=SourceType.of(f.source)
            )
            for f in r.failed
        ],
        estimate=_estimate(context, r.estimate),
        rule_source=None if r.rule_source is None else SourceType.of(r.rule_source),
    )


def _question(context: ScreeningContext, q: Question) -> ScreeningQuestionType:
    library = context.view.library
    element = library.data_elements.get(q.key)
    values = (
        library.code_lists[element.code_list].values
        if element is not None and element.code_list in library.code_lists
        else []
    )
    return ScreeningQuestionType(
        key=q.key,
        label=context.wording.label(q.key),
        type="unknown" if element is None else element.type.value,
        code_values=[CodeValueType(code=v.code, label=v.label) for v in values],
        decides=list(q.decides),
        concerns=list(q.concerns),
    )


async def _context(info: Info, tenant: str) -> ScreeningContext:
    async with info.context.db.session() as session:
        return await screening_context(
            session,
            info.context.caches.of(CatalogueCaches),
            info.context.caches.of(ScreeningCaches),
            tenant=tenant,
            as_of=today_in_china(),
        )


@strawberry.type
class ScreeningQuery:
    @strawberry.field(
        description="资格初筛（公开，无需令牌）：按家庭情况逐项判断可能符合、可能不符合（附原因和出处）、"
        "需补充信息或无法初筛，并按公式和租户参数估算金额；answers 不保存"
    )
    async def eligibility_screen(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description=TENANT)],
        answers: Annotated[JSON, strawberry.argument(description=ANSWERS)],
        items: Annotated[list[str] | None, strawberry.argument(description=ITEMS)] = None,
    ) -> list[EligibilityResultType]:
        context = await _context(info, tenant)
        return [_result(context, r) for r in screen_items(context, answers, items)]

    @strawberry.field(
        description="下一步该问什么（公开，无需令牌）：未决事项的条件还缺的回答，按回答后能得出结论的事项数排序；"
        "依次回答可用最少的问题判断最多的事项；answers 不保存"
    )
    async def screening_questions(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description=TENANT)],
        answers: Annotated[JSON, strawberry.argument(description=ANSWERS)],
        items: Annotated[list[str] | None, strawberry.argument(description=ITEMS)] = None,
        first: Annotated[int, strawberry.argument(description="最多返回几个问题（1 到 50）")] = 5,
    ) -> list[ScreeningQuestionType]:
        context = await _context(info, tenant)
        _, questions = questions_for(context, answers, items)
        return [_question(context, q) for q in questions[:first]]
