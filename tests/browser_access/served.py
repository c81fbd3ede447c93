"""The API as a browser on another origin meets it: uvicorn on a loopback port, the change
listeners running (grants, catalogue, application updates), and the allowed origins set."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from socialaid.api.app import create_app
from socialaid.api.change_listeners import ChangeListeners, listening_for_changes
from socialaid.config import Settings
from socialaid.db.database import Database
from tests.test_http import free_port, on_loopback

# The portal's origin, allowed by the served API; the other is not.
PORTAL_PORT = free_port()
PORTAL = f"http://127.0.0.1:{PORTAL_PORT}"
STRANGER_PORT = free_port()
STRANGER = f"http://127.0.0.1:{STRANGER_PORT}"


@dataclass(frozen=True)
class Served:
    url: str  # http://127.0.0.1:<port>
    listeners: ChangeListeners

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/graphql"


@contextlib.asynccontextmanager
async def serving(db: Database, settings: Settings) -> AsyncIterator[Served]:
    async with listening_for_changes(db, settings, db.owner_url) as listeners:
        app = create_app(
            db,
            settings,
            listeners.authenticator,
            listeners.revisions,
            listeners.application_updates,
        )
        async with on_loopback(app) as address:
            yield Served(f"http://{address}", listeners)
