"""Which request an audit event was written for: an id and the client address per HTTP request.

`RequestOriginMiddleware` gives every HTTP request (GraphQL, the audit export, any route) an id
and sets the audit RequestOrigin for the whole of it, so an event written outside GraphQL (the
export's own record) carries them too; the id goes back to the client in `X-Request-Id`, so a
caller can find its events. `AuditRequestExtension` sets the origin from the GraphQL context for
each operation (subscriptions on one connection, and operations executed without HTTP).

The id is the client's own `X-Request-ID` when that is a short safe token (so a caller or a proxy
in front can follow one request through its logs and ours), otherwise one of ours. The middleware
also sets the request's log context (`socialaid.log_format`), so every log line of the request
carries the id, and the GraphQL layer adds the operation, tenant and actor to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from socialaid.api.request_metrics import note_operation
from socialaid.audit.request import RequestOrigin, new_request_id, reset_origin, set_origin
from socialaid.log_format import (
    RequestLogContext,
    current_log_context,
    reset_log_context,
    safe_request_id,
    set_log_context,
)

REQUEST_ID_HEADER = "x-request-id"


class RequestOriginMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        # A client's id lets a caller or proxy follow its request through our logs. It is not
        # unique (a client may reuse one), so it only narrows a search of audit events; the
        # client address and time tell requests with the same id apart.
        request_id = _client_request_id(scope) or new_request_id()

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
        log_token = set_log_context(RequestLogContext(request_id=request_id))
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            reset_log_context(log_token)
            reset_origin(token)


def _client_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name.lower() == REQUEST_ID_HEADER.encode():
            return safe_request_id(value.decode("latin-1"))
    return None


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
        log_context = current_log_context()
        if log_context is not None:
            log_context.note_operation(self.execution_context.operation_name)
        try:
            yield
        finally:
            if log_context is not None:
                # A named operation picked from a document is known only once it is parsed.
                log_context.note_operation(self.execution_context.operation_name)
            note_operation(self.execution_context)  # for the request metrics
            # A subscription closed from another task: its context ends with it anyway.
            with suppress(ValueError):
                reset_origin(token)
