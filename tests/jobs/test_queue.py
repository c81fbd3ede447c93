"""The job queue's promises: a periodic task runs once across several workers and keeps its
schedule over a restart; an outbox row and its delivery job exist only if the change commits."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.applications.triage import triage_accept
from socialaid.db.database import Database
from socialaid.errors import DomainError
from socialaid.jobs.registry import JobContext, JobRegistry
from socialaid.kernel.context import Context
from socialaid.kernel.unit_of_work import now_in_china
from socialaid.notifications.outbox import DELIVER_JOB
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    applicant,
    apply,
    shanghai_answers,
    window_clerk,
)
from tests.conftest import test_settings
from tests.graphql_client import execute, principal
from tests.identity_numbers import id_number
from tests.jobs.worker import eventually, make_due_now, running_worker

CHANGNING = "310105"
TICK = "test.tick"


def counting_registry(runs: list[str], name: str) -> JobRegistry:
    """A registry with one periodic task that notes which worker ran it."""
    registry = JobRegistry()

    # Once a year, so that the only run in the test is the one it makes due (a task due every
    # minute may legitimately run again when the test crosses a minute).
    @registry.periodic(TICK, "0 0 1 1 *")
    async def tick(_context: JobContext) -> None:
        runs.append(name)

    return registry


async def schedule_row(db: Database) -> tuple[str, datetime, datetime | None]:
    async with db.owner_session() as session:
        row = (
            await session.execute(
                text(
                    "SELECT status::text, next_run, last_run FROM pgqueuer_schedules"
                    " WHERE entrypoint = :e"
                ),
                {"e": TICK},
            )
        ).one()
    return row[0], row[1], row[2]


async def test_two_workers_run_a_due_periodic_task_once(db: Database, tmp_path: Path) -> None:
    settings = test_settings(notification_sink_file=tmp_path / "sink.jsonl")
    runs: list[str] = []
    first, second = counting_registry(runs, "first"), counting_registry(runs, "second")
    await make_due_now(db, first, TICK)

    async def finished() -> bool:
        status, _, last_run = await schedule_row(db)
        return status == "queued" and last_run is not None

    async with (
        running_worker(db, settings, now_in_china, first),
        running_worker(db, settings, now_in_china, second),
    ):
        await eventually(finished, "run the periodic task")
        # Both schedulers have polled by now (each does at start); neither may run it again
        # before next year.
        await asyncio.sleep(1)

    assert len(runs) == 1
    assert runs[0] in {"first", "second"}


async def test_a_periodic_task_keeps_its_schedule_when_the_worker_restarts(
    db: Database, tmp_path: Path
) -> None:
    settings = test_settings(notification_sink_file=tmp_path / "sink.jsonl")
    runs: list[str] = []
    registry = counting_registry(runs, "worker")
    async with running_worker(db, settings, now_in_china, registry):
        await eventually(_schedule_exists(db), "write the schedule")
    _, planned, _ = await schedule_row(db)

    async with running_worker(db, settings, now_in_china, registry):
        await eventually(_schedule_exists(db), "read the schedule")
    _, still_planned, _ = await schedule_row(db)

    assert still_planned == planned
    assert runs == []


def _schedule_exists(db: Database):  # type: ignore[no-untyped-def]
    async def check() -> bool:
        async with db.owner_session() as session:
            found = await session.scalar(
                text("SELECT count(*) FROM pgqueuer_schedules WHERE entrypoint = :e"), {"e": TICK}
            )
        return bool(found)

    return check


class RefusedError(DomainError):
    """What makes the runner roll a mutation back."""


async def outbox_and_jobs(db: Database) -> tuple[int, int]:
    async with db.owner_session() as session:
        notifications = await session.scalar(text("SELECT count(*) FROM notification"))
        jobs = await session.scalar(
            text("SELECT count(*) FROM pgqueuer WHERE entrypoint = :e"), {"e": DELIVER_JOB}
        )
    return int(notifications or 0), int(jobs or 0)


async def test_a_rolled_back_mutation_leaves_no_outbox_row_and_no_delivery_job(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", datetime(1982, 4, 2).date(), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    before = await outbox_and_jobs(db)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    uow = Context(db=db, settings=test_settings(), principal=clerk).unit_of_work()

    with pytest.raises(RefusedError):
        async with uow:
            await triage_accept(uow, application_id=submitted["id"], lock_version=1)
            written = await uow.session.scalar(
                text("SELECT count(*) FROM notification WHERE kind = 'accepted'")
            )
            assert written == 1  # in the transaction, beside the change
            raise RefusedError("回滚")

    assert await outbox_and_jobs(db) == before
    assert before == (1, 1)  # the submission's own notification and its delivery job


async def test_a_reader_without_the_application_sees_no_notifications(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", datetime(1982, 4, 2).date(), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    stranger = await principal(db, user="citizen-2", tenant=CHANGNING, roles=[Role.APPLICANT])

    data, errors = await execute(
        db,
        "query($id: ID!) { application(id: $id) { notifications { kind } } }",
        {"id": submitted["id"]},
        actor=stranger,
    )

    assert data is None
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]
