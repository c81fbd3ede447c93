"""The LISTEN/NOTIFY change listeners a serving process runs, started and stopped together.

Each keeps one of the process's caches fresh: grants and policies (the authenticator), the
catalogue revision that public responses are cached under, and the application updates that
subscriptions receive. `socialaid serve` and the importable ASGI app (`socialaid.asgi`) both run
them through `listening_for_changes`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from sqlalchemy.engine import URL

from socialaid.access.authentication import Authenticator
from socialaid.applications.notifications import ApplicationUpdates
from socialaid.catalogue.revision import RevisionWatcher
from socialaid.config import Settings
from socialaid.db.database import Database


@dataclass(frozen=True)
class ChangeListeners:
    """What `create_app` shares with the running listeners."""

    authenticator: Authenticator
    revisions: RevisionWatcher
    application_updates: ApplicationUpdates


@contextlib.asynccontextmanager
async def listening_for_changes(
    db: Database, settings: Settings, owner_url: URL
) -> AsyncIterator[ChangeListeners]:
    """Run the change listeners for as long as the block runs; stop them, last first, after."""
    # Listening for grant and policy changes lets this process cache grants safely.
    listeners = ChangeListeners(Authenticator(settings), RevisionWatcher(db), ApplicationUpdates())
    try:
        await listeners.authenticator.listen(db)
        await listeners.revisions.start()
        await listeners.application_updates.start(
            owner_url, connect_timeout=db.timeouts.connect_or_none
        )
        yield listeners
    finally:
        await listeners.application_updates.stop()
        await listeners.revisions.stop()
        await listeners.authenticator.close()
