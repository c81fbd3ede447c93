"""Enqueueing a job in the caller's transaction: the job exists if and only if the change that
asked for it commits (pgqueuer's own enqueue, run on the session's connection)."""

from __future__ import annotations

from typing import Any, cast

from pgqueuer.adapters.drivers.asyncpg import AsyncpgDriver
from pgqueuer.adapters.persistence.queries import Queries
from sqlalchemy.ext.asyncio import AsyncSession


async def enqueue(session: AsyncSession, entrypoint: str, payload: bytes | None = None) -> None:
    """Queue one run of `entrypoint` when the session's transaction commits.

    No dedupe key: pgqueuer's ON CONFLICT on a key would make concurrent requests wait for each
    other's commit; a handler that sweeps what is due finds nothing left on a second run.
    """
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    driver = AsyncpgDriver(cast(Any, raw.driver_connection))
    await Queries(driver).enqueue(entrypoint, payload)
