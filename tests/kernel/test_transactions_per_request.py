"""A request opens as few transactions as its work needs: one for a mutation, one for a page.

The operations select only the payload's own fields, so nested loaders (which read after the
mutation has committed, in a transaction of their own) are not counted here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from socialaid.access.principal import Principal
from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    applicant,
    caseworker,
    shanghai_answers,
    submission,
    uploads_for,
    window_clerk,
)
from tests.graphql_client import execute
from tests.identity_numbers import id_number
from tests.kernel.transactions import transactions_begun

CHANGNING = "310105"
SUBMIT = """mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) {
  errors { code } application { id lockVersion } } }"""
ACCEPT = """mutation($i: ApplicationActInput!) { applicationTriageAccept(input: $i) {
  errors { code } application { id state } } }"""
DECIDE = """mutation($i: CaseDecideInput!) { caseDecide(input: $i) {
  errors { code } case { id state } } }"""
CASES = """query($t: String!) { cases(filter: {tenant: $t}, first: 20) {
  edges { node { id state itemCode } } } }"""


async def counted(
    db: Database, query: str, variables: dict[str, Any], actor: Principal
) -> tuple[int, dict[str, Any]]:
    with transactions_begun(db) as seen:
        data, errors = await execute(db, query, variables, actor=actor)
    assert errors == [] and data is not None, errors
    return seen.count, data


async def submitted(db: Database, citizen: Principal) -> dict[str, Any]:
    answers = shanghai_answers(id_number(CHANGNING, date(1980, 1, 2), 17))
    materials = await uploads_for(db, CHANGNING, SHANGHAI_FAMILY, answers, citizen)
    body = submission(CHANGNING, SHANGHAI_FAMILY, answers, "tx-1", materials, area="huayanglu")
    count, data = await counted(db, SUBMIT, {"i": body}, citizen)
    assert data["applicationSubmit"]["errors"] == []
    return {"count": count, **data["applicationSubmit"]["application"]}


async def test_a_submission_is_one_transaction(db: Database) -> None:
    application = await submitted(db, await applicant(db, CHANGNING))
    assert application["count"] == 1


async def test_a_triage_decision_is_one_transaction(db: Database) -> None:
    application = await submitted(db, await applicant(db, CHANGNING))
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    variables = {"i": {"id": application["id"], "lockVersion": application["lockVersion"]}}
    count, data = await counted(db, ACCEPT, variables, clerk)
    assert data["applicationTriageAccept"]["application"]["state"] == "ACCEPTED"
    assert count == 1


async def test_a_case_decision_is_one_transaction(db: Database) -> None:
    application = await submitted(db, await applicant(db, CHANGNING))
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    accepted = await accept(db, clerk, {**application})
    legal_aid = next(c for c in accepted["cases"] if c["itemCode"] == "legal_aid")
    worker = await caseworker(db, CHANGNING, "justice")
    decision = {
        "id": legal_aid["id"],
        "lockVersion": legal_aid["lockVersion"],
        "outcome": "DENIED",
        "reasons": ["不符合法律援助经济困难标准"],
    }
    count, data = await counted(db, DECIDE, {"i": decision}, worker)
    assert data["caseDecide"]["case"]["state"] == "DENIED"
    assert count == 1


async def test_a_page_of_cases_is_one_transaction(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    application = await submitted(db, citizen)
    await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), {**application})
    worker = await caseworker(db, CHANGNING, "civil_affairs")
    count, data = await counted(db, CASES, {"t": CHANGNING}, worker)
    assert [e["node"]["itemCode"] for e in data["cases"]["edges"]] != []
    assert count == 1
