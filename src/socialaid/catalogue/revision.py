"""The content revision every server process knows without asking the database per request.

Every change to public reference data bumps `content_revision` and NOTIFYs in the same
transaction; each process LISTENs and forgets its copy when told, so the next request reads the
new revision once. Without a live listener (it reconnects by itself), every request reads it
(never a stale answer).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.catalogue.service import content_revision
from socialaid.db.database import Database
from socialaid.db.listener import Listener

CHANNEL = "socialaid_content"


async def notify_content_changed(session: AsyncSession) -> None:
    """Queue the notification; PostgreSQL delivers it when the transaction commits."""
    await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


class RevisionWatcher:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._known: int | None = None
        self._listening = False
        # Bumped by every notification, so a read that raced one is not kept.
        self._generation = 0
        self._listener = Listener(CHANNEL, self._changed, self._lost, self._resumed)

    async def start(self) -> None:
        await self._listener.start(
            self.db.owner_url, connect_timeout=self.db.timeouts.connect_or_none
        )

    async def stop(self) -> None:
        self._listening = False
        await self._listener.stop()

    def _changed(self, _payload: str) -> None:
        self._generation += 1
        self._known = None

    def _lost(self) -> None:
        self._listening = False
        self._known = None

    def _resumed(self) -> None:
        # A read begun while nothing listened may predate a change no one was told of.
        self._generation += 1
        self._known = None
        self._listening = True

    async def current(self) -> int:
        if self._listening and self._known is not None:
            return self._known
        generation = self._generation
        async with self.db.session() as session:
            revision = await content_revision(session)
        if self._listening and generation == self._generation:
            self._known = revision
        return revision
