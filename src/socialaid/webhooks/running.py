"""The delivery loop that runs wherever the job worker runs: `socialaid worker`, and `socialaid
serve`'s embedded worker (one process: the parent of the server processes). A loop, not a
periodic job, because the queue's periodic tasks run at most once a minute and a department
system should hear of a case in seconds; claims with leases make several loops safe (ADR 0026)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.webhooks.delivery import DeliveryOptions, deliver_due, new_client

log = logging.getLogger("socialaid.webhooks")


async def _deliver_periodically(db: Database, options: DeliveryOptions, interval: float) -> None:
    async with new_client(options) as client:
        while True:
            try:
                done = await deliver_due(db, options, client=client)
            except Exception:  # a failed round (database restarting) is logged, not fatal
                log.exception("webhook deliveries could not be sent")
                done = None
            # A full batch means more may be due: go on at once.
            if done is None or done.claimed < options.batch_size:
                await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def delivering_while_serving(db: Database, settings: Settings) -> AsyncIterator[None]:
    """Send due webhook deliveries every SOCIALAID_WEBHOOK_POLL_INTERVAL seconds while the block
    runs; 0: none (another process or the job queue delivers)."""
    options = DeliveryOptions.of(settings)
    if settings.webhook_poll_interval <= 0:
        log.warning("this process sends no webhook deliveries (SOCIALAID_WEBHOOK_POLL_INTERVAL=0)")
        yield
        return
    task = asyncio.create_task(_deliver_periodically(db, options, settings.webhook_poll_interval))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
