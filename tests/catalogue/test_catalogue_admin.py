"""Admins configure catalogues through the API: drafts, publishing, overrides, conflicts, audit."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import text

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.graphql_client import execute, principal, query_data
from tests.today import TODAY_ISO

NEW_VERSION = "mutation($i: CatalogueDraftNewVersionInput!) { catalogueDraftNewVersion(input: $i) { itemVersion { version status lockVersion } errors { code path message } } }"
UPDATE = "mutation($i: CatalogueDraftUpdateInput!) { catalogueDraftUpdate(input: $i) { itemVersion { version lockVersion } errors { code path message } } }"
PUBLISH = "mutation($i: CatalogueDraftPublishInput!) { catalogueDraftPublish(input: $i) { itemVersion { version status } errors { code path message } } }"
OVERRIDE = "mutation($i: CatalogueOverrideSetInput!) { catalogueOverrideSet(input: $i) { override { code version } errors { code path message } } }"
CREATE = "mutation($i: CatalogueDraftCreateInput!) { catalogueDraftCreate(input: $i) { itemVersion { code version status } errors { code path message } } }"
ITEM = "query($t: String!, $c: String!) { item(tenant: $t, code: $c) { benefit { content } reverification { periodMonths periods { periodMonths } } provenance { origin } } }"


async def admin(db: Database, tenant: str) -> Principal:
    return await principal(db, user=f"admin-{tenant}", tenant=tenant, roles=[Role.TENANT_ADMIN])


async def mutate(
    db: Database, query: str, values: dict[str, Any], actor: Principal
) -> dict[str, Any]:
    data = await query_data(db, query, {"i": values}, actor=actor)
    return next(iter(data.values()))


async def item(db: Database, tenant: str, code: str) -> dict[str, Any]:
    return (await query_data(db, ITEM, {"t": tenant, "c": code}))["item"]


async def publish_benefit(
    db: Database, actor: Principal, tenant: str, code: str, content: str
) -> dict[str, Any]:
    """New draft of an item the tenant owns, its benefit text changed, published from 2026-01-01."""
    draft = (await mutate(db, NEW_VERSION, {"tenant": tenant, "code": code}, actor))["itemVersion"]
    edited = await mutate(
        db,
        UPDATE,
        {
            "tenant": tenant,
            "code": code,
            "version": draft["version"],
            "lockVersion": draft["lockVersion"],
            "patch": {"benefit": {"content": content}},
        },
        actor,
    )
    assert edited["errors"] == [], edited
    return await mutate(
        db,
        PUBLISH,
        {
            "tenant": tenant,
            "code": code,
            "version": draft["version"],
            "lockVersion": edited["itemVersion"]["lockVersion"],
            "effectiveFrom": TODAY_ISO,
        },
        actor,
    )


async def audit_actions(db: Database, tenant: str) -> list[str]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text("SELECT action FROM audit_event WHERE tenant_id = :t ORDER BY id"), {"t": tenant}
        )
        return list(rows.scalars())


async def test_a_shanghai_change_reaches_changning_unless_changning_overrides_that_element(
    db: Database,
) -> None:
    shanghai = await admin(db, "310000")
    published = await publish_benefit(db, shanghai, "310000", "dibao", "按月差额发放（修订）")
    assert published["itemVersion"] == {"version": 2, "status": "PUBLISHED"}
    assert (await item(db, "310105", "dibao"))["benefit"]["content"] == "按月差额发放（修订）"
    changning = await admin(db, "310105")
    override = await mutate(
        db,
        OVERRIDE,
        {
            "tenant": "310105",
            "code": "dibao",
            "patch": {"benefit": {"content": "长宁：按月差额发放"}},
            "effectiveFrom": TODAY_ISO,
            "reason": "区级口径",
        },
        changning,
    )
    assert override["errors"] == []
    await publish_benefit(db, shanghai, "310000", "dibao", "再次修订")
    assert (await item(db, "310105", "dibao"))["benefit"]["content"] == "长宁：按月差额发放"
    assert (await item(db, "310000", "dibao"))["benefit"]["content"] == "再次修订"
    # Changning's earlier override of another element is untouched by Shanghai's edits.
    periods = (await item(db, "310105", "dibao"))["reverification"]["periods"]
    assert [p["periodMonths"] for p in periods] == [6, 12]


async def test_changning_cannot_edit_a_shanghai_item_but_may_override_unlocked_elements(
    db: Database,
) -> None:
    changning = await admin(db, "310105")
    _, errors = await execute(
        db, NEW_VERSION, {"i": {"tenant": "310000", "code": "dibao"}}, actor=changning
    )
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    locked = await mutate(
        db,
        OVERRIDE,
        {
            "tenant": "310105",
            "code": "dibao",
            "patch": {"name": "长宁低保"},
            "effectiveFrom": TODAY_ISO,
            "reason": "x",
        },
        changning,
    )
    assert locked == {
        "override": None,
        "errors": [
            {
                "code": "LOCKED_ELEMENT",
                "path": ["patch", "name"],
                "message": locked["errors"][0]["message"],
            }
        ],
    }
    assert "name" in locked["errors"][0]["message"]


async def test_a_publish_with_a_lint_error_is_refused_naming_the_item_and_path(
    db: Database,
) -> None:
    shanghai = await admin(db, "310000")
    draft = (await mutate(db, NEW_VERSION, {"tenant": "310000", "code": "legal_aid"}, shanghai))[
        "itemVersion"
    ]
    edited = await mutate(
        db,
        UPDATE,
        {
            "tenant": "310000",
            "code": "legal_aid",
            "version": draft["version"],
            "lockVersion": draft["lockVersion"],
            "patch": {"target_groups": ["no_such_group"]},
        },
        shanghai,
    )
    refused = await mutate(
        db,
        PUBLISH,
        {
            "tenant": "310000",
            "code": "legal_aid",
            "version": draft["version"],
            "lockVersion": edited["itemVersion"]["lockVersion"],
            "effectiveFrom": TODAY_ISO,
        },
        shanghai,
    )
    assert refused["itemVersion"] is None
    assert refused["errors"][0]["path"] == ["item", "legal_aid", "target_groups[0]"]
    assert "no_such_group" in refused["errors"][0]["message"]


async def test_two_concurrent_edits_of_one_draft_give_one_conflict(db: Database) -> None:
    shanghai = await admin(db, "310000")
    draft = (await mutate(db, NEW_VERSION, {"tenant": "310000", "code": "legal_aid"}, shanghai))[
        "itemVersion"
    ]

    async def edit(text_: str) -> dict[str, Any]:
        values = {
            "tenant": "310000",
            "code": "legal_aid",
            "version": draft["version"],
            "lockVersion": draft["lockVersion"],
            "patch": {"acceptance_conditions": text_},
        }
        return await mutate(db, UPDATE, values, shanghai)

    results = await asyncio.gather(edit("甲"), edit("乙"))
    codes = sorted(e["code"] for r in results for e in r["errors"])
    assert codes == ["CONFLICT"]
    assert sum(1 for r in results if r["itemVersion"]) == 1


async def test_two_concurrent_new_versions_of_one_item_make_one_draft_and_one_conflict(
    db: Database,
) -> None:
    shanghai = await admin(db, "310000")

    async def new_version() -> dict[str, Any]:
        return await mutate(db, NEW_VERSION, {"tenant": "310000", "code": "legal_aid"}, shanghai)

    results = await asyncio.gather(*(new_version() for _ in range(4)))

    assert sorted(e["code"] for r in results for e in r["errors"]) == ["CONFLICT"] * 3
    assert sum(1 for r in results if r["itemVersion"]) == 1


async def test_a_local_item_is_created_as_a_draft_and_drafts_are_hidden_from_the_public(
    db: Database,
) -> None:
    changning = await admin(db, "310105")
    document = {
        "code": "winter_warmth",
        "name": "冬季送温暖",
        "department": "civil_affairs",
        "effective_from": "2026-01-01",
        "source": {"document": "测试", "section": "t"},
    }
    created = await mutate(db, CREATE, {"tenant": "310105", "document": document}, changning)
    assert created == {
        "itemVersion": {"code": "winter_warmth", "version": 1, "status": "DRAFT"},
        "errors": [],
    }
    versions = 'query { itemVersions(tenant: "310105", code: "winter_warmth") { version status } }'
    assert (await query_data(db, versions, actor=changning))["itemVersions"] == [
        {"version": 1, "status": "DRAFT"}
    ]
    _, errors = await execute(db, versions)
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"


async def test_every_catalogue_change_is_audited_and_a_refused_one_is_not(db: Database) -> None:
    shanghai = await admin(db, "310000")
    before = await audit_actions(db, "310000")
    await publish_benefit(db, shanghai, "310000", "dibao", "审计测试")
    await mutate(
        db,
        OVERRIDE,
        {
            "tenant": "310105",
            "code": "dibao",
            "patch": {"name": "x"},
            "effectiveFrom": TODAY_ISO,
            "reason": "x",
        },
        shanghai,
    )
    after = await audit_actions(db, "310000")
    assert after[len(before) :] == [
        "catalogue.draft_new_version",
        "catalogue.draft_update",
        "catalogue.publish",
    ]
    assert "catalogue.override_set" not in await audit_actions(db, "310105")


async def test_item_diff_and_catalogue_diff_show_what_changed(db: Database) -> None:
    shanghai = await admin(db, "310000")
    await publish_benefit(db, shanghai, "310000", "dibao", "差异测试")
    diff = await query_data(
        db,
        'query { itemDiff(tenant: "310000", code: "dibao", fromVersion: 1, toVersion: 2) { element change } }',
    )
    assert {"element": "benefit", "change": "CHANGED"} in diff["itemDiff"]
    changning = await query_data(
        db,
        'query { catalogueDiff(tenant: "310105") { parentCode overrides { code elements } additions disabled } }',
    )
    summary = changning["catalogueDiff"]
    assert summary["parentCode"] == "310000"
    assert {"code": "low_income_recognition", "elements": ["reverification"]} in summary[
        "overrides"
    ]
    assert "extremely_poor_support" in summary["additions"] and summary["disabled"] == []


async def test_clearing_an_override_returns_every_element_to_the_inherited_value(
    db: Database,
) -> None:
    changning = await admin(db, "310105")
    clear = "mutation($i: CatalogueOverrideClearInput!) { catalogueOverrideClear(input: $i) { override { version } errors { code } } }"
    assert (await item(db, "310105", "low_income_recognition"))["reverification"][
        "periodMonths"
    ] == 3
    cleared = await mutate(
        db,
        clear,
        {
            "tenant": "310105",
            "code": "low_income_recognition",
            "effectiveFrom": TODAY_ISO,
            "reason": "恢复市级口径",
        },
        changning,
    )
    assert cleared["errors"] == []
    after = await item(db, "310105", "low_income_recognition")
    assert after["reverification"] is None and after["provenance"]["origin"] == "INHERITED"
