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

    assert union_aid["channels"] == ["organisation"]
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
