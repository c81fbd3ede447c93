"""Field-level errors have one shape, UserError: an application's invalid answers come back in
`errors` (code INVALID_INPUT, the path inside `answers` as a list, the answer's own code as
`detailCode`), in the submission's payload and in the form check alike; the old FieldError
fields stay, deprecated, with the same content."""

from __future__ import annotations

from datetime import date

import pytest

from socialaid.db.database import Database
from socialaid.kernel.user_error import answer_path_segments
from tests.applications_api.flows import applicant, shanghai_answers, submission, uploads_for
from tests.graphql_client import query_data
from tests.identity_numbers import id_number

CHANGNING = "310105"
SUBMIT = """mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) {
  errors { code path message detailCode } fieldErrors { path code message } application { id }
} }"""
CHECK = """query($h: String!, $a: JSON!) { applicationFormCheck(hash: $h, answers: $a) {
  ok answerErrors { code path message detailCode } errors { path code message } } }"""
FORM = """query($t: String!, $items: [String!]!) { applicationForm(tenant: $t, items: $items) {
  hash } }"""


@pytest.mark.parametrize(
    ("path", "segments"),
    [
        ("applicant.id_number", ["applicant", "id_number"]),
        ("household.members[2].id_number", ["household", "members", "2", "id_number"]),
        ("household.members[10]", ["household", "members", "10"]),
    ],
)
def test_an_answer_path_becomes_the_segments_of_a_user_error_path(
    path: str, segments: list[str]
) -> None:
    assert answer_path_segments(path) == segments


async def test_a_submission_with_an_invalid_answer_reports_it_as_a_user_error(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    bad = {**answers, "applicant": {**answers["applicant"], "id_number": "123"}}
    materials = await uploads_for(db, CHANGNING, ["legal_aid"], answers, citizen)
    body = submission(CHANGNING, ["legal_aid"], bad, "k1", materials, area="huayanglu")

    payload = (await query_data(db, SUBMIT, {"i": body}, actor=citizen))["applicationSubmit"]

    assert payload["application"] is None
    # Each field error once, in the one shape; the deprecated field says the same in the old.
    assert len(payload["errors"]) == len(payload["fieldErrors"]) >= 2
    for error, old_shape in zip(payload["errors"], payload["fieldErrors"], strict=True):
        assert error["code"] == "INVALID_INPUT"
        assert error["message"] == old_shape["message"]
        assert error["detailCode"] == old_shape["code"]
    assert {
        "code": "INVALID_INPUT",
        "path": ["answers", "applicant", "id_number"],
        "message": "身份证号：格式不对，应为 18 位居民身份证号（含校验位）",
        "detailCode": "INVALID_ID_NUMBER",
    } in payload["errors"]
    assert {
        "path": "applicant.id_number",
        "code": "INVALID_ID_NUMBER",
        "message": "身份证号：格式不对，应为 18 位居民身份证号（含校验位）",
    } in payload["fieldErrors"]


async def test_the_form_check_reports_answer_errors_in_the_same_shape(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    form = (await query_data(db, FORM, {"t": CHANGNING, "items": ["legal_aid"]}, actor=citizen))[
        "applicationForm"
    ]
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    bad = {**answers, "applicant": {**answers["applicant"], "id_number": "123"}}

    result = (await query_data(db, CHECK, {"h": form["hash"], "a": bad}, actor=citizen))[
        "applicationFormCheck"
    ]

    assert result["ok"] is False
    assert len(result["answerErrors"]) == len(result["errors"]) >= 2
    for old_shape, error in zip(result["errors"], result["answerErrors"], strict=True):
        assert error["code"] == "INVALID_INPUT"
        assert error["message"] == old_shape["message"]
        assert error["detailCode"] == old_shape["code"]
    assert {
        "code": "INVALID_INPUT",
        "path": ["answers", "applicant", "id_number"],
        "message": "身份证号：格式不对，应为 18 位居民身份证号（含校验位）",
        "detailCode": "INVALID_ID_NUMBER",
    } in result["answerErrors"]


async def test_other_failures_keep_one_error_without_a_detail_code(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    body = submission(CHANGNING, ["no_such_item"], answers, "k2", [], area="huayanglu")
    payload = (await query_data(db, SUBMIT, {"i": body}, actor=citizen))["applicationSubmit"]
    assert payload["fieldErrors"] == []
    assert [e["detailCode"] for e in payload["errors"]] == [None]
