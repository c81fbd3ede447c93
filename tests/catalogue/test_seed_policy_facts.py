"""Policy facts of the seeds that the catalogue once got wrong, checked through the catalogue API
on the imported seed data: who files an item, which channels a tenant takes, when an item starts,
what counts as able to work, which materials an item may ask for, how often it is re-verified."""

from __future__ import annotations

from typing import Any

from json_logic import jsonLogic

from socialaid.db.database import Database
from tests.graphql_client import query_data

ITEM = "query($t: String!, $c: String!) { item(tenant: $t, code: $c) { %s } }"
SOURCE = "source { seed section quote }"
MATERIALS = "materials { evidence { code } reviewStandard { errorExamples } }"


async def item(db: Database, tenant: str, code: str, fields: str) -> dict[str, Any]:
    """The item's `fields` as the catalogue API answers them."""
    data = await query_data(db, ITEM % fields, {"t": tenant, "c": code})
    return data["item"]


def evidence_codes(found: dict[str, Any]) -> set[str]:
    return {m["evidence"]["code"] for m in found["materials"]}


# ---------------------------------------------------------------- fact 5: who files union aid


async def test_union_hardship_assistance_is_filed_by_the_grassroots_union_in_shengongtong(
    db: Database,
) -> None:
    union_aid = await item(
        db,
        "310000",
        "union_hardship_assistance",
        f"channels filedBy {{ organisation departmentCode system subject {SOURCE} }}",
    )

    assert union_aid["channels"] == ["ORGANISATION"]
    filed_by = union_aid["filedBy"]
    assert filed_by["organisation"] == "基层工会"
    assert filed_by["departmentCode"] == "trade_union"
    assert filed_by["system"] == "申工通"
    assert filed_by["subject"] == "困难工会会员"
    assert (
        filed_by["source"]["seed"].startswith("000_")
        and filed_by["source"]["section"] == "一（十二）"
    )
    assert "困难工会会员无需直接办理" in filed_by["source"]["quote"]


async def test_an_item_the_applicant_files_names_no_filing_organisation(db: Database) -> None:
    assert (await item(db, "310000", "dibao", "filedBy { system }"))["filedBy"] is None


# ---------------------------------------------------------------- fact 8: 2022 aid, phone, 12345


async def test_shanghai_and_its_districts_take_applications_by_phone_and_12345(
    db: Database,
) -> None:
    query = "query($t: String!) { catalogue(tenant: $t) { channels } }"
    for tenant in ("310000", "310105"):
        channels = (await query_data(db, query, {"t": tenant}))["catalogue"]["channels"]
        assert {"PHONE", "HOTLINE_12345"} <= set(channels), tenant


async def test_the_2022_temporary_aid_for_uninsured_migrant_workers_can_be_applied_for(
    db: Database,
) -> None:
    aid = await item(
        db,
        "310105",
        "uninsured_unemployed_temporary_aid",
        f"mode channels effectiveFrom legalBasis {{ number }} source {{ seed section }} {MATERIALS}",
    )

    assert aid["mode"] == "ON_APPLICATION"
    assert aid["effectiveFrom"] == "2022-07-19"
    assert {b["number"] for b in aid["legalBasis"]} == {"沪民救发〔2022〕9号"}
    assert aid["source"]["seed"].startswith("003_") and aid["source"]["section"] == "二"
    assert {"residence_permit", "residence_registration_certificate"} <= evidence_codes(aid)
    assert {"ONLINE", "PHONE", "HOTLINE_12345"} <= set(aid["channels"])


async def test_the_2022_temporary_aid_asks_for_the_conditions_the_notice_sets(
    db: Database,
) -> None:
    eligibility = (await item(db, "310000", "uninsured_unemployed_temporary_aid", "eligibility"))[
        "eligibility"
    ]
    worker = {
        "applicant": {
            "months_without_income": 3,
            "shanghai_residence_document": "residence_permit",
        },
        "situation": {
            "epidemic_unable_to_return_to_work": True,
            "covered_by_unemployment_insurance": False,
        },
    }
    assert jsonLogic(eligibility, worker) is True
    for change in (
        {"applicant": {**worker["applicant"], "months_without_income": 2}},
        {"applicant": {**worker["applicant"], "shanghai_residence_document": "none"}},
        {"situation": {**worker["situation"], "covered_by_unemployment_insurance": True}},
        {"situation": {**worker["situation"], "epidemic_unable_to_return_to_work": False}},
    ):
        assert not jsonLogic(eligibility, {**worker, **change}), change


async def test_the_months_of_the_2022_aid_are_the_items_own_parameter_not_a_loose_one(
    db: Database,
) -> None:
    query = """query($t: String!, $c: String!) { catalogue(tenant: $t) { parameters { key } }
      item(tenant: $t, code: $c) { parameters { key label value } benefit { period formulaText } } }"""
    data = await query_data(db, query, {"t": "310000", "c": "uninsured_unemployed_temporary_aid"})

    assert "uninsured_migrant_worker_aid_months" not in {
        p["key"] for p in data["catalogue"]["parameters"]
    }
    own = {p["key"]: p for p in data["item"]["parameters"]}
    assert own["uninsured_migrant_worker_aid_months"]["value"] is None
    assert "1至3个月" in own["uninsured_migrant_worker_aid_months"]["label"]
    assert own["dibao_standard"]["value"] is None
    assert data["item"]["benefit"]["period"] == "ONE_OFF"


# ---------------------------------------------------------------- fact 9


async def test_low_income_recognition_is_excluded_by_an_approved_dibao(db: Database) -> None:
    recognition = await item(
        db,
        "310105",
        "low_income_recognition",
        "eligibility dependencies { excludedByApprovalOf { items reason } }",
    )

    assert [g["items"] for g in recognition["dependencies"]["excludedByApprovalOf"]] == [["dibao"]]
    eligibility = recognition["eligibility"]
    family = {"applicant": {"shanghai_hukou": True}, "situation": {"receiving_dibao": False}}
    assert jsonLogic(eligibility, family) is True
    assert not jsonLogic(eligibility, {**family, "situation": {"receiving_dibao": True}})


async def test_education_aid_goes_on_when_dibao_is_denied_because_its_targets_are_open_ended(
    db: Database,
) -> None:
    query = """query($t: String!) { catalogue(tenant: $t) { items { code
      dependencies { requiresDecisionOf { items onDenied } } } } }"""
    items = (await query_data(db, query, {"t": "310000"}))["catalogue"]["items"]
    education = [i for i in items if i["code"].split(".")[0] == "education_aid"]

    assert len(education) == 8
    for found in education:
        groups = found["dependencies"]["requiresDecisionOf"]
        assert [g["onDenied"] for g in groups] == ["CONTINUE"], found["code"]


async def test_jiangyin_legal_aid_starts_when_the_legal_aid_law_took_effect(db: Database) -> None:
    legal_aid = await item(db, "320281", "legal_aid", "effectiveFrom")

    assert legal_aid["effectiveFrom"] == "2022-01-01"


async def test_jiangyin_employment_aid_counts_partial_labour_capacity_as_able_to_work(
    db: Database,
) -> None:
    eligibility = (await item(db, "320281", "employment_aid", "eligibility"))["eligibility"]

    def unemployed(capacity: str) -> dict[str, Any]:
        return {"applicant": {"labour_capacity": capacity, "employment_status": "unemployed"}}

    assert jsonLogic(eligibility, unemployed("full")) is True
    assert jsonLogic(eligibility, unemployed("partial")) is True
    assert not jsonLogic(eligibility, unemployed("none"))


async def test_no_item_asks_for_a_material_the_seeds_do_not_name(db: Database) -> None:
    shared_ownership = await item(db, "310000", "shared_ownership_housing", MATERIALS)
    women_care = await item(db, "310000", "women_serious_illness_care", MATERIALS)

    assert "residence_permit" not in evidence_codes(shared_ownership)
    assert "medical_diagnosis_certificate" not in evidence_codes(women_care)


async def test_only_the_severe_disability_allowance_reviews_against_its_own_grades(
    db: Database,
) -> None:
    query = """query($t: String!) { catalogue(tenant: $t) { items { code
      materials { reviewStandard { errorExamples } } } } }"""
    items = (await query_data(db, query, {"t": "310000"}))["catalogue"]["items"]

    # 000 一（四）: 一级、二级重度残疾人以及三级智力残疾人 — an example for that item alone.
    citing = {
        found["code"]
        for found in items
        for material in found["materials"]
        if material["reviewStandard"]
        for example in material["reviewStandard"]["errorExamples"]
        if "重残无业人员生活补助" in example
    }
    assert citing == {"severe_disability_allowance"}


# ---------------------------------------------------------------- fact 11


async def test_changning_reverifies_dibao_half_yearly_or_yearly_by_the_familys_situation(
    db: Database,
) -> None:
    reverification = (
        await item(
            db,
            "310105",
            "dibao",
            f"reverification {{ periodMonths periods {{ code periodMonths appliesTo {SOURCE} }} }}",
        )
    )["reverification"]

    assert reverification["periodMonths"] is None  # no single period for every family
    periods = {p["code"]: p for p in reverification["periods"]}
    assert {code: p["periodMonths"] for code, p in periods.items()} == {
        "unstable_income_with_labour_capacity": 6,
        "stable_economic_situation": 12,
    }
    unstable = periods["unstable_income_with_labour_capacity"]
    assert unstable["appliesTo"] == "收入来源不固定、家庭成员有劳动能力的最低生活保障家庭"
    assert unstable["source"]["section"] == "三（二）4"
    assert "每半年核查一次" in unstable["source"]["quote"]
    stable = periods["stable_economic_situation"]
    assert stable["appliesTo"] == "短期内经济状况变化不大的最低生活保障家庭"
    assert "每年核查一次" in stable["source"]["quote"]


async def test_an_item_with_one_reverification_period_lists_no_periods(db: Database) -> None:
    reverification = (
        await item(
            db,
            "310105",
            "low_income_recognition",
            "reverification { periodMonths periods { code } }",
        )
    )["reverification"]

    assert reverification["periodMonths"] == 3 and reverification["periods"] == []
