"""The merged form through GraphQL: one set of materials, typed errors, answer checks, snapshots."""

from __future__ import annotations

from collections import Counter
from typing import Any

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.graphql_client import execute, principal, query_data
from tests.identity_numbers import id_number
from tests.today import TODAY_ISO

SHANXI_ITEMS = ["low_income_recognition", "temporary_assistance", "employment_assistance"]
FORM = """query($t: String!, $items: [String!]!) { applicationForm(tenant: $t, items: $items) {
  hash tenantCode jsonSchema
  items { code name department mode addedFor } notes { code message items }
  situationQuestions { key label askedFor } sections { code label fields groups }
  fields { key required visibleWhen requiredWhen requiredBy purposes { item purpose } }
  materials { id code subject required requiredWhen requiredBy
    exemptVia { via issuer allowedBy }
    reviewStandards { item department standard { form points commonProblems errorExamples } } }
  reduction { fieldsBefore fieldsAfter materialsBefore materialsAfter }
} }"""
CHECK = """query($h: String!, $a: JSON!) { applicationFormCheck(hash: $h, answers: $a) {
  ok errors { path code } dropped sharedDataChecked materials { code subjectPath status issuer }
} }"""
UPSERT = """mutation($i: SharedRecordUpsertInput!) { sharedRecordUpsert(input: $i) {
  record { evidence subjectHint issuer } errors { code path }
} }"""


async def form(db: Database, tenant: str, items: list[str]) -> dict[str, Any]:
    return (await query_data(db, FORM, {"t": tenant, "items": items}))["applicationForm"]


async def check(
    db: Database, form_hash: str, answers: dict[str, Any], actor: Principal | None = None
) -> dict[str, Any]:
    return (await query_data(db, CHECK, {"h": form_hash, "a": answers}, actor=actor))[
        "applicationFormCheck"
    ]


async def integration(db: Database, tenant: str) -> Principal:
    return await principal(db, user=f"system-{tenant}", tenant=tenant, roles=[Role.INTEGRATION])


async def test_three_shanxi_items_share_one_identity_hukou_and_authorisation_material(
    db: Database,
) -> None:
    merged = await form(db, "140105", SHANXI_ITEMS)
    counts = Counter(m["code"] for m in merged["materials"])
    assert (
        counts["id_proof"] == counts["hukou_booklet"] == counts["economic_check_authorisation"] == 1
    )
    assert counts["rigid_expenditure_voucher"] == 1
    voucher = next(m for m in merged["materials"] if m["code"] == "rigid_expenditure_voucher")
    assert sorted(voucher["requiredBy"]) == ["low_income_recognition", "temporary_assistance"]
    permit = next(m for m in merged["materials"] if m["code"] == "residence_permit")
    assert permit["required"] is False and "situation.applying_outside_hukou" in str(
        permit["requiredWhen"]
    )
    assert "situation.applying_outside_hukou" in {q["key"] for q in merged["situationQuestions"]}
    reduction = merged["reduction"]
    assert reduction["materialsBefore"] > reduction["materialsAfter"]
    assert reduction["fieldsBefore"] > reduction["fieldsAfter"]
    assert merged["jsonSchema"]["$schema"] == "https://json-schema.org/draft/2020-12/schema"


async def test_each_department_keeps_its_review_standard_on_a_shared_material(db: Database) -> None:
    merged = await form(db, "140105", SHANXI_ITEMS)
    identity = next(m for m in merged["materials"] if m["code"] == "id_proof")
    assert {r["item"] for r in identity["reviewStandards"]} == set(SHANXI_ITEMS)
    assert all(r["standard"]["points"] for r in identity["reviewStandards"])


async def test_the_same_selection_in_any_order_gives_the_same_hash(db: Database) -> None:
    first = await form(db, "140105", SHANXI_ITEMS)
    second = await form(db, "140105", list(reversed(SHANXI_ITEMS)))
    assert first["hash"] == second["hash"]


async def test_an_unknown_or_organised_item_is_a_typed_error_naming_each_problem(
    db: Database,
) -> None:
    data, errors = await execute(
        db, FORM, {"t": "310000", "items": ["dibao", "no_such_item", "love_shanghai_youth"]}
    )
    assert data is None
    extensions = errors[0]["extensions"]
    assert extensions["code"] == "INVALID_INPUT"
    assert {p["code"] for p in extensions["problems"]} == {"UNKNOWN_ITEM", "ORGANISED_ITEM"}


async def test_a_check_reports_field_errors_by_path_and_drops_hidden_answers(db: Database) -> None:
    merged = await form(db, "140105", SHANXI_ITEMS)
    conditional = next(
        f for f in merged["fields"] if f["visibleWhen"] is not True and "[]" not in f["key"]
    )
    section, _, name = conditional["key"].partition(".")
    answers: dict[str, dict[str, str]] = {"applicant": {"id_number": "110105194912310021"}}
    answers.setdefault(section, {})[name] = "x"
    result = await check(db, merged["hash"], answers)
    assert result["ok"] is False
    assert {"path": "applicant.id_number", "code": "INVALID_ID_NUMBER"} in result["errors"]
    assert conditional["key"] in result["dropped"]


async def test_shared_data_exempts_a_material_only_for_callers_allowed_to_consult_it(
    db: Database,
) -> None:
    applicant_id = id_number("140105")
    pushed = await query_data(
        db,
        UPSERT,
        {
            "i": {
                "tenant": "140000",
                "evidence": "hukou_booklet",
                "subjectIdNumber": applicant_id,
                "issuer": "公安机关户籍管理",
            }
        },
        actor=await integration(db, "140000"),
    )
    assert pushed["sharedRecordUpsert"] == {
        "record": {
            "evidence": "hukou_booklet",
            "subjectHint": applicant_id[-4:],
            "issuer": "公安机关户籍管理",
        },
        "errors": [],
    }
    merged = await form(db, "140105", SHANXI_ITEMS)
    answers = {"applicant": {"id_number": applicant_id}}
    anonymous = await check(db, merged["hash"], answers)
    clerk = await principal(db, user="clerk", tenant="140105", roles=[Role.WINDOW_CLERK])
    at_the_window = await check(db, merged["hash"], answers, actor=clerk)

    def hukou(result: dict[str, Any]) -> dict[str, Any]:
        return next(m for m in result["materials"] if m["code"] == "hukou_booklet")

    assert anonymous["sharedDataChecked"] is False and hukou(anonymous)["status"] != "EXEMPT"
    assert at_the_window["sharedDataChecked"] is True
    assert hukou(at_the_window) | {"subjectPath": None} == {
        "code": "hukou_booklet",
        "subjectPath": None,
        "status": "EXEMPT",
        "issuer": "公安机关户籍管理",
    }


async def test_only_integration_accounts_push_shared_records_and_ids_are_checked(
    db: Database,
) -> None:
    variables = {
        "i": {
            "tenant": "140000",
            "evidence": "hukou_booklet",
            "subjectIdNumber": "123",
            "issuer": "x",
        }
    }
    bad = await query_data(db, UPSERT, variables, actor=await integration(db, "140000"))
    assert bad["sharedRecordUpsert"] == {
        "record": None,
        "errors": [{"code": "INVALID_INPUT", "path": ["subjectIdNumber"]}],
    }
    caseworker = await principal(
        db, user="cw", tenant="140000", roles=[Role.CASEWORKER], departments=["civil_affairs"]
    )
    _, errors = await execute(db, UPSERT, variables, actor=caseworker)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_form_hash_keeps_answering_after_the_catalogue_changes(db: Database) -> None:
    before = await form(db, "140105", ["temporary_assistance"])
    admin = await principal(db, user="admin", tenant="140105", roles=[Role.TENANT_ADMIN])
    changed = await query_data(
        db,
        """mutation($i: CatalogueOverrideSetInput!) { catalogueOverrideSet(input: $i) { override { code } errors { code path } } }""",
        {
            "i": {
                "tenant": "140105",
                "code": "temporary_assistance",
                "patch": {"materials": []},
                "effectiveFrom": TODAY_ISO,
                "reason": "测试：本区不收材料",
            }
        },
        actor=admin,
    )
    assert changed["catalogueOverrideSet"]["errors"] == []
    after = await form(db, "140105", ["temporary_assistance"])
    assert after["hash"] != before["hash"] and after["materials"] == []
    old = await check(db, before["hash"], {"applicant": {"id_number": id_number("140105")}})
    assert {m["code"] for m in old["materials"]} >= {"id_proof", "hukou_booklet"}
