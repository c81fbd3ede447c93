"""The values the attack found accepted are refused as INVALID_INPUT with their path, and nothing
is written: amounts, periods and dates of a decision, a publish in year 1 or backdated without a
reason, a million-character name, an empty or 201-character user id, 20,000 household members,
an income of 1e308, NUL bytes, an emergency in year 1."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.applications_api.flows import (
    DECIDE,
    SHANGHAI_FAMILY,
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    shanghai_answers,
    submission,
    window_clerk,
)
from tests.graphql_client import execute, principal, query_data
from tests.identity_numbers import id_number
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

CHANGNING = "310105"
TODAY = today_in_china()
SUBMIT = """mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) {
  errors { code path } application { id } } }"""
GRANT = """mutation($i: RoleGrantInput!) { roleGrant(input: $i) {
  errors { code path } assignment { userId } } }"""
CREATE = """mutation($i: CatalogueDraftCreateInput!) { catalogueDraftCreate(input: $i) {
  errors { code path } itemVersion { code } } }"""
NEW_VERSION = """mutation($i: CatalogueDraftNewVersionInput!) { catalogueDraftNewVersion(input: $i) {
  errors { code path } itemVersion { version lockVersion } } }"""
PUBLISH = """mutation($i: CatalogueDraftPublishInput!) { catalogueDraftPublish(input: $i) {
  errors { code path message } itemVersion { version status effectiveFrom } } }"""
EMERGENCY = """mutation($i: EmergencyModeSetInput!) { emergencyModeSet(input: $i) {
  errors { code path } emergencyMode { provision } } }"""


def refusal(payload: dict[str, Any]) -> tuple[str, list[str]]:
    [error] = payload["errors"]
    return error["code"], error["path"]


async def acknowledged_dibao_case(db: Database) -> tuple[Principal, dict[str, Any]]:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1980, 5, 6), 17))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    return civil, await acknowledge(db, civil, case_of(accepted, "dibao"))


async def decide_with(
    db: Database, worker: Principal, case: dict[str, Any], **values: Any
) -> dict[str, Any]:
    decision = {"id": case["id"], "lockVersion": case["lockVersion"], "outcome": "APPROVED"}
    decision |= {"amount": "1510.00", "periodMonths": 12, "startsOn": TODAY.isoformat()}
    data, errors = await execute(db, DECIDE, {"i": decision | values}, actor=worker)
    assert errors == [] and data is not None, errors
    return dict(data["caseDecide"])


@pytest.mark.parametrize(
    ("values", "path"),
    [
        ({"amount": "1E+100000000"}, ["amount"]),
        ({"amount": "-0"}, ["amount"]),
        ({"amount": "0." + "0" * 29 + "1"}, ["amount"]),
        ({"amount": "12.345"}, ["amount"]),
        ({"amount": "12345678901"}, ["amount"]),
        ({"periodMonths": 2**31 - 1}, ["periodMonths"]),
        ({"startsOn": "0001-01-01"}, ["startsOn"]),
        ({"startsOn": "9999-12-31"}, ["startsOn"]),
        ({"reasons": ["x" * 1_001]}, ["reasons", "0"]),
    ],
)
async def test_a_decision_out_of_bounds_is_refused_with_its_path_and_the_case_is_unchanged(
    db: Database, values: dict[str, Any], path: list[str]
) -> None:
    civil, case = await acknowledged_dibao_case(db)

    payload = await decide_with(db, civil, case, **values)

    assert refusal(payload) == ("INVALID_INPUT", path)
    assert payload["case"] is None
    async with db.owner_session() as session:
        state = await session.scalar(
            text("SELECT state FROM application_case WHERE id = :id"), {"id": case["databaseId"]}
        )
    assert state == "acknowledged"


async def test_a_plain_amount_with_two_places_is_decided(db: Database) -> None:
    civil, case = await acknowledged_dibao_case(db)

    payload = await decide_with(db, civil, case, amount="1510.50")

    assert payload["errors"] == []
    assert payload["case"]["decision"]["amount"] == "1510.50"


CEILING = {
    "key": "decision_amount_ceiling",
    "label": "单次救助金额上限",
    "unit": "元",
    "value": 2000,
    "source": {"seed": "001_02dcbafffb41dcb7.txt", "section": "三（六）19"},
}


async def test_an_amount_above_the_tenants_ceiling_parameter_is_refused(db: Database) -> None:
    async with db.owner_session() as session, session.begin():
        await session.execute(
            text(
                "UPDATE tenant_catalogue SET document = jsonb_set(document, '{parameters}',"
                " coalesce(document->'parameters', '[]') || jsonb_build_array(CAST(:p AS jsonb)))"
                " WHERE tenant_id = '310105'"
            ),
            {"p": json.dumps(CEILING)},
        )
        await session.execute(text("UPDATE content_revision SET revision = revision + 1"))
    civil, case = await acknowledged_dibao_case(db)

    above = await decide_with(db, civil, case, amount="2000.01")
    at = await decide_with(db, civil, case, amount="2000.00")

    assert refusal(above) == ("INVALID_INPUT", ["amount"])
    assert at["errors"] == []


async def tenant_admin(db: Database, tenant: str = CHANGNING) -> Principal:
    return await principal(db, user="admin-bounds", tenant=tenant, roles=[Role.TENANT_ADMIN])


async def draft_of_changning_item(db: Database, admin: Principal) -> dict[str, Any]:
    data = await query_data(
        db, NEW_VERSION, {"i": {"tenant": CHANGNING, "code": "employment_assistance"}}, actor=admin
    )
    payload = data["catalogueDraftNewVersion"]
    assert payload["errors"] == [], payload
    return dict(payload["itemVersion"])


async def publish(
    db: Database, admin: Principal, draft: dict[str, Any], effective: date, **extra: Any
) -> dict[str, Any]:
    values = {
        "tenant": CHANGNING,
        "code": "employment_assistance",
        "version": draft["version"],
        "lockVersion": draft["lockVersion"],
        "effectiveFrom": effective.isoformat(),
        **extra,
    }
    return dict(
        (await query_data(db, PUBLISH, {"i": values}, actor=admin))["catalogueDraftPublish"]
    )


async def test_publishing_in_year_one_is_refused(db: Database) -> None:
    admin = await tenant_admin(db)
    draft = await draft_of_changning_item(db, admin)

    payload = await publish(db, admin, draft, date(1, 1, 1))

    assert refusal(payload) == ("INVALID_INPUT", ["effectiveFrom"])


async def test_a_backdated_publish_needs_a_reason_which_the_audit_keeps(db: Database) -> None:
    admin = await tenant_admin(db)
    draft = await draft_of_changning_item(db, admin)
    yesterday = TODAY - timedelta(days=1)

    silent = await publish(db, admin, draft, yesterday)
    explained = await publish(db, admin, draft, yesterday, backdateReason="区政府文件已于昨日生效")

    assert refusal(silent) == ("INVALID_INPUT", ["effectiveFrom"])
    assert explained["errors"] == []
    assert explained["itemVersion"]["effectiveFrom"] == yesterday.isoformat()
    async with db.owner_session() as session:
        recorded = await session.scalar(
            text(
                "SELECT after->>'backdate_reason' FROM audit_event"
                " WHERE action = 'catalogue.publish' AND tenant_id = :t"
            ),
            {"t": CHANGNING},
        )
    assert recorded == "区政府文件已于昨日生效"


async def test_publishing_from_today_needs_no_reason(db: Database) -> None:
    admin = await tenant_admin(db)
    draft = await draft_of_changning_item(db, admin)

    assert (await publish(db, admin, draft, TODAY))["errors"] == []


async def test_a_million_character_item_name_is_refused_at_its_path(db: Database) -> None:
    admin = await tenant_admin(db)
    document = {"code": "huge_name", "name": "名" * 1_000_000}

    data = await query_data(
        db, CREATE, {"i": {"tenant": CHANGNING, "document": document}}, actor=admin
    )

    assert refusal(data["catalogueDraftCreate"]) == ("INVALID_INPUT", ["document", "name"])


@pytest.mark.parametrize("user_id", ["", "   ", "u" * 201, "user\x00"])
async def test_a_grant_to_an_empty_overlong_or_nul_user_id_is_refused(
    db: Database, user_id: str
) -> None:
    admin = await tenant_admin(db)
    variables = {"i": {"tenant": CHANGNING, "userId": user_id, "role": "ANALYST"}}

    data = await query_data(db, GRANT, variables, actor=admin)

    assert refusal(data["roleGrant"]) == ("INVALID_INPUT", ["userId"])


@pytest.mark.parametrize(
    ("household", "path"),
    [
        (
            {"size": 20_001, "members": [{"name": "某", "monthly_income": 0}] * 20_000},
            ["answers", "household", "members"],
        ),
        (
            {"size": 1, "income_monthly": 1e308, "members": []},
            ["answers", "household", "income_monthly"],
        ),
    ],
)
async def test_a_household_of_twenty_thousand_or_an_income_of_1e308_is_refused(
    db: Database, household: dict[str, Any], path: list[str]
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1980, 5, 6), 17)) | {"household": household}
    body = submission(CHANGNING, ["dibao"], answers, "k-huge", [], area="huayanglu")

    data = await query_data(db, SUBMIT, {"i": body}, actor=citizen)

    assert refusal(data["applicationSubmit"]) == ("INVALID_INPUT", path)
    async with db.owner_session() as session:
        assert await session.scalar(text("SELECT count(*) FROM application")) == 0


async def test_a_nul_byte_in_an_anonymous_query_is_invalid_input_not_a_crash(db: Database) -> None:
    data, errors = await execute(
        db, "query($c: String!) { tenant(code: $c) { name } }", {"c": "\x00"}
    )

    assert data is None
    assert [(e["extensions"]["code"], e["extensions"]["path"], e["path"]) for e in errors] == [
        ("INVALID_INPUT", ["code"], ["tenant"])
    ]


async def test_a_lone_surrogate_inline_in_the_document_is_a_parse_error(
    base_url: str,  # noqa: F811
) -> None:
    # Typed like any document that does not parse (graphql-core refuses the escape), not masked.
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await client.post(
            "/graphql", json={"query": '{ tenant(code: "\\ud800") { name } }'}
        )

    assert response.status_code == 200
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["GRAPHQL_PARSE_FAILED"]


async def test_an_emergency_starting_in_year_one_is_refused(db: Database) -> None:
    admin = await tenant_admin(db, "310000")
    values = {"tenant": "310000", "provision": "same_day_application_48h_review"}
    values["startsAt"] = "0001-01-01T00:00:00+08:00"

    data = await query_data(db, EMERGENCY, {"i": values}, actor=admin)

    assert refusal(data["emergencyModeSet"]) == ("INVALID_INPUT", ["startsAt"])
