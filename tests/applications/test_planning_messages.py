"""What planning tells people: why it refuses (and which input), and what a department must check."""

from __future__ import annotations

import pytest

from socialaid.applications.planning import (
    Decision,
    DependencyCycleError,
    DuplicateItemError,
    EmptySelectionError,
    InvalidDecisionError,
    NotApplicableError,
    NoteKind,
    Outcome,
    PlanNote,
    UnknownCaseError,
    on_decision,
    plan_cases,
)
from socialaid.catalogue.files import Mode
from socialaid.errors import ErrorCode
from tests.applications.builders import DIBAO, LEGAL_AID, approval, dep, item, planned


def test_an_empty_selection_points_at_the_items() -> None:
    with pytest.raises(EmptySelectionError) as refused:
        plan_cases([])
    assert (refused.value.message, refused.value.path) == ("no item selected", ["items"])
    assert refused.value.extensions == {"code": ErrorCode.INVALID_INPUT.value, "path": ["items"]}


def test_an_item_selected_twice_is_named() -> None:
    with pytest.raises(DuplicateItemError) as refused:
        plan_cases([DIBAO, LEGAL_AID, DIBAO])
    assert (refused.value.message, refused.value.path) == ("dibao is selected twice", ["items"])


def test_an_organised_item_is_named_as_not_applied_for() -> None:
    with pytest.raises(NotApplicableError) as refused:
        plan_cases([item("proactive_visit", mode=Mode.ORGANISED)])
    assert refused.value.message == "proactive_visit is not applied for (非依申请)"
    assert refused.value.path == ["items"]


def test_a_cycle_is_named_from_its_smallest_code_and_points_at_the_items() -> None:
    with pytest.raises(DependencyCycleError) as refused:
        plan_cases([item("b", requires=[dep("a")]), item("a", requires=[dep("b")])])
    assert refused.value.message == "the selected items wait for each other: a → b → a"
    assert refused.value.path == ["items"]


def test_the_cycle_named_leaves_out_the_items_that_only_wait_for_it() -> None:
    # `a` waits for `b`, and `b` and `c` wait for each other: the cycle is b → c, not a → b → c.
    with pytest.raises(DependencyCycleError) as refused:
        plan_cases(
            [
                item("a", requires=[dep("b")]),
                item("b", requires=[dep("c")]),
                item("c", requires=[dep("b")]),
                item("d"),
            ]
        )
    assert refused.value.cycle == ("b", "c")
    assert refused.value.message == "the selected items wait for each other: b → c → b"


def test_a_denial_without_reasons_points_at_the_reasons() -> None:
    with pytest.raises(InvalidDecisionError) as refused:
        Decision(outcome=Outcome.DENIED, reasons=("", " "))
    assert (refused.value.message, refused.value.path) == (
        "a denial states its reasons",
        ["reasons"],
    )
    # An approval needs none.
    assert Decision(outcome=Outcome.APPROVED).reasons == ()


def test_a_decision_on_a_case_not_in_the_application_points_at_the_case() -> None:
    with pytest.raises(UnknownCaseError) as refused:
        on_decision(planned(DIBAO), "legal_aid", approval())
    assert refused.value.message == "no case for legal_aid in this application"
    assert refused.value.path == ["case"]


def test_a_prerequisite_outside_the_application_leaves_the_department_a_note() -> None:
    aid = item("aid", requires=[dep("dibao", "low_income"), dep("legal_aid")])
    legal_aid_first, planned_aid = plan_cases([aid, LEGAL_AID])
    assert legal_aid_first.code == "legal_aid"
    assert planned_aid.code == "aid"
    assert planned_aid.waiting_on == ("legal_aid",)
    assert planned_aid.notes == (
        PlanNote(
            kind=NoteKind.PREREQUISITE_NOT_IN_APPLICATION,
            items=("dibao", "low_income"),
            message="前置事项“dibao”、“low_income”不在本次申请中，其办理状态须由承办部门核实。",
        ),
    )
