"""The applications domain's periodic tasks: the deadline scan (deadline_scan.py) and the
re-verification scan (review_scan.py)."""

from __future__ import annotations

from socialaid.applications.deadline_scan import scan_deadlines
from socialaid.applications.review_scan import open_due_reviews
from socialaid.jobs.registry import JobContext, JobRegistry

DEADLINE_SCAN = "deadlines.scan"
REVERIFICATION_SCAN = "reverification.scan"


def register(registry: JobRegistry, cron: str, reverification_cron: str) -> None:
    @registry.periodic(DEADLINE_SCAN, cron)
    async def scan(context: JobContext) -> None:
        await scan_deadlines(
            context.db, context.clock, context.settings.deadline_reminder_working_days
        )

    @registry.periodic(REVERIFICATION_SCAN, reverification_cron)
    async def reviews(context: JobContext) -> None:
        await open_due_reviews(context.db, context.clock)
