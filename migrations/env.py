"""Alembic environment: async engine on the owner URL, metadata from every domain's models."""

from __future__ import annotations

import asyncio
import os

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from socialaid.db.urls import async_url
from socialaid.schema_metadata import metadata

# An arbitrary key of this project's own for PostgreSQL's advisory locks ("socialmg" in ASCII).
MIGRATION_LOCK = 0x736F6369616C6D67
config = context.config
target_metadata = metadata


def _url() -> str:
    url = config.attributes.get("url") or os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("no database URL: set DATABASE_URL or use `socialaid db upgrade`")
    return async_url(url).render_as_string(hide_password=False)


# pgqueuer's tables are its installer's (frozen in 0014), not models of ours: `alembic check`
# compares only what the models declare.
QUEUE_TABLES = ("pgqueuer", "pgqueuer_log", "pgqueuer_schedules", "pgqueuer_statistics")


def _include_name(name: str | None, type_: str, _parent: object) -> bool:
    return not (type_ == "table" and name in QUEUE_TABLES)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        include_schemas=False,
        include_name=_include_name,
    )
    with context.begin_transaction():
        # Replicas starting together: the second waits here until the first has committed, then
        # finds nothing left to do instead of running the same migration twice.
        context.execute(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()


async def _run_async() -> None:
    engine = create_async_engine(_url())
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
    finally:
        # A failed check or migration must not leave a connection holding the database open: a
        # test template with one cannot be copied (every later test would fail to start).
        await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_async())
