"""The worker's jobs get a job-sized statement timeout (SOCIALAID_JOB_STATEMENT_TIMEOUT) on the
server and in the client, while the requests of the same process keep theirs — the embedded
worker of `socialaid serve` is handed serve's own database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from socialaid.db.database import Database
from socialaid.jobs.registry import JobContext, JobRegistry
from socialaid.kernel.unit_of_work import now_in_china
from tests.conftest import TEST_SECRET, test_settings
from tests.jobs.worker import eventually, make_due_now, running_worker

SLOW = "test.slow_statement"
# Longer than the request timeout below, far shorter than the job timeout.
SLEEP = "SELECT pg_sleep(1.5)"


def sleeping_registry(outcomes: list[str]) -> JobRegistry:
    registry = JobRegistry()

    @registry.periodic(SLOW, "0 0 1 1 *")
    async def slow(context: JobContext) -> None:
        try:
            async with context.db.session() as session:
                await session.execute(text(SLEEP))
            outcomes.append("finished")
        except Exception as error:  # the test reads what happened, not a traceback in a log
            outcomes.append(f"failed: {type(error).__name__}")

    return registry


def serve_database(db: Database, request_timeout: float) -> Database:
    """The database `serve` would hand its embedded worker: a request's statement timeout."""
    return Database(
        db.owner_url,
        TEST_SECRET,
        timeouts=replace(db.timeouts, statement=request_timeout),
    )


async def test_a_job_statement_longer_than_a_requests_timeout_completes(
    db: Database, tmp_path: Path
) -> None:
    settings = test_settings(
        notification_sink_file=tmp_path / "sink.jsonl",
        db_statement_timeout=0.5,
        job_statement_timeout=30,
    )
    serving = serve_database(db, settings.db_statement_timeout)
    outcomes: list[str] = []
    registry = sleeping_registry(outcomes)
    await make_due_now(db, registry, SLOW)

    async def ran() -> bool:
        return bool(outcomes)

    try:
        async with running_worker(serving, settings, now_in_china, registry):
            await eventually(ran, "run the slow job")
        assert outcomes == ["finished"]
    finally:
        await serving.dispose()


async def test_a_request_statement_still_stops_at_the_request_timeout(db: Database) -> None:
    serving = serve_database(db, 0.5)
    try:
        with pytest.raises(DBAPIError, match="statement timeout"):
            async with serving.session() as session:
                await session.execute(text(SLEEP))
    finally:
        await serving.dispose()
