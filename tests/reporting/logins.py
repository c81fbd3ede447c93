"""A BI tool's login in the reporting role, as a deployer makes one, for the reporting tests."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import asyncpg
from sqlalchemy.engine import make_url

from socialaid.db.bootstrap import owner_connection
from socialaid.db.database import Database
from socialaid.reporting.ddl import ROLE, SCOPE_TABLE


async def as_owner(db: Database, sql: str, *args: object) -> None:
    connection = await owner_connection(db.owner_url)
    try:
        await connection.execute(sql, *args)
    finally:
        await connection.close()


@asynccontextmanager
async def reporting_login(
    db: Database, tenants: Sequence[str] = ()
) -> AsyncIterator[asyncpg.Connection]:
    """A connection as a new LOGIN role that is a member of the reporting role, granted
    `tenants` (and so the tenants below them) in the scope table; dropped afterwards."""
    login = f"bi_{uuid.uuid4().hex[:10]}"
    await as_owner(db, f"CREATE ROLE {login} LOGIN PASSWORD 'bi-secret' IN ROLE {ROLE}")
    for tenant in tenants:
        await as_owner(db, f"INSERT INTO {SCOPE_TABLE} VALUES ($1, $2)", login, tenant)
    url = make_url(db.owner_url).set(username=login, password="bi-secret")
    connection = await owner_connection(url)
    try:
        yield connection
    finally:
        await connection.close()
        await as_owner(db, f"DELETE FROM {SCOPE_TABLE} WHERE login_role = $1", login)
        await as_owner(db, f"DROP ROLE {login}")
