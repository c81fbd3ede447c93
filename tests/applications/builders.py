"""Small builders for the pure workflow tests: items, decisions, cases, and applying effects."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from socialaid.applications.planning import (
    Case,
    CloseCase,
    Decision,
    DependencyRef,
    Effect,
    ExclusionRef,
    ForwardDecision,
    GrantAutomatically,
    ItemRef,
    OnDenied,
    Outcome,
    ReleaseCase,
    WithdrawCase,
    plan_cases,
)
from socialaid.applications.states import CaseEvent, CaseState, Machine, transition
from socialaid.catalogue.files import Mode


def dep(
    *items: str, on_denied: OnDenied = "close", approved_as: Sequence[str] | None = None
) -> DependencyRef:
    return DependencyRef(
        items=items,
        on_denied=on_denied,
        approved_as=None if approved_as is None else tuple(approved_as),
    )


def item(
    code: str,
    department: str = "civil_affairs",
    *,
    requires: Sequence[DependencyRef] = (),
    mode: Mode = Mode.ON_APPLICATION,
    days: int | None = None,
    name: str | None = None,
    excluded_by: Sequence[Sequence[str]] = (),
) -> ItemRef:
    return ItemRef(
        code=code,
        department=department,
        mode=mode,
        requires_decision_of=tuple(requires),
        promised_working_days=days,
        name=name,
        excluded_by=tuple(ExclusionRef(items=tuple(group)) for group in excluded_by),
    )


def approval(
    amount: str | None = None, *documents: str, recognised_as: tuple[str, ...] = ()
) -> Decision:
    return Decision(
        outcome=Outcome.APPROVED,
        amount=Decimal(amount) if amount is not None else None,
        documents=documents,
        recognised_as=recognised_as,
    )


def denial(*reasons: str) -> Decision:
    return Decision(outcome=Outcome.DENIED, reasons=reasons or ("不符合救助条件",))


# The Shanghai family: education aid waits for 低保 (or 低收入 recognition); legal aid and
# 低保 are independent.
DIBAO = item("dibao", "civil_affairs", name="最低生活保障")
LOW_INCOME = item("low_income_recognition", "civil_affairs", name="低收入家庭认定")
EDUCATION_AID = item(
    "education_aid",
    "education",
    requires=[dep("dibao", "low_income_recognition", on_denied="close")],
    name="教育救助",
)
LEGAL_AID = item("legal_aid", "justice", name="法律援助")

# The Shanxi case: medical aid is granted without application (免申即享, 004 §三（二）3)
# once 低收入人口认定 is approved.
SHANXI_RECOGNITION = item("low_income_recognition", "civil_affairs", name="低收入人口认定")
SHANXI_MEDICAL_AID = item(
    "medical_aid",
    "healthcare_security",
    mode=Mode.AUTO_GRANTED,
    requires=[dep("low_income_recognition")],
    name="医疗救助",
)


def planned(*selected: ItemRef) -> list[Case]:
    return [case.as_case() for case in plan_cases(selected)]


def states_of(cases: Sequence[Case]) -> dict[str, CaseState]:
    return {case.code: case.state for case in cases}


def decide(cases: Sequence[Case], code: str, decision: Decision) -> list[Case]:
    """The decided case's own transition, as the service makes it before calling on_decision."""
    event = CaseEvent.APPROVE if decision.outcome is Outcome.APPROVED else CaseEvent.DENY
    return [
        Case(case.item, transition(Machine.CASE, case.state, event), decision)
        if case.code == code
        else case
        for case in cases
    ]


def apply(cases: Sequence[Case], effects: Sequence[Effect]) -> list[Case]:
    """Apply effects the way the service will: every state change through the transition table."""
    by_code = {case.code: case for case in cases}
    for effect in effects:
        if isinstance(effect, ForwardDecision):
            continue
        if isinstance(effect, GrantAutomatically):
            code = effect.item.code
            if effect.case_exists:
                current = by_code[code]
                by_code[code] = Case(
                    current.item, transition(Machine.CASE, current.state, effect.event)
                )
            else:
                assert code not in by_code
                by_code[code] = Case(effect.item, CaseState.APPROVED)
            continue
        if isinstance(effect, ReleaseCase | CloseCase | WithdrawCase):
            current = by_code[effect.item]
            by_code[effect.item] = Case(
                current.item,
                transition(Machine.CASE, current.state, effect.event),
                current.decision,
            )
    return list(by_code.values())
