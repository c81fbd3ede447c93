"""The notification domain's jobs: delivery right after a change commits (enqueued with the
outbox rows), and a sweep every minute for retries and for a change whose delivery job found
nothing yet (ADR 0025)."""

from __future__ import annotations

from typing import cast

from socialaid.jobs.registry import JobContext, JobRegistry
from socialaid.notifications.channels import Sender
from socialaid.notifications.delivery import deliver_due
from socialaid.notifications.outbox import DELIVER_JOB

SENDERS = "notifications.senders"  # the JobContext resource the worker sets up
RETRY_SWEEP = "notifications.retry"


def register(registry: JobRegistry) -> None:
    @registry.job(DELIVER_JOB)
    async def deliver(context: JobContext, _payload: bytes | None) -> None:
        await deliver_due(context.db, cast(list[Sender], context.resources[SENDERS]))

    @registry.periodic(RETRY_SWEEP, "* * * * *")
    async def sweep(context: JobContext) -> None:
        await deliver_due(context.db, cast(list[Sender], context.resources[SENDERS]))
