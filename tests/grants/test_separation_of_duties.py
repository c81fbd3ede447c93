"""Separation of duties: nobody grants themselves a role, and whoever configures a jurisdiction
does not also decide its cases or audit it (access/duties.csv), whoever grants it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.cli import app
from socialaid.db.database import Database
from tests.conftest import TEST_SECRET
from tests.graphql_client import execute, principal

GRANT = """mutation($i: RoleGrantInput!) { roleGrant(input: $i) {
  errors { code message path } assignment { userId role } } }"""


async def shanghai_admin(db: Database, user: str = "admin-sh") -> Principal:
    return await principal(db, user=user, tenant="310000", roles=[Role.TENANT_ADMIN])


async def grant(
    db: Database, actor: Principal, tenant: str, user: str, role: str
) -> dict[str, Any]:
    variables = {"i": {"tenant": tenant, "userId": user, "role": role}}
    data, errors = await execute(db, GRANT, variables, actor=actor)
    assert errors == [] and data is not None, errors
    return dict(data["roleGrant"])


def refusal(payload: dict[str, Any]) -> tuple[str, str]:
    assert payload["assignment"] is None, payload
    [error] = payload["errors"]
    return error["code"], error["message"]


async def test_an_admin_cannot_grant_itself_a_role(db: Database) -> None:
    admin = await shanghai_admin(db)
    code, message = refusal(await grant(db, admin, "310105", admin.user_id, "JOINT_MEETING"))
    assert code == "FORBIDDEN"
    assert "自己" in message


@pytest.mark.parametrize("deciding", ["CASEWORKER", "APPROVER", "AUDITOR"])
async def test_a_tenant_admin_of_the_jurisdiction_cannot_be_given_a_deciding_or_auditing_role(
    db: Database, deciding: str
) -> None:
    shanghai = await shanghai_admin(db)
    assert (await grant(db, shanghai, "310105", "li", "TENANT_ADMIN"))["errors"] == []
    # Another admin, higher up, tries to make li a decider in Changning itself and in Shanghai.
    for tenant in ("310105", "310000"):
        code, message = refusal(await grant(db, shanghai, tenant, "li", deciding))
        assert code == "FORBIDDEN"
        assert "tenant_admin" in message and deciding.lower() in message


async def test_a_decider_cannot_be_made_tenant_admin_of_a_tenant_above_it(db: Database) -> None:
    shanghai = await shanghai_admin(db)
    assert (await grant(db, shanghai, "310105", "wang", "CASEWORKER"))["errors"] == []
    code, _ = refusal(await grant(db, shanghai, "310000", "wang", "TENANT_ADMIN"))
    assert code == "FORBIDDEN"


async def test_roles_in_unrelated_jurisdictions_or_without_conflict_are_granted(
    db: Database,
) -> None:
    shanghai = await shanghai_admin(db)
    shanxi = await principal(db, user="admin-sx", tenant="140000", roles=[Role.TENANT_ADMIN])
    assert (await grant(db, shanghai, "310105", "zhao", "TENANT_ADMIN"))["errors"] == []
    assert (await grant(db, shanxi, "140000", "zhao", "CASEWORKER"))["errors"] == []
    assert (await grant(db, shanghai, "310105", "zhao", "ANALYST"))["errors"] == []


def check(db: Database) -> Any:
    url = db.owner_url.set(drivername="postgresql").render_as_string(hide_password=False)
    env = {"DATABASE_URL": url, "SOCIALAID_SECRET": TEST_SECRET}
    return CliRunner().invoke(app, ["access", "check"], env=env)


def written_around_the_api(db: Database, values: str) -> None:
    """Rows as a migration or a hand-run SQL script could leave them (the CLI runs its own loop)."""

    async def insert() -> None:
        owner = Database(db.owner_url, TEST_SECRET, pool_size=1)
        try:
            async with owner.owner_session() as session, session.begin():
                await session.execute(
                    text(
                        "INSERT INTO role_assignment (tenant_id, user_id, role, granted_by)"
                        f" VALUES {values}"
                    )
                )
        finally:
            await owner.dispose()

    asyncio.run(insert())


def test_access_check_passes_when_no_assignment_breaks_the_rules(db: Database) -> None:
    written_around_the_api(db, "('310105', 'li', 'tenant_admin', 'admin-sh')")
    result = check(db)
    assert result.exit_code == 0, result.output


def test_access_check_reports_assignments_that_break_the_rules_and_exits_1(
    db: Database,
) -> None:
    written_around_the_api(
        db,
        "('310105', 'qian', 'tenant_admin', 'someone'),"
        " ('310000', 'qian', 'approver', 'someone'),"
        " ('140000', 'sun', 'caseworker', 'sun')",
    )
    result = check(db)
    assert result.exit_code == 1
    assert (
        "qian: approver in 310000 and tenant_admin in 310105 may not go together" in result.output
    )
    assert "sun: caseworker in 140000 was granted by its holder" in result.output
