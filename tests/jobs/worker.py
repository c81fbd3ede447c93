"""Running the real job worker in the test's process against the test database, and making a
periodic task due now instead of waiting for its cron tick."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

import asyncpg
from sqlalchemy import text

from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.jobs.registry import JobContext, JobRegistry
from socialaid.jobs.worker import _dsn, queuer, worker_running
from socialaid.worker_jobs import job_context, job_registry

WAIT_SECONDS = 30


@asynccontextmanager
async def running_worker(
    db: Database,
    settings: Settings,
    clock: Callable[[], datetime],
    registry: JobRegistry | None = None,
) -> AsyncIterator[JobContext]:
    """`socialaid worker` as it runs, in this process, on `clock`."""
    async with (
        job_context(db, settings, clock) as context,
        worker_running(registry or job_registry(settings), context),
    ):
        yield context


async def make_due_now(db: Database, registry: JobRegistry, entrypoint: str) -> None:
    """The periodic task's schedule row as pgqueuer writes it, with its next run in the past: a
    worker starting now runs it at once."""
    pool = await asyncpg.create_pool(_dsn(db), min_size=1, max_size=2)
    try:
        pgq = queuer(pool, registry, context=None)  # type: ignore[arg-type]  # nothing runs
        keys = {k: timedelta(seconds=-1) for k in pgq.sm.registry if k.entrypoint == entrypoint}
        assert keys, f"no periodic task {entrypoint}"
        await pgq.sm.queries.insert_schedule(keys)
    finally:
        await pool.close()
    async with db.owner_session() as session, session.begin():
        await session.execute(
            text(
                "UPDATE pgqueuer_schedules SET next_run = now() - interval '1 second',"
                " status = 'queued' WHERE entrypoint = :e"
            ),
            {"e": entrypoint},
        )


async def eventually(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Wait for the worker to have done `what` (it runs concurrently), polling the database."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_SECONDS
    while not await check():
        if loop.time() > deadline:
            raise AssertionError(f"the worker did not {what} within {WAIT_SECONDS} s")
        await asyncio.sleep(0.05)
