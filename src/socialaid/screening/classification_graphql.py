"""GraphQL for 分类审核认定 (issue 21): the category an application's facts propose, with each
category's check, for the office that decides a classified recognition."""

from __future__ import annotations

import strawberry

from socialaid.catalogue.graphql import SourceType
from socialaid.kernel.described_enum import described_enum
from socialaid.screening.classification import (
    CategoryCheck,
    CategoryOutcome,
    Proposal,
    ProposalKind,
)

ProposalKindEnum = described_enum(
    ProposalKind,
    name="RecognitionProposalKind",
    description="分类审核认定的建议",
    values={
        "CATEGORY": "建议认定（CATEGORY）：申请材料中的情况符合 category 所列类别的认定条件",
        "MONITORING": "建议纳入监测（MONITORING）：各类别均已判断且都不符合，不予认定的将纳入监测范围",
        "UNDECIDED": "尚无法建议（UNDECIDED）：没有符合的类别，且有类别缺少回答或本地尚未设定标准",
    },
)
CategoryOutcomeEnum = described_enum(
    CategoryOutcome,
    name="RecognitionCategoryOutcome",
    description="一个类别的判断结果",
    values={
        "MET": "符合（MET）：该类别的认定条件均满足",
        "NOT_MET": "不符合（NOT_MET）：有条件不满足，见 reason",
        "UNDECIDED": "无法判断（UNDECIDED）：缺少回答或本地尚未设定标准，见 missingAnswers、missingParameters",
    },
)


@strawberry.type(name="RecognitionCheck", description="按一个类别的认定条件判断的结果")
class RecognitionCheckType:
    category: str = strawberry.field(description="对象类别代码，如 dibao_family")
    outcome: CategoryOutcomeEnum = strawberry.field(  # type: ignore[valid-type]
        description="判断结果"
    )
    reason: str = strawberry.field(
        description="理由（中文）：符合的条件、不符合的条件及所填情况，或所缺的信息"
    )
    missing_answers: list[str] = strawberry.field(description="还缺的回答（数据元键）；无则为空")
    missing_parameters: list[str] = strawberry.field(description="还未设定的租户参数键；无则为空")
    source: SourceType = strawberry.field(description="该类别条件的出处")

    @classmethod
    def of(cls, check: CategoryCheck) -> RecognitionCheckType:
        return cls(
            category=check.target_group,
            outcome=check.outcome,
            reason=check.reason,
            missing_answers=list(check.missing_answers),
            missing_parameters=list(check.missing_parameters),
            source=SourceType.of(check.source),
        )


@strawberry.type(
    name="RecognitionProposal",
    description="分类审核认定的建议（按申请所填情况和本地今天的标准计算，供经办人员参考；以决定为准）",
)
class RecognitionProposalType:
    kind: ProposalKindEnum = strawberry.field(  # type: ignore[valid-type]
        description="建议认定为某类、建议纳入监测，或尚无法建议"
    )
    category: str | None = strawberry.field(
        description="建议认定的对象类别代码（按目录所列顺序第一个符合的）；kind 不是 CATEGORY 时为 null"
    )
    reasons: list[str] = strawberry.field(description="各类别的判断理由（中文），按目录所列顺序")
    checks: list[RecognitionCheckType] = strawberry.field(
        description="各类别的判断，按目录所列顺序"
    )

    @classmethod
    def of(cls, proposal: Proposal) -> RecognitionProposalType:
        return cls(
            kind=proposal.kind,
            category=proposal.category,
            reasons=[c.reason for c in proposal.checks],
            checks=[RecognitionCheckType.of(c) for c in proposal.checks],
        )
