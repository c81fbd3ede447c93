"""The application and case state machines, checked move by move against lists written here.

The expected moves are copied by hand from the workflow (002 §5.2–5.3 and the states.py
docstring), never read from APPLICATION_TRANSITIONS or CASE_TRANSITIONS: a row added to or dropped
from those tables must fail a test here, and a new state or event must fail one until it is listed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

import pytest

from socialaid.applications.states import (
    APPLICATION_FINAL_STATES,
    CASE_FINAL_STATES,
    CASE_INITIAL_STATES,
    CASE_OPEN_STATES,
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

APPLICATION_STATES = ["submitted", "accepted", "rejected", "escalated", "completed", "withdrawn"]
APPLICATION_EVENTS = ["accept", "reject", "escalate", "assign", "dismiss", "complete", "withdraw"]
LEGAL_APPLICATION_MOVES = [
    ("submitted", "accept", "accepted"),
    ("submitted", "reject", "rejected"),
    ("submitted", "escalate", "escalated"),
    ("escalated", "assign", "accepted"),
    ("escalated", "dismiss", "rejected"),
    ("accepted", "complete", "completed"),
    ("submitted", "withdraw", "withdrawn"),
    ("accepted", "withdraw", "withdrawn"),
    ("escalated", "withdraw", "withdrawn"),
]
FINAL_APPLICATION_STATES = {"rejected", "completed", "withdrawn"}

CASE_STATES = [
    "waiting",
    "ready",
    "acknowledged",
    "supplement_requested",
    "approved",
    "denied",
    "closed",
    "withdrawn",
]
CASE_EVENTS = [
    "release",
    "close",
    "grant_automatically",
    "acknowledge",
    "request_supplement",
    "supply",
    "approve",
    "deny",
    "withdraw",
]
LEGAL_CASE_MOVES = [
    ("waiting", "release", "ready"),
    ("waiting", "close", "closed"),
    ("waiting", "grant_automatically", "approved"),
    ("ready", "acknowledge", "acknowledged"),
    ("acknowledged", "request_supplement", "supplement_requested"),
    ("supplement_requested", "supply", "acknowledged"),
    ("ready", "approve", "approved"),
    ("acknowledged", "approve", "approved"),
    ("ready", "deny", "denied"),
    ("acknowledged", "deny", "denied"),
    ("supplement_requested", "deny", "denied"),
    ("waiting", "withdraw", "withdrawn"),
    ("ready", "withdraw", "withdrawn"),
    ("acknowledged", "withdraw", "withdrawn"),
    ("supplement_requested", "withdraw", "withdrawn"),
]
INITIAL_CASE_STATES = {"waiting", "ready", "approved"}
FINAL_CASE_STATES = {"approved", "denied", "closed", "withdrawn"}


def illegal(
    states: list[str], events: list[str], legal: list[tuple[str, str, str]]
) -> list[tuple[str, str]]:
    """Every (state, event) pair the hand-written legal list leaves out."""
    allowed = {(state, event) for state, event, _ in legal}
    return [pair for pair in itertools.product(states, events) if pair not in allowed]


ILLEGAL_APPLICATION_MOVES = illegal(APPLICATION_STATES, APPLICATION_EVENTS, LEGAL_APPLICATION_MOVES)
ILLEGAL_CASE_MOVES = illegal(CASE_STATES, CASE_EVENTS, LEGAL_CASE_MOVES)


def ids(moves: Iterable[Iterable[str]]) -> list[str]:
    return ["-".join(move) for move in moves]


def application_move(state: str, event: str) -> ApplicationState:
    return transition(Machine.APPLICATION, ApplicationState(state), ApplicationEvent(event))


def case_move(state: str, event: str) -> CaseState:
    return transition(Machine.CASE, CaseState(state), CaseEvent(event))


# ---------------------------------------------------------------- the lists are the whole machine


def test_the_lists_here_pair_every_state_with_every_event() -> None:
    # 6 × 7 application pairs and 8 × 9 case pairs: a miscounted list would hide a move.
    assert len(LEGAL_APPLICATION_MOVES) + len(ILLEGAL_APPLICATION_MOVES) == 42
    assert len(LEGAL_CASE_MOVES) + len(ILLEGAL_CASE_MOVES) == 72
    for states, events, legal in (
        (APPLICATION_STATES, APPLICATION_EVENTS, LEGAL_APPLICATION_MOVES),
        (CASE_STATES, CASE_EVENTS, LEGAL_CASE_MOVES),
    ):
        assert all(s in states and e in events and t in states for s, e, t in legal)
        assert len({(s, e) for s, e, _ in legal}) == len(legal), "a move listed twice"


def test_the_application_machine_has_exactly_the_states_and_events_listed_here() -> None:
    # A new state or event fails here until its moves are reviewed and listed above.
    assert {state.value for state in ApplicationState} == set(APPLICATION_STATES)
    assert {event.value for event in ApplicationEvent} == set(APPLICATION_EVENTS)


def test_the_case_machine_has_exactly_the_states_and_events_listed_here() -> None:
    assert {state.value for state in CaseState} == set(CASE_STATES)
    assert {event.value for event in CaseEvent} == set(CASE_EVENTS)


# ---------------------------------------------------------------- every pair, legal or not


@pytest.mark.parametrize(
    ("state", "event", "target"), LEGAL_APPLICATION_MOVES, ids=ids(LEGAL_APPLICATION_MOVES)
)
def test_a_legal_application_move_reaches_its_target(state: str, event: str, target: str) -> None:
    assert application_move(state, event) is ApplicationState(target)


@pytest.mark.parametrize(
    ("state", "event"), ILLEGAL_APPLICATION_MOVES, ids=ids(ILLEGAL_APPLICATION_MOVES)
)
def test_any_other_application_move_is_refused(state: str, event: str) -> None:
    with pytest.raises(IllegalTransition) as raised:
        application_move(state, event)
    assert (raised.value.kind, raised.value.current, raised.value.event) == (
        Machine.APPLICATION,
        state,
        event,
    )


@pytest.mark.parametrize(("state", "event", "target"), LEGAL_CASE_MOVES, ids=ids(LEGAL_CASE_MOVES))
def test_a_legal_case_move_reaches_its_target(state: str, event: str, target: str) -> None:
    assert case_move(state, event) is CaseState(target)


@pytest.mark.parametrize(("state", "event"), ILLEGAL_CASE_MOVES, ids=ids(ILLEGAL_CASE_MOVES))
def test_any_other_case_move_is_refused(state: str, event: str) -> None:
    with pytest.raises(IllegalTransition) as raised:
        case_move(state, event)
    assert (raised.value.kind, raised.value.current, raised.value.event) == (
        Machine.CASE,
        state,
        event,
    )


# ---------------------------------------------------------------- what the machines promise


def refuses(move: Callable[[str, str], object], state: str, event: str) -> bool:
    try:
        move(state, event)
    except IllegalTransition:
        return True
    return False


def test_the_named_state_sets_are_the_ones_the_workflow_describes() -> None:
    assert {s.value for s in APPLICATION_FINAL_STATES} == FINAL_APPLICATION_STATES
    assert {s.value for s in CASE_FINAL_STATES} == FINAL_CASE_STATES
    assert {s.value for s in CASE_INITIAL_STATES} == INITIAL_CASE_STATES
    assert {s.value for s in CASE_OPEN_STATES} == set(CASE_STATES) - FINAL_CASE_STATES


def test_nothing_leaves_a_final_state() -> None:
    for state in FINAL_APPLICATION_STATES:
        assert all(refuses(application_move, state, event) for event in APPLICATION_EVENTS)
    for state in FINAL_CASE_STATES:
        assert all(refuses(case_move, state, event) for event in CASE_EVENTS)


def test_every_open_state_can_be_withdrawn() -> None:
    # The applicant may walk away at any point before the end (002 §5.2).
    for state in set(APPLICATION_STATES) - FINAL_APPLICATION_STATES:
        assert application_move(state, "withdraw") is ApplicationState.WITHDRAWN
    for state in set(CASE_STATES) - FINAL_CASE_STATES:
        assert case_move(state, "withdraw") is CaseState.WITHDRAWN


def reachable(
    start: Iterable[str], events: list[str], move: Callable[[str, str], object]
) -> set[str]:
    """The states `move` leads to from `start`, found by trying every event (not the table)."""
    reached = set(start)
    frontier = list(reached)
    while frontier:
        state = frontier.pop()
        for event in events:
            if refuses(move, state, event):
                continue
            target = str(move(state, event))
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    return reached


def test_every_state_is_reachable_from_where_its_machine_starts() -> None:
    assert reachable(["submitted"], APPLICATION_EVENTS, application_move) == set(APPLICATION_STATES)
    assert reachable(INITIAL_CASE_STATES, CASE_EVENTS, case_move) == set(CASE_STATES)


@pytest.mark.parametrize("state", CASE_STATES)
def test_allowed_events_offer_exactly_the_legal_case_moves(state: str) -> None:
    expected = {event for s, event, _ in LEGAL_CASE_MOVES if s == state}
    assert {e.value for e in allowed_events(Machine.CASE, CaseState(state))} == expected


@pytest.mark.parametrize("state", APPLICATION_STATES)
def test_allowed_events_offer_exactly_the_legal_application_moves(state: str) -> None:
    expected = {event for s, event, _ in LEGAL_APPLICATION_MOVES if s == state}
    found = allowed_events(Machine.APPLICATION, ApplicationState(state))
    assert {e.value for e in found} == expected


def test_one_machines_event_is_refused_by_the_other_even_with_the_same_name() -> None:
    # "withdraw" is an event of both machines and StrEnum members equal their strings.
    assert ApplicationEvent.WITHDRAW.value == CaseEvent.WITHDRAW.value
    with pytest.raises(IllegalTransition):
        transition(Machine.CASE, CaseState.READY, ApplicationEvent.WITHDRAW)
    with pytest.raises(IllegalTransition):
        transition(Machine.APPLICATION, ApplicationState.ACCEPTED, CaseEvent.WITHDRAW)
    assert allowed_events(Machine.CASE, ApplicationState.ACCEPTED) == frozenset()


def test_illegal_transition_is_a_user_error_with_its_code() -> None:
    with pytest.raises(IllegalTransition) as raised:
        transition(Machine.CASE, CaseState.APPROVED, CaseEvent.DENY)
    assert raised.value.code is ErrorCode.ILLEGAL_TRANSITION
    assert raised.value.extensions["code"] == "ILLEGAL_TRANSITION"
    assert "deny" in raised.value.message and "approved" in raised.value.message
