"""Granting, revoking and listing roles through GraphQL, and grants taking effect."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from socialaid.access.authentication import Authenticator
from socialaid.access.principal import Principal
from socialaid.access.tokens import TokenClaims
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.eventually import eventually
from tests.graphql_client import error_codes, execute, principal, query_data

GRANT = """
mutation($input: RoleGrantInput!) {
  roleGrant(input: $input) {
    assignment { tenantCode userId role grantedBy }
    errors { code message path }
  }
}"""
REVOKE = """
mutation($input: RoleRevokeInput!) {
  roleRevoke(input: $input) { revoked errors { code path } }
}"""
LIST = """
query($tenant: String!, $first: Int!, $after: String) {
  roleAssignments(tenant: $tenant, first: $first, after: $after) {
    edges { cursor node { tenantCode userId role } }
    pageInfo { hasNextPage endCursor }
  }
}"""


async def admin_of(db: Database, tenant: str) -> Principal:
    return await principal(db, user=f"admin-{tenant}", tenant=tenant, roles=[Role.TENANT_ADMIN])


def role_input(tenant: str, user: str, role: str) -> dict[str, Any]:
    return {"input": {"tenant": tenant, "userId": user, "role": role}}


async def grant(db: Database, actor: Principal, tenant: str, user: str, role: str) -> dict:
    data = await query_data(db, GRANT, role_input(tenant, user, role), actor=actor)
    return data["roleGrant"]


async def test_shanghais_admin_grants_a_role_in_changning(db: Database) -> None:
    payload = await grant(db, await admin_of(db, "310000"), "310105", "li", "CASEWORKER")
    assert payload == {
        "assignment": {
            "tenantCode": "310105",
            "userId": "li",
            "role": "CASEWORKER",
            "grantedBy": "admin-310000",
        },
        "errors": [],
    }


async def test_changnings_admin_cannot_administer_shanghai(db: Database) -> None:
    changning_admin = await admin_of(db, "310105")
    for mutation in (GRANT, REVOKE):
        codes = await error_codes(
            db, mutation, role_input("310000", "li", "AUDITOR"), actor=changning_admin
        )
        assert codes == ["FORBIDDEN"]


async def test_a_caseworker_cannot_grant_roles(db: Database) -> None:
    caseworker = await principal(db, user="w", tenant="310105", roles=[Role.CASEWORKER])
    codes = await error_codes(
        db, GRANT, role_input("310105", "w", "TENANT_ADMIN"), actor=caseworker
    )
    assert codes == ["FORBIDDEN"]


async def test_granting_an_existing_role_again_is_a_conflict_user_error(db: Database) -> None:
    admin = await admin_of(db, "310105")
    await grant(db, admin, "310105", "li", "AUDITOR")
    again = await grant(db, admin, "310105", "li", "AUDITOR")
    assert again["assignment"] is None
    assert again["errors"][0]["code"] == "CONFLICT"
    assert again["errors"][0]["path"] == ["input", "role"]


async def test_granting_in_an_unknown_tenant_is_a_not_found_user_error(db: Database) -> None:
    payload = await grant(db, await admin_of(db, "310000"), "999999", "li", "AUDITOR")
    assert [(e["code"], e["path"]) for e in payload["errors"]] == [
        ("NOT_FOUND", ["input", "tenant"])
    ]


async def test_revoking_removes_the_grant_and_revoking_again_reports_not_found(
    db: Database,
) -> None:
    admin = await admin_of(db, "310105")
    await grant(db, admin, "310105", "li", "AUDITOR")
    first = await query_data(db, REVOKE, role_input("310105", "li", "AUDITOR"), actor=admin)
    second = await query_data(db, REVOKE, role_input("310105", "li", "AUDITOR"), actor=admin)
    assert first["roleRevoke"] == {"revoked": True, "errors": []}
    assert second["roleRevoke"]["errors"] == [{"code": "NOT_FOUND", "path": ["input", "role"]}]


async def test_grant_and_revoke_each_write_an_audit_event(db: Database) -> None:
    admin = await admin_of(db, "310000")
    await grant(db, admin, "310105", "li", "AUDITOR")
    await query_data(db, REVOKE, role_input("310105", "li", "AUDITOR"), actor=admin)
    async with db.owner_session() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT tenant_id, actor, roles, action, subject_id, before, after"
                    " FROM audit_event ORDER BY id"
                )
            )
        ).all()
    assert [(r.tenant_id, r.actor, r.action, r.subject_id) for r in rows] == [
        ("310105", "admin-310000", "role.grant", "li/auditor"),
        ("310105", "admin-310000", "role.revoke", "li/auditor"),
    ]
    assert rows[0].roles == ["tenant_admin"]
    assert rows[0].after == {"tenant": "310105", "user": "li", "role": "auditor"}
    assert rows[1].before == rows[0].after


async def test_a_refused_grant_leaves_neither_a_row_nor_an_audit_event(db: Database) -> None:
    await error_codes(
        db, GRANT, role_input("310000", "li", "AUDITOR"), actor=await admin_of(db, "310105")
    )
    async with db.owner_session() as session:
        counts = await session.execute(
            text(
                "SELECT (SELECT count(*) FROM role_assignment), (SELECT count(*) FROM audit_event)"
            )
        )
        assert tuple(counts.one()) == (0, 0)


async def test_an_assigned_role_takes_effect_when_the_user_next_authenticates(
    db: Database,
) -> None:
    await grant(db, await admin_of(db, "310000"), "310105", "li", "AUDITOR")
    li = await principal(db, user="li", tenant="310105")
    assert [(g.role, g.tenant_id, g.source.value) for g in li.grants] == [
        (Role.AUDITOR, "310105", "assignment")
    ]


async def test_role_assignments_pages_through_the_subtree_with_keyset_cursors(
    db: Database,
) -> None:
    admin = await admin_of(db, "310000")
    for user in ("a", "b", "c"):
        await grant(db, admin, "310105", user, "AUDITOR")
    await grant(db, admin, "310000", "z", "ANALYST")
    await grant(db, await admin_of(db, "140000"), "140000", "sx", "ANALYST")
    seen: list[tuple[str, str]] = []
    after = None
    while True:
        data = await query_data(
            db, LIST, {"tenant": "310000", "first": 2, "after": after}, actor=admin
        )
        page = data["roleAssignments"]
        seen += [(e["node"]["tenantCode"], e["node"]["userId"]) for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [("310000", "z"), ("310105", "a"), ("310105", "b"), ("310105", "c")]


async def test_a_garbled_cursor_is_invalid_input(db: Database) -> None:
    admin = await admin_of(db, "310000")
    variables = {"tenant": "310000", "first": 2, "after": "not-a-cursor"}
    assert await error_codes(db, LIST, variables, actor=admin) == ["INVALID_INPUT"]


async def test_listing_needs_a_token(db: Database) -> None:
    _, errors = await execute(db, LIST, {"tenant": "310000", "first": 2})
    assert [e["extensions"]["code"] for e in errors] == ["UNAUTHENTICATED"]


async def test_a_revocation_reaches_another_process_through_notify(db: Database) -> None:
    other_process = Authenticator(test_settings())
    await other_process.listen(db)
    try:
        claims = TokenClaims("li", "310105", ())
        assert (await other_process.principal_for(db, claims)).grants == ()
        assert other_process.caches_grants_of("li")  # so forgetting it shows the NOTIFY came
        admin = await admin_of(db, "310105")
        await grant(db, admin, "310105", "li", "AUDITOR")
        await eventually(
            lambda: not other_process.caches_grants_of("li"), "the grant's NOTIFY forgot the grants"
        )
        assert [g.role for g in (await other_process.principal_for(db, claims)).grants] == [
            Role.AUDITOR
        ]
        assert other_process.caches_grants_of("li")  # served from the cache from now on
        await query_data(db, REVOKE, role_input("310105", "li", "AUDITOR"), actor=admin)
        await eventually(
            lambda: not other_process.caches_grants_of("li"), "the revocation's NOTIFY forgot them"
        )
        assert (await other_process.principal_for(db, claims)).grants == ()
    finally:
        await other_process.close()
