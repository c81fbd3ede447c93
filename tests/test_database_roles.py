"""Migrations match the models, and requests run as a role that row-level security applies to."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import URL

from socialaid.db import migrate
from socialaid.db.database import Database


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
