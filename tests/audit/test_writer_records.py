"""What the audit writer records for an event, and when it first makes sure of the partitions.

The statements go to a recording session: the values are checked here, the database's part
(numbering, hashing, partitions) in the other audit tests.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

import pytest
from sqlalchemy import Insert
from sqlalchemy.dialects import postgresql

from socialaid.access.vocabulary import Role
from socialaid.audit import writer
from socialaid.audit.request import RequestOrigin, reset_origin, set_origin
from socialaid.audit.writer import ensure_partitions, write_event
from tests.access.people import person
from tests.recording_session import RecordingSession

ENSURE_PARTITIONS = "SELECT socialaid_audit_ensure_partition(now())"


def fresh_session() -> RecordingSession:
    # The writer remembers per database which months it has seen: each test has a database of its own.
    return RecordingSession(url=f"postgresql+asyncpg://app@localhost/db_{uuid.uuid4().hex[:8]}")


async def write(session: RecordingSession, **overrides: Any) -> None:
    arguments: dict[str, Any] = {
        "actor": person("310105", Role.CASEWORKER, user="cw-7", departments=("civil_affairs",)),
        "action": "case.decide",
        "tenant_id": "310105",
        "subject_type": "case",
        "subject_id": "C-1",
    }
    arguments.update(overrides)
    await write_event(session.as_session(), **arguments)


async def test_every_field_of_the_event_is_recorded_as_given() -> None:
    session = fresh_session()
    actor = person(
        "310000", Role.APPROVER, Role.AUDITOR, user="ap-1", departments=("civil_affairs",)
    )
    await write(
        session,
        actor=actor,
        action="case.decide",
        tenant_id="310105",
        subject_type="case",
        subject_id="C-9",
        before={"state": "acknowledged"},
        after={"state": "approved"},
        reason="符合条件",
        request_id="req-1",
        application_id="A-3",
        person_key="pk-5",
        client_address="10.0.0.8",
        department="education",
    )
    assert session.inserted() == [
        {
            # Also the tenant whose chain the database takes the time for (see below).
            "tenant_id": "310105",
            "actor": "ap-1",
            "roles": ["approver", "auditor"],
            "department": "education",
            "action": "case.decide",
            "subject_type": "case",
            "subject_id": "C-9",
            "before": {"state": "acknowledged"},
            "after": {"state": "approved"},
            "reason": "符合条件",
            "request_id": "req-1",
            "client_address": "10.0.0.8",
            "application_id": "A-3",
            "person_key": "pk-5",
        }
    ]


async def test_the_time_is_taken_by_the_database_for_the_events_tenant() -> None:
    session = fresh_session()
    await write(session, tenant_id="320281")
    (insert,) = [s for s in session.statements if isinstance(s, Insert)]
    (row,) = session.inserted()
    compiled = insert.compile(dialect=postgresql.dialect())  # type: ignore[no-untyped-call]
    found = re.match(r"INSERT INTO audit_event \((.*?)\) VALUES \((.*?)\) RETURNING", str(compiled))
    assert found is not None
    columns, values = found.group(1).split(", "), re.split(r", (?![^(]*\))", found.group(2))
    given = dict(zip(columns, values, strict=True))
    # Not now(): the chain's append time, for the event's own tenant.
    assert given["occurred_at"] == "socialaid_audit_append_time(%(tenant_id)s::VARCHAR)"
    assert given["tenant_id"] == "%(tenant_id)s::VARCHAR"
    assert row["tenant_id"] == "320281"


async def test_the_acting_department_defaults_to_the_actors_departments() -> None:
    session = fresh_session()
    two = person("310105", Role.APPROVER, departments=("civil_affairs", "education"))
    await write(session, actor=two)
    await write(session, actor=person("310105", Role.AUDITOR))
    assert [row["department"] for row in session.inserted()] == ["civil_affairs,education", None]


async def test_without_a_request_the_origin_is_left_empty() -> None:
    session = fresh_session()
    await write(session)
    (row,) = session.inserted()
    assert (row["request_id"], row["client_address"]) == (None, None)


async def test_the_request_being_served_gives_the_request_id_and_address() -> None:
    session = fresh_session()
    token = set_origin(RequestOrigin(request_id="req-42", client_address="192.0.2.1"))
    try:
        await write(session)
        await write(session, request_id="req-own", client_address="198.51.100.2")
    finally:
        reset_origin(token)
    served, explicit = session.inserted()
    assert (served["request_id"], served["client_address"]) == ("req-42", "192.0.2.1")
    assert (explicit["request_id"], explicit["client_address"]) == ("req-own", "198.51.100.2")


async def test_the_partitions_are_ensured_before_the_first_event_of_a_database_only() -> None:
    first, other = fresh_session(), fresh_session()
    await write(first)
    await write(first)
    await write(other)
    assert [type(s).__name__ for s in first.statements] == ["TextClause", "Insert", "Insert"]
    assert first.texts() == [ENSURE_PARTITIONS]
    assert other.texts() == [ENSURE_PARTITIONS]


BEIJING = timezone(timedelta(hours=8))


class _Clock:
    """Stands in for the writer's `datetime`: `now` answers the instants given, in turn.

    Asked for the time in UTC it answers in UTC; asked without a zone it answers the server's
    local time, which here is Beijing's.
    """

    def __init__(self, *instants: datetime) -> None:
        self.instants = list(instants)

    def now(self, tz: tzinfo | None = None) -> datetime:
        instant = self.instants.pop(0)
        return instant if tz is UTC else instant.astimezone(BEIJING).replace(tzinfo=None)


async def ensure_at(monkeypatch: pytest.MonkeyPatch, *instants: datetime) -> list[str]:
    session = fresh_session()
    monkeypatch.setattr(writer, "datetime", _Clock(*instants))
    for _ in instants:
        await ensure_partitions(session.as_session())
    return session.texts()


async def test_the_partitions_are_ensured_again_in_a_new_month_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = await ensure_at(
        monkeypatch,
        datetime(2031, 1, 3, 10, 0, tzinfo=UTC),
        datetime(2031, 1, 29, 18, 30, 45, tzinfo=UTC),  # the same month, another day and minute
        datetime(2031, 2, 1, 0, 7, tzinfo=UTC),
        datetime(2032, 2, 9, 12, 15, tzinfo=UTC),  # the same month of another year
    )
    assert texts == [ENSURE_PARTITIONS] * 3


async def test_the_month_is_the_utc_month_whatever_the_servers_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 20:00 UTC on 31 January is already February in Beijing: still January's partitions.
    texts = await ensure_at(
        monkeypatch,
        datetime(2031, 1, 31, 10, 0, tzinfo=UTC),
        datetime(2031, 1, 31, 20, 0, tzinfo=UTC),
    )
    assert texts == [ENSURE_PARTITIONS]
