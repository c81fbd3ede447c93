"""Which request an audit event was written for: an id and the client address per HTTP request.

`RequestOriginMiddleware` gives every HTTP request (GraphQL, the audit export, any route) an id
and sets the audit RequestOrigin for the whole of it, so an event written outside GraphQL (the
export's own record) carries them too; the id goes back to the client in `X-Request-Id`, so a
caller can find its events. `AuditRequestExtension` sets the origin from the GraphQL context for
each operation (subscriptions on one connection, and operations executed without HTTP).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from socialaid.audit.request import RequestOrigin, new_request_id, reset_origin, set_origin

REQUEST_ID_HEADER = "x-request-id"


class RequestOriginMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        # Always ours: an id a client sent could name another request's events.
        request_id = new_request_id()

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    *message.get("headers", []),
                    (REQUEST_ID_HEADER.encode(), request_id.encode()),
                ]
                message = {**message, "headers": headers}
            await send(message)

        token = set_origin(
            RequestOrigin(request_id=request_id, client_address=client[0] if client else None)
        )
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            reset_origin(token)


class AuditRequestExtension(SchemaExtension):
    """Sets the audit RequestOrigin (request id, client address) for the whole operation."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context.context
        request = getattr(context, "request", None)
        client = getattr(request, "client", None)
        token = set_origin(
            RequestOrigin(
                request_id=getattr(context, "request_id", None),
                client_address=client.host if client is not None else None,
            )
        )
        try:
            yield
        finally:
            # A subscription closed from another task: its context ends with it anyway.
            with suppress(ValueError):
                reset_origin(token)
