"""CORS for the HTTP routes: which browser pages on other origins may read the API's answers.

Only the origins of SOCIALAID_CORS_ORIGINS are named back in Access-Control-Allow-Origin; a
preflight from any other origin is refused (403), and its actual requests are answered without
the header, so the browser keeps the answer from the page. Credentials mode is never allowed:
the API reads tokens from the Authorization header, not cookies, so a page has no ambient
credential to lend another site. WebSocket handshakes are checked by strawberry's
`allowed_origins` (given the same list); this middleware passes them through.
"""

from __future__ import annotations

import json

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALLOWED_METHODS = "GET, POST"
ALLOWED_HEADERS = "Authorization, Content-Type, X-Request-ID"
EXPOSED_HEADERS = "X-Request-ID"
# Seconds a browser may reuse a preflight's answer (Chromium caps it at 7200): one preflight
# per ten minutes per page and request shape, and a removed origin is refused within as long.
MAX_AGE = 600


class CorsMiddleware:
    def __init__(self, app: ASGIApp, allowed_origins: tuple[str, ...]) -> None:
        self.app = app
        self.allowed_origins = frozenset(allowed_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if (
            origin is not None
            and scope["method"] == "OPTIONS"
            and "access-control-request-method" in headers
        ):
            await self._preflight(origin, send)
            return
        allowed = origin is not None and origin in self.allowed_origins

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                response_headers = MutableHeaders(scope=message)
                if self.allowed_origins:
                    # What a cache may hand one origin depends on the Origin header.
                    response_headers.add_vary_header("Origin")
                if allowed:
                    assert origin is not None
                    response_headers["Access-Control-Allow-Origin"] = origin
                    response_headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_cors)

    async def _preflight(self, origin: str, send: Send) -> None:
        vary = b"Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
        if origin in self.allowed_origins:
            headers = [
                (b"access-control-allow-origin", origin.encode("latin-1")),
                (b"access-control-allow-methods", ALLOWED_METHODS.encode()),
                (b"access-control-allow-headers", ALLOWED_HEADERS.encode()),
                (b"access-control-max-age", str(MAX_AGE).encode()),
                (b"vary", vary),
            ]
            await send({"type": "http.response.start", "status": 204, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        body = json.dumps(
            {
                "errors": [
                    {
                        "message": "该来源的网页不得调用本接口（见 SOCIALAID_CORS_ORIGINS）",
                        "extensions": {"code": "FORBIDDEN"},
                    }
                ]
            },
            ensure_ascii=False,
        ).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"vary", vary),
        ]
        await send({"type": "http.response.start", "status": 403, "headers": headers})
        await send({"type": "http.response.body", "body": body})
