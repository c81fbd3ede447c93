"""Previewing an override of an inherited item (catalogueOverridePreview), as the console's
override editor does before publishing: which recent selections would get a different form,
refusals as the override itself would give them, and nothing kept."""

from __future__ import annotations

from typing import Any

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.applications_api.flows import applicant, apply
from tests.applications_api.test_publish_preview import CASE_MATERIALS, counts, family
from tests.graphql_client import execute, principal, query_data

CHANGNING = "310105"
PREVIEW = """query($p: JSON!, $d: Date!) {
  catalogueOverridePreview(tenant: "310105", code: "legal_aid", patch: $p, effectiveFrom: $d) {
    tenant { code } items applications changed materialsRemoved fieldsAdded problem } }"""
OVERRIDES = '{ catalogueDiff(tenant: "310105") { overrides { code } } }'


async def changning_admin(db: Database) -> Principal:
    return await principal(db, user="admin-cn", tenant=CHANGNING, roles=[Role.TENANT_ADMIN])


async def shanghai_legal_aid_materials(db: Database, admin: Principal) -> list[dict[str, Any]]:
    versions = await query_data(
        db, '{ itemVersions(tenant: "310000", code: "legal_aid") { document } }', actor=admin
    )
    materials: list[dict[str, Any]] = versions["itemVersions"][0]["document"]["materials"]
    return materials


async def preview(
    db: Database, admin: Principal, patch: object
) -> tuple[list[dict[str, Any]] | None, list[dict[str, Any]]]:
    data, errors = await execute(
        db, PREVIEW, {"p": patch, "d": today_in_china().isoformat()}, actor=admin
    )
    return (data or {}).get("catalogueOverridePreview"), errors


async def test_the_override_preview_names_the_selections_whose_form_would_change_and_keeps_nothing(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    for key, items in (("a", ["dibao", "legal_aid"]), ("b", ["legal_aid"]), ("c", ["legal_aid"])):
        await apply(db, citizen, CHANGNING, items, family(), area="huayanglu", key=key)
    admin = await changning_admin(db)
    kept = [
        m
        for m in await shanghai_legal_aid_materials(db, admin)
        if m["evidence"] != "legal_aid_case_materials"
    ]
    before = await counts(db)

    selections, errors = await preview(db, admin, {"materials": kept})

    assert errors == []
    assert selections is not None
    assert [(s["tenant"]["code"], sorted(s["items"]), s["applications"]) for s in selections] == [
        (CHANGNING, ["legal_aid"], 2),
        (CHANGNING, ["dibao", "legal_aid"], 1),
    ]
    assert all(s["changed"] and s["materialsRemoved"] == [CASE_MATERIALS] for s in selections)
    assert await counts(db) == before  # no override, no audit event, no new revision
    overrides = (await query_data(db, OVERRIDES, actor=admin))["catalogueDiff"]["overrides"]
    assert "legal_aid" not in {o["code"] for o in overrides}


async def test_a_time_limit_override_changes_no_form(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    await apply(db, citizen, CHANGNING, ["legal_aid"], family(), area="huayanglu", key="a")
    admin = await changning_admin(db)

    selections, errors = await preview(db, admin, {"time_limits": {"promised_working_days": 15}})

    assert errors == []
    assert selections is not None
    assert [(s["items"], s["changed"]) for s in selections] == [(["legal_aid"], False)]


async def test_a_locked_element_is_refused_as_the_override_would_be(db: Database) -> None:
    selections, errors = await preview(db, await changning_admin(db), {"name": "别的名称"})

    assert selections is None
    assert [(e["extensions"]["code"], e["extensions"]["path"]) for e in errors] == [
        ("LOCKED_ELEMENT", ["patch", "name"])
    ]


async def test_a_patch_that_is_not_an_object_is_invalid_input(db: Database) -> None:
    selections, errors = await preview(db, await changning_admin(db), [1])

    assert selections is None
    assert [(e["extensions"]["code"], e["extensions"]["path"]) for e in errors] == [
        ("INVALID_INPUT", ["patch"])
    ]


async def test_an_item_names_the_elements_an_override_may_not_change(db: Database) -> None:
    data = await query_data(
        db, '{ item(tenant: "310105", code: "legal_aid") { provenance { lockedElements } } }'
    )
    assert data["item"]["provenance"]["lockedElements"] == [
        "code",
        "effective_from",
        "effective_to",
        "legal_basis",
        "name",
        "parent",
        "status",
        "version",
    ]
