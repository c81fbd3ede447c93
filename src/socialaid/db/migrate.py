"""Running alembic migrations from code."""

from __future__ import annotations

import asyncio

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL

from socialaid.bundled_data import migrations_dir
from socialaid.db.bootstrap import owner_connection
from socialaid.db.urls import async_url


def alembic_config(owner_url: str | URL) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["url"] = async_url(owner_url).render_as_string(hide_password=False)
    return config


async def upgrade(owner_url: str | URL, revision: str = "heads") -> None:
    """Upgrade in a worker thread: alembic's async env runs its own event loop."""
    await asyncio.to_thread(command.upgrade, alembic_config(owner_url), revision)


async def check(owner_url: str | URL) -> None:
    """Raise when the models and the migrated schema differ (`alembic check`)."""
    await asyncio.to_thread(command.check, alembic_config(owner_url))


async def revisions_missing(owner_url: str | URL) -> list[str]:
    """The head revisions this code expects that the database has not reached (none: at head).

    A server started with `--no-migrate` checks this instead of migrating, so a replica of a
    newer release does not serve against the schema of an older one.
    """
    heads = ScriptDirectory.from_config(alembic_config(owner_url)).get_heads()
    connection = await owner_connection(owner_url)
    try:
        exists = await connection.fetchval("SELECT to_regclass('alembic_version') IS NOT NULL")
        rows = await connection.fetch("SELECT version_num FROM alembic_version") if exists else []
    finally:
        await connection.close()
    current = {row["version_num"] for row in rows}
    return sorted(head for head in heads if head not in current)
