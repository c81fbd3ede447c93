"""The discovery domain's periodic task: the discovery job (scan.py)."""

from __future__ import annotations

from socialaid.discovery.scan import run_discovery
from socialaid.jobs.registry import JobContext, JobRegistry

DISCOVERY_SCAN = "discovery.scan"


def register(registry: JobRegistry, cron: str) -> None:
    @registry.periodic(DISCOVERY_SCAN, cron)
    async def scan(context: JobContext) -> None:
        await run_discovery(context.db, context.clock)
