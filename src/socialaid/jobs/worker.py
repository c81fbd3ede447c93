"""Running a registry's jobs and periodic tasks with pgqueuer until told to stop.

Every worker process registers the same periodic tasks; pgqueuer keeps one row per task in
`pgqueuer_schedules` with its next run, so a restart does not reset the schedule, and a due run
is picked by one worker only (FOR UPDATE SKIP LOCKED, then marked picked).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from pgqueuer import PgQueuer
from pgqueuer.models import Job, Schedule

from socialaid.db.database import Database
from socialaid.jobs.registry import JobContext, JobHandler, JobRegistry, PeriodicHandler

log = logging.getLogger(__name__)
POOL_SIZE = 4  # pgqueuer's listener keeps one; the queue and the scheduler share the rest


def _dsn(db: Database) -> str:
    # The app role, straight to the server (not PgBouncer): the queue LISTENs for new jobs.
    return db.listen_url.set(drivername="postgresql").render_as_string(hide_password=False)


def _job(handler: JobHandler, context: JobContext):  # type: ignore[no-untyped-def]
    async def run(job: Job) -> None:
        await handler(context, job.payload)

    return run


def _periodic(handler: PeriodicHandler, context: JobContext):  # type: ignore[no-untyped-def]
    async def run(_schedule: Schedule) -> None:
        await handler(context)

    return run


def queuer(pool: asyncpg.Pool, registry: JobRegistry, context: JobContext) -> PgQueuer:
    pgq = PgQueuer.from_asyncpg_pool(pool)
    for name, handler in registry.jobs.items():
        pgq.entrypoint(name)(_job(handler, context))
    for name, periodic in registry.periodic_tasks.items():
        pgq.schedule(name, periodic.cron)(_periodic(periodic.handler, context))
    return pgq


async def run_worker(registry: JobRegistry, context: JobContext, stop: asyncio.Event) -> None:
    """Run the jobs of `registry` until `stop` is set."""
    pool = await asyncpg.create_pool(_dsn(context.db), min_size=1, max_size=POOL_SIZE)
    try:
        pgq = queuer(pool, registry, context)
        running = asyncio.create_task(pgq.run())
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        pgq.shutdown.set()
        stopping.cancel()
        await running
    finally:
        await pool.close()


@asynccontextmanager
async def worker_running(
    registry: JobRegistry, context: JobContext, *, enabled: bool = True
) -> AsyncIterator[None]:
    """A worker beside whatever the block runs (`socialaid serve`'s embedded worker)."""
    if not enabled:
        yield
        return
    stop = asyncio.Event()
    task = asyncio.create_task(run_worker(registry, context, stop))
    try:
        yield
    finally:
        stop.set()
        try:
            await task
        except Exception:  # the server is stopping anyway; say why the worker had ended
            log.exception("the embedded job worker failed")
