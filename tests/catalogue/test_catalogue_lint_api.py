"""The catalogue lint refuses a publish or an override that brings a problem (LINT_FAILED, one
error per problem naming the item and the path inside its document); nothing changes then."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from socialaid.access.principal import Principal
from socialaid.db.database import Database
from tests.catalogue.test_catalogue_admin import (
    NEW_VERSION,
    OVERRIDE,
    PUBLISH,
    UPDATE,
    admin,
    mutate,
)
from tests.graphql_client import query_data
from tests.today import TODAY_ISO

VERSIONS = (
    "query($t: String!, $c: String!) { itemVersions(tenant: $t, code: $c) { version status } }"
)


async def publish_patched(
    db: Database, actor: Principal, tenant: str, code: str, patch: dict[str, Any]
) -> dict[str, Any]:
    """A new draft of an item the tenant owns, `patch` applied, published from 2026-01-01."""
    draft = (await mutate(db, NEW_VERSION, {"tenant": tenant, "code": code}, actor))["itemVersion"]
    edited = await mutate(
        db,
        UPDATE,
        {
            "tenant": tenant,
            "code": code,
            "version": draft["version"],
            "lockVersion": draft["lockVersion"],
            "patch": patch,
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


def problems(payload: dict[str, Any]) -> list[tuple[list[str], str]]:
    """(path, problem code) of each error, all of which must be LINT_FAILED."""
    assert payload["errors"], payload
    assert {e["code"] for e in payload["errors"]} == {"LINT_FAILED"}, payload
    return [(e["path"], e["message"]) for e in payload["errors"]]


async def assert_refused_and_unpublished(
    db: Database, refused: dict[str, Any], code: str, *expected: tuple[list[str], str]
) -> None:
    assert refused["itemVersion"] is None
    found = problems(refused)
    assert [path for path, _ in found] == [path for path, _ in expected]
    for (_, message), (_, problem) in zip(found, expected, strict=True):
        assert f"（{problem}：" in message, message
        assert "未通过目录检查" in message
    versions = await query_data(
        db, VERSIONS, {"t": "310000", "c": code}, actor=await admin(db, "310000")
    )
    assert versions["itemVersions"] == [
        {"version": 1, "status": "PUBLISHED"},
        {"version": 2, "status": "DRAFT"},
    ]


async def test_an_item_requiring_its_own_decision_is_a_cycle_and_is_not_published(
    db: Database,
) -> None:
    shanghai = await admin(db, "310000")
    refused = await publish_patched(
        db,
        shanghai,
        "310000",
        "legal_aid",
        {"requires_decision_of": [{"items": ["legal_aid"], "reason": "自己"}]},
    )
    await assert_refused_and_unpublished(
        db,
        refused,
        "legal_aid",
        (["item", "legal_aid", "requires_decision_of[0].items[0]"], "DEPENDENCY_CYCLE"),
    )


async def test_a_cycle_through_two_items_is_refused(db: Database) -> None:
    # education_aid.preschool already requires a decision on dibao.
    shanghai = await admin(db, "310000")
    refused = await publish_patched(
        db,
        shanghai,
        "310000",
        "dibao",
        {"requires_decision_of": [{"items": ["education_aid.preschool"], "reason": "循环"}]},
    )
    await assert_refused_and_unpublished(
        db,
        refused,
        "dibao",
        (["item", "dibao", "requires_decision_of[0].items[0]"], "DEPENDENCY_CYCLE"),
    )
    assert "education_aid.preschool" in refused["errors"][0]["message"]


async def test_a_condition_naming_an_unknown_key_is_refused(db: Database) -> None:
    shanghai = await admin(db, "310000")
    refused = await publish_patched(
        db, shanghai, "310000", "legal_aid", {"eligibility": {"var": "situation.unheard_of"}}
    )
    await assert_refused_and_unpublished(
        db, refused, "legal_aid", (["item", "legal_aid", "eligibility"], "UNKNOWN_CONDITION_KEY")
    )


async def test_a_condition_naming_an_undeclared_parameter_is_refused(db: Database) -> None:
    shanghai = await admin(db, "310000")
    refused = await publish_patched(
        db, shanghai, "310000", "legal_aid", {"eligibility": {"var": "params.no_such_parameter"}}
    )
    await assert_refused_and_unpublished(
        db, refused, "legal_aid", (["item", "legal_aid", "eligibility"], "UNKNOWN_PARAMETER")
    )


async def test_every_problem_is_an_error_of_its_own(db: Database) -> None:
    shanghai = await admin(db, "310000")
    refused = await publish_patched(
        db,
        shanghai,
        "310000",
        "legal_aid",
        {
            "eligibility": {"var": "params.no_such_parameter"},
            "requires_decision_of": [{"items": ["legal_aid"], "reason": "自己"}],
        },
    )
    await assert_refused_and_unpublished(
        db,
        refused,
        "legal_aid",
        (["item", "legal_aid", "eligibility"], "UNKNOWN_PARAMETER"),
        (["item", "legal_aid", "requires_decision_of[0].items[0]"], "DEPENDENCY_CYCLE"),
    )


async def overrides_of(db: Database, tenant: str, code: str) -> int:
    async with db.owner_session() as session:
        found = await session.scalar(
            text("SELECT count(*) FROM catalogue_override WHERE tenant_id = :t AND item_code = :c"),
            {"t": tenant, "c": code},
        )
    return int(found or 0)


async def override(db: Database, patch: dict[str, Any]) -> dict[str, Any]:
    values = {
        "tenant": "310105",
        "code": "legal_aid",
        "patch": patch,
        "effectiveFrom": TODAY_ISO,
        "reason": "区级口径",
    }
    return await mutate(db, OVERRIDE, values, await admin(db, "310105"))


async def test_an_override_bringing_a_problem_into_the_tenants_catalogue_is_refused(
    db: Database,
) -> None:
    before = await overrides_of(db, "310105", "legal_aid")
    cycle = await override(db, {"requires_decision_of": [{"items": ["legal_aid"], "reason": "x"}]})
    assert cycle["override"] is None
    assert [path for path, _ in problems(cycle)] == [
        ["item", "legal_aid", "requires_decision_of[0].items[0]"]
    ]
    unknown = await override(db, {"eligibility": {"var": "situation.unheard_of"}})
    assert [path for path, _ in problems(unknown)] == [["item", "legal_aid", "eligibility"]]
    assert "UNKNOWN_CONDITION_KEY" in unknown["errors"][0]["message"]
    parameter = await override(db, {"eligibility": {"var": "params.no_such_parameter"}})
    assert "UNKNOWN_PARAMETER" in problems(parameter)[0][1]
    assert await overrides_of(db, "310105", "legal_aid") == before
    # The same kind of change without the problem goes through.
    fine = await override(db, {"eligibility": {"var": "applicant.name"}})
    assert fine["errors"] == [] and fine["override"] is not None
