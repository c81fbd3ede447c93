"""The re-verification job as `socialaid worker` runs it: registered beside the deadline scan,
made due now, it opens the review whose date has come and the applicant's notice is delivered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import text

from socialaid.applications.jobs import REVERIFICATION_SCAN
from socialaid.db.database import Database
from socialaid.notifications.channels import read_sink
from socialaid.worker_jobs import job_registry
from tests.applications_api.flows import SHANGHAI_FAMILY
from tests.conftest import test_settings
from tests.jobs.worker import eventually, make_due_now, running_worker
from tests.reverification.helpers import ADVISER, Clock, accepted_application, approve, reviews


async def review_due(db: Database) -> bool:
    async with db.owner_session() as session:
        return bool(
            await session.scalar(text("SELECT count(*) FROM reverification WHERE state = 'due'"))
        )


async def test_the_worker_opens_the_review_on_its_date_and_the_applicant_is_told(
    db: Database, client: httpx.AsyncClient, clock: Clock, tmp_path: Path
) -> None:
    settings = test_settings(notification_sink_file=tmp_path / "sink.jsonl")
    registry = job_registry(settings)
    application = await accepted_application(db, SHANGHAI_FAMILY)
    await approve(
        db,
        client,
        application,
        "dibao",
        reverificationPeriod="unstable_income_with_labour_capacity",
    )
    clock.on(date(2027, 6, 1))
    await make_due_now(db, registry, REVERIFICATION_SCAN)
    async with running_worker(db, settings, clock, registry):
        await eventually(lambda: review_due(db), "open the review")
        await eventually(
            lambda: _told(tmp_path / "sink.jsonl"), "deliver the applicant's review notice"
        )
    [due] = await reviews(client, ADVISER, states=["DUE"])
    assert due["dueOn"] == "2027-06-01"


async def _told(sink: Path) -> bool:
    return any("已到核查时间" in str(m.get("text", "")) for m in read_sink(sink))
