"""How log lines look, and what each carries about the request it was written for.

One JSON object per line in production (a log collector parses it; a message cannot forge a
second line), a human-readable line in dev. Each line carries the request's id and, once known,
the GraphQL operation's name, the tenant and the actor, from `RequestLogContext` in a contextvar
the request-origin middleware sets per request and the GraphQL context fills in; with tracing on,
also the id of the trace the operation's span belongs to (api/operation_tracing.py).

Only fields named here are written: never a record's `args` or arbitrary `extra`, which could hold
a client's input (an ID number in a variable, a name). The access log's own fields are listed in
ACCESS_FIELDS, and it passes only values it has made safe.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

LogFormat = Literal["json", "text"]

# A client's X-Request-ID is kept only when it is a short token: anything longer, or with a quote
# or a line break, could forge or bloat log lines and is replaced with an id of ours.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# What GraphQL allows as an operation name; a client's operationName for a document that does not
# parse could be anything, so anything else is not logged.
_OPERATION_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")
# Fields the access log passes in `extra` (each made safe there); nothing else of `extra` is written.
ACCESS_FIELDS = ("method", "path", "status", "duration_ms")


def safe_request_id(value: str | None) -> str | None:
    return value if value is not None and _SAFE_REQUEST_ID.fullmatch(value) else None


def safe_operation_name(value: str | None) -> str | None:
    return value if value is not None and _OPERATION_NAME.fullmatch(value) else None


@dataclass
class RequestLogContext:
    """Mutable on purpose: set once per request by the outermost middleware, filled in by the
    GraphQL layer, read by the access log when the response is done."""

    request_id: str
    operation: str | None = None
    tenant: str | None = None
    actor: str | None = None
    # The OpenTelemetry trace the request's operation joined (32 hex digits), when tracing is on.
    trace_id: str | None = None

    def note_operation(self, name: str | None) -> None:
        if safe_operation_name(name) is not None:
            self.operation = name


_current: ContextVar[RequestLogContext | None] = ContextVar("socialaid_log_context", default=None)


def current_log_context() -> RequestLogContext | None:
    return _current.get()


def set_log_context(context: RequestLogContext) -> object:
    """Set for the current context; pass the returned token to `reset_log_context`."""
    return _current.set(context)


def reset_log_context(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]


def _request_fields() -> dict[str, str]:
    context = _current.get()
    if context is None:
        return {}
    fields = {
        "request_id": context.request_id,
        "operation": context.operation,
        "tenant": context.tenant,
        "actor": context.actor,
        "trace_id": context.trace_id,
    }
    return {k: v for k, v in fields.items() if v is not None}


def _timestamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "timestamp": _timestamp(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **_request_fields(),
        }
        for field in ACCESS_FIELDS:
            if field in record.__dict__:
                line[field] = record.__dict__[field]
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        # ensure_ascii=False: the domain's messages are Chinese, and a collector reads UTF-8.
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """`<timestamp> LEVEL logger: message [request id operation tenant actor]` for a terminal."""

    def __init__(self) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        fields = _request_fields()
        suffix = f" [{' '.join(fields.values())}]" if fields else ""
        return f"{_timestamp(record)} {super().format(record)}{suffix}"


class _CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is when a line is logged, not when the handler was made:
    a caller that swaps stderr (a test runner, a CLI harness) and closes it later must not leave
    the process logging into a closed file."""

    @property  # type: ignore[override]
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _: object) -> None:
        pass


def configure_logging(log_format: LogFormat) -> None:
    """Once per process, from `socialaid serve`: one handler on the root logger, which uvicorn's
    error log reaches too (serving passes uvicorn no logging config of its own)."""
    handler = _CurrentStderr()
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
