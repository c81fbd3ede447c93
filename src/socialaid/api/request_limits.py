"""What an HTTP request to /graphql may be, checked before GraphQL sees it.

Headers (431) and a GET request's query string (414) larger than their cap are refused before
anything else. A body larger than the cap is refused with 413 before (or while) it is read, never
parsed; a JSON
body that is not valid UTF-8, not valid JSON, not one object, or nested deeper than the cap is
refused with 400. Each refusal is a GraphQL-shaped error with code INVALID_INPUT and a Chinese
message that never echoes the input. The body that passes is handed on unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from socialaid.api import graphql_over_http as over_http
from socialaid.errors import ErrorCode


class RequestRefused(Exception):  # noqa: N818 - a refusal, not a failure of ours
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def json_depth_exceeds(value: Any, limit: int) -> bool:
    """Whether arrays and objects nest deeper than `limit` (iteratively: no recursion to exhaust)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def check_json_body(body: bytes, max_depth: int) -> None:
    """Refuse what GraphQL over HTTP cannot be: the body must be one JSON object."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestRefused(400, "请求体不是有效的 UTF-8 文本") from None
    try:
        # parse_constant refuses NaN and Infinity, which are not JSON.
        document = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise RequestRefused(400, f"请求体的嵌套层数超过 {max_depth} 层") from None
    except ValueError:
        raise RequestRefused(400, "请求体不是有效的 JSON") from None
    if not isinstance(document, dict):
        raise RequestRefused(400, "请求体应为一个 JSON 对象（含 query、variables 等）")
    if json_depth_exceeds(document, max_depth):
        raise RequestRefused(400, f"请求体的嵌套层数超过 {max_depth} 层")
    # strawberry checks query, variables and extensions, but passes any operationName on.
    if not isinstance(document.get("operationName"), str | None):
        raise RequestRefused(400, "operationName 应为字符串或 null")


def _no_constant(name: str) -> Any:
    raise ValueError(name)


class RequestLimits:
    """An ASGI wrapper around the GraphQL app for HTTP requests with a body."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        max_json_depth: int,
        max_header_bytes: int = 16 * 1024,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_json_depth = max_json_depth
        self.max_header_bytes = max_header_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            self._check_head(scope)
        except RequestRefused as refused:
            await send_refusal(send, refused, scope=scope)
            return
        if scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        try:
            body = await self._read(scope, receive)
            if b"json" in _header(scope, b"content-type"):
                check_json_body(body, self.max_json_depth)
        except RequestRefused as refused:
            await send_refusal(send, refused, scope=scope)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, scope: Scope, receive: Receive) -> bytes:
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            raise RequestRefused(413, self._too_large())
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                raise RequestRefused(413, self._too_large())
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    def _check_head(self, scope: Scope) -> None:
        """Headers and the query string (a GET request's whole operation) have caps of their own."""
        header_bytes = sum(len(k) + len(v) for k, v in scope.get("headers", ()))
        if header_bytes > self.max_header_bytes:
            raise RequestRefused(431, f"请求头超过 {self.max_header_bytes} 字节的上限")
        if len(scope.get("query_string", b"")) > self.max_header_bytes:
            raise RequestRefused(
                414, f"查询字符串超过 {self.max_header_bytes} 字节的上限：请改用 POST"
            )

    def _too_large(self) -> str:
        return f"请求体超过 {self.max_body_bytes} 字节的上限"


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).lower()
    return b""


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def send_refusal(
    send: Send,
    refused: RequestRefused,
    headers: Iterable[tuple[bytes, bytes]] = (),
    scope: Scope | None = None,
) -> None:
    """Answer with `refused`'s status and a GraphQL-shaped INVALID_INPUT error, in the media
    type the request in `scope` accepts (api/graphql_over_http.py)."""
    media_type = over_http.negotiate(
        over_http.accept_header(scope.get("headers", ())) if scope is not None else None
    )
    payload = over_http.request_error(media_type, refused.message, ErrorCode.INVALID_INPUT.value)
    await send(
        {
            "type": "http.response.start",
            "status": refused.status,
            "headers": [
                (b"content-type", over_http.content_type(media_type).encode()),
                (b"content-length", str(len(payload)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
