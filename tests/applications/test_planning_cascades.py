"""Consequences of consequences: grants that set off grants, and why a case is closed.

Every expected effect and reason is written out here in full, as the service receives it.
"""

from __future__ import annotations

from datetime import date

from socialaid.applications.planning import (
    Case,
    CloseCase,
    ForwardDecision,
    GrantAutomatically,
    ItemRef,
    OverallStatus,
    application_outcome,
    on_decision,
    plan_cases,
)
from socialaid.applications.states import CaseState
from socialaid.catalogue.files import Dependency, ItemFile, Mode, TimeLimits
from socialaid.sources import SourceRef
from tests.applications.builders import approval, decide, denial, dep, item, planned

# `b` and `c` are in the application and granted without a decision of their own, `b` after
# `a`, `c` after `b`; `d` (after `b`) and `f` (after `d`) are not in it and are created granted.
A = item("a")
B = item("b", mode=Mode.AUTO_GRANTED, requires=[dep("a")])
C = item("c", mode=Mode.AUTO_GRANTED, requires=[dep("b")])
D = item("d", mode=Mode.AUTO_GRANTED, requires=[dep("b")])
F = item("f", mode=Mode.AUTO_GRANTED, requires=[dep("d")])


def test_a_grant_sets_off_the_grants_that_follow_it_and_only_the_first_carries_the_decision() -> (
    None
):
    decision = approval("500.00", "notice-1")
    cases = decide(planned(A, B, C), "a", decision)
    effects = on_decision(cases, "a", decision, auto_granted=[F, D, C, B])
    assert effects == [
        ForwardDecision(item="b", predecessor="a", decision=decision),
        GrantAutomatically(item=B, trigger="a", trigger_decision=decision, case_exists=True),
        GrantAutomatically(item=C, trigger="b", trigger_decision=None, case_exists=True),
        GrantAutomatically(item=D, trigger="b", trigger_decision=None, case_exists=False),
        GrantAutomatically(item=F, trigger="d", trigger_decision=None, case_exists=False),
    ]


def test_a_case_closed_after_every_alternative_is_denied_names_them_all() -> None:
    dibao = item("dibao", name="最低生活保障")
    low_income = item("low_income", name="低收入家庭认定")
    aid = item("aid", requires=[dep("dibao", "low_income")], name="教育救助")
    cases = decide(planned(dibao, low_income, aid), "dibao", denial())
    # The other alternative may yet succeed: the case hears of the denial and waits.
    assert on_decision(cases, "dibao", denial()) == [
        ForwardDecision(item="aid", predecessor="dibao", decision=denial())
    ]

    cases = decide(cases, "low_income", denial())
    effects = on_decision(cases, "low_income", denial())
    assert effects == [
        ForwardDecision(item="aid", predecessor="low_income", decision=denial()),
        CloseCase(
            item="aid",
            predecessors=("dibao", "low_income"),
            reason="前置事项“最低生活保障”、“低收入家庭认定”未获准予，本事项依其前置关系不再办理。",
        ),
    ]


def test_a_case_closed_because_the_recognition_is_of_another_kind_says_so() -> None:
    recognition = item("recognition", name="低收入人口认定")
    medical = item(
        "medical",
        requires=[dep("recognition", approved_as=["dibao_recipient"])],
        name="医疗救助",
    )
    recognised = approval(recognised_as=("low_income_household",))
    cases = decide(planned(recognition, medical), "recognition", recognised)
    effects = on_decision(cases, "recognition", recognised)
    assert effects == [
        ForwardDecision(item="medical", predecessor="recognition", decision=recognised),
        CloseCase(
            item="medical",
            predecessors=("recognition",),
            reason="前置事项“低收入人口认定”的认定结果不属本事项的救助对象，本事项依其前置关系不再办理。",
        ),
    ]


def test_a_predecessor_without_a_name_is_named_by_its_code() -> None:
    cases = decide(planned(item("p1"), item("later", requires=[dep("p1")])), "p1", denial())
    (closed,) = [e for e in on_decision(cases, "p1", denial()) if isinstance(e, CloseCase)]
    assert closed.reason == "前置事项“p1”未获准予，本事项依其前置关系不再办理。"


def test_the_unified_result_labels_each_case_with_its_items_name_or_code() -> None:
    outcome = application_outcome(
        [
            Case(item("dibao", name="最低生活保障"), CaseState.APPROVED, approval()),
            Case(item("x_unnamed"), CaseState.DENIED, denial()),
        ]
    )
    assert outcome.status is OverallStatus.COMPLETED
    (column,) = outcome.departments
    assert [(c.item, c.label, c.state) for c in column.cases] == [
        ("dibao", "最低生活保障", CaseState.APPROVED),
        ("x_unnamed", "x_unnamed", CaseState.DENIED),
    ]


def test_item_ref_keeps_each_groups_denial_rule_and_target_groups() -> None:
    medical = ItemFile(
        code="medical_aid",
        name="医疗救助",
        department="healthcare_security",
        mode=Mode.AUTO_GRANTED,
        requires_decision_of=[
            Dependency(
                items=["low_income_recognition", "dibao"],
                reason="低保、特困认定后免申即享",
                on_denied="continue",
                approved_as=["dibao_recipient", "destitute"],
            ),
            Dependency(items=["disability"], reason="残疾认定"),
        ],
        time_limits=TimeLimits(promised_working_days=5),
        effective_from=date(2025, 1, 1),
        source=SourceRef(seed="004_96cf332014ae0963.txt", section="三（二）3"),
    )
    assert ItemRef.from_item(medical) == ItemRef(
        code="medical_aid",
        department="healthcare_security",
        mode=Mode.AUTO_GRANTED,
        requires_decision_of=(
            dep(
                "low_income_recognition",
                "dibao",
                on_denied="continue",
                approved_as=["dibao_recipient", "destitute"],
            ),
            dep("disability", on_denied="close", approved_as=None),
        ),
        promised_working_days=5,
        name="医疗救助",
    )


# Automatic grants outside the application that the application's cases wait for, through each
# other: `w` (in it) waits for `z`, which follows `y`, which follows `b` (in it), which follows `a`.
CHAIN_B = item("b", mode=Mode.AUTO_GRANTED, requires=[dep("a")])
CHAIN_W = item("w", mode=Mode.AUTO_GRANTED, requires=[dep("z")])
CHAIN_Y = item("y", mode=Mode.AUTO_GRANTED, requires=[dep("b")])
CHAIN_Z = item("z", mode=Mode.AUTO_GRANTED, requires=[dep("y")])
CHAIN = [CHAIN_B, CHAIN_W, CHAIN_Y, CHAIN_Z]


def test_a_case_waits_through_a_chain_of_automatic_grants_and_follows_its_end() -> None:
    cases = [c.as_case() for c in plan_cases([A, CHAIN_B, CHAIN_W], auto_granted=CHAIN)]
    assert [(c.code, c.state) for c in cases] == [
        ("a", CaseState.READY),
        ("b", CaseState.WAITING),
        ("w", CaseState.WAITING),
    ]
    decision = approval()
    effects = on_decision(decide(cases, "a", decision), "a", decision, auto_granted=CHAIN)
    assert effects == [
        ForwardDecision(item="b", predecessor="a", decision=decision),
        GrantAutomatically(item=CHAIN_B, trigger="a", trigger_decision=decision, case_exists=True),
        GrantAutomatically(item=CHAIN_Y, trigger="b", trigger_decision=None, case_exists=False),
        GrantAutomatically(item=CHAIN_Z, trigger="y", trigger_decision=None, case_exists=False),
        GrantAutomatically(item=CHAIN_W, trigger="z", trigger_decision=None, case_exists=True),
    ]


# `p` and `q` are automatic grants outside the application that wait for each other: neither can
# ever be granted, so `v` does not wait for `p`.
LOOP_P = item("p", mode=Mode.AUTO_GRANTED, requires=[dep("q")])
LOOP_Q = item("q", mode=Mode.AUTO_GRANTED, requires=[dep("p")])
LOOP_V = item("v", requires=[dep("p"), dep("a")])


def test_automatic_grants_waiting_for_each_other_hold_nothing() -> None:
    planned_cases = plan_cases([A, LOOP_V, item("other")], auto_granted=[LOOP_P, LOOP_Q])
    assert [(c.code, c.state, c.waiting_on) for c in planned_cases] == [
        ("a", CaseState.READY, ()),
        ("other", CaseState.READY, ()),
        ("v", CaseState.WAITING, ("a",)),
    ]
    assert [n.items for n in planned_cases[2].notes] == [("p",)]
    cases = [c.as_case() for c in planned_cases]
    # A decision on a case `v` does not name leaves it alone.
    decision = approval()
    other_decided = decide(cases, "other", decision)
    assert on_decision(other_decided, "other", decision, auto_granted=[LOOP_P, LOOP_Q]) == []
