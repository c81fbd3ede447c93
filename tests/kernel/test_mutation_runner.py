"""The mutation runner enforces the permission registry and keeps a failed mutation whole."""

from __future__ import annotations

import pytest

from socialaid.access import registry
from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.graphql_client import execute, principal

GRANT = """mutation { roleGrant(input: {tenant: "310105", userId: "new-worker", role: CASEWORKER}) {
  errors { code } assignment { userId role } } }"""
ASSIGNMENTS = """{ roleAssignments(tenant: "310105", first: 50) {
  edges { node { userId role } } } }"""


async def admin(db: Database) -> Principal:
    return await principal(db, user="admin-1", tenant="310000", roles=[Role.TENANT_ADMIN])


async def granted_users(db: Database) -> list[str]:
    data, errors = await execute(db, ASSIGNMENTS, actor=await admin(db))
    assert errors == [] and data is not None, errors
    return [e["node"]["userId"] for e in data["roleAssignments"]["edges"]]


async def test_a_registered_mutation_runs_for_a_caller_who_holds_its_permission(
    db: Database,
) -> None:
    data, errors = await execute(db, GRANT, actor=await admin(db))
    assert errors == [], errors
    assert data is not None and data["roleGrant"]["assignment"] == {
        "userId": "new-worker",
        "role": "CASEWORKER",
    }


async def test_a_mutation_missing_from_the_registry_is_refused_and_writes_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(registry.ROOT_FIELDS, "roleGrant")
    _, errors = await execute(db, GRANT, actor=await admin(db))
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]
    monkeypatch.undo()
    assert "new-worker" not in await granted_users(db)


async def test_the_runner_refuses_a_caller_whose_roles_hold_the_permission_nowhere(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Registered as needing what only an auditor holds: the tenant admin is refused by the
    # runner before the service (which would allow it) runs.
    monkeypatch.setitem(
        registry.ROOT_FIELDS,
        "roleGrant",
        registry.Permission(registry.Resource.AUDIT_EVENT, registry.Action.READ, "input.tenant"),
    )
    _, errors = await execute(db, GRANT, actor=await admin(db))
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]
    monkeypatch.undo()
    assert "new-worker" not in await granted_users(db)
