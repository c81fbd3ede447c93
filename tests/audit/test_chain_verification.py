"""auditVerify recomputes the chain: it names the one event that was changed, removed or relinked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.audit import ddl
from socialaid.audit.graphql import ProblemEnum
from socialaid.audit.verification import Problem
from socialaid.db.database import Database
from tests.access.people import person
from tests.audit.history import actions_of, add_event, tamper
from tests.graphql_client import default_schema, query_data

VERIFY = """query($t: String!, $from: DateTime, $to: DateTime) {
  auditVerify(tenant: $t, from: $from, to: $to) {
    tenantCode ok checked firstSequence lastSequence
    brokenLink { tenantCode sequence eventId problem message }
} }"""
AUDITOR = person("310000", Role.AUDITOR, user="auditor-sh")


async def verify(db: Database, tenant: str = "310105", **period: str) -> dict[str, Any]:
    data = await query_data(db, VERIFY, {"t": tenant, **period}, actor=AUDITOR)
    return data["auditVerify"]


async def five_events(db: Database) -> list[int]:
    return [
        await add_event(
            db,
            tenant="310105",
            application="app-1",
            at=datetime(2026, 3, day, tzinfo=UTC),
            after={"status": f"step-{day}"},
        )
        for day in range(1, 6)
    ]


async def event_id(db: Database, tenant: str, sequence: int) -> str:
    async with db.owner_session() as session:
        found = await session.scalar(
            text("SELECT id FROM audit_event WHERE tenant_id = :t AND sequence = :s"),
            {"t": tenant, "s": sequence},
        )
    return str(found)


async def test_an_untouched_chain_verifies_and_the_check_is_recorded_after_it(
    db: Database,
) -> None:
    sequences = await five_events(db)
    stored = len(await actions_of(db, "310105"))
    result = await verify(db)
    assert result["ok"] is True and result["brokenLink"] is None
    assert result["checked"] == stored
    assert result["lastSequence"] == sequences[-1]
    assert (await actions_of(db, "310105"))[-1] == "audit.verify"
    # The recorded check extends the chain without breaking it.
    again = await verify(db)
    assert again["ok"] is True and again["checked"] == result["checked"] + 1


@pytest.mark.parametrize(
    ("column", "value"),
    [("after", '{"status": "approved"}'), ("actor", "someone-else"), ("reason", "改过")],
)
async def test_a_changed_event_is_named_by_its_sequence(
    db: Database, column: str, value: str
) -> None:
    sequences = await five_events(db)
    target = sequences[2]
    cast = "CAST(:v AS jsonb)" if column == "after" else ":v"
    await tamper(
        db,
        f"UPDATE audit_event SET {column} = {cast} WHERE tenant_id = '310105' AND sequence = :s",
        {"v": value, "s": target},
    )
    broken = (await verify(db))["brokenLink"]
    assert broken == {
        "tenantCode": "310105",
        "sequence": target,
        "eventId": await event_id(db, "310105", target),
        "problem": "CONTENT_CHANGED",
        "message": broken["message"],
    }
    assert str(target) in broken["message"]


async def test_a_deleted_middle_event_is_a_sequence_gap(db: Database) -> None:
    sequences = await five_events(db)
    await tamper(
        db,
        "DELETE FROM audit_event WHERE tenant_id = '310105' AND sequence = :s",
        {"s": sequences[2]},
    )
    result = await verify(db)
    assert result["ok"] is False
    assert result["brokenLink"]["sequence"] == sequences[3]
    assert result["brokenLink"]["problem"] == "SEQUENCE_GAP"
    assert str(sequences[2]) in result["brokenLink"]["message"]


async def test_a_rehashed_forgery_breaks_the_link_to_the_next_event(db: Database) -> None:
    sequences = await five_events(db)
    await tamper(
        db,
        'UPDATE audit_event e SET after = \'{"status": "forged"}\', hash = '
        + ddl.digest_call("e").replace("e.after", '\'{"status": "forged"}\'::jsonb')
        + " WHERE tenant_id = '310105' AND sequence = :s",
        {"s": sequences[1]},
    )
    broken = (await verify(db))["brokenLink"]
    assert (broken["sequence"], broken["problem"]) == (sequences[2], "LINK_BROKEN")


async def test_deleting_the_newest_events_is_noticed_at_the_chain_head(db: Database) -> None:
    sequences = await five_events(db)
    await tamper(
        db,
        "DELETE FROM audit_event WHERE tenant_id = '310105' AND sequence >= :s",
        {"s": sequences[3]},
    )
    broken = (await verify(db))["brokenLink"]
    assert (broken["sequence"], broken["problem"]) == (sequences[2], "HEAD_MISMATCH")


async def test_a_period_is_checked_from_its_first_event_back_to_the_one_before(
    db: Database,
) -> None:
    sequences = await five_events(db)
    period = {"from": "2026-03-03T00:00:00Z", "to": "2026-03-05T00:00:00Z"}
    clean = await verify(db, **period)
    assert (clean["ok"], clean["checked"]) == (True, 2)
    assert (clean["firstSequence"], clean["lastSequence"]) == (sequences[2], sequences[3])
    # The event before the period is outside it, but the period's first event must link to it.
    await tamper(
        db,
        "UPDATE audit_event SET hash = sha256(hash) WHERE tenant_id = '310105' AND sequence = :s",
        {"s": sequences[1]},
    )
    broken = (await verify(db, **period))["brokenLink"]
    assert (broken["sequence"], broken["problem"]) == (sequences[2], "LINK_BROKEN")
    # Events after the period are not looked at: tampering there leaves the period intact.
    await tamper(
        db,
        "UPDATE audit_event SET actor = 'x' WHERE tenant_id = '310105' AND sequence = :s",
        {"s": sequences[4]},
    )
    later = await verify(db, **{"from": "2026-03-05T00:00:00Z", "to": "2026-03-06T00:00:00Z"})
    assert later["brokenLink"]["sequence"] == sequences[4]


def test_every_kind_of_problem_is_described_in_the_schema() -> None:
    assert [p.value for p in ProblemEnum] == [p.value for p in Problem]
    enum = default_schema()._schema.get_type("AuditChainProblem")
    assert [name for name, value in enum.values.items() if not value.description] == []
