"""The reporting role reads its views and nothing else: no base table, no write, no function
that writes as its owner."""

from __future__ import annotations

import asyncpg
import pytest

from socialaid.db.bootstrap import owner_connection
from socialaid.db.database import Database
from socialaid.reporting.ddl import ROLE, SCHEMA, SCOPE_TABLE, VIEWS
from tests.reporting.logins import reporting_login

BASE_TABLES = ("application", "application_case", "tenant", "audit_event", "area")


async def test_a_reporting_login_selects_every_view(db: Database) -> None:
    async with reporting_login(db, ["310105"]) as bi:
        for view in VIEWS:
            await bi.fetch(f"SELECT * FROM {SCHEMA}.{view}")
        tenants = await bi.fetch(f"SELECT tenant_id, tenant_name FROM {SCHEMA}.tenants")
    assert [tuple(t) for t in tenants] == [("310105", "长宁区")]


@pytest.mark.parametrize("table", [*BASE_TABLES, SCOPE_TABLE])
async def test_a_reporting_login_cannot_select_a_base_table(db: Database, table: str) -> None:
    async with reporting_login(db, ["310105"]) as bi:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await bi.fetch(f"SELECT 1 FROM {table} LIMIT 1")


async def test_a_reporting_login_cannot_write(db: Database) -> None:
    async with reporting_login(db, ["310105"]) as bi:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await bi.execute("UPDATE tenant SET name = 'x'")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await bi.execute(f"INSERT INTO {SCOPE_TABLE} VALUES (current_user, '310000')")
        # An aggregate view cannot take rows at all.
        with pytest.raises(asyncpg.PostgresError):
            await bi.execute(f"DELETE FROM {SCHEMA}.applications_daily")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await bi.execute(f"CREATE TABLE {SCHEMA}.mine (n int)")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await bi.execute("CREATE TABLE public.mine (n int)")
        # The webhook fan-out runs as its owner: it would queue deliveries for any tenant.
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await bi.fetch(
                "SELECT socialaid_webhook_fan_out('310105', ARRAY['310105'], '[]'::jsonb, now())"
            )


async def test_no_function_running_as_its_owner_is_open_to_the_reporting_role(
    db: Database,
) -> None:
    connection = await owner_connection(db.owner_url)
    try:
        open_functions = await connection.fetch(
            """SELECT p.oid::regprocedure::text FROM pg_proc p
               JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                 AND has_function_privilege($1, p.oid, 'EXECUTE')""",
            ROLE,
        )
        definers = await connection.fetchval("SELECT count(*) FROM pg_proc WHERE prosecdef")
    finally:
        await connection.close()
    assert [f[0] for f in open_functions] == []
    assert definers >= 3  # the audit append time, the partition maker, the webhook fan-out


async def test_the_reporting_role_itself_cannot_log_in(db: Database) -> None:
    connection = await owner_connection(db.owner_url)
    try:
        row = await connection.fetchrow(
            "SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1", ROLE
        )
    finally:
        await connection.close()
    assert row is not None and tuple(row) == (False, False, False)
