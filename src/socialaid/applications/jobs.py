"""The applications domain's periodic task: the deadline scan (deadline_scan.py)."""

from __future__ import annotations

from socialaid.applications.deadline_scan import scan_deadlines
from socialaid.jobs.registry import JobContext, JobRegistry

DEADLINE_SCAN = "deadlines.scan"


def register(registry: JobRegistry, cron: str) -> None:
    @registry.periodic(DEADLINE_SCAN, cron)
    async def scan(context: JobContext) -> None:
        await scan_deadlines(
            context.db, context.clock, context.settings.deadline_reminder_working_days
        )
