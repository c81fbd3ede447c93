"""Creating the database and the application's non-superuser role, as the owner."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import asyncpg
from sqlalchemy.engine import URL, make_url

from socialaid.db.urls import APP_ROLE, app_role_password


def _connect_kwargs(url: URL) -> dict[str, object]:
    kwargs: dict[str, object] = {
        "user": url.username,
        "password": url.password,
        "database": url.database,
    }
    host = url.query.get("host") or url.host
    if host:
        kwargs["host"] = host
    if url.port:
        kwargs["port"] = url.port
    return kwargs


async def owner_connection(
    url: str | URL, *, connect_timeout: float | None = 60.0, statement_cache_size: int = 100
) -> asyncpg.Connection:
    """A plain asyncpg connection as the URL's user (the owner's, usually); `connect_timeout`
    bounds connecting (None: no bound); `statement_cache_size` 0 for one through PgBouncer."""
    kwargs = _connect_kwargs(make_url(url))
    return await asyncpg.connect(  # type: ignore[call-overload,no-any-return]
        **kwargs, timeout=connect_timeout, statement_cache_size=statement_cache_size
    )


async def create_database(server_url: str | URL, name: str, *, template: str | None = None) -> None:
    """Create database `name` unless it exists (optionally as a copy of `template`)."""
    conn = await owner_connection(server_url)
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            clause = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
            await conn.execute(f'CREATE DATABASE "{name}"{clause}')
    finally:
        await conn.close()


async def drop_database(server_url: str | URL, name: str) -> None:
    conn = await owner_connection(server_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


# An arbitrary key of this project's own for PostgreSQL's advisory locks ("socialro" in ASCII).
APP_ROLE_LOCK = 0x736F6369616C726F


async def ensure_app_role(
    owner_url: str | URL, signing_key: str, role_settings: Mapping[str, str] | None = None
) -> None:
    """Create or refresh the login role the application uses, subject to row-level security.

    Tables created later by the owner are granted to it through default privileges, so a
    migration that revokes a privilege (the append-only audit store) is not undone here.
    `role_settings` become the role's defaults in this database: what a connection through
    PgBouncer, which cannot pass them at startup, runs with.
    """
    password = app_role_password(signing_key)
    database = make_url(owner_url).database
    defaults = "".join(
        f"ALTER ROLE {APP_ROLE} IN DATABASE \"{database}\" SET {name} = '{int(value)}';\n"
        for name, value in (role_settings or {}).items()
    )
    statements = f"""
            SELECT pg_advisory_xact_lock({APP_ROLE_LOCK});
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
                CREATE ROLE {APP_ROLE} LOGIN;
              END IF;
            END $$;
            ALTER ROLE {APP_ROLE} WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
              PASSWORD '{password}';
            GRANT CONNECT ON DATABASE "{database}" TO {APP_ROLE};
            GRANT USAGE ON SCHEMA public TO {APP_ROLE};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public
              GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {APP_ROLE};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public
              GRANT USAGE, SELECT ON SEQUENCES TO {APP_ROLE};
            {defaults}"""
    for attempt in range(ROLE_ATTEMPTS):
        conn = await owner_connection(owner_url)
        try:
            # One statement list is one transaction: the lock makes replicas of one database
            # take turns (concurrent CREATE ROLE / ALTER ROLE fail with a unique violation or
            # "tuple concurrently updated").
            await conn.execute(statements)
            return
        except (asyncpg.UniqueViolationError, asyncpg.InternalServerError) as error:
            # Advisory locks belong to one database but roles to the whole cluster: processes
            # bootstrapping different databases of one server still collide, and a retry after
            # the other transaction committed succeeds.
            if not _role_race(error) or attempt == ROLE_ATTEMPTS - 1:
                raise
        finally:
            await conn.close()
        await asyncio.sleep(0.05 * (attempt + 1))


ROLE_ATTEMPTS = 5


def _role_race(error: Exception) -> bool:
    if isinstance(error, asyncpg.UniqueViolationError):
        return True
    return "tuple concurrently updated" in str(error)
