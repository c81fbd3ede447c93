"""Issue 20: what one submission sends to PostgreSQL — the writes and the reads it cannot avoid,
and none of what the process already holds (the tenant's notification templates, the cases of an
application that has none yet, the row it has just inserted)."""

from __future__ import annotations

from socialaid.db.database import Database
from socialaid.kernel.caches import Caches
from socialaid.kernel.context import Context
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    applicant,
    submission,
    uploads_for,
)
from tests.applications_api.test_lists_deadlines_and_masking import CHANGNING, family_answers
from tests.conftest import test_settings
from tests.graphql_client import default_schema
from tests.sql_statements import statements_sent

SUBMIT_ID_ONLY = """mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) {
  errors { code } application { id state } } }"""


def first_words(statement: str) -> str:
    """`INSERT INTO audit_event`, `SELECT … FROM tenant_catalogue`: what a statement does to
    which table, enough to tell the statements of a submission apart."""
    words = statement.split()
    if words[0] in {"INSERT", "UPDATE"}:
        return " ".join(words[: 3 if words[0] == "INSERT" else 2])
    if "socialaid_webhook_fan_out" in statement:
        return "SELECT socialaid_webhook_fan_out" + (
            ", pg_notify" if "pg_notify" in statement else ""
        )
    if "AS earlier" in statement:
        return "SELECT the submission's reads"
    if words[0] == "WITH" and "UPDATE material_upload" in statement:
        return "UPDATE material_upload, SELECT FROM material_upload"
    if "set_config" in statement:
        return "SELECT set_config"
    if "FROM" not in words:
        return " ".join(words[:4])
    return "SELECT FROM " + words[words.index("FROM") + 1]


async def test_a_submission_reads_no_templates_no_cases_nor_its_own_row_again(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = family_answers()
    materials = await uploads_for(db, CHANGNING, SHANGHAI_FAMILY, answers, citizen)

    # One process's caches across requests, as the server keeps them.
    caches, settings = Caches(), test_settings()

    async def submit(key: str) -> list[str]:
        variables = {
            "i": submission(CHANGNING, SHANGHAI_FAMILY, answers, key, materials, area="huayanglu")
        }
        context = Context(db=db, settings=settings, principal=citizen, caches=caches)
        with statements_sent(db) as sent:
            result = await default_schema().execute(
                SUBMIT_ID_ONLY, variable_values=variables, context_value=context
            )
        assert result.errors is None and result.data is not None
        assert result.data["applicationSubmit"]["errors"] == []
        return [first_words(s) for s in sent]

    await submit("first")  # compiles and stores the form
    assert await submit("second") == [
        "SELECT set_config",  # the row scope of the transaction
        # The tenant, the content revision, the area, an earlier submission with the same
        # idempotency key and the emergency provisions in force: one statement.
        "SELECT the submission's reads",
        "UPDATE material_upload, SELECT FROM material_upload",  # one statement (a CTE)
        "INSERT INTO application",  # RETURNING the row
        "INSERT INTO application_event",
        "INSERT INTO notification",
        # One call for all the move's webhook events, with the change notification.
        "SELECT socialaid_webhook_fan_out, pg_notify",
        "INSERT INTO audit_event",  # last: it holds the tenant's audit chain head until commit
    ]
