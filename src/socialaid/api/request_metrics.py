"""Counting HTTP and GraphQL requests: per route and status, and per operation and outcome with
their latency (metrics/registry.py).

`RequestMetrics` wraps the whole app and times each HTTP request. What only GraphQL knows is
noted on the request's `RequestTally` (a contextvar the middleware sets): the name of the
operation that parsed (`note_operation`), the code of the first error (the GraphQL
app's `process_result`), or, for a response the public cache answers, the operation it stored
with the response. Nothing here touches the database.
"""

from __future__ import annotations

import time
from contextvars import ContextVar
from dataclasses import dataclass

from graphql import OperationDefinitionNode
from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.types import ExecutionContext, ExecutionResult

from socialaid.api.response_status import NotedStatus
from socialaid.metrics import labels
from socialaid.metrics.registry import GRAPHQL_REQUEST_SECONDS, HTTP_REQUESTS

ROUTES = {
    "/graphql": "graphql",
    "/audit/export": "audit_export",
    "/healthz": "healthz",
    "/readyz": "readyz",
    "/metrics": "metrics",
}


@dataclass
class RequestTally:
    """What one request's metrics are labelled with, filled in as the request goes."""

    ran: bool = False  # an operation of a document that parsed ran
    operation: str | None = None  # its name; None for an unnamed one
    error_code: str | None = None

    def operation_label(self, names: labels.OperationNames) -> str:
        return names.label(self.operation) if self.ran else labels.NONE


_current: ContextVar[RequestTally | None] = ContextVar("socialaid_request_tally", default=None)


def current_tally() -> RequestTally | None:
    return _current.get()


def note_result(result: ExecutionResult) -> None:
    """Note the code of the result's first error (ERROR when it has none)."""
    tally = _current.get()
    if tally is None or not result.errors:
        return
    code = (result.errors[0].extensions or {}).get("code")
    tally.error_code = code if isinstance(code, str) else labels.ERROR


class RequestMetrics:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.operations = labels.OperationNames()
        # Each labelled child once: `labels()` takes a lock and builds its key on every call.
        # Bounded as the label values are.
        self._requests: dict[tuple[str, str], Counter] = {}
        self._durations: dict[tuple[str, str], Histogram] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = NotedStatus(send)
        tally = RequestTally()
        token = _current.set(tally)

        try:
            await self.app(scope, receive, status)
        finally:
            _current.reset(token)
            route = ROUTES.get(scope["path"], "other")
            key = (route, labels.status_class(status.code))
            requests = self._requests.get(key)
            if requests is None:
                requests = self._requests[key] = HTTP_REQUESTS.labels(*key)
            requests.inc()
            if route == "graphql":
                key = (
                    tally.operation_label(self.operations),
                    labels.outcome(tally.error_code, status.code),
                )
                duration = self._durations.get(key)
                if duration is None:
                    duration = self._durations[key] = GRAPHQL_REQUEST_SECONDS.labels(*key)
                duration.observe(time.perf_counter() - started)


def note_operation(execution: ExecutionContext) -> None:
    """Note the name of the operation that ran: one the parsed document defines, never the
    client's operationName alone (which may name nothing, or come with a document that does not
    parse). Called once the operation is over by `AuditRequestExtension`, which every schema
    has, rather than by one more extension for every operation to pass through."""
    tally = _current.get()
    document = execution.graphql_document
    if tally is None or document is None:
        return
    wanted = execution._provided_operation_name
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = (
        [o for o in operations if o.name is not None and o.name.value == wanted]
        if wanted
        else operations
    )
    if len(chosen) == 1:
        tally.ran = True
        tally.operation = chosen[0].name.value if chosen[0].name is not None else None
