"""auditEvents' totalCount counts no further than SOCIALAID_AUDIT_COUNT_CAP, and says so."""

from __future__ import annotations

import pytest

from socialaid.db.database import Database
from tests.audit.test_auditor_queries import SHANGHAI, history
from tests.conftest import test_settings
from tests.graphql_client import execute

# Changning's history holds three decisions (tests/audit/test_auditor_queries.py's plan).
DECISIONS = """query { auditEvents(filter: {tenant: "310105", action: "case.decide"}, first: 1) {
  totalCount totalCountIsCapped edges { node { action } } pageInfo { hasNextPage } } }"""
PERSON = """query($id: String!) { personHistory(idNumber: $id) {
  events(first: 1) { totalCount totalCountIsCapped } } }"""


async def counted(db: Database, cap: int) -> tuple[int, bool]:
    data, errors = await execute(
        db, DECISIONS, settings=test_settings(audit_count_cap=cap), actor=SHANGHAI
    )
    assert errors == [] and data is not None, errors
    connection = data["auditEvents"]
    assert [e["node"]["action"] for e in connection["edges"]] == ["case.decide"]
    return connection["totalCount"], connection["totalCountIsCapped"]


@pytest.mark.parametrize(
    ("cap", "answer"), [(10_000, (3, False)), (3, (3, False)), (2, (2, True)), (1, (1, True))]
)
async def test_the_count_is_exact_up_to_the_cap_and_flagged_beyond_it(
    db: Database, cap: int, answer: tuple[int, bool]
) -> None:
    await history(db)
    assert await counted(db, cap) == answer


async def test_a_persons_events_are_capped_alike(db: Database) -> None:
    given = await history(db)
    applicant = next(g.id_number for g in given if g.application == "sx-1")
    data, errors = await execute(
        db, PERSON, {"id": applicant}, settings=test_settings(audit_count_cap=2), actor=SHANGHAI
    )
    assert errors == [] and data is not None, errors
    assert data["personHistory"]["events"] == {"totalCount": 2, "totalCountIsCapped": True}
