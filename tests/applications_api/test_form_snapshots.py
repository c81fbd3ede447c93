"""A failed submission must not leave its form cached as stored: the snapshot an application
refers to is in the database whichever process reads it later."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text

from socialaid.access.principal import Principal
from socialaid.db.database import Database
from socialaid.kernel.caches import Caches
from socialaid.kernel.context import Context
from tests.applications_api.flows import (
    SUBMIT,
    applicant,
    shanghai_answers,
    submission,
    uploads_for,
)
from tests.conftest import test_settings
from tests.graphql_client import default_schema, execute
from tests.identity_numbers import id_number

CHANGNING = "310105"
CHECK = "query($h: String!) { applicationFormCheck(hash: $h, answers: {}) { ok } }"


class OneProcess:
    """Requests served by one process: every request shares the same caches."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.caches = Caches()

    async def submit(self, actor: Principal, body: dict[str, Any]) -> dict[str, Any]:
        context = Context(
            db=self.db,
            settings=test_settings(),
            principal=actor,
            caches=self.caches,
        )
        result = await default_schema().execute(
            SUBMIT, variable_values={"i": body}, context_value=context
        )
        assert result.errors is None and result.data is not None, result.errors
        return dict(result.data["applicationSubmit"])


async def test_after_a_failed_submission_the_retry_stores_the_snapshot_its_application_needs(
    db: Database,
) -> None:
    process = OneProcess(db)
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    bad = {**answers, "applicant": {**answers["applicant"], "id_number": "123"}}
    materials = await uploads_for(db, CHANGNING, ["legal_aid"], answers, citizen)
    async with db.owner_session() as session, session.begin():
        await session.execute(text("DELETE FROM form_snapshot"))  # as if never compiled here

    failed = await process.submit(
        citizen, submission(CHANGNING, ["legal_aid"], bad, "k1", materials, area="huayanglu")
    )
    assert failed["fieldErrors"] and failed["application"] is None
    retried = await process.submit(
        citizen, submission(CHANGNING, ["legal_aid"], answers, "k2", materials, area="huayanglu")
    )
    assert retried["errors"] == []

    # Another process (fresh caches) finds the form the application was filled against.
    _, errors = await execute(db, CHECK, {"h": retried["application"]["formHash"]})
    assert errors == []
