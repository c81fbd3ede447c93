"""Telling every server process that an application changed: pg_notify in the changing
transaction (delivered on commit, never for a rollback), one LISTEN connection per process
(`db.listener.Listener`, which reconnects by itself), fanned out to that process's
`applicationUpdated` subscribers. A lost connection ends every subscription (LOST): the changes
made while nothing listened are never told, so no subscriber is left waiting for them."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.engine import URL

from socialaid.db.database import DEFAULT_TIMEOUTS
from socialaid.db.listener import Listener

log = logging.getLogger(__name__)

CHANNEL = "socialaid_application"
QUEUE_SIZE = 64
# Put in every subscriber's queue when the listener is lost: no update can be promised any more.
LOST = ""


def change_notice(application_id: str) -> tuple[str, str]:
    """The (channel, payload) of the pg_notify telling that the application changed; the caller
    sends it within the transaction's webhook fan-out statement (`emit_move_events`)."""
    return CHANNEL, application_id


class ApplicationUpdates:
    """One process's listener and its subscribers, keyed by application id."""

    def __init__(self) -> None:
        self._subscribers: defaultdict[str, set[asyncio.Queue[str]]] = defaultdict(set)
        self.listener = Listener(CHANNEL, self.publish, self._lost)

    @property
    def listening(self) -> bool:
        return self.listener.listening

    async def start(
        self, owner_url: URL, *, connect_timeout: float | None = DEFAULT_TIMEOUTS.connect_or_none
    ) -> None:
        await self.listener.start(owner_url, connect_timeout=connect_timeout)

    async def stop(self) -> None:
        await self.listener.stop()

    def _lost(self) -> None:
        log.warning("lost the application-update listener; ending its subscriptions")
        for queues in self._subscribers.values():
            for queue in queues:
                _end(queue)

    def publish(self, application_id: str) -> None:
        for queue in tuple(self._subscribers.get(application_id, ())):
            if queue.full():  # a slow subscriber needs to know only that something changed
                continue
            queue.put_nowait(application_id)

    @asynccontextmanager
    async def subscribe(self, application_id: str) -> AsyncIterator[asyncio.Queue[str]]:
        """A queue that receives the application's id on every change, or LOST (at once if the
        listener is reconnecting: no change can be promised until it listens again)."""
        queue: asyncio.Queue[str] = asyncio.Queue(QUEUE_SIZE)
        if self.listener.started and not self.listener.listening:
            _end(queue)
        self._subscribers[application_id].add(queue)
        try:
            yield queue
        finally:
            subscribers = self._subscribers.get(application_id)
            if subscribers is not None:
                subscribers.discard(queue)
                if not subscribers:
                    del self._subscribers[application_id]


def _end(queue: asyncio.Queue[str]) -> None:
    while queue.full():
        queue.get_nowait()
    queue.put_nowait(LOST)
