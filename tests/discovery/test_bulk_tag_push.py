"""livelihoodTagsUpsert over HTTP: a department pushes many tags in one call — all saved or
none, every bad element reported at its own path, one audit event, the same permission as one
tag, and every resident pushed is in the next discovery run."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.discovery.http import CHANGNING, adviser, client, headers, hospital_system
from tests.identity_numbers import id_number

__all__ = ["client"]

PUSH_MANY = """mutation($i: LivelihoodTagsUpsertInput!) { livelihoodTagsUpsert(input: $i) {
  upserted errors { code message path } } }"""


def resident(n: int) -> str:
    return id_number(CHANGNING, date(1962, 4, n), 300 + n)


def item(n: int, kind: str = "LARGE_MEDICAL_BILLS", **facts: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "subjectIdNumber": resident(n),
        "householdNumber": f"BULK-{n}",
        "area": "huayanglu",
        "facts": facts or {"amount": 1000 * n},
        "sourceDepartment": "healthcare_security",
    }


async def push_many(
    client: httpx.AsyncClient, tags: list[dict[str, Any]], auth: dict[str, str] | None = None
) -> dict[str, Any]:
    response = await client.post(
        "/graphql",
        json={"query": PUSH_MANY, "variables": {"i": {"tenant": CHANGNING, "tags": tags}}},
        headers=auth or hospital_system(),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"]["livelihoodTagsUpsert"])


async def counts(db: Database) -> tuple[int, int, int]:
    """(tags, pending residents, bulk push events) in Changning."""
    async with db.owner_session() as session:
        row = (
            await session.execute(
                text(
                    "SELECT (SELECT count(*) FROM livelihood_tag WHERE tenant_id = :t),"
                    " (SELECT count(*) FROM discovery_pending WHERE tenant_id = :t),"
                    " (SELECT count(*) FROM audit_event WHERE tenant_id = :t"
                    "   AND action = 'livelihood_tags.upsert')"
                ),
                {"t": CHANGNING},
            )
        ).one()
    return int(row[0]), int(row[1]), int(row[2])


async def test_many_tags_are_saved_in_one_call_with_one_audit_event(
    db: Database, client: httpx.AsyncClient
) -> None:
    tags = [item(1), item(2), item(2, "DISABILITY", severe=True), item(3, "AGE", years=64)]
    assert await push_many(client, tags) == {"upserted": 4, "errors": []}
    assert await counts(db) == (4, 3, 1)  # three residents pending, one event for the call
    again = [item(1, amount=99000)]
    assert await push_many(client, again) == {"upserted": 1, "errors": []}
    assert await counts(db) == (4, 3, 2)  # refreshed in place


async def test_every_bad_element_is_reported_at_its_path_and_nothing_is_saved(
    db: Database, client: httpx.AsyncClient
) -> None:
    bad_number = {**item(2), "subjectIdNumber": "310105196204020000"}
    bad_area = {**item(3), "area": "no-such-street"}
    nested_facts = item(4, amount={"value": 1})
    repeated = item(1)
    answer = await push_many(client, [item(1), bad_number, bad_area, nested_facts, repeated])
    assert answer["upserted"] is None
    assert [(e["code"], e["path"]) for e in answer["errors"]] == [
        ("INVALID_INPUT", ["input", "tags", "1", "subjectIdNumber"]),
        ("INVALID_INPUT", ["input", "tags", "2", "area"]),
        ("INVALID_INPUT", ["input", "tags", "3", "facts"]),
        ("INVALID_INPUT", ["input", "tags", "4", "kind"]),
    ]
    assert await counts(db) == (0, 0, 0)


async def test_an_empty_or_oversized_push_is_refused(
    db: Database, client: httpx.AsyncClient
) -> None:
    [empty] = (await push_many(client, []))["errors"]
    assert (empty["code"], empty["path"]) == ("INVALID_INPUT", ["input", "tags"])
    oversized = [item(1 + n % 28) for n in range(1001)]
    # Refused by the schema's input bounds before the service runs, at the list's own path.
    [too_many] = (await push_many(client, oversized))["errors"]
    assert too_many["code"] == "INVALID_INPUT"
    assert too_many["path"][-1] == "tags"
    assert await counts(db) == (0, 0, 0)


async def test_only_the_integration_role_may_push(db: Database, client: httpx.AsyncClient) -> None:
    caseworker = headers(Role.CASEWORKER, user="caseworker-1")
    for auth in (adviser(), caseworker):
        response = await client.post(
            "/graphql",
            json={"query": PUSH_MANY, "variables": {"i": {"tenant": CHANGNING, "tags": [item(1)]}}},
            headers=auth,
        )
        body = response.json()
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
    assert await counts(db) == (0, 0, 0)
