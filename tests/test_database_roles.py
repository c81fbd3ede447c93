"""Migrations match the models, and requests run as a role that row-level security applies to."""

from __future__ import annotations

import asyncio

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import URL

from socialaid.db import migrate
from socialaid.db.bootstrap import ensure_app_role, owner_connection
from socialaid.db.database import Database
from socialaid.db.urls import APP_ROLE
from tests.conftest import TEST_SECRET


async def test_alembic_check_finds_no_difference_between_models_and_migrations(
    template_url: URL,
) -> None:
    await migrate.check(template_url)


async def test_requests_run_as_a_role_without_superuser_or_rls_bypass(db: Database) -> None:
    async with db.session() as session:
        row = (
            await session.execute(
                text(
                    "SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
                )
            )
        ).one()
    assert tuple(row) == ("socialaid_app", False, False)


async def test_the_app_role_cannot_create_tables(db: Database) -> None:
    async with db.session() as session:
        result = await session.execute(
            text("SELECT has_schema_privilege(current_user, 'public', 'CREATE')")
        )
        assert result.scalar() is False


async def test_bootstrapping_the_role_waits_out_another_database_changing_it(
    server_url: URL, template_url: URL
) -> None:
    """Two databases of one server (parallel test runs, two deployments) share the cluster-wide
    role: bootstrapping one while the other's transaction alters the role must not fail."""
    other = await owner_connection(template_url)
    observer = await owner_connection(template_url)
    try:
        transaction = other.transaction()
        await transaction.start()
        await other.execute(f"ALTER ROLE {APP_ROLE} WITH LOGIN")
        bootstrap = asyncio.create_task(ensure_app_role(_second_database(server_url), TEST_SECRET))
        await _until_waiting_on_a_lock(observer)
        await transaction.commit()
        await bootstrap
    finally:
        await other.close()
        await observer.close()


def _second_database(server_url: URL) -> URL:
    # The server's default database: a database other than the one holding the transaction.
    return server_url


async def _until_waiting_on_a_lock(conn: asyncpg.Connection) -> None:
    # Generous: on a loaded machine connecting alone can take seconds; found, it returns at once.
    for _ in range(3000):
        waiting = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND datname <> current_database()"
        )
        if waiting:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the second bootstrap never waited on the role's row")
