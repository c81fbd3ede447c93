"""The decision a department records on a case, as GraphQL: the outcome enum and the decision's
fields (shared by Case.decision, ReceivedDecision and the timeline's decision details)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from socialaid.applications.planning import Outcome
from socialaid.applications.records import DecisionRecord
from socialaid.kernel.described_enum import described_enum

OutcomeEnum = described_enum(
    Outcome,
    name="DecisionOutcome",
    description="部门的决定：准予或不准予",
    values={
        "APPROVED": "准予（APPROVED）：给予救助，写明金额、期限与起始日",
        "DENIED": "不予准予（DENIED）：须写明理由与依据",
    },
)


@strawberry.type(
    name="CaseDecision",
    description="部门的办理结果：准予（金额、期限、起始）或不准予（理由、依据）",
)
class DecisionType:
    outcome: OutcomeEnum = strawberry.field(  # type: ignore[valid-type]
        description="准予或不准予"
    )
    reasons: list[str] = strawberry.field(description="不准予的理由（准予时通常为空）")
    amount: str | None = strawberry.field(
        description='金额（元），十进制字符串（如 "1510.00"，避免浮点误差）；不准予或无金额时为 null'
    )
    period: str | None = strawberry.field(
        description="救助期限的文字（告知书所写），如“自2026年1月1日起6个月”；未给出时为 null"
    )
    starts_on: date | None = strawberry.field(
        description="救助起始日（YYYY-MM-DD）；未给出时为 null"
    )
    period_months: int | None = strawberry.field(description="救助期限（月）；未给出时为 null")
    basis: str | None = strawberry.field(description="法律依据；未写明时为 null")
    documents: list[str] = strawberry.field(description="出具的文书编号或引用")
    recognised_as: list[str] = strawberry.field(
        description="认定的对象类别代码（认定类事项，如 dibao_family、extremely_poor）；其他事项为空"
    )
    decided_by: str = strawberry.field(
        description="决定者的用户标识（免申即享自动给予时为 system）"
    )
    decided_at: datetime = strawberry.field(description="决定时间（ISO 8601，带时区偏移）")
    automatic: bool = strawberry.field(description="免申即享：由前置认定结果自动给予")
    trigger: str | None = strawberry.field(
        description="免申即享时触发给予的前置认定事项代码；否则为 null"
    )

    @classmethod
    def of(cls, d: DecisionRecord) -> DecisionType:
        return cls(
            outcome=d.outcome,
            reasons=list(d.reasons),
            amount=None if d.amount is None else str(d.amount),
            period=d.period,
            starts_on=d.starts_on,
            period_months=d.period_months,
            basis=d.basis,
            documents=list(d.documents),
            recognised_as=list(d.recognised_as),
            decided_by=d.decided_by,
            decided_at=d.decided_at,
            automatic=d.automatic,
            trigger=d.trigger,
        )
