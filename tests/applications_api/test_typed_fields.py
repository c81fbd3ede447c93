"""Over HTTP, what used to be lowercase strings and JSON comes as enums and typed objects, the
channel read from the catalogue is the one applicationSubmit takes, and every time is China time."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    shanghai_answers,
    window_clerk,
)
from tests.applications_api.flows import accept as accept_in_process
from tests.conftest import test_settings
from tests.identity_numbers import id_number
from tests.materials.stored_uploads import completed_upload

CHANGNING = "310105"
CHINA_OFFSET = "+08:00"

CHANNELS = """query { catalogue(tenant: "310105") { channels }
  item(tenant: "310105", code: "dibao") { channels } }"""
FORM = """query($items: [String!]!) { applicationForm(tenant: "310105", items: $items) {
  hash materials { id } } }"""
CHECK = """query($h: String!, $a: JSON!) { applicationFormCheck(hash: $h, answers: $a) {
  ok materials { material subject subjectPath status exemptVia } } }"""
SUBMIT = """mutation($i: ApplicationSubmitInput!) { applicationSubmit(input: $i) {
  errors { code message } application { id channel } } }"""
APPLICATION = """query($id: ID!) { application(id: $id) {
  channel submittedAt updatedAt
  triage { outcome reason reasons notice { kind } by at assignedBy }
  materials { material subject status exemptVia }
  cases { itemCode createdAt updatedAt clockStartedAt dueAt
    decision { outcome decidedAt } notice { kind origin }
    received { __typename ... on ReceivedNote { note items }
      ... on ReceivedDecision { predecessor notice at decision { outcome amount decidedAt } } } }
  timeline { at kind } } }"""
AUDIT = """query { auditEvents(filter: {tenant: "310105", action: "application.submit"}) {
  edges { node { occurredAt actor roles action } } } }"""
ITEM = """query { item(tenant: "310105", code: "dibao") {
  category status channels benefit { period }
  processSteps { actor level } acceptancePlaces { level }
  dependencies { requiresDecisionOf { onDenied prerequisite } }
  fields { key type sensitivity }
  materials { evidence { code } subject necessity original allows reviewStandard { form } } } }"""
FORM_MATERIALS = """query { applicationForm(tenant: "310105", items: ["dibao"]) {
  fields { key type sensitivity options { code label } }
  materials { id subject original exemptVia { via issuer allowedBy }
    reviewStandards { item department standard { form points } } } } }"""

SELECTION = """query { applicationForm(tenant: "310105", items: ["education_aid.compulsory"]) {
  items { code department mode addedFor } notes { code items }
  situationQuestions { key label askedFor } sections { code label fields groups } } }"""


def token(
    user: str, *roles: Role, departments: tuple[str, ...] = (), area: str | None = None
) -> str:
    return mint_token(
        test_settings(),
        user=user,
        tenant=CHANGNING,
        roles=roles,
        departments=departments,
        area=area,
    )


async def post(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    bearer: str | None = None,
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def client_for(db: Database) -> httpx.AsyncClient:
    app = create_app(db, test_settings())
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://api")


async def test_a_channel_read_from_the_catalogue_is_sent_back_as_is_to_apply(db: Database) -> None:
    citizen = token("citizen-1", Role.APPLICANT)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    async with client_for(db) as client:
        offered = await post(client, CHANNELS)
        # Changning's catalogue.yaml and Shanghai's dibao.yaml, in their order, as enum values.
        assert offered["catalogue"]["channels"] == [
            "WINDOW",
            "ONLINE",
            "ADVISER",
            "HOTLINE_12345",
            "PHONE",
        ]
        assert offered["item"]["channels"] == ["ONLINE", "WINDOW", "ADVISER"]
        channel = offered["item"]["channels"][1]

        form = (await post(client, FORM, {"items": ["dibao"]}))["applicationForm"]
        check = await post(client, CHECK, {"h": form["hash"], "a": answers}, citizen)
        materials = [
            {
                "material": m["material"],
                "subject": m["subjectPath"],
                "reference": await completed_upload(db, tenant=CHANGNING, owner="citizen-1"),
            }
            for m in check["applicationFormCheck"]["materials"]
            if m["status"] == "UPLOAD_REQUIRED"
        ]
        assert materials, check
        submitted = await post(
            client,
            SUBMIT,
            {
                "i": {
                    "tenant": CHANGNING,
                    "channel": channel,
                    "items": ["dibao"],
                    "answers": answers,
                    "idempotencyKey": "channel-round-trip",
                    "materials": materials,
                    "area": "huayanglu",
                }
            },
            citizen,
        )
    payload = submitted["applicationSubmit"]
    assert payload["errors"] == []
    assert payload["application"]["channel"] == "WINDOW"


async def test_the_catalogue_item_speaks_in_enums(db: Database) -> None:
    async with client_for(db) as client:
        item = (await post(client, ITEM))["item"]
    assert (item["category"], item["status"], item["benefit"]["period"]) == (
        "BASIC_LIVING",
        "PUBLISHED",
        "MONTHLY",
    )
    assert [(s["actor"], s["level"]) for s in item["processSteps"]] == [
        ("APPLICANT", "STREET"),
        ("WINDOW_CLERK", "STREET"),
        ("APPROVER", "COUNTY"),
        ("SYSTEM", "CITY"),
    ]
    assert item["acceptancePlaces"] == [{"level": "STREET"}]
    id_proof = next(m for m in item["materials"] if m["evidence"]["code"] == "id_proof")
    assert {k: v for k, v in id_proof.items() if k != "evidence"} == {
        "subject": "APPLICANT",
        "necessity": "REQUIRED",
        "original": "ORIGINAL",
        "allows": [],
        "reviewStandard": {"form": "原件核验，或通过身份认证、电子证照调用比对"},
    }
    fields = {f["key"]: (f["type"], f["sensitivity"]) for f in item["fields"]}
    assert fields["applicant.name"] == ("STRING", "PERSONAL")
    assert fields["applicant.id_number"] == ("ID_NUMBER", "SENSITIVE")


async def test_the_form_material_list_is_typed_objects(db: Database) -> None:
    async with client_for(db) as client:
        form = (await post(client, FORM_MATERIALS))["applicationForm"]
    id_proof = next(m for m in form["materials"] if m["id"] == "id_proof.applicant")
    assert (id_proof["subject"], id_proof["original"]) == ("APPLICANT", "ORIGINAL")
    assert id_proof["reviewStandards"] == [
        {
            "item": "dibao",
            "department": "civil_affairs",
            "standard": {
                "form": "原件核验，或通过身份认证、电子证照调用比对",
                "points": [
                    "证件真实、在有效期内",
                    "姓名、公民身份号码与申请信息一致",
                    "由他人代办的，同时核验代办人身份证明",
                ],
            },
        }
    ]
    assert all(set(route) == {"via", "issuer", "allowedBy"} for route in id_proof["exemptVia"])
    assert {route["via"] for route in id_proof["exemptVia"]} <= {
        "SHARED_DATA",
        "ELECTRONIC_LICENCE",
        "PERSONAL_COMMITMENT",
        "DEFERRED",
    }
    fields = {f["key"]: f for f in form["fields"]}
    assert (fields["applicant.id_number"]["type"], fields["applicant.id_number"]["options"]) == (
        "ID_NUMBER",
        [],
    )
    coded = [f for f in form["fields"] if f["type"] == "CODE"]
    assert coded and all(f["options"] and set(f["options"][0]) == {"code", "label"} for f in coded)


async def decided_family(db: Database) -> str:
    """The Changning family applied, accepted, dibao approved: education aid received it."""
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    accepted = await accept_in_process(
        db, await window_clerk(db, CHANGNING, "huayanglu"), submitted
    )
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    dibao = await acknowledge(db, civil, case_of(accepted, "dibao"))
    decided = await decide(db, civil, dibao, "APPROVED")
    assert decided["errors"] == []
    application_id: str = submitted["id"]
    return application_id


async def test_triage_and_what_a_case_received_are_typed_objects(db: Database) -> None:
    application_id = await decided_family(db)
    clerk = token("clerk-310105", Role.WINDOW_CLERK, area="huayanglu")
    async with client_for(db) as client:
        read = (await post(client, APPLICATION, {"id": application_id}, clerk))["application"]

    assert read["channel"] == "ONLINE"
    triage = read["triage"]
    assert {k: v for k, v in triage.items() if k != "at"} == {
        "outcome": "ACCEPTED",
        "reason": None,
        "reasons": None,
        "notice": None,
        "by": "clerk-310105",
        "assignedBy": None,
    }
    statuses = {m["status"] for m in read["materials"]}
    assert "UPLOADED" in statuses and statuses <= {
        "UPLOADED",
        "OPTIONAL",
        "EXEMPT",
        "DEFERRED",
        "PERSONAL_COMMITMENT",
        "NOT_APPLICABLE",
        "UPLOAD_REQUIRED",
    }
    assert {m["subject"] for m in read["materials"]} <= {
        "APPLICANT",
        "HOUSEHOLD",
        "HOUSEHOLD_MEMBER",
        "SUPPORTER",
    }
    dibao = case_of(read, "dibao")
    # Changning's catalogue.yaml configures no notice templates of its own.
    assert dibao["notice"] == {"kind": "APPROVE", "origin": "PLATFORM_DEFAULT"}
    education = case_of(read, "education_aid.compulsory")
    [received] = [r for r in education["received"] if r["__typename"] == "ReceivedDecision"]
    assert received["predecessor"] == "dibao"
    assert received["decision"]["outcome"] == "APPROVED"
    assert received["decision"]["amount"] == "1510.00"


def times_in(value: Any, keys: frozenset[str]) -> list[str]:
    """Every string under one of `keys`, anywhere in a response."""
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k in keys and isinstance(v, str)]
        return found + [t for v in value.values() for t in times_in(v, keys)]
    if isinstance(value, list):
        return [t for v in value for t in times_in(v, keys)]
    return []


DATETIME_KEYS = frozenset(
    {
        "submittedAt",
        "updatedAt",
        "createdAt",
        "clockStartedAt",
        "dueAt",
        "decidedAt",
        "at",
        "occurredAt",
    }
)


async def test_every_time_in_an_application_a_case_and_an_audit_event_is_china_time(
    db: Database,
) -> None:
    application_id = await decided_family(db)
    clerk = token("clerk-310105", Role.WINDOW_CLERK, area="huayanglu")
    auditor = token("auditor-cn", Role.AUDITOR)
    async with client_for(db) as client:
        application = await post(client, APPLICATION, {"id": application_id}, clerk)
        audit = await post(client, AUDIT, None, auditor)

    times = times_in(application, DATETIME_KEYS)
    # submitted, updated, triage, the timeline, each case's times, the decision, what was received
    assert len(times) >= 15, times
    assert [t for t in times if not t.endswith(CHINA_OFFSET)] == []
    [event] = [e["node"] for e in audit["auditEvents"]["edges"]]
    assert (event["actor"], event["roles"], event["action"]) == (
        "citizen-1",
        ["APPLICANT"],
        "application.submit",
    )
    assert event["occurredAt"].endswith(CHINA_OFFSET)


async def test_the_form_selection_notes_and_sections_are_typed_objects(db: Database) -> None:
    async with client_for(db) as client:
        form = (await post(client, SELECTION))["applicationForm"]
    assert form["items"] == [
        {
            "code": "education_aid.compulsory",
            "department": "education",
            "mode": "ON_APPLICATION",
            "addedFor": [],
        }
    ]
    # education_aid.compulsory.yaml waits for dibao or low_income_recognition, prerequisite: warn
    assert {
        "code": "PREREQUISITE_MISSING",
        "items": [
            "education_aid.compulsory",
            "dibao",
            "low_income_recognition",
        ],
    } in form["notes"]
    assert form["sections"] and all(
        set(section) == {"code", "label", "fields", "groups"} for section in form["sections"]
    )
    assert all(isinstance(q["askedFor"], list) for q in form["situationQuestions"])
