"""The job kinds and periodic tasks a worker runs, registered by the domains that own them.

A domain adds a job kind with `registry.job(name)(handler)` and a periodic task with
`registry.periodic(name, cron)(handler)`; handlers take the `JobContext` (the database, the
settings, the clock, the senders) and, for a job, the payload bytes it was enqueued with.
`socialaid.worker_jobs` is the one place that calls every domain's `register(registry)`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from socialaid.config import Settings
from socialaid.db.database import Database


@dataclass
class JobContext:
    """What every handler gets: shared by the jobs of one worker process."""

    db: Database
    settings: Settings
    clock: Callable[[], datetime]
    # Per-domain resources set up by the worker (the notification channels' senders, …).
    resources: Mapping[str, Any] = field(default_factory=dict)


JobHandler = Callable[[JobContext, bytes | None], Awaitable[None]]
PeriodicHandler = Callable[[JobContext], Awaitable[None]]


@dataclass(frozen=True)
class Periodic:
    cron: str
    handler: PeriodicHandler


@dataclass
class JobRegistry:
    jobs: dict[str, JobHandler] = field(default_factory=dict)
    periodic_tasks: dict[str, Periodic] = field(default_factory=dict)

    def job(self, name: str) -> Callable[[JobHandler], JobHandler]:
        def register(handler: JobHandler) -> JobHandler:
            if name in self.jobs:
                raise ValueError(f"job kind {name} registered twice")
            self.jobs[name] = handler
            return handler

        return register

    def periodic(self, name: str, cron: str) -> Callable[[PeriodicHandler], PeriodicHandler]:
        """A task run once per `cron` tick (five fields, UTC) across all workers."""

        def register(handler: PeriodicHandler) -> PeriodicHandler:
            if name in self.periodic_tasks:
                raise ValueError(f"periodic task {name} registered twice")
            self.periodic_tasks[name] = Periodic(cron, handler)
            return handler

        return register
