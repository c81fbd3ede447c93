"""A first load is walked by candidate (the holders of the tag kinds some rule cannot be true
without, in resident order, ranges of `batch` candidates) rather than taken from the changed set
resident by resident: the same leads either way, and a change committed after the walk passed
its resident stays pending for the next run."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.clock import CHINA, today_in_china
from socialaid.db.database import Database
from socialaid.discovery.scan import run_discovery
from tests.access.people import person
from tests.discovery.http import CHANGNING, PUSH
from tests.discovery.stage import ADVISER, SET, SYSTEM
from tests.graphql_client import query_data
from tests.identity_numbers import id_number

LEAD_RULES = """query { leads(filter: {tenant: "310105"}, first: 50) { edges { node {
  subjectHint rule { code } } } } }"""
BILL_LINE = 30000


def resident(n: int) -> str:
    return id_number(CHANGNING, date(1960, 1, n), 100 + n)


def tag(n: int, kind: str, **facts: Any) -> dict[str, Any]:
    return {
        "tenant": CHANGNING,
        "kind": kind,
        "subjectIdNumber": resident(n),
        "householdNumber": f"HY-{n:04d}",
        "area": "huayanglu",
        "facts": facts,
        "sourceDepartment": "civil_affairs",
    }


# Each resident a household of its own; the answers are JSONLogic's, worked out by hand.
TAGS = [
    tag(1, "LARGE_MEDICAL_BILLS", amount=56000),  # over the line: large_medical_bills
    tag(2, "LARGE_MEDICAL_BILLS", amount=12000),  # under it: nothing
    tag(3, "DISABILITY", severe=True),
    tag(3, "EMPLOYMENT", employed=False),  # severe and without work: severe_disability_…
    tag(4, "DISABILITY", severe=True),  # no employment tag: a missing `employed` == false
    tag(5, "EMPLOYMENT", employed=False),  # without work but no disability: nothing
    tag(6, "DISASTER", affected=True),  # disaster_affected
    tag(7, "AGE", years=40),  # no rule reads age: nothing
]
EXPECTED = {
    (resident(1)[-4:], "large_medical_bills"),
    (resident(3)[-4:], "severe_disability_without_work"),
    (resident(4)[-4:], "severe_disability_without_work"),
    (resident(6)[-4:], "disaster_affected"),
}


def now() -> datetime:
    return datetime.now(CHINA)


async def set_bill_line(db: Database) -> None:
    admin = person("310000", Role.TENANT_ADMIN, user="admin-sh")
    line = {
        "tenant": "310000",
        "key": "discovery_large_medical_bill_amount",
        "value": BILL_LINE,
        "effectiveFrom": today_in_china().isoformat(),
        "source": "测试用取值（非政策事实）",
        "reason": "测试",
    }
    assert (await query_data(db, SET, {"i": line}, actor=admin))["tenantParameterSet"][
        "errors"
    ] == []


async def push(db: Database, tags: list[dict[str, Any]]) -> None:
    for one in tags:
        pushed = await query_data(db, PUSH, {"i": one}, actor=SYSTEM)
        assert pushed["livelihoodTagUpsert"]["errors"] == []


async def lead_rules(db: Database) -> set[tuple[str, str]]:
    found = await query_data(db, LEAD_RULES, {}, actor=ADVISER)
    return {(e["node"]["subjectHint"], e["node"]["rule"]["code"]) for e in found["leads"]["edges"]}


async def pending(db: Database) -> list[str]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT DISTINCT t.subject_hint FROM discovery_pending p JOIN livelihood_tag t"
                " USING (tenant_id, subject_key) ORDER BY 1"
            )
        )
        return [row[0] for row in rows]


@pytest.mark.parametrize("walk", [True, False], ids=["walked", "taken-from-the-changed-set"])
async def test_a_first_load_raises_the_same_leads_walked_or_taken(db: Database, walk: bool) -> None:
    await set_bill_line(db)
    await push(db, TAGS)
    result = await run_discovery(db, now, batch=2, walk=walk)
    assert await lead_rules(db) == EXPECTED
    assert len(result.leads) == len(EXPECTED)
    assert result.evaluated == 7
    assert await pending(db) == []


async def test_a_push_committed_after_the_walk_passed_its_resident_stays_pending(
    db: Database,
) -> None:
    await set_bill_line(db)
    await push(db, TAGS[:2])
    await run_discovery(db, now, batch=1, walk=True)  # resident 2's bill is under the line
    async with db.owner_session() as late, late.begin():
        # A department's push of a new bill for resident 2, as livelihoodTagUpsert writes it,
        # begun before the next run and committed after it.
        await late.execute(
            text(
                "UPDATE livelihood_tag SET facts = '{\"amount\": 90000}', updated_at = now()"
                " WHERE subject_hint = :hint AND kind = 'large_medical_bills'"
            ),
            {"hint": resident(2)[-4:]},
        )
        await late.execute(
            text(
                "INSERT INTO discovery_pending (tenant_id, subject_key) SELECT tenant_id,"
                " subject_key FROM livelihood_tag WHERE subject_hint = :hint"
            ),
            {"hint": resident(2)[-4:]},
        )
        await push(db, TAGS[2:])
        walked = await run_discovery(db, now, batch=1, walk=True)
        assert walked.evaluated == 5  # residents 3 to 7; resident 2's change is not committed
    assert await pending(db) == [resident(2)[-4:]]
    await run_discovery(db, now, batch=1, walk=True)
    assert await lead_rules(db) == EXPECTED | {(resident(2)[-4:], "large_medical_bills")}
    assert await pending(db) == []
