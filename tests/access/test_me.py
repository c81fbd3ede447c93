"""`me`: who the caller is and what they may do in their tenant."""

from __future__ import annotations

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.graphql_client import principal, query_data

ME = """{ me { userId tenant { code name } roles grants { role tenantCode source }
          departments area permissions { resource action } } }"""


def pairs(me: dict) -> set[tuple[str, str]]:
    return {(p["resource"], p["action"]) for p in me["permissions"]}


async def test_me_names_the_tenant_roles_and_the_permitted_actions(db: Database) -> None:
    auditor = await principal(db, user="zhao", tenant="310000", roles=[Role.AUDITOR])
    me = (await query_data(db, ME, actor=auditor))["me"]
    assert me["tenant"] == {"code": "310000", "name": "上海市"}
    assert me["roles"] == ["AUDITOR"]
    assert me["grants"] == [{"role": "AUDITOR", "tenantCode": "310000", "source": "TOKEN"}]
    assert ("AUDIT_EVENT", "READ") in pairs(me)
    assert {action for _, action in pairs(me)} == {"READ"}


async def test_me_includes_roles_assigned_in_the_database(db: Database) -> None:
    admin = await principal(db, user="a", tenant="310105", roles=[Role.TENANT_ADMIN])
    await query_data(
        db,
        'mutation { roleGrant(input: {tenant: "310105", userId: "li", role: ANALYST})'
        " { errors { code } } }",
        actor=admin,
    )
    li = await principal(db, user="li", tenant="310105", roles=[Role.APPLICANT])
    me = (await query_data(db, ME, actor=li))["me"]
    assert me["roles"] == ["APPLICANT", "ANALYST"]
    assert [g["source"] for g in me["grants"]] == ["TOKEN", "ASSIGNMENT"]
    assert ("APPLICATION", "SUBMIT") in pairs(me)
    assert ("CASE", "READ") in pairs(me)
