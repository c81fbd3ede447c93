"""Caching whole responses to anonymous queries over public reference data.

Tenants, catalogues and forms are public (办事指南 is public information) and change only when the
content revision moves, so an anonymous query that reads nothing else gets the bytes computed for
the same request body at the same revision. Anything with a token, a mutation, a subscription, an
error or a root field outside the allowlist goes through uncached.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Any

from graphql import FieldNode, GraphQLSyntaxError, OperationDefinitionNode, OperationType, parse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from socialaid.api import graphql_over_http as over_http
from socialaid.api.request_metrics import current_tally
from socialaid.caching import RevisionCache

PUBLIC_ROOT_FIELDS = frozenset(
    {
        "tenants",
        "tenant",
        "catalogue",
        "item",
        "dataElements",
        "evidenceTypes",
        "targetGroups",
        "applicationForm",
        # Tenant parameters: tenantParameterSet bumps the content revision the entries belong to.
        "parameters",
        "__typename",
        # The schema itself (introspection is off in production: DisableIntrospection).
        "__schema",
        "__type",
    }
)
MAX_BODY_BYTES = 16 * 1024


def public_query(query: object, operation_name: object = None) -> bool:
    """True when `query` (with `operation_name` choosing among several) is one query whose root
    fields are all public reference data: what anyone may ask without a token. The one
    definition of public: the cache below and the GET rule (api/public_get.py) both go by it."""
    if not isinstance(query, str):
        return False
    try:
        document = parse(query)
    except GraphQLSyntaxError:
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [
            o for o in operations if o.name is not None and o.name.value == operation_name
        ]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
        return False
    return all(
        isinstance(s, FieldNode) and s.name.value in PUBLIC_ROOT_FIELDS
        for s in operations[0].selection_set.selections
    )


def cacheable_query(body: bytes) -> bool:
    """True when the request body asks a public query (see `public_query`)."""
    try:
        payload = json.loads(body)
    except ValueError:
        return False
    return isinstance(payload, dict) and public_query(
        payload.get("query"), payload.get("operationName")
    )


class PublicResponseCache:
    """An ASGI wrapper around the GraphQL app; `revision` reads the current content revision."""

    def __init__(
        self, app: ASGIApp, revision: Callable[[], Awaitable[int]], max_entries: int = 512
    ) -> None:
        self.app = app
        self.revision = revision
        self.max_entries = max_entries
        # sha256 of the request body -> (headers, body) of the response at one content revision,
        # and the name of its operation, which the request metrics count a hit under.
        self.entries: RevisionCache[tuple[list[tuple[bytes, bytes]], bytes, str | None]] = (
            RevisionCache(max_entries, name="public_responses")
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or _has_header(scope, b"authorization")
        ):
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        if len(body) > MAX_BODY_BYTES:
            await self.app(scope, _replay(body), send)
            return
        revision = await self.revision()
        # The same body asked for another media type, or with another Content-Type, may get
        # another answer; Accept headers that negotiate the same media type share an entry.
        media_type = over_http.negotiate(_header(scope, b"accept").decode("latin-1")).encode()
        key = hashlib.sha256(
            b"\0".join((media_type, _header(scope, b"content-type"), body))
        ).digest()
        hit = self.entries.lookup(revision, key)
        if hit is not None:
            headers, payload, operation = hit
            tally = current_tally()
            if tally is not None:
                tally.ran, tally.operation = True, operation
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": payload})
            return
        captured: dict[str, Any] = {"status": None, "headers": [], "body": b""}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
            await send(message)

        await self.app(scope, _replay(body), capture)
        payload = captured["body"]
        if captured["status"] == 200 and b'"errors"' not in payload and cacheable_query(body):
            tally = current_tally()
            operation = tally.operation if tally is not None else None
            self.entries.keep(revision, key, (captured["headers"], payload, operation))


def _header(scope: Scope, name: bytes) -> bytes:
    return b",".join(bytes(v) for k, v in scope.get("headers", []) if k.lower() == name)


def _has_header(scope: Scope, name: bytes) -> bool:
    return any(key.lower() == name for key, _ in scope.get("headers", []))


async def _read_body(receive: Receive) -> bytes:
    body = b""
    while True:
        message = await receive()
        body += bytes(message.get("body", b""))
        if not message.get("more_body"):
            return body


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive
