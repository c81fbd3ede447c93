"""Rules of the seeds as the merged form asks and checks them (issue 15)."""

from __future__ import annotations

from datetime import date
from typing import Any

from socialaid.db.database import Database
from tests.graphql_client import query_data
from tests.identity_numbers import id_number

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
        if f["key"].startswith("applicant.") and f["type"] == "BOOLEAN" and "户籍" in f["label"]
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


CHECK = """query($h: String!, $a: JSON!) { applicationFormCheck(hash: $h, answers: $a) {
  ok errors { path code } materials { code subjectPath status } } }"""


def job_seeker(urban_dibao: bool, outside_hukou: bool) -> dict[str, Any]:
    """A Xiaodian resident applying for 就业救助."""
    return {
        "applicant": {
            "name": "王建国",
            "id_number": id_number("140105", date(1980, 6, 1), 35),
            "hukou_address": "山西省太原市小店区坞城街道1号",
            "current_address": "山西省太原市小店区坞城街道1号",
            "phone": "13912345678",
            "application_reason": "失业一年，家庭生活困难",
            "shanxi_hukou": True,
        },
        "situation": {
            "applying_outside_hukou": outside_hukou,
            "urban_dibao_recipient": urban_dibao,
        },
    }


async def employment_materials(db: Database, answers: dict[str, Any]) -> dict[str, str]:
    hash_ = (await query_data(db, FORM, {"t": "140105", "items": ["employment_assistance"]}))[
        "applicationForm"
    ]["hash"]
    check = (await query_data(db, CHECK, {"h": hash_, "a": answers}))["applicationFormCheck"]
    assert check["errors"] == []
    return {m["code"]: m["status"] for m in check["materials"]}


async def test_an_urban_dibao_recipient_uploads_no_certificates_for_employment_aid(
    db: Database,
) -> None:
    # 004 三（二）7: 属于城市低保对象的，免除相关证明材料，直接通过系统推送. The certificates are the
    # identity proof, the hukou booklet and the residence permit; the authorisation to check the
    # family's finances is consent, not a certificate, and 附件3 asks it of every item.
    exempt = await employment_materials(db, job_seeker(urban_dibao=True, outside_hukou=True))
    assert exempt == {
        "id_proof": "NOT_APPLICABLE",
        "hukou_booklet": "NOT_APPLICABLE",
        "residence_permit": "NOT_APPLICABLE",
        "economic_check_authorisation": "UPLOAD_REQUIRED",
    }


async def test_anyone_else_uploads_the_certificates_for_employment_aid(db: Database) -> None:
    others = await employment_materials(db, job_seeker(urban_dibao=False, outside_hukou=True))
    assert others == {
        "id_proof": "UPLOAD_REQUIRED",
        "hukou_booklet": "UPLOAD_REQUIRED",
        "residence_permit": "UPLOAD_REQUIRED",
        "economic_check_authorisation": "UPLOAD_REQUIRED",
    }
