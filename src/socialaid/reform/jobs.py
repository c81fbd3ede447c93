"""The reform domain's periodic task: fold the marked applications' counts (fold.py)."""

from __future__ import annotations

from socialaid.jobs.registry import JobContext, JobRegistry
from socialaid.reform.fold import fold_reform_dirty

REFORM_FOLD = "reform.fold"


def register(registry: JobRegistry, cron: str) -> None:
    @registry.periodic(REFORM_FOLD, cron)
    async def fold(context: JobContext) -> None:
        await fold_reform_dirty(context.db)
