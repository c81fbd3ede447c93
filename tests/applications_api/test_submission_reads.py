"""What a submission reads in one statement and marks in another (issue 20) still decides as it
did when each was a statement of its own: an unknown tenant or area is NOT_FOUND at its field,
the uploads named are kept from cleanup only when the submission is stored, and the audit event
(now an insert built once) still joins the tenant's chain as before."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.access.people import person
from tests.applications_api.flows import SHANGHAI_FAMILY, SUBMIT, applicant, submission, uploads_for
from tests.applications_api.test_lists_deadlines_and_masking import CHANGNING, family_answers
from tests.audit.test_chain_verification import VERIFY
from tests.graphql_client import query_data


async def submitted(db: Database, body: dict[str, Any]) -> dict[str, Any]:
    citizen = await applicant(db, CHANGNING)
    payload: dict[str, Any] = (await query_data(db, SUBMIT, {"i": body}, actor=citizen))[
        "applicationSubmit"
    ]
    return payload


async def referenced(db: Database, materials: list[dict[str, Any]]) -> list[bool]:
    """Whether each upload named is marked referenced (kept from cleanup)."""
    async with db.owner_session() as session:
        rows = await session.execute(
            text("SELECT id, referenced_at IS NOT NULL FROM material_upload WHERE id = ANY(:ids)"),
            {"ids": [uuid.UUID(m["reference"]) for m in materials]},
        )
        marked = {str(i): bool(m) for i, m in rows}
    return [marked[m["reference"]] for m in materials]


async def family_with_uploads(db: Database) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    citizen = await applicant(db, CHANGNING)
    answers = family_answers()
    return answers, await uploads_for(db, CHANGNING, SHANGHAI_FAMILY, answers, citizen)


async def test_a_stored_submission_marks_its_uploads_referenced(db: Database) -> None:
    answers, materials = await family_with_uploads(db)
    assert materials and await referenced(db, materials) == [False] * len(materials)

    payload = await submitted(
        db, submission(CHANGNING, SHANGHAI_FAMILY, answers, "k", materials, area="huayanglu")
    )

    assert payload["errors"] == []
    assert await referenced(db, materials) == [True] * len(materials)


async def test_a_refused_submission_leaves_its_uploads_unreferenced(db: Database) -> None:
    answers, materials = await family_with_uploads(db)
    last = len(materials) - 1
    named = [*materials[:last], {**materials[last], "reference": str(uuid.uuid4())}]

    # The statement marks the real uploads before the missing one is found; the refusal rolls
    # the marks back with everything else.
    payload = await submitted(
        db, submission(CHANGNING, SHANGHAI_FAMILY, answers, "k", named, area="huayanglu")
    )

    assert [(e["code"], e["path"]) for e in payload["errors"]] == [
        ("INVALID_INPUT", ["materials", str(last), "reference"])
    ]
    assert await referenced(db, materials[:last]) == [False] * last


async def test_an_area_the_tenant_does_not_have_is_not_found_at_area(db: Database) -> None:
    answers, materials = await family_with_uploads(db)

    payload = await submitted(
        db, submission(CHANGNING, SHANGHAI_FAMILY, answers, "k", materials, area="wucheng")
    )

    assert [(e["code"], e["path"]) for e in payload["errors"]] == [("NOT_FOUND", ["area"])]
    assert payload["application"] is None


async def test_a_tenant_that_does_not_exist_is_not_found(db: Database) -> None:
    answers, materials = await family_with_uploads(db)

    payload = await submitted(
        db, submission("319999", SHANGHAI_FAMILY, answers, "k", materials, area="huayanglu")
    )

    assert [e["code"] for e in payload["errors"]] == ["NOT_FOUND"]
    assert payload["application"] is None


async def test_a_submissions_audit_event_joins_the_chain_and_the_chain_verifies(
    db: Database,
) -> None:
    answers, materials = await family_with_uploads(db)
    for key in ("k1", "k2"):
        body = submission(CHANGNING, SHANGHAI_FAMILY, answers, key, materials, area="huayanglu")
        assert (await submitted(db, body))["errors"] == []

    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT before IS NULL, after ->> 'state' FROM audit_event"
                " WHERE tenant_id = :t AND action = 'application.submit' ORDER BY sequence"
            ),
            {"t": CHANGNING},
        )
        recorded = [tuple(row) for row in rows]
    # No state before a submission: SQL NULL, as the writer stored it before its insert was
    # built once (not JSON 'null').
    assert recorded == [(True, "submitted"), (True, "submitted")]
    verified = await query_data(
        db, VERIFY, {"t": CHANGNING}, actor=person("310000", Role.AUDITOR, user="auditor-sh")
    )
    assert verified["auditVerify"]["ok"] is True
    assert verified["auditVerify"]["brokenLink"] is None
