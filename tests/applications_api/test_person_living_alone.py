"""A Shanghai resident who lives alone applies like any family (issue 15, fact 2).

沪民救发〔2021〕10号 sets no household size for 低保 or 医疗救助: 一（一） asks about 在本市共同生活的家庭成员,
and a person living alone is a household of one. `household.members` lists the others, so a
household of one answers with no rows, and the form must accept that.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from socialaid.db.database import Database
from tests.applications_api.flows import (
    CHECK,
    FORM,
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    read,
    window_clerk,
)
from tests.graphql_client import query_data
from tests.identity_numbers import id_number

CHANGNING = "310105"
ITEMS = ["dibao", "medical_aid.outpatient"]


def living_alone(applicant_id: str) -> dict[str, Any]:
    """A pensioner in Changning with nobody else in the household."""
    return {
        "applicant": {
            "name": "陈桂英",
            "id_number": applicant_id,
            "hukou_address": "上海市长宁区华阳路街道安西路1号",
            "current_address": "上海市长宁区华阳路街道安西路1号",
            "health_status": "chronic_illness",
            "phone": "13812345678",
            "shanghai_hukou": True,
            "application_reason": "独居，收入低于本市低保标准，患慢性病门诊费用负担重",
        },
        "household": {
            "size": 1,
            "per_capita_monthly_income": 800,
            "income_monthly": 800,
            "members": [],
        },
        "assets": {"bank_deposits": 3000, "securities": 0, "properties": [], "vehicles": []},
    }


def pensioner_id() -> str:
    return id_number("310105", date(1956, 5, 17), 28)


async def test_the_form_accepts_a_household_of_one_with_no_other_members(db: Database) -> None:
    form = (await query_data(db, FORM, {"t": CHANGNING, "items": ITEMS}))["applicationForm"]
    check = (await query_data(db, CHECK, {"h": form["hash"], "a": living_alone(pensioner_id())}))[
        "applicationFormCheck"
    ]
    assert check["errors"] == []
    assert check["ok"] is True


async def test_a_person_living_alone_gets_dibao_and_then_medical_aid_end_to_end(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    submitted = await apply(
        db, citizen, CHANGNING, ITEMS, living_alone(pensioner_id()), area="huayanglu"
    )
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    assert {c["itemCode"]: c["state"] for c in accepted["cases"]} == {
        "dibao": "READY",
        "medical_aid.outpatient": "WAITING",
    }

    civil = await caseworker(db, CHANGNING, "civil_affairs")
    dibao = await decide(
        db, civil, await acknowledge(db, civil, case_of(accepted, "dibao")), "APPROVED"
    )
    released = case_of(dibao["application"], "medical_aid.outpatient")
    assert released["state"] == "READY"

    medical = await caseworker(db, CHANGNING, "healthcare_security")
    decided = await decide(db, medical, released, "APPROVED")
    assert decided["errors"] == []

    outcome = await read(db, citizen, accepted["id"])
    assert outcome["state"] == "COMPLETED"
    assert outcome["result"]["approved"] == sorted(ITEMS)


async def test_only_the_items_for_children_in_the_household_ask_for_household_members(
    db: Database,
) -> None:
    # The seeds set no household size for any Shanghai item. Two kinds of item are about other
    # people in the household: education aid, whose rows mark the student the aid is for
    # (education_aid_student), and the triplets allowance, whose children (三胞胎以上, 000 一（五）)
    # are rows.
    items = (
        """{ catalogue(tenant: "310105") { items { code mode parentCode children { code } } } }"""
    )
    leaves = [
        i["code"]
        for i in (await query_data(db, items))["catalogue"]["items"]
        if i["mode"] == "ON_APPLICATION" and not i["children"]
    ]
    groups = """query($t: String!, $items: [String!]!) { applicationForm(tenant: $t, items: $items) {
      repeatGroups { key minItems } } }"""
    needing_a_member = []
    for code in leaves:
        form = (await query_data(db, groups, {"t": CHANGNING, "items": [code]}))["applicationForm"]
        if any(g["key"] == "household.members" and g["minItems"] > 0 for g in form["repeatGroups"]):
            needing_a_member.append(code)
    assert needing_a_member == sorted(
        [
            "education_aid.compulsory",
            "education_aid.high_school_aid",
            "education_aid.high_school_grant",
            "education_aid.preschool",
            "education_aid.special_education",
            "education_aid.vocational_aid",
            "education_aid.vocational_grant",
            "triplets_allowance",
        ]
    )
