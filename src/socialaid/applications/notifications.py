"""Telling every server process that an application changed: pg_notify in the changing
transaction (delivered on commit, never for a rollback), one asyncpg LISTEN connection per
process, fanned out to that process's `applicationUpdated` subscribers."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.db.bootstrap import owner_connection

log = logging.getLogger(__name__)

CHANNEL = "socialaid_application"
QUEUE_SIZE = 64
# Put in every subscriber's queue when the listener is lost: no update can be promised any more.
LOST = ""


async def notify_application_changed(session: AsyncSession, application_id: str) -> None:
    """Queue a notification naming the application; PostgreSQL delivers it on commit."""
    await session.execute(
        text("SELECT pg_notify(:channel, :id)"), {"channel": CHANNEL, "id": application_id}
    )


class ApplicationUpdates:
    """One process's listener and its subscribers, keyed by application id."""

    def __init__(self) -> None:
        self._subscribers: defaultdict[str, set[asyncio.Queue[str]]] = defaultdict(set)
        self._connection: asyncpg.Connection | None = None
        self._url: URL | None = None

    @property
    def listening(self) -> bool:
        return self._connection is not None

    async def start(self, owner_url: URL) -> None:
        self._url = owner_url
        self._connection = await owner_connection(owner_url)
        self._connection.add_termination_listener(self._terminated)
        await self._connection.add_listener(CHANNEL, self._notified)

    async def stop(self) -> None:
        self._url = None
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.remove_termination_listener(self._terminated)
            await connection.close()

    def _notified(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        self.publish(payload)

    def _terminated(self, _conn: Any) -> None:
        log.warning("lost the application-update listener; ending its subscriptions")
        self._connection = None
        for queues in self._subscribers.values():
            for queue in queues:
                while queue.full():
                    queue.get_nowait()
                queue.put_nowait(LOST)

    def publish(self, application_id: str) -> None:
        for queue in tuple(self._subscribers.get(application_id, ())):
            if queue.full():  # a slow subscriber needs to know only that something changed
                continue
            queue.put_nowait(application_id)

    @asynccontextmanager
    async def subscribe(self, application_id: str) -> AsyncIterator[asyncio.Queue[str]]:
        """A queue that receives the application's id on every change, or LOST."""
        if self._connection is None and self._url is not None:
            await self.start(self._url)  # listen again after a lost connection
        queue: asyncio.Queue[str] = asyncio.Queue(QUEUE_SIZE)
        self._subscribers[application_id].add(queue)
        try:
            yield queue
        finally:
            subscribers = self._subscribers.get(application_id)
            if subscribers is not None:
                subscribers.discard(queue)
                if not subscribers:
                    del self._subscribers[application_id]
