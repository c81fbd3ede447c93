"""The LISTEN/NOTIFY change listeners a serving process runs, started and stopped together.

Each keeps one of the process's caches fresh: grants and policies (the authenticator), the
catalogue revision that public responses are cached under, and the application updates that
subscriptions receive. `socialaid serve` and the importable ASGI app (`socialaid.asgi`) both run
them through `serving_with_listeners`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator
from dataclasses import dataclass

from sqlalchemy.engine import URL
from starlette.applications import Starlette

from socialaid.access.authentication import Authenticator
from socialaid.api.app import create_app
from socialaid.applications.notifications import ApplicationUpdates
from socialaid.catalogue.revision import RevisionWatcher
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.tracing import exporting_traces


@dataclass(frozen=True)
class ChangeListeners:
    """What `create_app` shares with the running listeners."""

    authenticator: Authenticator
    revisions: RevisionWatcher
    application_updates: ApplicationUpdates


@contextlib.asynccontextmanager
async def serving_with_listeners(
    db: Database, settings: Settings, owner_url: URL
) -> AsyncIterator[Starlette]:
    """The app, with its change listeners running for as long as the block runs, and its
    traces exported when configured (socialaid/tracing.py)."""
    async with (
        exporting_traces(settings) as tracing,
        listening_for_changes(db, settings, owner_url) as listeners,
    ):
        app = create_app(
            db,
            settings,
            listeners.authenticator,
            listeners.revisions,
            listeners.application_updates,
            tracing=tracing,
        )
        # The catalogue and policy loaded so far live as long as the process: keep the
        # collector from rescanning them (it made form compilation's p99 three times its median).
        gc.collect()
        gc.freeze()
        sampler = app.state.metrics_sampler
        async with sampler.running() if sampler is not None else contextlib.nullcontext():
            yield app


@contextlib.asynccontextmanager
async def listening_for_changes(
    db: Database, settings: Settings, owner_url: URL
) -> AsyncIterator[ChangeListeners]:
    """Run the change listeners for as long as the block runs; stop them, last first, after."""
    # Listening for grant and policy changes lets this process cache grants safely.
    listeners = ChangeListeners(Authenticator(settings), RevisionWatcher(db), ApplicationUpdates())
    try:
        await listeners.authenticator.start()
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
