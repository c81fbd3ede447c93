"""Properties of planning over random acyclic catalogues and random orders of decisions."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from socialaid.applications.planning import (
    Case,
    DependencyRef,
    ItemRef,
    OnDenied,
    on_decision,
    plan_cases,
)
from socialaid.applications.states import CASE_FINAL_STATES, CaseState
from tests.applications.builders import apply, approval, decide, denial, dep, item

OUTSIDE = ["outside_a", "outside_b"]  # items a dependency may name that are never selected
DEPARTMENTS = ["civil_affairs", "education", "justice", "housing"]


@st.composite
def selections(draw: st.DrawFn) -> list[ItemRef]:
    """A selection from a random catalogue whose items depend only on earlier ones (no cycles)."""
    codes = [f"item_{k}" for k in range(draw(st.integers(1, 7)))]
    catalogue = []
    for k, code in enumerate(codes):
        groups = []
        for _ in range(draw(st.integers(0, 2))):
            members = draw(
                st.lists(st.sampled_from(codes[:k] + OUTSIDE), min_size=1, max_size=3, unique=True)
            )
            on_denied: OnDenied = draw(st.sampled_from(["close", "continue"]))
            groups.append(dep(*members, on_denied=on_denied))
        catalogue.append(item(code, draw(st.sampled_from(DEPARTMENTS)), requires=groups))
    return draw(st.lists(st.sampled_from(catalogue), min_size=1, unique_by=lambda i: i.code))


def group_standing(group: DependencyRef, cases: Sequence[Case]) -> str:
    """absent (names no case here), approved, lost (all final, none approved) or pending."""
    states = {case.code: case.state for case in cases}
    present = [states[code] for code in group.items if code in states]
    if not present:
        return "absent"
    if CaseState.APPROVED in present:
        return "approved"
    return "lost" if all(state in CASE_FINAL_STATES for state in present) else "pending"


def a_closing_group_is_lost(case: Case, cases: Sequence[Case]) -> bool:
    return any(
        group.on_denied == "close" and group_standing(group, cases) == "lost"
        for group in case.item.requires_decision_of
    )


def settled_groups_hold(case: Case, cases: Sequence[Case]) -> bool:
    """Every group naming a case of the application has one approved or all decided."""
    return all(group_standing(g, cases) != "pending" for g in case.item.requires_decision_of)


@given(selections(), st.randoms(use_true_random=False))
def test_planning_does_not_depend_on_the_selection_order(
    selected: list[ItemRef], random: Random
) -> None:
    shuffled = list(selected)
    random.shuffle(shuffled)
    assert plan_cases(shuffled) == plan_cases(selected)


@given(selections())
def test_every_selected_item_gets_exactly_one_case(selected: list[ItemRef]) -> None:
    plan = plan_cases(selected)
    assert sorted(case.code for case in plan) == sorted(item.code for item in selected)
    assert all(case.state in (CaseState.READY, CaseState.WAITING) for case in plan)


@given(selections())
def test_a_case_waits_exactly_when_a_dependency_names_a_selected_item(
    selected: list[ItemRef],
) -> None:
    chosen = {item.code for item in selected}
    for case in plan_cases(selected):
        names_selected = any(
            code in chosen for group in case.item.requires_decision_of for code in group.items
        )
        assert (case.state is CaseState.WAITING) == names_selected


@settings(max_examples=200, deadline=None)
@given(selections(), st.data())
def test_a_case_leaves_waiting_only_when_its_groups_are_settled_or_one_is_lost(
    selected: list[ItemRef], data: st.DataObject
) -> None:
    cases = [planned.as_case() for planned in plan_cases(selected)]
    planned_waiting = {case.code for case in cases if case.state is CaseState.WAITING}

    while ready := sorted(case.code for case in cases if case.state is CaseState.READY):
        code = data.draw(st.sampled_from(ready))
        decision = approval() if data.draw(st.booleans()) else denial("不符合条件")
        cases = decide(cases, code, decision)
        cases = apply(cases, on_decision(cases, code, decision))

        for case in cases:
            if case.state is CaseState.CLOSED:
                assert a_closing_group_is_lost(case, cases), case.code
            elif case.code in planned_waiting and case.state is not CaseState.WAITING:
                assert settled_groups_hold(case, cases), case.code
            if case.state is CaseState.WAITING:
                assert not settled_groups_hold(case, cases), f"{case.code} left waiting"

    assert all(case.state in CASE_FINAL_STATES for case in cases)
