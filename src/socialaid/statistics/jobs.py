"""The statistics domain's periodic task: fold the dirty days into the rollups (fold.py)."""

from __future__ import annotations

from socialaid.jobs.registry import JobContext, JobRegistry
from socialaid.statistics.fold import fold_dirty_days

STATISTICS_FOLD = "statistics.fold"


def register(registry: JobRegistry, cron: str) -> None:
    @registry.periodic(STATISTICS_FOLD, cron)
    async def fold(context: JobContext) -> None:
        await fold_dirty_days(context.db)
