"""The steps of applying once, as a frontend takes them through GraphQL, for the API tests."""

from __future__ import annotations

from typing import Any

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.graphql_client import execute, principal, query_data
from tests.identity_numbers import id_number
from tests.materials.stored_uploads import completed_upload

SHANGHAI_FAMILY = ["dibao", "education_aid.compulsory", "legal_aid"]
TRIAGE_FIELDS = "triage { outcome reason reasons notice { kind text origin } by at assignedBy }"
RECEIVED_FIELDS = """received { __typename ... on ReceivedNote { note items }
  ... on ReceivedDecision { predecessor notice documents at decision { outcome amount } } }"""
APPLICATION_FIELDS = f"""id databaseId state lockVersion items formHash owner submittedBy {TRIAGE_FIELDS}
  result {{ finished approved denied closed open }}
  cases {{ id databaseId itemCode state lockVersion waitingOn dueAt overdue department {{ code name }}
          decision {{ outcome amount reasons automatic trigger }} notice {{ kind text }}
          {RECEIVED_FIELDS} closedReason }}
  timeline {{ at kind item department summary }}"""

FORM = """query($t: String!, $items: [String!]!) { applicationForm(tenant: $t, items: $items) {
  hash materials { id code subject required } } }"""
CHECK = """query($h: String!, $a: JSON!) { applicationFormCheck(hash: $h, answers: $a) {
  ok errors { path code message } materials { material subjectPath status } } }"""
SUBMIT = f"""mutation($i: ApplicationSubmitInput!) {{ applicationSubmit(input: $i) {{
  replayed errors {{ code message path }} fieldErrors {{ path code }}
  application {{ {APPLICATION_FIELDS} }} }} }}"""
APPLICATION = f"""query($id: ID!) {{ application(id: $id) {{ {APPLICATION_FIELDS} }} }}"""
ACCEPT = f"""mutation($i: ApplicationActInput!) {{ applicationTriageAccept(input: $i) {{
  errors {{ code message path }} application {{ {APPLICATION_FIELDS} }} }} }}"""
ACKNOWLEDGE = """mutation($i: CaseActInput!) { caseAcknowledge(input: $i) {
  errors { code message path } case { id databaseId applicationId state lockVersion } } }"""
DECIDE = f"""mutation($i: CaseDecideInput!) {{ caseDecide(input: $i) {{
  errors {{ code message path }} case {{ id state lockVersion decision {{ outcome amount recognisedAs }}
  notice {{ kind text }} }} application {{ {APPLICATION_FIELDS} }} }} }}"""


def bank_card(first: str = "622202020011223344") -> str:
    """A card number with its Luhn check digit (ISO/IEC 7812), computed by definition."""
    for check in "0123456789":
        digits = [int(c) for c in first + check][::-1]
        total = sum(
            d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits)
        )
        if total % 10 == 0:
            return first + check
    raise AssertionError("a Luhn check digit always exists")


def household_member(name: str, relation: str, born_year: int, sequence: int) -> dict[str, Any]:
    from datetime import date

    return {
        "name": name,
        "id_number": id_number("310105", date(born_year, 3, 9), sequence),
        "relation": relation,
        "monthly_income": 0,
        "education_aid_student": relation in {"son", "daughter"},
        "schooling_status": "in_school",
        "school_name": "长宁区实验小学",
    }


def shanghai_answers(applicant_id: str, members: int = 3) -> dict[str, Any]:
    """A family in Changning: the applicant, a spouse and children at school."""
    others = [
        household_member("李芳", "spouse", 1984, 224),
        household_member("王小明", "son", 2015, 311),
        household_member("王小红", "daughter", 2017, 402),
        household_member("王奶奶", "parent", 1950, 502),
    ][: members - 1]
    return {
        "applicant": {
            "name": "王强",
            "id_number": applicant_id,
            "hukou_address": "上海市长宁区华阳路街道安西路1号",
            "current_address": "上海市长宁区华阳路街道安西路1号",
            "health_status": "chronic_illness",
            "phone": "13812345678",
            "shanghai_hukou": True,
            "application_reason": "家庭收入低于本市低保标准",
        },
        "household": {
            "size": len(others) + 1,
            "per_capita_monthly_income": 800,
            "income_monthly": 2400,
            "members": others,
        },
        "assets": {"bank_deposits": 3000, "securities": 0, "properties": [], "vehicles": []},
        "legal_aid": {"case_summary": "追索劳动报酬纠纷，用人单位拖欠工资三个月"},
    }


def shanxi_answers(applicant_id: str) -> dict[str, Any]:
    return {
        "applicant": {
            "name": "张秀英",
            "id_number": applicant_id,
            "hukou_address": "山西省太原市小店区坞城街道1号",
            "current_address": "山西省太原市小店区坞城街道1号",
            "application_reason": "丧失劳动能力，家庭无固定收入",
            "phone": "13912345678",
            "shanxi_hukou": True,
        },
        "household": {"size": 1, "income_monthly": 300, "members": []},
        "bank": {
            "account_holder": "张秀英",
            "holder_id_number": applicant_id,
            "account_number": bank_card(),
        },
        "supporters": [],
        "situation": {
            "applying_outside_hukou": False,
            "has_disability": False,
            "applying_extremely_poor": False,
        },
    }


async def applicant(db: Database, tenant: str, user: str = "citizen-1") -> Principal:
    return await principal(db, user=user, tenant=tenant, roles=[Role.APPLICANT])


async def window_clerk(db: Database, tenant: str, area: str) -> Principal:
    return await principal(
        db, user=f"clerk-{tenant}", tenant=tenant, roles=[Role.WINDOW_CLERK], area=area
    )


async def caseworker(db: Database, tenant: str, department: str) -> Principal:
    return await principal(
        db,
        user=f"{department}-{tenant}",
        tenant=tenant,
        roles=[Role.CASEWORKER],
        departments=[department],
    )


async def uploads_for(
    db: Database, tenant: str, items: list[str], answers: dict[str, Any], actor: Principal
) -> list[dict[str, str | None]]:
    """What a frontend uploads: a file for every material the check says must be uploaded."""
    form = (await query_data(db, FORM, {"t": tenant, "items": items}))["applicationForm"]
    check = (await query_data(db, CHECK, {"h": form["hash"], "a": answers}, actor=actor))[
        "applicationFormCheck"
    ]
    assert check["ok"], check["errors"]
    return [
        {
            "material": m["material"],
            "subject": m["subjectPath"],
            "reference": await completed_upload(db, tenant=tenant, owner=actor.user_id),
        }
        for m in check["materials"]
        if m["status"] == "UPLOAD_REQUIRED"
    ]


def submission(
    tenant: str,
    items: list[str],
    answers: dict[str, Any],
    key: str,
    materials: list[dict[str, str | None]],
    **extra: Any,
) -> dict[str, Any]:
    return {
        "tenant": tenant,
        "channel": "ONLINE",
        "items": items,
        "answers": answers,
        "idempotencyKey": key,
        "materials": materials,
        **extra,
    }


async def submit(db: Database, actor: Principal, input: dict[str, Any]) -> dict[str, Any]:
    payload = (await query_data(db, SUBMIT, {"i": input}, actor=actor))["applicationSubmit"]
    assert payload["errors"] == [], payload
    return payload["application"]


async def apply(
    db: Database,
    actor: Principal,
    tenant: str,
    items: list[str],
    answers: dict[str, Any],
    *,
    area: str,
    key: str = "key-1",
) -> dict[str, Any]:
    """Check the answers, upload what is asked for and submit: the application as returned."""
    materials = await uploads_for(db, tenant, items, answers, actor)
    return await submit(db, actor, submission(tenant, items, answers, key, materials, area=area))


async def read(db: Database, actor: Principal, application_id: str) -> dict[str, Any]:
    return (await query_data(db, APPLICATION, {"id": application_id}, actor=actor))["application"]


async def accept(db: Database, clerk: Principal, application: dict[str, Any]) -> dict[str, Any]:
    variables = {"i": {"id": application["id"], "lockVersion": application["lockVersion"]}}
    payload = (await query_data(db, ACCEPT, variables, actor=clerk))["applicationTriageAccept"]
    assert payload["errors"] == [], payload
    return payload["application"]


def case_of(application: dict[str, Any], item: str) -> dict[str, Any]:
    return next(c for c in application["cases"] if c["itemCode"] == item)


async def acknowledge(db: Database, worker: Principal, case: dict[str, Any]) -> dict[str, Any]:
    variables = {"i": {"id": case["id"], "lockVersion": case["lockVersion"]}}
    payload = (await query_data(db, ACKNOWLEDGE, variables, actor=worker))["caseAcknowledge"]
    assert payload["errors"] == [], payload
    return payload["case"]


async def decide(
    db: Database, worker: Principal, case: dict[str, Any], outcome: str, **extra: Any
) -> dict[str, Any]:
    """caseDecide's payload (errors included, so callers can check a refusal)."""
    decision: dict[str, Any] = {"id": case["id"], "lockVersion": case["lockVersion"]}
    decision["outcome"] = outcome
    if outcome == "APPROVED":
        decision |= {"amount": "1510.00", "periodMonths": 12, "startsOn": "2027-01-01"}
    else:
        decision |= {"reasons": ["家庭人均收入高于本市最低生活保障标准"]}
    data, errors = await execute(db, DECIDE, {"i": decision | extra}, actor=worker)
    assert errors == [] and data is not None, errors
    return data["caseDecide"]
