"""GraphQL over server-sent events: graphql-sse's "distinct connections mode".

`POST /graphql/stream`, or `POST /graphql` with `Accept: text/event-stream`, with the usual JSON
body and the bearer token in the Authorization header, answers `200 text/event-stream`: one
`next` event per result (a subscription's every push; a query's or mutation's one answer) and a
`complete` event when the operation ends. Errors found before execution (syntax, validation,
limits, a body without a query) are `next` events too, as the protocol asks, so a client always
reads why. The client ends a subscription by closing the connection. A comment line every
KEEP_ALIVE seconds keeps proxies from closing a quiet stream and finds a client that left.

The body may name its document by hash (`extensions.persistedQuery`), resolved as over HTTP and
WebSockets: an unknown hash is a `next` event with PERSISTED_QUERY_NOT_FOUND.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from graphql import GraphQLSyntaxError, parse
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from socialaid.api.persisted_queries import PersistedDocuments, Refusal, not_trusted
from socialaid.errors import ErrorCode

if TYPE_CHECKING:
    from socialaid.api.app import GraphQLApp

EVENT_STREAM = "text/event-stream"
KEEP_ALIVE = 15.0
COMPLETE = b"event: complete\ndata:\n\n"  # an empty data line: EventSource drops events without


def wants_event_stream(scope: Scope) -> bool:
    """A POST whose Accept names text/event-stream (what the graphql-sse client sends)."""
    if scope.get("method") != "POST":
        return False
    for name, value in scope.get("headers", ()):
        if name.lower() == b"accept" and EVENT_STREAM.encode() in bytes(value).lower():
            return True
    return False


class EventStreamOrGraphQL:
    """/graphql: event-stream requests to the stream, the rest to the GraphQL app."""

    def __init__(self, stream: ASGIApp, graphql: ASGIApp) -> None:
        self.stream = stream
        self.graphql = graphql

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = self.stream if scope["type"] == "http" and wants_event_stream(scope) else self.graphql
        await app(scope, receive, send)


class GraphQLEventStream:
    def __init__(self, graphql: GraphQLApp) -> None:
        self.graphql = graphql

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        body = await request.body()
        context = await self.graphql.get_context(request, Response())
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"text/event-stream; charset=utf-8"),
                    (b"cache-control", b"no-cache"),
                    # nginx would otherwise hold the events back in its buffer.
                    (b"x-accel-buffering", b"no"),
                ],
            }
        )

        async def stream() -> None:
            async for event in _with_keep_alive(self._results(request, body, context)):
                await send({"type": "http.response.body", "body": event, "more_body": True})
            await send({"type": "http.response.body", "body": COMPLETE, "more_body": False})

        async def client_left() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass

        streaming = asyncio.ensure_future(stream())
        watching = asyncio.ensure_future(client_left())
        try:
            await asyncio.wait((streaming, watching), return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (streaming, watching):
                task.cancel()
            await asyncio.gather(streaming, watching, return_exceptions=True)
        if not streaming.cancelled() and streaming.exception() is not None:
            raise streaming.exception()  # type: ignore[misc]

    async def _results(self, request: Request, body: bytes, context: Any) -> AsyncIterator[bytes]:
        try:
            query, variables, operation_name = _operation(body, self.graphql.persisted)
        except Refusal as refusal:
            refused = {"message": refusal.message, "extensions": {"code": refusal.code}}
            yield _next({"data": None, "errors": [refused]})
            return
        except ValueError as problem:
            yield _next({"data": None, "errors": [_invalid(str(problem))]})
            return
        # strawberry's stream lets what an extension raises escape too: the trusted-documents
        # check (api/persisted_queries.py) answered here, as the WebSocket handler does.
        if not self.graphql.persisted.is_trusted(query):
            yield _next({"data": None, "errors": [not_trusted().formatted]})
            return
        try:
            # strawberry's stream lets a syntax error escape instead of reporting it; the token
            # cap holds here as in the schema's MaxTokensLimiter.
            parse(query, max_tokens=self.graphql.settings.max_query_tokens)
        except GraphQLSyntaxError as error:
            unparsable = ExecutionResult(data=None, errors=[error])
            yield _next(await self.graphql.process_result(request, unparsable))
            return
        results = await self.graphql.schema.stream(
            query,
            variable_values=variables,
            context_value=context,
            operation_name=operation_name,
        )
        try:
            async for result in results:
                if isinstance(result, ExecutionResult):
                    yield _next(await self.graphql.process_result(request, result))
        finally:
            await results.aclose()


async def _with_keep_alive(events: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """The events, with a comment line whenever none came for KEEP_ALIVE seconds."""
    iterator = aiter(events)
    upcoming = asyncio.ensure_future(anext(iterator))
    try:
        while True:
            done, _ = await asyncio.wait((upcoming,), timeout=KEEP_ALIVE)
            if not done:
                yield b": keep-alive\n\n"
                continue
            try:
                event = upcoming.result()
            except StopAsyncIteration:
                return
            yield event
            upcoming = asyncio.ensure_future(anext(iterator))
    finally:
        upcoming.cancel()
        await asyncio.gather(upcoming, return_exceptions=True)
        aclose = getattr(iterator, "aclose", None)
        if aclose is not None:
            await aclose()


def _operation(
    body: bytes, documents: PersistedDocuments
) -> tuple[str, dict[str, Any] | None, str | None]:
    """query (or the document its persisted-query hash names), variables and operationName of
    a GraphQL-over-HTTP body (already checked to be one JSON object by RequestLimits);
    ValueError with a Chinese message for anything else, Refusal for a hash not known."""
    try:
        document = json.loads(body)
    except ValueError:
        raise ValueError("请求体应为 JSON 对象（query、variables、operationName）") from None
    if not isinstance(document, dict):
        raise ValueError("请求体应为 JSON 对象（query、variables、operationName）")
    query = documents.resolve(document.get("query"), document.get("extensions"))
    variables = document.get("variables")
    operation_name = document.get("operationName")
    if not isinstance(query, str) or not query.strip():
        raise ValueError("请求须含字符串 query")
    if variables is not None and not isinstance(variables, dict):
        raise ValueError("variables 应为 JSON 对象")
    if operation_name is not None and not isinstance(operation_name, str):
        raise ValueError("operationName 应为字符串")
    return query, variables, operation_name


def _invalid(message: str) -> dict[str, Any]:
    return {"message": message, "extensions": {"code": ErrorCode.INVALID_INPUT.value}}


def _next(payload: GraphQLHTTPResponse | dict[str, Any]) -> bytes:
    # JSON never holds a raw newline, so one data line carries the whole result.
    return b"event: next\ndata: " + json.dumps(payload, ensure_ascii=False).encode() + b"\n\n"
