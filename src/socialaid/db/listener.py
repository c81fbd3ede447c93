"""One process's LISTEN on a PostgreSQL channel, kept alive across lost connections.

Every NOTIFY on the channel reaches `on_notify` with its payload. A notification sent while the
connection is down is never delivered, so when the connection drops `on_lost` runs at once (the
owner forgets what it cached, or ends what it promised) and the listener connects again with
exponential backoff (0.1 s doubling to 5 s); `on_listening` runs each time LISTEN is in place, the
first time included, so the owner knows from when on it may trust notifications again.

Used for grant and policy changes (access), content revisions (catalogue) and application
updates (applications).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from typing import Any

import asyncpg
from sqlalchemy.engine import URL

from socialaid.db.bootstrap import owner_connection
from socialaid.db.database import DEFAULT_TIMEOUTS

log = logging.getLogger(__name__)

FIRST_DELAY = 0.1
MAX_DELAY = 5.0
# What a failed connection attempt raises while the database is down, restarting or full.
CONNECT_FAILURES = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)


def backoff(first: float = FIRST_DELAY, most: float = MAX_DELAY) -> Iterator[float]:
    """The waits before each attempt to connect again: `first`, doubling, never above `most`."""
    delay = first
    while True:
        yield delay
        delay = min(delay * 2, most)


def _nothing() -> None:
    return None


class Listener:
    """LISTEN on `channel` over a dedicated connection (the URL's user); see the module doc."""

    def __init__(
        self,
        channel: str,
        on_notify: Callable[[str], None],
        on_lost: Callable[[], None],
        on_listening: Callable[[], None] = _nothing,
        *,
        first_delay: float = FIRST_DELAY,
        max_delay: float = MAX_DELAY,
    ) -> None:
        self.channel = channel
        self._on_notify = on_notify
        self._on_lost = on_lost
        self._on_listening = on_listening
        self._first_delay = first_delay
        self._max_delay = max_delay
        self._url: URL | None = None  # set while started (listening or reconnecting)
        self._connect_timeout: float | None = None  # set by start()
        self._connection: asyncpg.Connection | None = None
        self._reconnecting: asyncio.Task[None] | None = None

    @property
    def started(self) -> bool:
        return self._url is not None

    @property
    def listening(self) -> bool:
        """LISTEN is in place: every notification from now on is delivered."""
        return self._connection is not None

    async def start(
        self, url: URL, *, connect_timeout: float | None = DEFAULT_TIMEOUTS.connect_or_none
    ) -> None:
        """Listen; raises when the database cannot be reached now (later losses are survived).
        `connect_timeout` bounds each attempt to connect, the first and every reconnection."""
        if self._url is not None:
            raise RuntimeError(f"the listener on {self.channel} is already started")
        self._url = url
        self._connect_timeout = connect_timeout
        try:
            await self._connect()
        except BaseException:
            self._url = None
            raise

    async def stop(self) -> None:
        self._url = None
        task, self._reconnecting = self._reconnecting, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.remove_termination_listener(self._terminated)
            await connection.close()

    async def _connect(self) -> None:
        assert self._url is not None
        connection = await owner_connection(self._url, connect_timeout=self._connect_timeout)
        try:
            await connection.add_listener(self.channel, self._notified)
            connection.add_termination_listener(self._terminated)
            if connection.is_closed():
                raise ConnectionError("the connection closed while it started listening")
        except BaseException:
            connection.remove_termination_listener(self._terminated)
            connection.terminate()
            raise
        if self._url is None:  # stopped meanwhile
            connection.remove_termination_listener(self._terminated)
            await connection.close()
            return
        self._connection = connection
        self._on_listening()

    def _notified(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        self._on_notify(payload)

    def _terminated(self, connection: Any) -> None:
        if connection is not self._connection:
            return
        log.warning("lost the LISTEN connection on %s; connecting again", self.channel)
        self._connection = None
        self._on_lost()
        if self._url is not None and self._reconnecting is None:
            self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        try:
            for delay in backoff(self._first_delay, self._max_delay):
                await asyncio.sleep(delay)
                if self._url is None:
                    return
                try:
                    await self._connect()
                except CONNECT_FAILURES as error:
                    log.warning(
                        "cannot LISTEN on %s yet (%s); next try in up to %.1f s",
                        self.channel,
                        error,
                        min(delay * 2, self._max_delay),
                    )
                    continue
                log.info("listening on %s again", self.channel)
                return
        finally:
            self._reconnecting = None
