"""Row-level security: the second wall, holding even when a query forgets the scope predicate."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from socialaid.access.principal import Principal
from socialaid.access.sessions import scoped_session
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from socialaid.db.rls import tenant_rls_statements
from tests.access.people import person


async def insert_assignments(db: Database, *tenants: str) -> None:
    async with db.owner_session() as session, session.begin():
        for tenant in tenants:
            await session.execute(
                text(
                    "INSERT INTO role_assignment (tenant_id, user_id, role, granted_by)"
                    " VALUES (:t, :u, 'caseworker', 'seed')"
                ),
                {"t": tenant, "u": f"worker-{tenant}"},
            )


async def tenants_of_all_assignments(db: Database, actor: Principal | None) -> set[str]:
    """A query that forgets the row-scope predicate entirely."""
    async with scoped_session(db, actor) as session:
        result = await session.execute(text("SELECT tenant_id FROM role_assignment"))
        return set(result.scalars())


async def test_a_query_without_the_scope_predicate_cannot_read_another_tenants_rows(
    db: Database,
) -> None:
    await insert_assignments(db, "310000", "310105", "140000", "320281")
    changning = person("310105", Role.CASEWORKER, user="someone-else")
    assert await tenants_of_all_assignments(db, changning) == {"310105"}


async def test_the_scope_is_the_subtree_of_every_grant(db: Database) -> None:
    await insert_assignments(db, "310000", "310105", "140000", "140105", "320281")
    shanghai = person("310000", Role.AUDITOR, user="someone-else")
    assert await tenants_of_all_assignments(db, shanghai) == {"310000", "310105"}
    shanxi_city = person("140100", Role.AUDITOR, user="someone-else")
    assert await tenants_of_all_assignments(db, shanxi_city) == {"140105"}


async def test_without_a_scope_no_tenant_owned_row_is_visible(db: Database) -> None:
    await insert_assignments(db, "310000", "310105")
    assert await tenants_of_all_assignments(db, None) == set()
    async with db.session() as session:  # a session that never set a scope
        assert (await session.execute(text("SELECT count(*) FROM role_assignment"))).scalar() == 0


async def test_the_scope_ends_with_its_transaction(db: Database) -> None:
    await insert_assignments(db, "310105")
    async with db.session() as session:
        async with session.begin():
            await session.execute(text("SELECT set_config('socialaid.tenants', '310105', true)"))
            assert (
                await session.execute(text("SELECT count(*) FROM role_assignment"))
            ).scalar() == 1
        async with session.begin():
            assert (
                await session.execute(text("SELECT count(*) FROM role_assignment"))
            ).scalar() == 0


async def test_public_tables_are_readable_without_a_scope(db: Database) -> None:
    async with scoped_session(db, None) as session:
        for table in ("tenant", "department", "area"):
            count = (await session.execute(text(f"SELECT count(*) FROM {table}"))).scalar()
            assert count and count > 0, table


async def test_public_tables_are_writable_only_within_scope(db: Database) -> None:
    changning = person("310105", Role.TENANT_ADMIN)
    rename = "UPDATE department SET name = name || '*' WHERE tenant_id = :t"
    async with scoped_session(db, changning) as session:
        assert (await session.execute(text(rename), {"t": "140000"})).rowcount == 0
        assert (await session.execute(text(rename), {"t": "310105"})).rowcount > 0
    with pytest.raises(DBAPIError, match="row-level security"):
        async with scoped_session(db, changning) as session:
            await session.execute(
                text(
                    "INSERT INTO department (tenant_id, code, name, position, source)"
                    " VALUES ('140000', 'planted', '假部门', 99, '{}')"
                )
            )


async def test_every_table_with_a_tenant_id_has_row_level_security(db: Database) -> None:
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT c.relname, c.relrowsecurity,"
                "       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)"
                " FROM pg_class c"
                " JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'"
                " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'"
                "      AND NOT a.attisdropped"
                " WHERE c.relkind IN ('r', 'p')"
            )
        )
        tables = {name: (enabled, policies) for name, enabled, policies in rows}
    assert {"tenant", "department", "area", "role_assignment", "audit_event"} <= set(tables)
    unprotected = sorted(
        t for t, (enabled, policies) in tables.items() if not enabled or not policies
    )
    assert unprotected == [], (
        f"tables with tenant_id but no row-level security: {unprotected}; in their migration call "
        "socialaid.db.rls.enable_tenant_rls(table, public_read=...)"
    )


async def test_the_application_role_cannot_rewrite_audit_history(db: Database) -> None:
    auditor = person("310105", Role.AUDITOR)
    for statement in ("UPDATE audit_event SET reason = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="permission denied"):
            async with scoped_session(db, auditor) as session:
                await session.execute(text(statement))


def test_the_migration_helper_writes_a_scope_policy_or_public_read_policies() -> None:
    private = tenant_rls_statements("case")
    public = tenant_rls_statements("catalogue_item", public_read=True)
    assert private[0] == 'ALTER TABLE "case" ENABLE ROW LEVEL SECURITY'
    assert any("socialaid_tenant_in_scope(tenant_id)" in s for s in private)
    assert any("FOR SELECT USING (true)" in s for s in public)
    assert sum("socialaid_tenant_in_scope(tenant_id)" in s for s in public) == 3
