"""A span per database query, as a child of the span current when the query runs.

Listeners on an engine's cursor events open a span before each statement and close it after (or
on its error). A query outside any recorded span (the change listeners, the audit export, a
trace the sampler dropped) gets none: a root span per query would bury the operations' traces.

A span is named by the statement's verb and first table (`SELECT application`), and carries the
statement's text, capped: the application's statements take their values as bound parameters,
so the text holds none; a statement that does hold a literal (a quoted string, a dollar-quoted
body, a long run of digits) is left without its text rather than risk an ID number in a trace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from weakref import WeakSet

from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, ExceptionContext
from sqlalchemy.engine.interfaces import ExecutionContext
from sqlalchemy.ext.asyncio import AsyncEngine

MAX_STATEMENT_CHARS = 2000
_SPAN = "_socialaid_span"  # where a statement's span waits on its execution context

_VERB = re.compile(r"\s*(?:--[^\n]*\n\s*)*([A-Za-z]+)")
# The table a verb acts on: the first name after FROM, INTO, UPDATE or TABLE (schema-qualified
# or quoted names included).
_TABLE = re.compile(
    r"\b(?:FROM|INTO|UPDATE|TABLE|JOIN)\s+(?!SELECT\b|LATERAL\b)((?:\"[^\"]+\"|[A-Za-z_][\w$]*)"
    r"(?:\.(?:\"[^\"]+\"|[A-Za-z_][\w$]*))?)",
    re.IGNORECASE,
)
_LITERAL = re.compile(r"'|\$\$|\$[A-Za-z_]\w*\$|(?<![\w$])\d{6,}")


@dataclass(frozen=True)
class StatementSummary:
    """What a query's span says about its statement."""

    name: str
    operation: str
    table: str | None
    text: str | None  # None: the statement holds a literal value

    def attributes(self) -> dict[str, str]:
        found = {"db.system": "postgresql", "db.operation.name": self.operation}
        if self.table is not None:
            found["db.collection.name"] = self.table
        if self.text is not None:
            found["db.query.text"] = self.text
        return found


@lru_cache(maxsize=2048)
def summarize(statement: str) -> StatementSummary:
    """The span name and attributes for a statement (pure; the same few hundred statements
    repeat, and SQLAlchemy's compiled cache hands over the same string each time)."""
    verb = _VERB.match(statement)
    operation = verb.group(1).upper() if verb else "SQL"
    table_match = _TABLE.search(statement)
    table = table_match.group(1).replace('"', "") if table_match else None
    name = f"{operation} {table}" if table else operation
    text = None if _LITERAL.search(statement) else statement[:MAX_STATEMENT_CHARS]
    return StatementSummary(name, operation, table, text)


_traced: WeakSet[Engine] = WeakSet()


def trace_queries(engine: AsyncEngine, tracer: Tracer) -> None:
    """Give every query on `engine` a span from `tracer` (once per engine, however often asked)."""
    sync_engine = engine.sync_engine
    if sync_engine in _traced:
        return
    _traced.add(sync_engine)

    @event.listens_for(sync_engine, "before_cursor_execute")
    def before(
        _conn: Connection,
        _cursor: Any,
        statement: str,
        _parameters: Any,
        context: ExecutionContext | None,
        _executemany: bool,
    ) -> None:
        if context is None or not trace.get_current_span().is_recording():
            return
        summary = summarize(statement)
        span = tracer.start_span(
            summary.name, kind=SpanKind.CLIENT, attributes=summary.attributes()
        )
        setattr(context, _SPAN, span)

    @event.listens_for(sync_engine, "after_cursor_execute")
    def after(
        _conn: Connection,
        _cursor: Any,
        _statement: str,
        _parameters: Any,
        context: ExecutionContext | None,
        _executemany: bool,
    ) -> None:
        span: Span | None = getattr(context, _SPAN, None)
        if span is not None:
            setattr(context, _SPAN, None)
            span.end()

    @event.listens_for(sync_engine, "handle_error")
    def failed(error: ExceptionContext) -> None:
        span: Span | None = getattr(error.execution_context, _SPAN, None)
        if span is None:
            return
        setattr(error.execution_context, _SPAN, None)
        # The kind of failure only: a driver's message may quote the values that broke it.
        span.set_attribute("error.type", type(error.original_exception).__name__)
        span.set_status(Status(StatusCode.ERROR))
        span.end()
