"""One timeline across departments: ordered by time, then sequence, ties kept as given."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from socialaid.applications.timeline import TimelineEvent, merge_timeline
from socialaid.clock import CHINA


def event(hour: int, sequence: int, kind: str, department: str | None = None) -> TimelineEvent:
    return TimelineEvent(
        at=datetime(2025, 9, 30, hour, tzinfo=CHINA),
        sequence=sequence,
        kind=kind,
        department=department,
    )


def test_events_of_several_departments_merge_in_time_order() -> None:
    application = [event(9, 1, "application.submitted"), event(10, 2, "application.accepted")]
    civil = [event(11, 5, "case.acknowledged", "civil_affairs"), event(15, 9, "case.approved")]
    justice = [event(12, 6, "case.acknowledged", "justice")]

    merged = merge_timeline(civil, justice, application)

    assert [e.kind for e in merged] == [
        "application.submitted",
        "application.accepted",
        "case.acknowledged",
        "case.acknowledged",
        "case.approved",
    ]
    assert [e.department for e in merged[2:4]] == ["civil_affairs", "justice"]


def test_events_at_the_same_instant_follow_their_sequence() -> None:
    merged = merge_timeline([event(10, 8, "case.released")], [event(10, 7, "case.forwarded")])
    assert [e.sequence for e in merged] == [7, 8]


def test_full_ties_keep_the_order_they_were_given_in() -> None:
    first, second = event(10, 1, "a"), event(10, 1, "b")
    assert merge_timeline([first], [second]) == [first, second]
    assert merge_timeline([second], [first]) == [second, first]


def test_times_in_different_zones_are_ordered_by_instant() -> None:
    utc = TimelineEvent(at=datetime(2025, 9, 30, 1, tzinfo=UTC), sequence=2, kind="later")
    china = TimelineEvent(at=datetime(2025, 9, 30, 8, tzinfo=CHINA), sequence=1, kind="earlier")
    assert [e.kind for e in merge_timeline([utc], [china])] == ["earlier", "later"]


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        TimelineEvent(at=datetime(2025, 9, 30, 8), sequence=1, kind="x")


def test_no_events_make_an_empty_timeline() -> None:
    assert merge_timeline() == []
    assert merge_timeline([], []) == []
