"""The application and case state machines: the table is the whole truth."""

from __future__ import annotations

import itertools

import pytest

from socialaid.applications.states import (
    APPLICATION_FINAL_STATES,
    APPLICATION_TRANSITIONS,
    CASE_FINAL_STATES,
    CASE_INITIAL_STATES,
    CASE_TRANSITIONS,
    ApplicationEvent,
    ApplicationState,
    CaseEvent,
    CaseState,
    IllegalTransition,
    Machine,
    allowed_events,
    transition,
)
from socialaid.errors import ErrorCode

ILLEGAL_APPLICATION_MOVES = [
    (state, event)
    for state, event in itertools.product(ApplicationState, ApplicationEvent)
    if (state, event) not in APPLICATION_TRANSITIONS
]
ILLEGAL_CASE_MOVES = [
    (state, event)
    for state, event in itertools.product(CaseState, CaseEvent)
    if (state, event) not in CASE_TRANSITIONS
]


@pytest.mark.parametrize(("state", "event"), ILLEGAL_APPLICATION_MOVES)
def test_application_move_outside_the_table_raises(
    state: ApplicationState, event: ApplicationEvent
) -> None:
    with pytest.raises(IllegalTransition) as raised:
        transition(Machine.APPLICATION, state, event)
    assert (raised.value.kind, raised.value.current, raised.value.event) == (
        Machine.APPLICATION,
        state,
        event,
    )


@pytest.mark.parametrize(("state", "event"), ILLEGAL_CASE_MOVES)
def test_case_move_outside_the_table_raises(state: CaseState, event: CaseEvent) -> None:
    with pytest.raises(IllegalTransition) as raised:
        transition(Machine.CASE, state, event)
    assert (raised.value.kind, raised.value.current, raised.value.event) == (
        Machine.CASE,
        state,
        event,
    )


@pytest.mark.parametrize(("move", "target"), list(APPLICATION_TRANSITIONS.items()))
def test_application_move_in_the_table_reaches_its_target(
    move: tuple[ApplicationState, ApplicationEvent], target: ApplicationState
) -> None:
    assert transition(Machine.APPLICATION, *move) is target


@pytest.mark.parametrize(("move", "target"), list(CASE_TRANSITIONS.items()))
def test_case_move_in_the_table_reaches_its_target(
    move: tuple[CaseState, CaseEvent], target: CaseState
) -> None:
    assert transition(Machine.CASE, *move) is target


def test_the_issues_application_flow_is_in_the_table() -> None:
    a, e = ApplicationState, ApplicationEvent
    assert transition(Machine.APPLICATION, a.SUBMITTED, e.ESCALATE) is a.ESCALATED
    assert transition(Machine.APPLICATION, a.ESCALATED, e.ASSIGN) is a.ACCEPTED
    assert transition(Machine.APPLICATION, a.ACCEPTED, e.COMPLETE) is a.COMPLETED
    for state in (a.SUBMITTED, a.ACCEPTED, a.ESCALATED):
        assert transition(Machine.APPLICATION, state, e.WITHDRAW) is a.WITHDRAWN


def test_the_issues_case_flow_is_in_the_table() -> None:
    c, e = CaseState, CaseEvent
    steps = [
        (c.WAITING, e.RELEASE, c.READY),
        (c.READY, e.ACKNOWLEDGE, c.ACKNOWLEDGED),
        (c.ACKNOWLEDGED, e.REQUEST_SUPPLEMENT, c.SUPPLEMENT_REQUESTED),
        (c.SUPPLEMENT_REQUESTED, e.SUPPLY, c.ACKNOWLEDGED),
        (c.ACKNOWLEDGED, e.APPROVE, c.APPROVED),
    ]
    for state, event, target in steps:
        assert transition(Machine.CASE, state, event) is target
    assert transition(Machine.CASE, c.READY, e.DENY) is c.DENIED
    assert transition(Machine.CASE, c.WAITING, e.CLOSE) is c.CLOSED


def test_nothing_leaves_a_final_state() -> None:
    assert all(state not in APPLICATION_FINAL_STATES for state, _ in APPLICATION_TRANSITIONS)
    assert all(state not in CASE_FINAL_STATES for state, _ in CASE_TRANSITIONS)


def test_every_open_case_state_can_be_withdrawn() -> None:
    for state in set(CaseState) - CASE_FINAL_STATES:
        assert transition(Machine.CASE, state, CaseEvent.WITHDRAW) is CaseState.WITHDRAWN


def test_every_case_state_is_reachable_from_a_state_cases_are_created_in() -> None:
    reached = set(CASE_INITIAL_STATES)
    frontier = list(reached)
    while frontier:
        state = frontier.pop()
        for (source, _), target in CASE_TRANSITIONS.items():
            if source is state and target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == set(CaseState)


def test_one_machines_event_is_refused_by_the_other_even_with_the_same_name() -> None:
    # "withdraw" is an event of both machines and StrEnum members equal their strings.
    assert ApplicationEvent.WITHDRAW.value == CaseEvent.WITHDRAW.value
    with pytest.raises(IllegalTransition):
        transition(Machine.CASE, CaseState.READY, ApplicationEvent.WITHDRAW)
    with pytest.raises(IllegalTransition):
        transition(Machine.APPLICATION, ApplicationState.ACCEPTED, CaseEvent.WITHDRAW)


def test_illegal_transition_is_a_user_error_with_its_code() -> None:
    with pytest.raises(IllegalTransition) as raised:
        transition(Machine.CASE, CaseState.APPROVED, CaseEvent.DENY)
    assert raised.value.code is ErrorCode.ILLEGAL_TRANSITION
    assert raised.value.extensions["code"] == "ILLEGAL_TRANSITION"
    assert "deny" in raised.value.message and "approved" in raised.value.message


def test_allowed_events_are_the_rows_of_the_table() -> None:
    assert allowed_events(Machine.CASE, CaseState.SUPPLEMENT_REQUESTED) == {
        CaseEvent.SUPPLY,
        CaseEvent.DENY,
        CaseEvent.WITHDRAW,
    }
    assert allowed_events(Machine.APPLICATION, ApplicationState.COMPLETED) == frozenset()
    assert allowed_events(Machine.CASE, ApplicationState.ACCEPTED) == frozenset()
