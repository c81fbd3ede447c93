"""Who is asking, for the audit record: the request id and client address of the operation.

The HTTP app sets them for each request and the GraphQL schema for each operation
(`api.request_origin`); a command line that writes events sets a request id of its own.
`write_event` uses them when the caller does not pass them, so every event of a request carries
both.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from uuid import uuid4


@dataclass(frozen=True)
class RequestOrigin:
    request_id: str | None = None
    client_address: str | None = None


_NONE = RequestOrigin()
_current: ContextVar[RequestOrigin | None] = ContextVar("socialaid_request_origin", default=None)


def new_request_id() -> str:
    return uuid4().hex


def current_origin() -> RequestOrigin:
    return _current.get() or _NONE


def set_origin(origin: RequestOrigin) -> object:
    """Set the origin for the current context; pass the returned token to `reset_origin`."""
    return _current.set(origin)


def reset_origin(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]
