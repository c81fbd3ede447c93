"""Automatic persisted queries (Apollo's APQ protocol) and the trusted-documents mode.

APQ: a client sends `extensions.persistedQuery = {version: 1, sha256Hash}` and no query. A hash
this process knows is replaced by its document and the request goes on as if the client had sent
the text (so the public-GET rule, the response cache and everything after see the document); an
unknown one is answered with the GraphQL error PERSISTED_QUERY_NOT_FOUND, on which the client
sends the hash again with the document: the hash is checked against the document (INVALID_INPUT
when they differ) and the pair kept. A GET may carry the hash alone, so a public query's URL stays
short and cacheable; it is then held to the public-GET rule like any GET.

The documents are kept per process in an LRU of MAX_DOCUMENTS entries: each worker learns a
hash on its own (a client that meets another worker gets PERSISTED_QUERY_NOT_FOUND once more and
sends the document again), and a restart forgets them all. Bounded memory: at most
MAX_DOCUMENTS documents, each at most the request body cap.

Trusted documents (SOCIALAID_TRUSTED_DOCUMENTS names a manifest, see trusted_documents.py): only
the documents in the manifest run, by hash or by text, over HTTP and WebSockets alike; any other
document is refused with PERSISTED_QUERY_NOT_TRUSTED before it is parsed, and nothing is
learnt from clients.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from graphql import GraphQLError
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from socialaid.api import graphql_over_http as over_http
from socialaid.caching import LruCache
from socialaid.errors import ErrorCode
from socialaid.trusted_documents import document_hash, is_document_hash, load_manifest

MAX_DOCUMENTS = 1000
NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
NOT_TRUSTED = "PERSISTED_QUERY_NOT_TRUSTED"

NOT_FOUND_MESSAGE = "未找到该哈希对应的持久化查询：请连同查询文本再发送一次"
NOT_TRUSTED_MESSAGE = "此服务只执行登记过的查询文档（可信文档模式），该文档不在清单中"
BAD_EXTENSION = "extensions.persistedQuery 应为 {version: 1, sha256Hash: <64 位小写十六进制>}"
HASH_MISMATCH = "查询文本的 SHA-256 与 extensions.persistedQuery.sha256Hash 不符"


class Refusal(Exception):  # noqa: N818 - an answer to the client, not a failure of ours
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class PersistedDocuments:
    """The documents this process knows by hash: the trusted manifest's, or those clients
    registered (LRU)."""

    def __init__(
        self, trusted: Mapping[str, str] | None = None, max_entries: int = MAX_DOCUMENTS
    ) -> None:
        self.trusted = dict(trusted) if trusted is not None else None
        self.learnt: LruCache[str, str] = LruCache(max_entries)

    def resolve(self, query: object, extensions: object) -> str | None:
        """The document to run for a request's `query` and `extensions`: the query itself, or
        the one its hash names (None: the request names none, let GraphQL say so). Raises
        Refusal for an unknown hash, a mismatch or a malformed extension."""
        persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
        if persisted is None:
            return query if isinstance(query, str) else None
        if (
            not isinstance(persisted, dict)
            or persisted.get("version") != 1
            or not is_document_hash(persisted.get("sha256Hash"))
        ):
            raise Refusal(BAD_EXTENSION, ErrorCode.INVALID_INPUT.value)
        digest = str(persisted["sha256Hash"])
        if isinstance(query, str):
            if document_hash(query) != digest:
                raise Refusal(HASH_MISMATCH, ErrorCode.INVALID_INPUT.value)
            if self.trusted is None:
                self.learnt.put(digest, query)
            return query
        known = self.trusted.get(digest) if self.trusted is not None else self.learnt.get(digest)
        if known is None:
            raise Refusal(NOT_FOUND_MESSAGE, NOT_FOUND)
        return known

    def is_trusted(self, query: str) -> bool:
        return self.trusted is None or document_hash(query) in self.trusted


class PersistedQueries:
    """An ASGI wrapper: puts the document a persisted query's hash names into the request."""

    def __init__(self, app: ASGIApp, documents: PersistedDocuments) -> None:
        self.app = app
        self.documents = documents

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        try:
            if scope["method"] == "GET":
                scope = self._get(scope)
            else:
                receive = await self._post(scope, receive)
        except Refusal as refusal:
            await _refuse(scope, send, refusal)
            return
        await self.app(scope, receive, send)

    def _get(self, scope: Scope) -> Scope:
        params = parse_qsl(scope.get("query_string", b"").decode("latin-1"), True)
        values = dict(params)
        if "extensions" not in values:
            return scope
        try:
            extensions = json.loads(values["extensions"])
        except ValueError:
            return scope  # strawberry refuses it as it would without persisted queries
        document = self.documents.resolve(values.get("query"), extensions)
        if document is None or "query" in values:
            return scope
        params.append(("query", document))
        return {**scope, "query_string": urlencode(params).encode("latin-1")}

    async def _post(self, scope: Scope, receive: Receive) -> Receive:
        body = await _read_body(receive)
        # A body without the extension is passed on unread (RequestLimits checked it already).
        if b"persistedQuery" not in body:
            return _replay(body)
        try:
            payload = json.loads(body)
        except ValueError:
            return _replay(body)
        if not isinstance(payload, dict):
            return _replay(body)
        document = self.documents.resolve(payload.get("query"), payload.get("extensions"))
        if document is None or payload.get("query") == document:
            return _replay(body)
        return _replay(json.dumps({**payload, "query": document}).encode())


class TrustedDocumentsOnly(SchemaExtension):
    """Refuses, before parsing, a document not in the trusted manifest (HTTP and WebSocket).
    Built with the manifest's PersistedDocuments (a factory: see api/schema.py)."""

    def __init__(self, documents: PersistedDocuments) -> None:
        super().__init__()
        self.documents = documents

    def on_parse(self) -> Iterator[None]:
        query = self.execution_context.query
        if query is not None and not self.documents.is_trusted(query):
            raise not_trusted()
        yield


def not_trusted() -> GraphQLError:
    return GraphQLError(NOT_TRUSTED_MESSAGE, extensions={"code": NOT_TRUSTED})


async def _refuse(scope: Scope, send: Send, refusal: Refusal) -> None:
    media_type = over_http.negotiate(over_http.accept_header(scope.get("headers", ())))
    body = over_http.request_error(media_type, refusal.message, refusal.code)
    status = over_http.status_for(media_type, json.loads(body))
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", over_http.content_type(media_type).encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        chunks.append(bytes(message.get("body", b"")))
        if not message.get("more_body"):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


def persisted_documents(trusted_documents: Path | None) -> PersistedDocuments:
    """The documents for a server with SOCIALAID_TRUSTED_DOCUMENTS at `trusted_documents`
    (None: APQ, learning from clients). Settings.check_for_serving has read the manifest once
    already, so a broken one stops `socialaid serve` naming the setting."""
    if trusted_documents is None:
        return PersistedDocuments()
    return PersistedDocuments(load_manifest(trusted_documents))
