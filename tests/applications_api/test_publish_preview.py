"""Publishing a catalogue change: what the preview says about recent selections, and why an
application already submitted keeps the form it was filled against."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.audit.models import AuditEvent
from socialaid.catalogue.service import content_revision
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.applications_api.flows import applicant, apply, read, shanghai_answers
from tests.graphql_client import execute, principal, query_data
from tests.identity_numbers import id_number

CHANGNING = "310105"
CASE_MATERIALS = "legal_aid_case_materials.applicant"
NEW_VERSION = """mutation($i: CatalogueDraftNewVersionInput!) { catalogueDraftNewVersion(input: $i) {
  itemVersion { version lockVersion document } errors { code } } }"""
UPDATE = """mutation($i: CatalogueDraftUpdateInput!) { catalogueDraftUpdate(input: $i) {
  itemVersion { version lockVersion } errors { code path } } }"""
PUBLISH = """mutation($i: CatalogueDraftPublishInput!) { catalogueDraftPublish(input: $i) {
  itemVersion { status } errors { code path } } }"""
PREVIEW = """query($t: String!, $c: String!, $v: Int!, $d: Date!) {
  catalogueDraftPublishPreview(tenant: $t, code: $c, version: $v, effectiveFrom: $d) {
    tenantCode items applications changed materialsRemoved materialsAdded fieldsAdded problem } }"""
CHECK = """query($h: String!, $a: JSON!) { applicationFormCheck(hash: $h, answers: $a) {
  materials { material } } }"""


def family() -> dict[str, Any]:
    return shanghai_answers(id_number("310105", date(1982, 4, 2), 131))


async def shanghai_admin(db: Database) -> Principal:
    return await principal(db, user="admin-sh", tenant="310000", roles=[Role.TENANT_ADMIN])


async def legal_aid_draft_without_case_materials(db: Database, admin: Principal) -> dict[str, Any]:
    """Shanghai's admin drafts legal aid without the case materials; the draft's version."""
    created = (
        await query_data(
            db, NEW_VERSION, {"i": {"tenant": "310000", "code": "legal_aid"}}, actor=admin
        )
    )["catalogueDraftNewVersion"]
    assert created["errors"] == []
    version = created["itemVersion"]
    kept = [
        m for m in version["document"]["materials"] if m["evidence"] != "legal_aid_case_materials"
    ]
    updated = (
        await query_data(
            db,
            UPDATE,
            {
                "i": {
                    "tenant": "310000",
                    "code": "legal_aid",
                    "version": version["version"],
                    "lockVersion": version["lockVersion"],
                    "patch": {"materials": kept},
                }
            },
            actor=admin,
        )
    )["catalogueDraftUpdate"]
    assert updated["errors"] == []
    return dict(updated["itemVersion"])


async def preview(db: Database, admin: Principal, version: int) -> list[dict[str, Any]]:
    variables = {
        "t": "310000",
        "c": "legal_aid",
        "v": version,
        "d": today_in_china().isoformat(),
    }
    return (await query_data(db, PREVIEW, variables, actor=admin))["catalogueDraftPublishPreview"]


async def counts(db: Database) -> tuple[int, int]:
    async with db.owner_session() as session:
        events = await session.scalar(select(func.count()).select_from(AuditEvent))
        return int(events or 0), await content_revision(session)


async def test_the_preview_names_each_recent_selection_whose_form_would_change_and_changes_nothing(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    for key, items in (("a", ["dibao", "legal_aid"]), ("b", ["legal_aid"]), ("c", ["legal_aid"])):
        await apply(db, citizen, CHANGNING, items, family(), area="huayanglu", key=key)
    await apply(db, citizen, CHANGNING, ["dibao"], family(), area="huayanglu", key="d")
    admin = await shanghai_admin(db)
    draft = await legal_aid_draft_without_case_materials(db, admin)
    before = await counts(db)

    selections = await preview(db, admin, draft["version"])

    assert [(s["tenantCode"], sorted(s["items"]), s["applications"]) for s in selections] == [
        (CHANGNING, ["legal_aid"], 2),
        (CHANGNING, ["dibao", "legal_aid"], 1),
    ]
    assert all(s["changed"] and s["materialsRemoved"] == [CASE_MATERIALS] for s in selections)
    assert all(s["materialsAdded"] == [] and s["problem"] is None for s in selections)
    assert await counts(db) == before  # no publish, no audit event, no new revision
    versions = await query_data(
        db,
        '{ itemVersions(tenant: "310000", code: "legal_aid") { version status } }',
        actor=admin,
    )
    assert {"version": draft["version"], "status": "DRAFT"} in versions["itemVersions"]


async def test_a_preview_of_a_draft_that_would_fail_the_publish_check_gives_that_error(
    db: Database,
) -> None:
    admin = await shanghai_admin(db)
    draft = await legal_aid_draft_without_case_materials(db, admin)
    await query_data(
        db,
        UPDATE,
        {
            "i": {
                "tenant": "310000",
                "code": "legal_aid",
                "version": draft["version"],
                "lockVersion": draft["lockVersion"],
                "patch": {"department": "no_such_department"},
            }
        },
        actor=admin,
    )

    _, errors = await execute(
        db,
        PREVIEW,
        {"t": "310000", "c": "legal_aid", "v": draft["version"], "d": today_in_china().isoformat()},
        actor=admin,
    )

    assert errors and errors[0]["extensions"]["code"] == "LINT_FAILED"
    assert "legal_aid" in errors[0]["message"]
    assert [p["path"] for p in errors[0]["extensions"]["problems"]] == [
        ["item", "legal_aid", "department"]
    ]


async def test_only_an_admin_of_the_owning_tenant_may_preview(db: Database) -> None:
    admin = await shanghai_admin(db)
    draft = await legal_aid_draft_without_case_materials(db, admin)
    changning_admin = await principal(
        db, user="admin-cn", tenant=CHANGNING, roles=[Role.TENANT_ADMIN]
    )

    _, errors = await execute(
        db,
        PREVIEW,
        {"t": "310000", "c": "legal_aid", "v": draft["version"], "d": today_in_china().isoformat()},
        actor=changning_admin,
    )

    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]


async def test_an_application_submitted_before_a_publish_keeps_the_form_it_was_filled_against(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    submitted = await apply(db, citizen, CHANGNING, ["legal_aid"], family(), area="huayanglu")
    admin = await shanghai_admin(db)
    draft = await legal_aid_draft_without_case_materials(db, admin)

    published = await query_data(
        db,
        PUBLISH,
        {
            "i": {
                "tenant": "310000",
                "code": "legal_aid",
                "version": draft["version"],
                "lockVersion": draft["lockVersion"],
                "effectiveFrom": today_in_china().isoformat(),
            }
        },
        actor=admin,
    )
    assert published["catalogueDraftPublish"]["errors"] == []

    kept = await read(db, citizen, submitted["id"])
    assert kept["formHash"] == submitted["formHash"]
    old = await query_data(db, CHECK, {"h": kept["formHash"], "a": family()})
    assert CASE_MATERIALS in {m["material"] for m in old["applicationFormCheck"]["materials"]}
    current = await query_data(
        db,
        'query($t: String!) { applicationForm(tenant: $t, items: ["legal_aid"]) { hash materials { id } } }',
        {"t": CHANGNING},
    )
    assert current["applicationForm"]["hash"] != kept["formHash"]
    assert CASE_MATERIALS not in {m["id"] for m in current["applicationForm"]["materials"]}
    async with db.owner_session() as session:
        stored = await session.scalar(
            select(col(AuditEvent.action)).where(col(AuditEvent.action) == "catalogue.publish")
        )
        assert stored == "catalogue.publish"
