"""Who is asking, for the audit record: the request id and client address of the operation.

The GraphQL schema sets them for each operation (`AuditRequestExtension`); `write_event` uses
them when the caller does not pass them, so every event of a request carries both.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestOrigin:
    request_id: str | None = None
    client_address: str | None = None


_NONE = RequestOrigin()
_current: ContextVar[RequestOrigin | None] = ContextVar("socialaid_request_origin", default=None)


def current_origin() -> RequestOrigin:
    return _current.get() or _NONE


def set_origin(origin: RequestOrigin) -> object:
    """Set the origin for the current context; pass the returned token to `reset_origin`."""
    return _current.set(origin)


def reset_origin(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]
