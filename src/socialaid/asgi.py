"""The API as an importable ASGI app, for any ASGI server: `uvicorn socialaid.asgi:app`, or
`gunicorn -k uvicorn.workers.UvicornWorker socialaid.asgi:app`.

Its lifespan connects to the database named by DATABASE_URL, runs the change listeners (see
api/change_listeners.py) while it serves, and disposes the connection pools at shutdown. Unlike
`socialaid serve` it neither starts an embedded database nor migrates (`socialaid db upgrade`
does, before the servers start), nor seeds, nor signs audit checkpoints: with one process per
worker, every worker would sign (run `socialaid audit checkpoint` on a schedule instead).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from sqlalchemy.engine import make_url
from starlette.types import ASGIApp, Receive, Scope, Send

from socialaid.config import ConfigurationError, Settings
from socialaid.db.database import Database

log = logging.getLogger(__name__)

MISSING_DATABASE_URL = (
    "DATABASE_URL is not set: socialaid.asgi:app serves an existing, migrated database"
    " (postgresql://owner:password@host/dbname); only `socialaid serve` starts an embedded one"
)


@contextlib.asynccontextmanager
async def serving_from_settings() -> AsyncIterator[ASGIApp]:
    """The app, with its database and change listeners, for as long as the block runs."""
    from socialaid.api.change_listeners import serving_with_listeners

    settings = Settings()
    # A server that would refuse every token must not look healthy to the load balancer.
    settings.check_for_serving()
    if not settings.database_url:
        raise ConfigurationError(MISSING_DATABASE_URL)
    owner_url = make_url(settings.database_url)
    db = Database.from_settings(owner_url, settings)
    try:
        async with serving_with_listeners(db, settings, owner_url) as app:
            yield app
    finally:
        await db.dispose()


class HostedApp:
    """Answers the ASGI lifespan protocol itself (building the app at startup, releasing it at
    shutdown) and hands every other connection to the app it built."""

    def __init__(self) -> None:
        self._app: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if self._app is None:
            # Only a server that skips the lifespan (uvicorn --lifespan off) gets here.
            raise RuntimeError("socialaid.asgi:app needs the ASGI lifespan to start it")
        await self._app(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        await receive()  # lifespan.startup
        serving = serving_from_settings()
        try:
            self._app = await serving.__aenter__()
        except Exception as error:
            # The server prints the message and exits without serving.
            await send({"type": "lifespan.startup.failed", "message": str(error)})
            return
        await send({"type": "lifespan.startup.complete"})
        await receive()  # lifespan.shutdown
        self._app = None
        try:
            await serving.__aexit__(None, None, None)
        except Exception as error:
            await send({"type": "lifespan.shutdown.failed", "message": str(error)})
            return
        await send({"type": "lifespan.shutdown.complete"})


app = HostedApp()
