"""An item another item's approval rules out (`excluded_by_approval_of`; 000 一（二）: a 低收入困难家庭
is one 未纳入最低生活保障范围): its case waits for that decision, closes on an approval and goes
ahead on a denial."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialaid.applications.planning import (
    CloseCase,
    DependencyCycleError,
    ForwardDecision,
    ItemRef,
    ReleaseCase,
    on_decision,
    plan_cases,
)
from socialaid.applications.states import CaseState
from tests.applications.builders import (
    DIBAO,
    apply,
    approval,
    decide,
    denial,
    dep,
    item,
    planned,
    states_of,
)

LOW_INCOME = item("low_income_recognition", name="低收入困难家庭认定", excluded_by=[["dibao"]])
EXPENDITURE = item("expenditure_poverty", name="支出型贫困家庭生活救助")
CLOSED_REASON = "“最低生活保障”已获准予，本事项的对象不含其准予的对象，依排除关系不再办理。"


def test_a_case_that_an_approval_may_rule_out_waits_for_that_decision() -> None:
    plan = {case.code: case for case in plan_cases([LOW_INCOME, DIBAO])}

    assert plan["dibao"].state is CaseState.READY
    assert plan["low_income_recognition"].state is CaseState.WAITING
    assert plan["low_income_recognition"].waiting_on == ("dibao",)


def test_without_the_excluding_item_in_the_application_the_case_starts_ready_without_a_note() -> (
    None
):
    [case] = plan_cases([LOW_INCOME])

    assert (case.state, case.waiting_on, case.notes) == (CaseState.READY, (), ())


def test_an_approval_closes_the_case_it_rules_out_and_says_why() -> None:
    cases = planned(DIBAO, LOW_INCOME)
    decision = approval("1510.00")

    effects = on_decision(decide(cases, "dibao", decision), "dibao", decision)

    assert effects == [
        ForwardDecision(item="low_income_recognition", predecessor="dibao", decision=decision),
        CloseCase(item="low_income_recognition", predecessors=("dibao",), reason=CLOSED_REASON),
    ]


def test_a_denial_of_the_item_that_would_rule_it_out_lets_the_case_go_ahead() -> None:
    cases = planned(DIBAO, LOW_INCOME)
    decision = denial()

    effects = on_decision(decide(cases, "dibao", decision), "dibao", decision)

    assert effects[1:] == [ReleaseCase(item="low_income_recognition")]


def test_the_case_waits_until_every_item_that_may_rule_it_out_is_decided() -> None:
    ruled_out_by_two = item(
        "low_income_recognition", excluded_by=[["dibao", "expenditure_poverty"]]
    )
    cases = decide(planned(DIBAO, EXPENDITURE, ruled_out_by_two), "dibao", denial())

    assert [type(e) for e in on_decision(cases, "dibao", denial())] == [ForwardDecision]
    cases = decide(cases, "expenditure_poverty", approval())
    assert on_decision(cases, "expenditure_poverty", approval())[-1] == CloseCase(
        item="low_income_recognition",
        predecessors=("expenditure_poverty",),
        reason="“支出型贫困家庭生活救助”已获准予，本事项的对象不含其准予的对象，依排除关系不再办理。",
    )


def test_an_approval_rules_the_case_out_even_while_a_dependency_is_still_pending() -> None:
    both = item("b", requires=[dep("a")], excluded_by=[["dibao"]])
    cases = planned(item("a"), DIBAO, both)

    effects = on_decision(decide(cases, "dibao", approval()), "dibao", approval())

    assert [e for e in effects if isinstance(e, CloseCase)] == [
        CloseCase(item="b", predecessors=("dibao",), reason=CLOSED_REASON)
    ]


def test_a_case_closed_by_exclusion_closes_the_cases_that_waited_for_it() -> None:
    follower = item("follower", requires=[dep("low_income_recognition")])
    cases = planned(DIBAO, LOW_INCOME, follower)

    effects = on_decision(decide(cases, "dibao", approval()), "dibao", approval())

    closed = {e.item for e in effects if isinstance(e, CloseCase)}
    assert closed == {"low_income_recognition", "follower"}


def test_waiting_to_be_ruled_out_by_a_case_that_waits_for_it_is_a_cycle() -> None:
    a = item("a", excluded_by=[["b"]])
    b = item("b", requires=[dep("a")])

    with pytest.raises(DependencyCycleError):
        plan_cases([a, b])


def test_the_application_ends_with_the_exclusion() -> None:
    decided = decide(planned(DIBAO, LOW_INCOME), "dibao", approval())

    effects = on_decision(decided, "dibao", approval())

    assert states_of(apply(decided, effects)) == {
        "dibao": CaseState.APPROVED,
        "low_income_recognition": CaseState.CLOSED,
    }


# ---------------------------------------------------------------- any order, the same end


@dataclass(frozen=True)
class Scenario:
    selected: tuple[ItemRef, ...]  # item_k names only earlier items, in dependencies or exclusions
    approved: frozenset[str]  # the items their departments approve when the case comes to them


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    codes = [f"item_{k}" for k in range(draw(st.integers(2, 6)))]
    selected = []
    for k, code in enumerate(codes):
        earlier = st.sampled_from([*codes[:k], "outside"])
        requires = [
            dep(*draw(st.lists(earlier, min_size=1, max_size=2, unique=True)), on_denied=on_denied)
            for on_denied in draw(
                st.lists(st.sampled_from(["close", "continue"]), max_size=k and 2)
            )
        ]
        excluded_by = draw(
            st.lists(st.lists(earlier, min_size=1, max_size=2, unique=True), max_size=k and 2)
        )
        if any(c in g.items for g in requires for e in excluded_by for c in e):
            excluded_by = []  # the lint refuses an item both waited for and ruled out by
        selected.append(item(code, requires=requires, excluded_by=excluded_by))
    approved = frozenset(code for code in codes if draw(st.booleans()))
    return Scenario(tuple(selected), approved)


def expected(scenario: Scenario) -> dict[str, CaseState]:
    """Item by item, predecessors first: closed when an approval rules it out or a closing
    group is lost (some of its items decided here, none approved); otherwise its department's."""
    final: dict[str, CaseState] = {}
    for each in scenario.selected:
        ruled_out = any(
            final.get(code) is CaseState.APPROVED
            for group in each.excluded_by
            for code in group.items
        )
        lost = any(
            group.on_denied == "close"
            and any(code in final for code in group.items)
            and not any(final.get(code) is CaseState.APPROVED for code in group.items)
            for group in each.requires_decision_of
        )
        if ruled_out or lost:
            final[each.code] = CaseState.CLOSED
        else:
            final[each.code] = (
                CaseState.APPROVED if each.code in scenario.approved else CaseState.DENIED
            )
    return final


@settings(max_examples=200, deadline=None)
@given(scenarios(), st.data())
def test_whatever_order_departments_decide_in_cases_end_as_the_rules_say(
    scenario: Scenario, data: st.DataObject
) -> None:
    cases = planned(*scenario.selected)
    while ready := sorted(case.code for case in cases if case.state is CaseState.READY):
        code = data.draw(st.sampled_from(ready))
        decision = approval() if code in scenario.approved else denial()
        cases = decide(cases, code, decision)
        cases = apply(cases, on_decision(cases, code, decision))

    assert states_of(cases) == expected(scenario)
