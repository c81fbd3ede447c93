"""One log line per HTTP request: client, method, path, status, milliseconds.

uvicorn's access log writes the whole request target, and a query string can carry what must not
be logged: a GET query's variables (an ID number), the audit export's filters. This one writes
the path alone, so `socialaid serve` turns uvicorn's off.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Receive, Scope, Send

from socialaid.api.response_status import NotedStatus

log = logging.getLogger(__name__)

MAX_PATH_CHARS = 100


def printable_path(path: str) -> str:
    """The path as one bounded line: it is percent-decoded, so it could hold a line break."""
    shown = "".join(c if c.isprintable() else "?" for c in path[: MAX_PATH_CHARS + 1])
    return shown if len(shown) <= MAX_PATH_CHARS else shown[: MAX_PATH_CHARS - 1] + "…"


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = NotedStatus(send)

        try:
            await self.app(scope, receive, status)
        finally:
            client = scope.get("client")
            path = printable_path(scope["path"])
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            log.info(
                '%s "%s %s" %d %.1f ms',
                client[0] if client else "-",
                scope["method"],
                path,
                status.code,
                duration_ms,
                # Fields of their own for the JSON log (log_format.ACCESS_FIELDS), each safe.
                extra={
                    "method": scope["method"],
                    "path": path,
                    "status": status.code,
                    "duration_ms": duration_ms,
                },
            )
