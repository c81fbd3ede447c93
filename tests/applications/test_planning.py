"""Serial and parallel cases: the issue's Shanghai and Shanxi scenarios and the rules behind them."""

from __future__ import annotations

from datetime import date

import pytest

from socialaid.applications.planning import (
    Case,
    CloseCase,
    Decision,
    DependencyCycleError,
    DuplicateItemError,
    EmptySelectionError,
    ForwardDecision,
    GrantAutomatically,
    InvalidDecisionError,
    ItemRef,
    NotApplicableError,
    NoteKind,
    Outcome,
    OverallStatus,
    ReleaseCase,
    UnknownCaseError,
    WithdrawCase,
    application_outcome,
    on_decision,
    on_withdrawal,
    plan_cases,
)
from socialaid.applications.states import CaseState
from socialaid.catalogue.files import Dependency, ItemFile, Mode, TimeLimits
from socialaid.sources import SourceRef
from tests.applications.builders import (
    DIBAO,
    EDUCATION_AID,
    LEGAL_AID,
    LOW_INCOME,
    SHANXI_MEDICAL_AID,
    SHANXI_RECOGNITION,
    apply,
    approval,
    decide,
    denial,
    dep,
    item,
    planned,
    states_of,
)

# ---------------------------------------------------------------- the Shanghai family


def test_shanghai_family_dibao_and_legal_aid_start_in_parallel_while_education_aid_waits() -> None:
    plan = plan_cases([EDUCATION_AID, LEGAL_AID, DIBAO])

    assert {case.code: case.state for case in plan} == {
        "dibao": CaseState.READY,
        "legal_aid": CaseState.READY,
        "education_aid": CaseState.WAITING,
    }
    waiting = next(case for case in plan if case.code == "education_aid")
    assert waiting.waiting_on == ("dibao",)
    assert waiting.notes == ()  # one of its alternatives is in the application


def test_dibao_approved_releases_education_aid_and_forwards_the_decision() -> None:
    cases = planned(DIBAO, EDUCATION_AID, LEGAL_AID)
    decision = approval("1200.00", "notice-dibao-1", "recognition-certificate-1")

    effects = on_decision(decide(cases, "dibao", decision), "dibao", decision)

    assert effects == [
        ForwardDecision(item="education_aid", predecessor="dibao", decision=decision),
        ReleaseCase(item="education_aid"),
    ]
    forwarded = effects[0]
    assert isinstance(forwarded, ForwardDecision)
    assert forwarded.decision.documents == ("notice-dibao-1", "recognition-certificate-1")
    after = apply(decide(cases, "dibao", decision), effects)
    assert states_of(after)["education_aid"] is CaseState.READY
    assert states_of(after)["legal_aid"] is CaseState.READY  # untouched by another's decision


def test_dibao_denied_closes_education_aid_with_a_reason_naming_dibao() -> None:
    cases = planned(DIBAO, EDUCATION_AID, LEGAL_AID)
    decision = denial("家庭人均收入高于本市最低生活保障标准")

    effects = on_decision(decide(cases, "dibao", decision), "dibao", decision)

    closes = [effect for effect in effects if isinstance(effect, CloseCase)]
    assert [(close.item, close.predecessors) for close in closes] == [("education_aid", ("dibao",))]
    assert "最低生活保障" in closes[0].reason
    assert states_of(apply(decide(cases, "dibao", decision), effects)) == {
        "dibao": CaseState.DENIED,
        "education_aid": CaseState.CLOSED,
        "legal_aid": CaseState.READY,
    }


def test_a_denial_is_forwarded_to_the_case_it_closes() -> None:
    cases = planned(DIBAO, EDUCATION_AID)
    decision = denial("不符合条件")

    effects = on_decision(cases, "dibao", decision)

    assert effects[0] == ForwardDecision("education_aid", "dibao", decision)


def test_a_decision_that_concerns_no_other_case_has_no_effect() -> None:
    cases = planned(DIBAO, EDUCATION_AID, LEGAL_AID)
    assert on_decision(cases, "legal_aid", approval()) == []


# ---------------------------------------------------------------- dependency rules


def test_on_denied_continue_releases_the_dependent_after_a_denial() -> None:
    housing = item("housing_aid", "housing", requires=[dep("dibao", on_denied="continue")])
    cases = planned(DIBAO, housing)

    effects = on_decision(cases, "dibao", denial("x"))

    assert ReleaseCase("housing_aid") in effects
    assert not any(isinstance(effect, CloseCase) for effect in effects)


def test_any_of_group_stays_waiting_while_another_alternative_is_pending() -> None:
    cases = planned(DIBAO, LOW_INCOME, EDUCATION_AID)
    assert next(c for c in cases if c.code == "education_aid").state is CaseState.WAITING

    dibao_denied = denial("收入超标")
    cases = decide(cases, "dibao", dibao_denied)
    effects = on_decision(cases, "dibao", dibao_denied)
    assert effects == [ForwardDecision("education_aid", "dibao", dibao_denied)]

    recognised = approval()
    cases = decide(cases, "low_income_recognition", recognised)
    effects = on_decision(cases, "low_income_recognition", recognised)
    assert ReleaseCase("education_aid") in effects


def test_any_of_group_is_released_by_its_first_approval() -> None:
    cases = planned(DIBAO, LOW_INCOME, EDUCATION_AID)
    effects = on_decision(cases, "low_income_recognition", approval())
    assert ReleaseCase("education_aid") in effects


def test_any_of_group_closes_only_when_every_alternative_is_denied() -> None:
    cases = decide(planned(DIBAO, LOW_INCOME, EDUCATION_AID), "dibao", denial("a"))
    effects = on_decision(cases, "low_income_recognition", denial("b"))

    close = next(effect for effect in effects if isinstance(effect, CloseCase))
    assert close.predecessors == ("dibao", "low_income_recognition")


def test_a_case_waits_for_every_group_of_its_dependencies() -> None:
    both = item("both", requires=[dep("a"), dep("b")])
    cases = planned(item("a"), item("b"), both)

    assert on_decision(cases, "a", approval()) == [ForwardDecision("both", "a", approval())]
    cases = decide(cases, "a", approval())
    assert ReleaseCase("both") in on_decision(cases, "b", approval())


def test_a_lost_group_closes_the_case_even_while_another_group_is_pending() -> None:
    both = item("both", requires=[dep("a"), dep("b")])
    effects = on_decision(planned(item("a"), item("b"), both), "a", denial("x"))
    assert [e.item for e in effects if isinstance(e, CloseCase)] == ["both"]


def test_closure_cascades_down_a_chain_of_waiting_cases() -> None:
    middle = item("middle", requires=[dep("first")])
    last = item("last", requires=[dep("middle")])
    cases = planned(item("first"), middle, last)

    effects = on_decision(cases, "first", denial("x"))

    assert [(e.item, e.predecessors) for e in effects if isinstance(e, CloseCase)] == [
        ("middle", ("first",)),
        ("last", ("middle",)),
    ]


def test_dependency_outside_the_application_starts_ready_with_a_note_for_the_department() -> None:
    (case,) = plan_cases([EDUCATION_AID])

    assert case.state is CaseState.READY
    assert case.waiting_on == ()
    (note,) = case.notes
    assert note.kind is NoteKind.PREREQUISITE_NOT_IN_APPLICATION
    assert note.items == ("dibao", "low_income_recognition")
    assert "承办部门核实" in note.message


def test_cases_come_predecessors_first_then_by_code() -> None:
    plan = plan_cases([EDUCATION_AID, LEGAL_AID, DIBAO])
    assert [case.code for case in plan] == ["dibao", "education_aid", "legal_aid"]


def test_a_dependency_cycle_is_refused_naming_the_cycle() -> None:
    a = item("a", requires=[dep("c")])
    b = item("b", requires=[dep("a")])
    c = item("c", requires=[dep("b")])
    with pytest.raises(DependencyCycleError) as raised:
        plan_cases([c, item("independent"), b, a])
    assert raised.value.cycle == ("a", "b", "c")
    assert "a → b → c → a" in raised.value.message


def test_an_item_waiting_for_itself_is_a_cycle() -> None:
    with pytest.raises(DependencyCycleError):
        plan_cases([item("loop", requires=[dep("loop")])])


def test_a_selection_must_name_each_applicable_item_once() -> None:
    with pytest.raises(EmptySelectionError):
        plan_cases([])
    with pytest.raises(DuplicateItemError):
        plan_cases([DIBAO, LEGAL_AID, DIBAO])
    with pytest.raises(NotApplicableError):
        plan_cases([item("proactive_visit", mode=Mode.ORGANISED)])


def test_a_denial_without_reasons_cannot_be_recorded() -> None:
    with pytest.raises(InvalidDecisionError):
        Decision(outcome=Outcome.DENIED)
    with pytest.raises(InvalidDecisionError):
        Decision(outcome=Outcome.DENIED, reasons=("  ",))


def test_a_decision_on_a_case_not_in_the_application_is_refused() -> None:
    with pytest.raises(UnknownCaseError):
        on_decision(planned(DIBAO), "legal_aid", approval())


# ---------------------------------------------------------------- 免申即享 (auto_granted)


def test_shanxi_recognition_approved_creates_medical_aid_already_approved() -> None:
    cases = planned(SHANXI_RECOGNITION)
    recognised = approval(None, "recognition-notice-7")

    effects = on_decision(
        decide(cases, "low_income_recognition", recognised),
        "low_income_recognition",
        recognised,
        auto_granted=[SHANXI_MEDICAL_AID, SHANXI_RECOGNITION],  # the tenant's whole catalogue
    )

    assert effects == [
        GrantAutomatically(
            item=SHANXI_MEDICAL_AID,
            trigger="low_income_recognition",
            trigger_decision=recognised,
            case_exists=False,
        )
    ]
    after = apply(decide(cases, "low_income_recognition", recognised), effects)
    assert states_of(after) == {
        "low_income_recognition": CaseState.APPROVED,
        "medical_aid": CaseState.APPROVED,
    }


def test_shanxi_recognition_denied_grants_nothing() -> None:
    effects = on_decision(
        planned(SHANXI_RECOGNITION),
        "low_income_recognition",
        denial("家庭经济状况不符合认定条件"),
        auto_granted=[SHANXI_MEDICAL_AID],
    )
    assert effects == []


def test_an_auto_granted_item_already_in_the_application_is_not_created_twice() -> None:
    cases = planned(SHANXI_RECOGNITION, SHANXI_MEDICAL_AID)
    assert states_of(cases)["medical_aid"] is CaseState.WAITING

    effects = on_decision(
        cases, "low_income_recognition", approval(), auto_granted=[SHANXI_MEDICAL_AID]
    )

    grants = [effect for effect in effects if isinstance(effect, GrantAutomatically)]
    assert [(g.item.code, g.case_exists) for g in grants] == [("medical_aid", True)]
    assert states_of(apply(cases, effects))["medical_aid"] is CaseState.APPROVED


def test_an_auto_granted_item_is_not_granted_while_another_of_its_groups_is_unapproved() -> None:
    needs_two = item(
        "bundle", mode=Mode.AUTO_GRANTED, requires=[dep("low_income_recognition"), dep("other")]
    )
    effects = on_decision(
        planned(SHANXI_RECOGNITION), "low_income_recognition", approval(), auto_granted=[needs_two]
    )
    assert effects == []


# An automatic grant the applicant did not select, named by a case that is in the application:
# `granted` joins when `trigger` is approved, and `either` waits for `a` or `granted`.
TRIGGER = item("trigger")
GRANTED = item("granted", mode=Mode.AUTO_GRANTED, requires=[dep("trigger")])
EITHER = item("either", requires=[dep("a", "granted")])


def test_a_case_waits_for_an_automatic_grant_that_may_still_join_the_application() -> None:
    cases = planned(item("a"), TRIGGER, EITHER)
    a_denied = denial("不符合条件")
    cases = decide(cases, "a", a_denied)

    effects = on_decision(cases, "a", a_denied, auto_granted=[GRANTED])
    assert effects == [ForwardDecision("either", "a", a_denied)]  # not closed: `granted` may join

    cases = apply(cases, effects)
    recognised = approval()
    cases = decide(cases, "trigger", recognised)
    effects = on_decision(cases, "trigger", recognised, auto_granted=[GRANTED])
    assert effects == [
        GrantAutomatically(GRANTED, "trigger", recognised, case_exists=False),
        ReleaseCase("either"),
    ]


def test_a_case_naming_an_automatic_grant_ends_the_same_when_the_trigger_is_decided_first() -> None:
    cases = planned(item("a"), TRIGGER, EITHER)
    recognised = approval()
    cases = decide(cases, "trigger", recognised)
    effects = on_decision(cases, "trigger", recognised, auto_granted=[GRANTED])
    assert effects == [
        GrantAutomatically(GRANTED, "trigger", recognised, case_exists=False),
        ReleaseCase("either"),
    ]


def test_once_an_automatic_grant_cannot_join_a_case_is_judged_without_it() -> None:
    cases = planned(item("a"), TRIGGER, EITHER)
    a_denied, trigger_denied = denial("不符合条件"), denial("不符合认定条件")
    cases = decide(cases, "a", a_denied)
    cases = apply(cases, on_decision(cases, "a", a_denied, auto_granted=[GRANTED]))
    assert states_of(cases)["either"] is CaseState.WAITING

    cases = decide(cases, "trigger", trigger_denied)
    effects = on_decision(cases, "trigger", trigger_denied, auto_granted=[GRANTED])

    assert [(e.item, e.predecessors) for e in effects if isinstance(e, CloseCase)] == [
        ("either", ("a",))
    ]


def test_the_trigger_denied_first_leaves_the_case_waiting_for_its_other_alternative() -> None:
    cases = planned(item("a"), TRIGGER, EITHER)
    trigger_denied = denial("不符合认定条件")
    cases = decide(cases, "trigger", trigger_denied)
    assert on_decision(cases, "trigger", trigger_denied, auto_granted=[GRANTED]) == []

    a_denied = denial("不符合条件")
    cases = decide(cases, "a", a_denied)
    effects = on_decision(cases, "a", a_denied, auto_granted=[GRANTED])
    assert [(e.item, e.predecessors) for e in effects if isinstance(e, CloseCase)] == [
        ("either", ("a",))
    ]


def test_an_auto_granted_case_waits_for_an_automatic_grant_it_names_and_follows_it() -> None:
    bundle = item("bundle", mode=Mode.AUTO_GRANTED, requires=[dep("a"), dep("granted")])
    cases = planned(item("a"), TRIGGER, bundle)
    cases = decide(cases, "a", approval())
    effects = on_decision(cases, "a", approval(), auto_granted=[GRANTED, bundle])
    # Not released: `granted` may still join, and then `bundle` follows it.
    assert effects == [ForwardDecision("bundle", "a", approval())]

    cases = apply(cases, effects)
    cases = decide(cases, "trigger", approval())
    effects = on_decision(cases, "trigger", approval(), auto_granted=[GRANTED, bundle])
    assert effects == [
        GrantAutomatically(GRANTED, "trigger", approval(), case_exists=False),
        GrantAutomatically(bundle, "granted", None, case_exists=True),
    ]


def test_planning_waits_for_an_automatic_grant_whose_trigger_is_selected() -> None:
    only_granted = item("only_granted", requires=[dep("granted")])

    plan = plan_cases([only_granted, TRIGGER], auto_granted=[GRANTED])

    assert [case.code for case in plan] == ["trigger", "only_granted"]
    waiting = plan[1]
    assert (waiting.state, waiting.waiting_on, waiting.notes) == (
        CaseState.WAITING,
        ("granted",),
        (),
    )
    # Its trigger not selected, the grant cannot join: the case starts ready with the usual note.
    (alone,) = plan_cases([only_granted], auto_granted=[GRANTED])
    assert (alone.state, alone.waiting_on) == (CaseState.READY, ())
    assert [note.items for note in alone.notes] == [("granted",)]


# ---------------------------------------------------------------- withdrawal and the result


def test_withdrawal_withdraws_only_the_cases_still_open() -> None:
    cases = [
        Case(DIBAO, CaseState.APPROVED, approval()),
        Case(EDUCATION_AID, CaseState.READY),
        Case(LEGAL_AID, CaseState.SUPPLEMENT_REQUESTED),
    ]
    effects = on_withdrawal(cases)
    assert effects == [WithdrawCase("education_aid"), WithdrawCase("legal_aid")]
    assert states_of(apply(cases, effects))["dibao"] is CaseState.APPROVED


def test_the_unified_result_has_one_column_per_department_and_completes_when_all_are_final() -> (
    None
):
    dibao_decision = approval("1200")
    cases = [
        Case(DIBAO, CaseState.APPROVED, dibao_decision),
        Case(LOW_INCOME, CaseState.DENIED, denial("x")),
        Case(EDUCATION_AID, CaseState.READY),
        Case(LEGAL_AID, CaseState.CLOSED),
    ]

    outcome = application_outcome(cases)

    assert outcome.status is OverallStatus.IN_PROGRESS
    assert [summary.department for summary in outcome.departments] == [
        "civil_affairs",
        "education",
        "justice",
    ]
    civil = outcome.departments[0]
    assert (civil.approved, civil.denied, civil.open) == (
        ("dibao",),
        ("low_income_recognition",),
        (),
    )
    assert civil.status is OverallStatus.COMPLETED
    assert civil.cases[0].decision == dibao_decision
    assert outcome.departments[1].status is OverallStatus.IN_PROGRESS

    finished = [*cases[:2], Case(EDUCATION_AID, CaseState.WITHDRAWN), cases[3]]
    assert application_outcome(finished).status is OverallStatus.COMPLETED


def test_an_application_without_cases_is_not_completed_by_them() -> None:
    assert application_outcome([]).status is OverallStatus.IN_PROGRESS


# ---------------------------------------------------------------- from the catalogue


def test_item_ref_takes_what_planning_needs_from_a_catalogue_item() -> None:
    source = SourceRef(seed="004_96cf332014ae0963.txt", section="三（二）3")
    medical = ItemFile(
        code="medical_aid",
        name="医疗救助",
        department="healthcare_security",
        mode=Mode.AUTO_GRANTED,
        requires_decision_of=[
            Dependency(items=["low_income_recognition"], reason="低保、特困认定后免申即享")
        ],
        time_limits=TimeLimits(promised_working_days=10),
        effective_from=date(2025, 1, 1),
        source=source,
    )
    assert ItemRef.from_item(medical) == item(
        "medical_aid",
        "healthcare_security",
        mode=Mode.AUTO_GRANTED,
        requires=[dep("low_income_recognition", on_denied="close")],
        days=10,
        name="医疗救助",
    )
