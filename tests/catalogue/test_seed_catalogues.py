"""Facts of the seed documents, checked through the catalogue API on the imported seed data."""

from __future__ import annotations

from socialaid.db.database import Database
from socialaid.sources import cited_sections, seed_sections
from tests.catalogue.test_seed_quotes import read_seed
from tests.graphql_client import query_data

ITEMS = """query($t: String!) { catalogue(tenant: $t) { items {
  code parentCode mode departmentCode department { name } children { code }
  provenance { owner origin } legalBasis { title number } source { seed }
} } }"""


async def items_of(db: Database, tenant: str) -> dict[str, dict]:
    data = await query_data(db, ITEMS, {"t": tenant})
    return {i["code"]: i for i in data["catalogue"]["items"]}


def top_level(items: dict[str, dict]) -> set[str]:
    return {code for code, item in items.items() if item["parentCode"] is None}


def leaves(items: dict[str, dict]) -> set[str]:
    return {code for code, item in items.items() if not item["children"]}


async def test_shanghai_has_14_items_22_leaves_over_9_departments(db: Database) -> None:
    # The 2021 plan's items (000 一); the 2022 notice (003) adds its own beside them.
    shanghai = {
        code: item
        for code, item in (await items_of(db, "310000")).items()
        if item["source"]["seed"].startswith("000_")
    }
    assert len(top_level(shanghai)) == 14
    assert len(leaves(shanghai)) == 22
    assert len({i["departmentCode"] for i in shanghai.values()}) == 9
    assert len(shanghai["education_aid"]["children"]) == 7
    assert len(shanghai["medical_aid"]["children"]) == 3


async def test_love_shanghai_is_organised_not_applied_for(db: Database) -> None:
    assert (await items_of(db, "310000"))["love_shanghai_youth"]["mode"] == "ORGANISED"


async def test_changning_sees_every_shanghai_item_plus_its_own(db: Database) -> None:
    shanghai = await items_of(db, "310000")
    changning = await items_of(db, "310105")
    assert set(shanghai) < set(changning)
    own = {code for code, item in changning.items() if item["provenance"]["owner"] == "310105"}
    assert {"extremely_poor_support", "temporary_assistance", "disaster_victim_assistance"} <= own
    assert own == set(changning) - set(shanghai)


async def test_changning_overrides_reverification_and_serves_items_by_its_district_departments(
    db: Database,
) -> None:
    query = '{ item(tenant: "310105", code: "low_income_recognition") { reverification { periodMonths } department { name } provenance { origin overriddenBy } } }'
    item = (await query_data(db, query))["item"]
    assert item["reverification"]["periodMonths"] == 3
    assert item["department"]["name"] == "区民政局"
    assert item["provenance"] == {"origin": "OVERRIDDEN", "overriddenBy": ["310105"]}
    shanghai = (await query_data(db, query.replace("310105", "310000")))["item"]
    assert shanghai["reverification"] is None or shanghai["reverification"]["periodMonths"] != 3


async def test_shanxi_has_7_items_with_medical_aid_granted_without_application(
    db: Database,
) -> None:
    shanxi = await items_of(db, "140000")
    assert len(shanxi) == 7
    assert shanxi["medical_aid"]["mode"] == "AUTO_GRANTED"
    assert (await items_of(db, "140105")).keys() == shanxi.keys()


async def test_jiangyin_items_name_the_national_measures_as_their_basis(
    db: Database,
) -> None:
    jiangyin = await items_of(db, "320281")
    assert {
        "dibao",
        "extremely_poor_support",
        "medical_aid",
        "education_aid",
        "housing_aid",
        "employment_aid",
        "temporary_assistance",
        "disaster_victim_assistance",
    } <= set(jiangyin)
    bases = {b["number"] for b in jiangyin["dibao"]["legalBasis"]}
    assert any(number and "649" in number for number in bases)


async def test_every_item_cites_its_source(db: Database) -> None:
    query = "query($t: String!) { catalogue(tenant: $t) { items { code source { seed document section } } } }"
    for tenant in ("310105", "320281", "140105"):
        for item in (await query_data(db, query, {"t": tenant}))["catalogue"]["items"]:
            source = item["source"]
            assert (source["seed"] or source["document"]) and source["section"], item["code"]


async def test_a_sub_item_named_only_in_the_list_of_items_cites_that_list(db: Database) -> None:
    # 000 一 lists the 22 sub-items (教育救助（含学前教育资助、义务教育资助…）); 一（七） and 一（十一）
    # describe the items but never name the sub-items, so the name is quoted from 一.
    query = '{ item(tenant: "310105", code: "CODE") { source { seed section quote } } }'
    for code, name in [
        ("education_aid.compulsory", "义务教育资助"),
        ("education_aid.special_education", "残疾人教育"),
        ("medical_aid.outpatient", "门急诊医疗救助"),
        ("medical_aid.inpatient", "住院医疗救助"),
    ]:
        source = (await query_data(db, query.replace("CODE", code)))["item"]["source"]
        assert source["quote"] == name
        assert "一" in cited_sections(source["section"]), code
        assert name in seed_sections(read_seed(source["seed"]))["一"]


async def test_the_three_year_subsidy_limit_names_its_exception_for_those_near_retirement(
    db: Database,
) -> None:
    # 000 一（六）: 社会保险补贴的期限，除对距法定退休年龄不足5年的可延长至退休外，同一名“就业困难人员”
    # 累计最长不超过3年 — 36 months is not the limit for everyone.
    query = """{ item(tenant: "310105", code: "flexible_employment_subsidy") {
      benefit { maxDurationMonths maxDurationException } } }"""
    benefit = (await query_data(db, query))["item"]["benefit"]
    assert benefit == {
        "maxDurationMonths": 36,
        "maxDurationException": "对距法定退休年龄不足5年的可延长至退休",
    }
