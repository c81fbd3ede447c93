"""One span per GraphQL operation, joining the caller's trace when it sends a W3C traceparent.

strawberry's own OpenTelemetryExtension opens a span per resolver (and per parse and validation),
which is what makes it slow on a catalogue of hundreds of fields, and records the query's text,
literals and all. This one opens one SERVER span around the whole operation, named by its type
and name (`graphql.query Cat`; an anonymous one by its root fields: `graphql.mutation
applicationSubmit`); the database queries the operation makes become its children
(db/query_tracing.py), since the span is current while it executes.

Its attributes say what ran and for whom, never with what: the operation's type and name, the
request id, the tenant's code and the actor's id when signed in, and the code of the first error
(a GraphQL error's, or the one a mutation answered in its payload) as `error.type`, with the
span's status ERROR only for the server's own failures (masked, or the database unavailable).
No variable, no document text.

Listed first in the schema's extensions, so its span encloses every other extension's work, and
it sees the errors as the client will (masked ones have no code: UNEXPECTED).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from graphql import DocumentNode, FieldNode, GraphQLError, OperationDefinitionNode
from opentelemetry.context import Context as TraceContext
from opentelemetry.context import attach, detach
from opentelemetry.trace import (
    Span,
    SpanKind,
    Status,
    StatusCode,
    Tracer,
    format_trace_id,
    set_span_in_context,
)
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from socialaid.errors import ErrorCode
from socialaid.log_format import current_log_context, safe_operation_name

UNEXPECTED = "UNEXPECTED"  # a masked error: it has no code of its own
_SERVER_FAILURES = {UNEXPECTED, ErrorCode.UNAVAILABLE.value}
MAX_ROOT_FIELDS_NAMED = 3
_PROPAGATOR = TraceContextTextMapPropagator()


class OperationTracing(SchemaExtension):
    def __init__(
        self, *, tracer: Tracer, execution_context: ExecutionContext | None = None
    ) -> None:
        self._tracer = tracer
        if execution_context is not None:
            self.execution_context = execution_context

    def on_operation(self) -> Iterator[None]:
        execution = self.execution_context
        self._span = span = self._tracer.start_span(
            "graphql", context=_callers_trace(execution.context), kind=SpanKind.SERVER
        )
        log_context = current_log_context()
        if log_context is not None and span.is_recording():
            log_context.trace_id = format_trace_id(span.get_span_context().trace_id)
        try:
            yield
        finally:
            if span.is_recording():
                _describe(span, execution)
            span.end()

    def on_execute(self) -> Iterator[None]:
        # Current while the operation executes (the only step that queries the database), so
        # that its queries, and the tasks it starts, are the span's children. Not for the whole
        # operation: a subscription's operation spans many steps of an async generator, which
        # may end in another task than the one it began in, where the context cannot be reset.
        token = attach(set_span_in_context(self._span))
        try:
            yield
        finally:
            detach(token)


def _callers_trace(context: object) -> TraceContext | None:
    """The trace the caller's `traceparent` header names, if it sent a valid one."""
    headers = getattr(getattr(context, "request", None), "headers", None)
    if headers is None:
        return None
    traceparent = headers.get("traceparent")
    if not traceparent:
        return None
    carrier = {"traceparent": traceparent, "tracestate": headers.get("tracestate") or ""}
    return _PROPAGATOR.extract(carrier)


def _describe(span: Span, execution: ExecutionContext) -> None:
    operation = _operation(execution.graphql_document, execution.operation_name)
    operation_type = operation.operation.value if operation is not None else None
    name = safe_operation_name(execution.operation_name)
    span.update_name(span_name(operation_type, name, root_fields(operation)))
    attributes: dict[str, str] = {}
    if operation_type is not None:
        attributes["graphql.operation.type"] = operation_type
    if name is not None:
        attributes["graphql.operation.name"] = name
    context = execution.context
    request_id = getattr(context, "request_id", None)
    if isinstance(request_id, str):
        attributes["socialaid.request_id"] = request_id
    principal = getattr(context, "principal", None)
    if principal is not None:
        # Ids, as in the log: the tenant's code and the token's subject, no name.
        attributes["socialaid.tenant"] = principal.tenant_id
        attributes["socialaid.actor"] = principal.user_id
    code = first_error_code(_errors(execution), getattr(context, "payload_error_codes", None) or ())
    if code is not None:
        attributes["error.type"] = code
        if code in _SERVER_FAILURES:
            span.set_status(Status(StatusCode.ERROR))
    span.set_attributes(attributes)


def _errors(execution: ExecutionContext) -> Sequence[GraphQLError]:
    result = execution.result
    errors = getattr(result, "errors", None) if result is not None else None
    return errors or execution.pre_execution_errors or ()


def first_error_code(errors: Sequence[GraphQLError], payload_codes: Sequence[str]) -> str | None:
    """The code of the operation's first GraphQL error, else of its first payload error."""
    for error in errors:
        code: Any = (error.extensions or {}).get("code")
        return code if isinstance(code, str) else UNEXPECTED
    return payload_codes[0] if payload_codes else None


def _operation(document: DocumentNode | None, name: str | None) -> OperationDefinitionNode | None:
    """The operation that runs: the one named, or the document's only (first) one."""
    for definition in document.definitions if document is not None else ():
        if isinstance(definition, OperationDefinitionNode) and (
            name is None or (definition.name is not None and definition.name.value == name)
        ):
            return definition
    return None


def root_fields(operation: OperationDefinitionNode | None) -> list[str]:
    """The fields an operation asks for at its root, by their schema names (never aliases)."""
    if operation is None:
        return []
    return [s.name.value for s in operation.selection_set.selections if isinstance(s, FieldNode)]


def span_name(operation_type: str | None, name: str | None, fields: Sequence[str]) -> str:
    """`graphql.query Cat`; anonymous, by the root fields (`graphql.query me`, `graphql.query
    tenants,catalogue`); `graphql` alone for a document that does not parse."""
    prefix = f"graphql.{operation_type}" if operation_type else "graphql"
    if name is None and fields:
        shown = fields[:MAX_ROOT_FIELDS_NAMED]
        name = ",".join(shown) + (",…" if len(fields) > len(shown) else "")
    return f"{prefix} {name}" if name else prefix
