"""Rules of the seeds as the merged form asks and checks them (issue 15)."""

from __future__ import annotations

from typing import Any

from socialaid.db.database import Database
from tests.graphql_client import query_data

FORM = """query($t: String!, $items: [String!]!) { applicationForm(tenant: $t, items: $items) {
  hash fields { key label hint type requiredBy } } }"""


async def form_fields(db: Database, tenant: str, items: list[str]) -> list[dict[str, Any]]:
    data = await query_data(db, FORM, {"t": tenant, "items": items})
    return data["applicationForm"]["fields"]


def hukou_questions(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The applicant's yes/no questions about their hukou (户籍地址 is an address, not a question)."""
    return [
        f
        for f in fields
        if f["key"].startswith("applicant.") and f["type"] == "boolean" and "户籍" in f["label"]
    ]


async def test_a_district_tenant_asks_for_the_city_hukou_shanghai_requires(db: Database) -> None:
    # 000 一（一）: 本市户籍家庭 — a Shanghai hukou, not a Changning one.
    (question,) = hukou_questions(await form_fields(db, "310105", ["dibao"]))
    assert question["label"] == "是否本市（上海市）户籍"
    assert "辖区" not in (question["hint"] or "") and "本地" not in question["label"]


async def test_a_county_tenant_asks_for_the_province_hukou_shanxi_requires(db: Database) -> None:
    # 004 三（一）: 凡具有山西省户籍 — a Shanxi hukou, not a Xiaodian one.
    (question,) = hukou_questions(await form_fields(db, "140105", ["temporary_assistance"]))
    assert question["label"] == "是否具有山西省户籍"
    assert "辖区" not in (question["hint"] or "")
