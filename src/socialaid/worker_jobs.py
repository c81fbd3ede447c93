"""The one place that knows every domain's jobs: the registry a worker runs, and the resources
its jobs share (ADR 0025 "Adding a job"). Above the domains, as `api` is for the schema."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

import httpx

from socialaid.applications import jobs as application_jobs
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.discovery import jobs as discovery_jobs
from socialaid.jobs.registry import JobContext, JobRegistry
from socialaid.kernel.unit_of_work import now_in_china
from socialaid.notifications import jobs as notification_jobs
from socialaid.notifications.senders import senders_from
from socialaid.reform import jobs as reform_jobs
from socialaid.statistics import jobs as statistics_jobs


def job_registry(settings: Settings) -> JobRegistry:
    registry = JobRegistry()
    notification_jobs.register(registry)
    application_jobs.register(
        registry, settings.deadline_scan_cron, settings.reverification_scan_cron
    )
    discovery_jobs.register(registry, settings.discovery_cron)
    statistics_jobs.register(registry, settings.statistics_fold_cron)
    # The reform counts are folded on the statistics fold's schedule (ADR 0035).
    reform_jobs.register(registry, settings.statistics_fold_cron)
    return registry


@asynccontextmanager
async def job_context(
    db: Database, settings: Settings, clock: Callable[[], datetime] = now_in_china
) -> AsyncIterator[JobContext]:
    """The context every job of one worker shares, with its HTTP client open for the block.

    The jobs get pools of their own with a job-sized statement timeout
    (`SOCIALAID_JOB_STATEMENT_TIMEOUT`): `db` may be `serve`'s, whose requests keep theirs."""
    jobs_db = db.with_statement_timeout(settings.job_statement_timeout)
    try:
        async with httpx.AsyncClient(timeout=settings.notification_timeout) as client:
            yield JobContext(
                db=jobs_db,
                settings=settings,
                clock=clock,
                resources={notification_jobs.SENDERS: senders_from(settings, client)},
            )
    finally:
        await jobs_db.dispose()
