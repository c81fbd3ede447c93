"""Caching whole responses to queries over public reference data, whoever asks (ADR 0005, 0027).

Tenants, catalogues and forms are public (办事指南 is public information): the registry marks
their root fields `PUBLIC_REFERENCE` (access/registry.py), whose answer is the same for every
caller and changes only with the content revision and the day. So a query that selects nothing
else gets the bytes computed for the same request at the same revision on the same day (China
time, the day a query without `asOf` resolves against), with or without a token: a token
changes nothing in such an answer. A mutation, a subscription, an error or any other root field
goes through uncached and is marked `Cache-Control: no-store`.

A cached answer carries a weak `ETag` (a hash of its media type and body) and a `Cache-Control`
that lets browsers and CDNs keep it for `SOCIALAID_PUBLIC_MAX_AGE` seconds; a request whose
`If-None-Match` names that tag gets `304 Not Modified` without a body. Its brotli and gzip
bytes are made once, on the first request that accepts them, and kept with it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date

from graphql import FieldNode, GraphQLSyntaxError, OperationDefinitionNode, OperationType, parse
from starlette.datastructures import Headers, QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from socialaid import clock
from socialaid.access.registry import ROOT_FIELDS, shared_public
from socialaid.api import compression
from socialaid.api import graphql_over_http as over_http
from socialaid.api.request_metrics import current_tally
from socialaid.caching import LruCache, RevisionCache

PUBLIC_ROOT_FIELDS = frozenset(
    {
        *(name for name in ROOT_FIELDS if shared_public(name)),
        "__typename",
        # The schema itself (introspection is off in production: DisableIntrospection).
        "__schema",
        "__type",
    }
)
MAX_BODY_BYTES = 16 * 1024
NO_STORE = b"no-store"


# Documents already judged: a client sends the same few over and over, and parsing one again
# for every signed-in request cost as much as the rest of the cache's work.
_judged: LruCache[tuple[str, str | None], bool] = LruCache(1024)


def public_query(query: object, operation_name: object = None) -> bool:
    """True when `query` (with `operation_name` choosing among several) is one query whose root
    fields are all public reference data: what anyone may ask without a token. The one
    definition of public: the cache below and the GET rule (api/public_get.py) both go by it."""
    if not isinstance(query, str):
        return False
    if operation_name is not None and not isinstance(operation_name, str):
        return _public(query, operation_name)
    key = (query, operation_name)
    known = _judged.get(key)
    if known is None:
        known = _public(query, operation_name)
        _judged.put(key, known)
    return known


def _public(query: str, operation_name: object) -> bool:
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


def _cacheable_request(method: str, body: bytes, query_string: bytes) -> bool:
    if method == "POST":
        return cacheable_query(body)
    params = QueryParams(query_string)
    return public_query(params.get("query"), params.get("operationName"))


@dataclass(frozen=True)
class CachePolicy:
    """What the cached answers tell browsers and shared caches, and when they are compressed."""

    max_age: int = 60
    stale_while_revalidate: int = 300
    compress_min_bytes: int = 1024

    def cache_control(self, with_token: bool) -> bytes:
        # An answer to a request with a token stays with that client (RFC 9111 3.5): a shared
        # cache answering token holders itself would take the token's check out of our hands.
        if with_token:
            return f"private, max-age={self.max_age}".encode()
        return (
            f"public, max-age={self.max_age}, stale-while-revalidate={self.stale_while_revalidate}"
        ).encode()


@dataclass
class CachedAnswer:
    """One response: its headers (without length or encoding), its body, its tag, the name of
    its operation (the request metrics count a hit under it) and its compressed bodies."""

    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    operation: str | None
    encoded: dict[str, bytes] = field(default_factory=dict)

    def body_in(self, encoding: str | None) -> bytes:
        if encoding is None:
            return self.body
        found = self.encoded.get(encoding)
        if found is None:
            found = self.encoded[encoding] = compression.compress(
                self.body, encoding, compression.DENSE
            )
        return found


def etag_of(media_type: bytes, body: bytes) -> bytes:
    digest = hashlib.sha256(media_type + b"\0" + body).digest()[:18]
    return b'W/"' + base64.urlsafe_b64encode(digest) + b'"'


def matches(if_none_match: str | None, etag: bytes) -> bool:
    """Whether an `If-None-Match` names `etag`, by the weak comparison (RFC 9110 13.1.2)."""
    if not if_none_match:
        return False
    ours = etag.decode("latin-1").removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == ours:
            return True
    return False


class PublicResponseCache:
    """An ASGI wrapper around the GraphQL app; `revision` reads the current content revision and
    `today` the date in China (the project clock)."""

    def __init__(
        self,
        app: ASGIApp,
        revision: Callable[[], Awaitable[int]],
        max_entries: int = 512,
        policy: CachePolicy | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.app = app
        self.revision = revision
        self.max_entries = max_entries
        self.policy = policy or CachePolicy()
        # Looked up at each request, so a frozen clock (clock.now) holds here too.
        self.today = today or (lambda: clock.today_in_china())
        self.entries: RevisionCache[CachedAnswer] = RevisionCache(
            max_entries, name="public_responses"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        body = await _read_body(receive) if method == "POST" else b""
        query_string = bytes(scope.get("query_string", b""))
        if len(body) > MAX_BODY_BYTES or (method == "GET" and not query_string):
            await self.app(scope, _replay(body), _marked_no_store(send))
            return
        headers = Headers(scope=scope)
        revision = await self.revision()
        # The same body asked for another media type, or with another Content-Type, may get
        # another answer; Accept headers that negotiate the same media type share an entry.
        # A query without `asOf` answers for today: tomorrow is another answer.
        media_type = over_http.negotiate(headers.get("accept")).encode()
        key = hashlib.sha256(
            b"\0".join(
                (
                    method.encode(),
                    media_type,
                    headers.get("content-type", "").encode("latin-1"),
                    str(self.today()).encode(),
                    body if method == "POST" else query_string,
                )
            )
        ).digest()
        hit = self.entries.lookup(revision, key)
        if hit is not None:
            tally = current_tally()
            if tally is not None:
                tally.ran, tally.operation = True, hit.operation
            await self._answer(hit, headers, send)
            return
        await self._execute(scope, body, query_string, media_type, revision, key, send)

    async def _execute(
        self,
        scope: Scope,
        body: bytes,
        query_string: bytes,
        media_type: bytes,
        revision: int,
        key: bytes,
        send: Send,
    ) -> None:
        """Run the request; keep and send its answer when it is public and without errors, or
        pass it on marked `no-store`."""
        plain_send = _marked_no_store(send)
        start: Message | None = None
        chunks: list[bytes] = []
        passing = False

        async def capture(message: Message) -> None:
            nonlocal start, passing
            if passing:
                await plain_send(message)
            elif message["type"] == "http.response.start":
                start = message
                # Only a public query's answer is held back (to be kept); any other streams on.
                if message["status"] != 200 or not _cacheable_request(
                    scope["method"], body, query_string
                ):
                    passing = True
                    await plain_send(message)
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(bytes(message.get("body", b"")))
                if message.get("more_body"):
                    return
                payload = b"".join(chunks)
                answer = self._kept(start, payload, media_type, revision, key)
                if answer is not None:
                    await self._answer(answer, Headers(scope=scope), send)
                    return
                await plain_send(start)
                await plain_send({"type": "http.response.body", "body": payload})

        await self.app(scope, _replay(body), capture)

    def _kept(
        self, start: Message, payload: bytes, media_type: bytes, revision: int, key: bytes
    ) -> CachedAnswer | None:
        """The answer kept for `key`, or None for one with errors (never cached)."""
        if b'"errors"' in payload:
            return None
        tally = current_tally()
        answer = CachedAnswer(
            [
                (k, v)
                for k, v in start.get("headers", [])
                if k.lower() not in (b"content-length", b"cache-control", b"etag")
            ],
            payload,
            etag_of(media_type, payload),
            tally.operation if tally is not None else None,
        )
        self.entries.keep(revision, key, answer)
        return answer

    async def _answer(self, answer: CachedAnswer, request: Headers, send: Send) -> None:
        cache_control = self.policy.cache_control("authorization" in request)
        headers = [
            *answer.headers,
            (b"etag", answer.etag),
            (b"cache-control", cache_control),
            # The media type follows Accept, the encoding Accept-Encoding.
            (b"vary", b"Accept, Accept-Encoding"),
        ]
        if matches(request.get("if-none-match"), answer.etag):
            kept = [(k, v) for k, v in headers if k.lower() != b"content-type"]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        encoding = (
            compression.negotiate(request.get("accept-encoding"))
            if len(answer.body) >= self.policy.compress_min_bytes
            else None
        )
        body = answer.body_in(encoding)
        if encoding is not None:
            headers.append((b"content-encoding", encoding.encode()))
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _marked_no_store(send: Send) -> Send:
    """`send` with `Cache-Control: no-store` on a response that does not say otherwise: an
    answer that is not public reference data is for its requester alone, and only now."""

    async def marked(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            if not any(k.lower() == b"cache-control" for k, _ in headers):
                headers.append((b"cache-control", NO_STORE))
            message = {**message, "headers": headers}
        await send(message)

    return marked


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
