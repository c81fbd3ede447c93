"""The application and case state machines, as data: every legal move is one row of a table.

Application (one per submission; 002 §5.2–5.3, 000 §三（二）):

    submitted  --accept-->    accepted    one-door triage finds the departments
    submitted  --reject-->    rejected    one-door triage: not eligible, with reasons
    submitted  --escalate-->  escalated   no department fits: to the joint meeting (联席会议)
    escalated  --assign-->    accepted    the joint meeting names the departments and a lead
    escalated  --dismiss-->   rejected    the joint meeting finds no assistance applies
    accepted   --complete-->  completed   every case is final (planning.application_outcome)
    submitted  --withdraw-->  withdrawn   by the applicant
    accepted   --withdraw-->  withdrawn   by the applicant; open cases are withdrawn too
    escalated  --withdraw-->  withdrawn   by the applicant

Case (one per item in the application):

    waiting               --release-->             ready                 the predecessors' decision came
    waiting               --close-->               closed                a predecessor was denied (on_denied: close)
    waiting               --grant_automatically--> approved              an auto_granted item's trigger was approved
    ready                 --acknowledge-->         acknowledged          the department takes it up
    acknowledged          --request_supplement-->  supplement_requested  补正, with a deadline
    supplement_requested  --supply-->              acknowledged          the materials came
    ready / acknowledged  --approve-->             approved
    ready / acknowledged / supplement_requested --deny--> denied
    waiting / ready / acknowledged / supplement_requested --withdraw--> withdrawn

A case is created `waiting` or `ready` by planning, or `approved` when an auto_granted item the
applicant did not select is triggered (CASE_INITIAL_STATES). approved, denied, closed and withdrawn
are final: nothing leaves them.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType
from typing import Literal, overload

from socialaid.errors import DomainError, ErrorCode


class Machine(StrEnum):
    APPLICATION = "application"
    CASE = "case"


class ApplicationState(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ESCALATED = "escalated"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


class ApplicationEvent(StrEnum):
    ACCEPT = "accept"  # one-door triage
    REJECT = "reject"
    ESCALATE = "escalate"
    ASSIGN = "assign"  # the joint meeting assigns departments and a lead
    # The joint meeting's refusal is an event of its own, so that one door cannot refuse what
    # it has escalated and the joint meeting cannot refuse what was never escalated to it.
    DISMISS = "dismiss"
    COMPLETE = "complete"
    WITHDRAW = "withdraw"


class CaseState(StrEnum):
    WAITING = "waiting"  # for a predecessor's decision
    READY = "ready"
    ACKNOWLEDGED = "acknowledged"
    SUPPLEMENT_REQUESTED = "supplement_requested"  # 补正
    APPROVED = "approved"
    DENIED = "denied"
    CLOSED = "closed"  # without a decision of its own: a predecessor was denied
    WITHDRAWN = "withdrawn"


class CaseEvent(StrEnum):
    RELEASE = "release"
    CLOSE = "close"
    GRANT_AUTOMATICALLY = "grant_automatically"
    ACKNOWLEDGE = "acknowledge"
    REQUEST_SUPPLEMENT = "request_supplement"
    SUPPLY = "supply"
    APPROVE = "approve"
    DENY = "deny"
    WITHDRAW = "withdraw"


_A = ApplicationState
_AE = ApplicationEvent
APPLICATION_TRANSITIONS: MappingProxyType[
    tuple[ApplicationState, ApplicationEvent], ApplicationState
]
APPLICATION_TRANSITIONS = MappingProxyType(
    {
        (_A.SUBMITTED, _AE.ACCEPT): _A.ACCEPTED,
        (_A.SUBMITTED, _AE.REJECT): _A.REJECTED,
        (_A.SUBMITTED, _AE.ESCALATE): _A.ESCALATED,
        (_A.ESCALATED, _AE.ASSIGN): _A.ACCEPTED,
        # 002 §5.3 sends to the joint meeting what has "no relevant policy": it must be able to say no.
        (_A.ESCALATED, _AE.DISMISS): _A.REJECTED,
        (_A.ACCEPTED, _AE.COMPLETE): _A.COMPLETED,
        (_A.SUBMITTED, _AE.WITHDRAW): _A.WITHDRAWN,
        (_A.ACCEPTED, _AE.WITHDRAW): _A.WITHDRAWN,
        (_A.ESCALATED, _AE.WITHDRAW): _A.WITHDRAWN,
    }
)

_C = CaseState
_CE = CaseEvent
CASE_TRANSITIONS: MappingProxyType[tuple[CaseState, CaseEvent], CaseState]
CASE_TRANSITIONS = MappingProxyType(
    {
        (_C.WAITING, _CE.RELEASE): _C.READY,
        (_C.WAITING, _CE.CLOSE): _C.CLOSED,
        # A selected auto_granted item waits like any other case, then is granted, not processed.
        (_C.WAITING, _CE.GRANT_AUTOMATICALLY): _C.APPROVED,
        (_C.READY, _CE.ACKNOWLEDGE): _C.ACKNOWLEDGED,
        (_C.ACKNOWLEDGED, _CE.REQUEST_SUPPLEMENT): _C.SUPPLEMENT_REQUESTED,
        (_C.SUPPLEMENT_REQUESTED, _CE.SUPPLY): _C.ACKNOWLEDGED,
        (_C.READY, _CE.APPROVE): _C.APPROVED,
        (_C.ACKNOWLEDGED, _CE.APPROVE): _C.APPROVED,
        (_C.READY, _CE.DENY): _C.DENIED,
        (_C.ACKNOWLEDGED, _CE.DENY): _C.DENIED,
        # Materials not supplied by the 补正 deadline: the department decides on what it has.
        (_C.SUPPLEMENT_REQUESTED, _CE.DENY): _C.DENIED,
        (_C.WAITING, _CE.WITHDRAW): _C.WITHDRAWN,
        (_C.READY, _CE.WITHDRAW): _C.WITHDRAWN,
        (_C.ACKNOWLEDGED, _CE.WITHDRAW): _C.WITHDRAWN,
        (_C.SUPPLEMENT_REQUESTED, _CE.WITHDRAW): _C.WITHDRAWN,
    }
)

CASE_INITIAL_STATES = frozenset({_C.WAITING, _C.READY, _C.APPROVED})
CASE_FINAL_STATES = frozenset({_C.APPROVED, _C.DENIED, _C.CLOSED, _C.WITHDRAWN})
CASE_OPEN_STATES = frozenset(CaseState) - CASE_FINAL_STATES
APPLICATION_FINAL_STATES = frozenset({_A.REJECTED, _A.COMPLETED, _A.WITHDRAWN})


class IllegalTransition(DomainError):  # noqa: N818 - the name the workflow issue uses
    """An event the state machine does not allow in the current state."""

    code = ErrorCode.ILLEGAL_TRANSITION

    def __init__(self, kind: Machine, current: str, event: str) -> None:
        super().__init__(f"{kind.value}: {event!s} is not allowed in state {current!s}")
        self.kind = kind
        self.current = current
        self.event = event


@overload
def transition(
    kind: Literal[Machine.APPLICATION], current: ApplicationState, event: ApplicationEvent
) -> ApplicationState: ...
@overload
def transition(kind: Literal[Machine.CASE], current: CaseState, event: CaseEvent) -> CaseState: ...
@overload
def transition(
    kind: Machine, current: ApplicationState | CaseState, event: ApplicationEvent | CaseEvent
) -> ApplicationState | CaseState: ...
def transition(
    kind: Machine, current: ApplicationState | CaseState, event: ApplicationEvent | CaseEvent
) -> ApplicationState | CaseState:
    """The state `event` leads to from `current`, or IllegalTransition."""
    # StrEnum members equal their strings ("withdraw" is both an application and a case event),
    # so the types are checked before the lookup lest one machine's member match the other's row.
    if kind is Machine.APPLICATION:
        if isinstance(current, ApplicationState) and isinstance(event, ApplicationEvent):
            found_application = APPLICATION_TRANSITIONS.get((current, event))
            if found_application is not None:
                return found_application
    elif isinstance(current, CaseState) and isinstance(event, CaseEvent):
        found_case = CASE_TRANSITIONS.get((current, event))
        if found_case is not None:
            return found_case
    raise IllegalTransition(kind, current, event)


def allowed_events(
    kind: Machine, current: ApplicationState | CaseState
) -> frozenset[ApplicationEvent | CaseEvent]:
    """The events the table allows from `current` (for a UI's actions and for error messages)."""
    # `is`, not ==: a member of the other machine with the same string must not match.
    if kind is Machine.APPLICATION:
        return frozenset(event for (state, event) in APPLICATION_TRANSITIONS if state is current)
    return frozenset(event for (state, event) in CASE_TRANSITIONS if state is current)
