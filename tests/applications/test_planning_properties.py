"""Properties of planning over random acyclic catalogues and random orders of decisions."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from socialaid.applications.planning import (
    Case,
    Decision,
    DependencyRef,
    Effect,
    ForwardDecision,
    GrantAutomatically,
    ItemRef,
    OnDenied,
    Outcome,
    on_decision,
    plan_cases,
)
from socialaid.applications.states import CASE_FINAL_STATES, CaseState
from socialaid.catalogue.files import Mode
from tests.applications.builders import (
    apply,
    approval,
    decide,
    denial,
    dep,
    item,
    planned,
    states_of,
)

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


# ---------------------------------------------------------------- recognitions and 免申即享
#
# Items may be auto_granted (免申即享), a dependency may count an approval only when it recognises
# some target groups (`approved_as`), and each department's decision may recognise target groups
# (`recognised_as`). The expectations below come from a reading of the rules written here
# (docs/catalogue-format.md "Items", README step 3), never from planning's own helpers.

TARGET_GROUPS = ["dibao_family", "extremely_poor", "low_income"]
recognitions = st.lists(st.sampled_from(TARGET_GROUPS), max_size=2, unique=True).map(tuple)
approved_as_options = st.none() | st.lists(
    st.sampled_from(TARGET_GROUPS), min_size=1, max_size=2, unique=True
)
verdicts = st.one_of(
    recognitions.map(lambda groups: approval(recognised_as=groups)),
    st.just(denial("不符合条件")),
)


@dataclass(frozen=True)
class Scenario:
    catalogue: tuple[ItemRef, ...]  # the tenant's items; item_k names only earlier items
    selected: tuple[ItemRef, ...]
    verdicts: Mapping[str, Decision]  # what each department decides when a case comes to it


@st.composite
def scenarios(draw: st.DrawFn, *, select_named_auto_items: bool = False) -> Scenario:
    """A random acyclic catalogue with auto_granted items, `approved_as` groups and recognitions.

    `select_named_auto_items`: a selected item naming an auto_granted item selects it too (as
    `prerequisite: add` would), so that no case waits on an item that may join the application
    later as an automatic grant.
    """
    codes = [f"item_{k}" for k in range(draw(st.integers(2, 6)))]
    catalogue = []
    for k, code in enumerate(codes):
        groups = []
        for _ in range(draw(st.integers(0, 2) if k else st.just(0))):
            members = draw(
                st.lists(
                    st.sampled_from(codes[:k] + OUTSIDE[:1]), min_size=1, max_size=2, unique=True
                )
            )
            on_denied: OnDenied = draw(st.sampled_from(["close", "continue"]))
            groups.append(dep(*members, on_denied=on_denied, approved_as=draw(approved_as_options)))
        mode = draw(st.sampled_from([Mode.ON_APPLICATION, Mode.AUTO_GRANTED]))
        catalogue.append(item(code, draw(st.sampled_from(DEPARTMENTS)), requires=groups, mode=mode))
    # Most items selected (shrinking towards all of them), the others in the catalogue only.
    chosen = {code for code in codes if draw(st.sampled_from([True, True, False]))} or {codes[-1]}
    if select_named_auto_items:
        auto = {i.code for i in catalogue if i.mode is Mode.AUTO_GRANTED}
        for each in reversed(catalogue):  # later items name only earlier ones
            if each.code in chosen:
                chosen |= {c for g in each.requires_decision_of for c in g.items if c in auto}
    return Scenario(
        catalogue=tuple(catalogue),
        selected=tuple(i for i in catalogue if i.code in chosen),
        verdicts=draw(st.fixed_dictionaries({code: verdicts for code in codes})),
    )


def expected_final_states(scenario: Scenario) -> dict[str, CaseState]:
    """The oracle: every case's final state, item by item in catalogue order (predecessors first).

    A selected item naming no selected item is decided by its department. One that waits closes
    when a group with `on_denied: close` names cases of the application of which none counts; an
    approval counts for a group when it recognises one of the group's `approved_as` (any approval
    when there is none; an automatic grant recognises nothing). Otherwise a waiting auto_granted
    item every group of which counts is granted; anything else is released and decided. An
    auto_granted item not selected joins the application, approved, when every group counts.
    """
    selected = {i.code for i in scenario.selected}
    final: dict[str, CaseState] = {}
    recognised: dict[str, set[str]] = {}

    def decided_by_department(code: str) -> None:
        verdict = scenario.verdicts[code]
        approved = verdict.outcome is Outcome.APPROVED
        final[code] = CaseState.APPROVED if approved else CaseState.DENIED
        recognised[code] = set(verdict.recognised_as)

    def counts(group: DependencyRef) -> bool:
        return any(
            final.get(code) is CaseState.APPROVED
            and (
                group.approved_as is None
                or bool(recognised.get(code, set()) & set(group.approved_as))
            )
            for code in group.items
        )

    def lost(group: DependencyRef) -> bool:
        return any(code in final for code in group.items) and not counts(group)

    for each in scenario.catalogue:
        groups = each.requires_decision_of
        auto = each.mode is Mode.AUTO_GRANTED
        if each.code in selected:
            if not any(code in selected for group in groups for code in group.items):
                decided_by_department(each.code)
            elif any(group.on_denied == "close" and lost(group) for group in groups):
                final[each.code] = CaseState.CLOSED
            elif auto and all(counts(group) for group in groups):
                final[each.code] = CaseState.APPROVED
            else:
                decided_by_department(each.code)
        elif auto and groups and all(counts(group) for group in groups):
            final[each.code] = CaseState.APPROVED
    return final


Step = tuple[list[Case], str, list[Effect], list[Case]]  # before, decided, effects, after


def plan(scenario: Scenario, *, plan_knows_auto: bool = False) -> list[Case]:
    auto_granted = scenario.catalogue if plan_knows_auto else ()
    return [
        planned.as_case() for planned in plan_cases(scenario.selected, auto_granted=auto_granted)
    ]


def run(
    scenario: Scenario, choose: Callable[[list[str]], str], *, plan_knows_auto: bool = False
) -> list[Step]:
    """Decide ready cases one at a time (`choose` picks which) until none is ready.

    `plan_knows_auto`: the cases are planned knowing the tenant's auto_granted items too.
    """
    cases = plan(scenario, plan_knows_auto=plan_knows_auto)
    steps: list[Step] = []
    while ready := sorted(case.code for case in cases if case.state is CaseState.READY):
        code = choose(ready)
        decision = scenario.verdicts[code]
        decided = decide(cases, code, decision)
        effects = on_decision(decided, code, decision, auto_granted=scenario.catalogue)
        after = apply(decided, effects)
        steps.append((cases, code, effects, after))
        cases = after
    return steps


def final_states(
    scenario: Scenario, steps: list[Step], *, plan_knows_auto: bool = False
) -> dict[str, CaseState]:
    if not steps:
        return states_of(plan(scenario, plan_knows_auto=plan_knows_auto))
    return states_of(steps[-1][3])


def standing(group: DependencyRef, cases: Sequence[Case]) -> str:
    """absent, counts (an approval recognising what the group asks), lost, or pending."""
    by_code = {case.code: case for case in cases}
    present = [by_code[code] for code in group.items if code in by_code]
    if not present:
        return "absent"
    for case in present:
        recognised = set(case.decision.recognised_as) if case.decision else set()
        if case.state is CaseState.APPROVED and (
            group.approved_as is None or recognised & set(group.approved_as)
        ):
            return "counts"
    return "lost" if all(case.state in CASE_FINAL_STATES for case in present) else "pending"


@settings(max_examples=200, deadline=None)
@given(scenarios(select_named_auto_items=True), st.data())
def test_final_states_match_an_independent_reading_of_the_rules(
    scenario: Scenario, data: st.DataObject
) -> None:
    steps = run(scenario, lambda ready: data.draw(st.sampled_from(ready)))
    assert final_states(scenario, steps) == expected_final_states(scenario)


@settings(max_examples=200, deadline=None)
@given(scenarios(select_named_auto_items=True), st.data())
def test_the_order_in_which_departments_decide_does_not_change_the_outcome(
    scenario: Scenario, data: st.DataObject
) -> None:
    """Two random orders of the same decisions end every case the same way. A case naming an
    automatic grant the applicant did not select has its own property (a_case_naming_...)."""
    one = run(scenario, lambda ready: data.draw(st.sampled_from(ready), label="first order"))
    other = run(scenario, lambda ready: data.draw(st.sampled_from(ready), label="second order"))
    assert final_states(scenario, one) == final_states(scenario, other)


@settings(max_examples=200, deadline=None)
@given(scenarios(select_named_auto_items=True), st.data())
def test_each_step_moves_a_waiting_case_only_as_its_recognised_approvals_allow(
    scenario: Scenario, data: st.DataObject
) -> None:
    selected = {i.code for i in scenario.selected}
    steps = run(scenario, lambda ready: data.draw(st.sampled_from(ready)))
    for before, decided, effects, after in steps:
        was = states_of(before)
        by_code = {case.code: case for case in after}
        # One case per item: an effect changes a case once, a grant creates only a missing case.
        changed = [
            effect.item.code if isinstance(effect, GrantAutomatically) else effect.item
            for effect in effects
            if not isinstance(effect, ForwardDecision)
        ]
        assert len(changed) == len(set(changed)), effects
        assert decided not in changed
        for effect in effects:
            if isinstance(effect, GrantAutomatically):
                assert effect.case_exists == (effect.item.code in was)
        assert sorted(by_code) == sorted(set(was) | {c for c in changed if c not in was})

        for code, case in by_code.items():
            groups = case.item.requires_decision_of
            standings = [standing(group, after) for group in groups]
            close_lost = any(
                group.on_denied == "close" and s == "lost"
                for group, s in zip(groups, standings, strict=True)
            )
            all_count = bool(groups) and all(s == "counts" for s in standings)
            if code not in was:  # created: an unselected auto_granted item every group approves
                assert code not in selected and case.item.mode is Mode.AUTO_GRANTED
                assert case.state is CaseState.APPROVED and all_count, code
            elif was[code] is CaseState.WAITING:
                if case.state is CaseState.WAITING:
                    assert not close_lost and "pending" in standings, f"{code} left waiting"
                elif case.state is CaseState.CLOSED:
                    assert close_lost, code
                elif case.state is CaseState.READY:
                    assert not close_lost and "pending" not in standings, code
                    assert not (case.item.mode is Mode.AUTO_GRANTED and all_count), code
                else:
                    assert case.state is CaseState.APPROVED, code
                    assert case.item.mode is Mode.AUTO_GRANTED and all_count, code
            elif code != decided:
                assert case.state is was[code], code
    # Nothing is left waiting once no case is ready: every case ends final.
    assert all(state in CASE_FINAL_STATES for state in final_states(scenario, steps).values())


@settings(max_examples=150, deadline=None)
@given(
    selected=st.booleans(),
    approved_as=approved_as_options,
    on_denied=st.sampled_from(["close", "continue"]),
    verdict=verdicts,
)
def test_an_auto_granted_item_follows_only_an_approval_recognising_a_group_it_serves(
    selected: bool, approved_as: list[str] | None, on_denied: OnDenied, verdict: Decision
) -> None:
    recognition = item("recognition")
    aid = item(
        "aid",
        mode=Mode.AUTO_GRANTED,
        requires=[dep("recognition", on_denied=on_denied, approved_as=approved_as)],
    )
    cases = decide(planned(recognition, *([aid] if selected else [])), "recognition", verdict)

    effects = on_decision(cases, "recognition", verdict, auto_granted=[recognition, aid])

    serves = verdict.outcome is Outcome.APPROVED and (
        approved_as is None or bool(set(verdict.recognised_as) & set(approved_as))
    )
    grants = [
        (e.item.code, e.trigger, e.trigger_decision, e.case_exists)
        for e in effects
        if isinstance(e, GrantAutomatically)
    ]
    assert grants == ([("aid", "recognition", verdict, selected)] if serves else [])
    if serves:
        expected: CaseState | None = CaseState.APPROVED
    elif not selected:
        expected = None  # nothing to create, nothing to move
    else:
        expected = CaseState.CLOSED if on_denied == "close" else CaseState.READY
    assert states_of(apply(cases, effects)).get("aid") is expected


@settings(max_examples=100, deadline=None)
@given(
    alternative=st.booleans(),
    mode=st.sampled_from([Mode.ON_APPLICATION, Mode.AUTO_GRANTED]),
    on_denied=st.sampled_from(["close", "continue"]),
    other=verdicts,
    own=verdicts,
)
def test_a_case_naming_an_automatic_grant_ends_the_same_whichever_department_decides_first(
    alternative: bool, mode: Mode, on_denied: OnDenied, other: Decision, own: Decision
) -> None:
    """`waiting` names `other` (selected) and `grant`, an auto_granted item the applicant did not
    select, which joins the application when `trigger` is approved. Deciding `other` first or
    `trigger` first must not change where any case ends."""
    grant = item("grant", mode=Mode.AUTO_GRANTED, requires=[dep("trigger")])
    groups = (
        [dep("other", "grant", on_denied=on_denied)]
        if alternative
        else [dep("other", on_denied=on_denied), dep("grant", on_denied=on_denied)]
    )
    waiting = item("waiting", mode=mode, requires=groups)
    trigger, other_item = item("trigger"), item("other")
    scenario = Scenario(
        catalogue=(trigger, other_item, grant, waiting),
        selected=(trigger, other_item, waiting),
        verdicts={"trigger": approval(), "other": other, "waiting": own},
    )
    other_first = run(scenario, lambda ready: ready[0])  # ready is sorted: other < trigger
    trigger_first = run(scenario, lambda ready: ready[-1])
    assert final_states(scenario, other_first) == final_states(scenario, trigger_first)


@st.composite
def scenarios_naming_unselected_grants(draw: st.DrawFn) -> Scenario:
    """Selected items `plain_k` with no dependency; auto_granted items `grant_j` the applicant did
    not select, each following some plain items or earlier grants; and selected items `case_i`
    whose groups name plain items and grants. So cases wait on grants that may or may not join."""

    def groups_over(codes: list[str], *, count: st.SearchStrategy[int]) -> list[DependencyRef]:
        return [
            dep(
                *draw(st.lists(st.sampled_from(codes), min_size=1, max_size=2, unique=True)),
                on_denied=draw(st.sampled_from(["close", "continue"])),
                approved_as=draw(approved_as_options),
            )
            for _ in range(draw(count))
        ]

    plain = [item(f"plain_{k}") for k in range(draw(st.integers(1, 3)))]
    grants: list[ItemRef] = []
    for j in range(draw(st.integers(1, 2))):
        named = [i.code for i in [*plain, *grants]]
        requires = groups_over(named, count=st.integers(1, 2))
        grants.append(item(f"grant_{j}", mode=Mode.AUTO_GRANTED, requires=requires))
    named = [i.code for i in [*plain, *grants]]
    cases = [
        item(
            f"case_{i}",
            mode=draw(st.sampled_from([Mode.ON_APPLICATION, Mode.AUTO_GRANTED])),
            requires=groups_over(named, count=st.integers(1, 2)),
        )
        for i in range(draw(st.integers(1, 2)))
    ]
    catalogue = (*plain, *grants, *cases)
    return Scenario(
        catalogue=catalogue,
        selected=(*plain, *cases),
        verdicts=draw(st.fixed_dictionaries({i.code: verdicts for i in catalogue})),
    )


@settings(max_examples=300, deadline=None)
@given(scenarios() | scenarios_naming_unselected_grants(), st.booleans(), st.data())
def test_no_order_of_decisions_changes_the_outcome_when_a_case_names_an_unselected_grant(
    scenario: Scenario, plan_knows_auto: bool, data: st.DataObject
) -> None:
    """Any selection, so a case may name an auto_granted item the applicant did not select, planned
    with or without the tenant's auto_granted items: the smallest ready code first, the largest
    first and a random order end every case the same way, and nothing is left waiting."""
    orders: list[Callable[[list[str]], str]] = [
        min,
        max,
        lambda ready: data.draw(st.sampled_from(ready), label="random order"),
    ]
    ends = [
        final_states(
            scenario,
            run(scenario, choose, plan_knows_auto=plan_knows_auto),
            plan_knows_auto=plan_knows_auto,
        )
        for choose in orders
    ]
    assert ends[0] == ends[1] == ends[2]
    assert all(state in CASE_FINAL_STATES for state in ends[0].values()), ends[0]
