"""One timeline across the cases and departments of an application (000 §三（一）5: 一体查询).

Events come from the application and from each case; they are merged by time, then by their
sequence number (the order the service recorded them in, which breaks ties between events
written in the same instant), then by the order they were given in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class TimelineKind(StrEnum):
    """What a timeline entry records; `Move.add_event` takes nothing else."""

    APPLICATION_SUBMITTED = "application.submitted"
    APPLICATION_ACCEPTED = "application.accepted"
    APPLICATION_REJECTED = "application.rejected"
    APPLICATION_ESCALATED = "application.escalated"
    APPLICATION_ASSIGNED = "application.assigned"
    APPLICATION_COMPLETED = "application.completed"
    APPLICATION_WITHDRAWN = "application.withdrawn"
    CASE_OPENED = "case.opened"
    CASE_WAITING = "case.waiting"
    CASE_ACKNOWLEDGED = "case.acknowledged"
    CASE_SUPPLEMENT_REQUESTED = "case.supplement_requested"
    CASE_SUPPLIED = "case.supplied"
    CASE_APPROVED = "case.approved"
    CASE_DENIED = "case.denied"
    CASE_DECISION_RECEIVED = "case.decision_received"
    CASE_RELEASED = "case.released"
    CASE_CLOSED = "case.closed"
    CASE_GRANTED_AUTOMATICALLY = "case.granted_automatically"
    CASE_WITHDRAWN = "case.withdrawn"
    # Issue 19, written by the deadline job: the department's reminder, the case past its
    # deadline (the apology goes to the applicant), a 补正 whose deadline passed unanswered.
    CASE_DEADLINE_REMINDER = "case.deadline_reminder"
    CASE_OVERDUE = "case.overdue"
    CASE_SUPPLEMENT_LAPSED = "case.supplement_lapsed"
    # Issue 22: re-verification of an approved benefit (定期核查) and the family's own report of a
    # change (主动报告), which opens its reviews early.
    REVIEW_SCHEDULED = "review.scheduled"
    REVIEW_DUE = "review.due"
    REVIEW_COMPLETED = "review.completed"
    HOUSEHOLD_CHANGE_REPORTED = "household.change_reported"


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime  # time-zone aware
    sequence: int
    kind: str  # a TimelineKind value (rows are read back as they were stored)
    item: str | None = None  # the case's item code; None for the application itself
    department: str | None = None
    summary: str | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        # Mixing naive and aware times would fail, or order wrongly across zones.
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ValueError("a timeline event's time must carry a time zone")


def merge_timeline(*streams: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """All events of `streams` in one list, ordered by (time, sequence); ties keep input order."""
    events = [event for stream in streams for event in stream]
    return sorted(events, key=lambda event: (event.at, event.sequence))  # sorted() is stable
