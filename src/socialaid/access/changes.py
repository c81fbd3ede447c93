"""Telling every process that grants or policy changed: PostgreSQL NOTIFY, asyncpg LISTEN."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.db.bootstrap import owner_connection

log = logging.getLogger(__name__)

CHANNEL = "socialaid_access"
EVERYTHING = "*"  # payload meaning: reload the policy files and forget every cached grant


async def notify_access_changed(session: AsyncSession, key: str) -> None:
    """Queue a notification (a user id, or EVERYTHING); PostgreSQL delivers it on commit."""
    await session.execute(
        text("SELECT pg_notify(:channel, :key)"), {"channel": CHANNEL, "key": key}
    )


class ChangeListener:
    """A dedicated connection LISTENing on a channel; `on_lost` runs if the connection drops."""

    def __init__(
        self,
        on_change: Callable[[str], None],
        on_lost: Callable[[], None],
        channel: str = CHANNEL,
    ) -> None:
        self._channel = channel
        self._on_change = on_change
        self._on_lost = on_lost
        self._connection: asyncpg.Connection | None = None

    async def start(self, url: URL) -> None:
        self._connection = await owner_connection(url)
        self._connection.add_termination_listener(self._terminated)
        await self._connection.add_listener(self._channel, self._notified)

    def _notified(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        self._on_change(payload)

    def _terminated(self, _conn: Any) -> None:
        log.warning("lost the access-change listener; grants are read per request from now on")
        self._connection = None
        self._on_lost()

    async def stop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.remove_termination_listener(self._terminated)
            await connection.close()
