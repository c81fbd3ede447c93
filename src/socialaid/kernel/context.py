"""What every resolver receives: the database, the settings, the request, who asks, and the caches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from socialaid.access.principal import Principal
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.errors import DomainError
from socialaid.kernel.caches import Caches
from socialaid.kernel.unit_of_work import UnitOfWork


@dataclass
class Context:
    db: Database
    settings: Settings
    request: Request | WebSocket | None = None
    response: Response | None = None
    # None: no credentials (or refused ones); public fields still answer, others UNAUTHENTICATED.
    principal: Principal | None = None
    request_id: str = field(default_factory=lambda: uuid4().hex)
    # Shared by every request of one app: caches of public reference data keyed by content
    # revision, and this process's listeners' fan-outs (`caches.of(ApplicationUpdates)`).
    caches: Caches = field(default_factory=Caches)
    # Loaders a domain creates on first use in this request (keyed by domain).
    request_loaders: dict[str, Any] = field(default_factory=dict)
    # Arguments of a mutation field that broke an input bound (api/input_guard.py), by the
    # field's response key: the runner reports them in the payload like any refused input.
    input_problems: dict[str, DomainError] = field(default_factory=dict)
    # Codes of the errors this request's mutations answered in their payloads (which are data,
    # not GraphQL errors), for the operation's trace.
    payload_error_codes: list[str] = field(default_factory=list)
    # A WebSocket's graphql-transport-ws connection_init payload (set by strawberry), where a
    # browser, which cannot set the upgrade's headers, sends its token.
    connection_params: dict[str, object] | None = None

    def unit_of_work(self) -> UnitOfWork:
        """A unit of work for this request's caller (open it with `async with`)."""
        return UnitOfWork(
            self.db,
            actor=self.principal,
            request_id=self.request_id,
            signing_key=self.settings.signing_key,
            caches=self.caches,
        )

    def forget_loaders(self) -> None:
        """After a change, nothing loaded before it may answer for what follows."""
        self.request_loaders.clear()


Info = StrawberryInfo[Context, Any]
