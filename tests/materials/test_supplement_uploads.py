"""补正 takes upload ids like the submission does: someone else's upload, an incomplete one or an
id that names no upload is INVALID_INPUT at its place in `references`, and the case still waits."""

from __future__ import annotations

from datetime import date
from typing import Any

from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    shanghai_answers,
    window_clerk,
)
from tests.graphql_client import execute
from tests.identity_numbers import id_number
from tests.materials.stored_uploads import completed_upload

CHANGNING = "310105"
SUPPLEMENT = """mutation($i: CaseSupplementRequestInput!) { caseSupplementRequest(input: $i) {
  errors { code path } case { id state lockVersion } } }"""
PROVIDE = """mutation($i: CaseSupplementProvideInput!) { caseSupplementProvide(input: $i) {
  errors { code path } case { id state lockVersion } } }"""


async def supplement_asked(db: Database) -> dict[str, Any]:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    dibao = await acknowledge(db, civil, case_of(accepted, "dibao"))
    values = {"id": dibao["id"], "lockVersion": dibao["lockVersion"]}
    data, errors = await execute(
        db,
        SUPPLEMENT,
        {"i": values | {"materials": ["hukou_booklet.household"], "deadline": "2027-02-01"}},
        actor=civil,
    )
    assert errors == [] and data is not None, errors
    case: dict[str, Any] = data["caseSupplementRequest"]["case"]
    return case


async def provide(db: Database, case: dict[str, Any], references: list[str]) -> dict[str, Any]:
    citizen = await applicant(db, CHANGNING)
    values = {"id": case["id"], "lockVersion": case["lockVersion"], "references": references}
    data, errors = await execute(db, PROVIDE, {"i": values}, actor=citizen)
    assert errors == [] and data is not None, errors
    payload: dict[str, Any] = data["caseSupplementProvide"]
    return payload


async def test_a_supplement_with_someone_elses_upload_is_refused_at_its_place(
    db: Database,
) -> None:
    case = await supplement_asked(db)
    own = await completed_upload(db, tenant=CHANGNING, owner="citizen-1")
    theirs = await completed_upload(db, tenant=CHANGNING, owner="citizen-2")

    refused = await provide(db, case, [own, theirs])

    assert refused["errors"] == [{"code": "INVALID_INPUT", "path": ["references", "1"]}]
    assert refused["case"] is None
    supplied = await provide(db, case, [own])
    assert supplied["errors"] == [] and supplied["case"]["state"] == "ACKNOWLEDGED"


async def test_a_supplement_naming_no_upload_is_refused(db: Database) -> None:
    case = await supplement_asked(db)

    refused = await provide(db, case, ["upload://hukou/2"])

    assert refused["errors"] == [{"code": "INVALID_INPUT", "path": ["references", "0"]}]
