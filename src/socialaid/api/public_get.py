"""GET /graphql answers only what needs no token: public reference data, asked anonymously.

A GET's URL, its query and variables included, ends up in proxies' logs, browser history and
Referer headers. So a GET that carries credentials, or whose query is not public by the one
definition the response cache uses too (`public_query`), is refused before GraphQL sees it, and
mutations with it. The status is 405 with `Allow: POST`, as the GraphQL-over-HTTP spec answers a
mutation sent by GET: the operation itself may be fine, only not by this method, and the client
is told which method to use instead. A GET without a query (GraphiQL's page in dev) goes on.
"""

from __future__ import annotations

from starlette.datastructures import QueryParams
from starlette.types import ASGIApp, Receive, Scope, Send

from socialaid.api.public_cache import public_query
from socialaid.api.request_limits import RequestRefused, send_refusal

WITH_CREDENTIALS = "带身份凭证的请求请用 POST 发送：GET 的地址会留在代理日志和浏览器历史中"
NOT_PUBLIC = "GET 只能用于无需登录的公开查询（区划、目录、表单）；其他查询和变更请用 POST 发送"


class PublicGetOnly:
    """An ASGI wrapper around the GraphQL app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            refusal = _refusal(scope)
            if refusal is not None:
                await send_refusal(send, RequestRefused(405, refusal), [(b"allow", b"POST")], scope)
                return
        await self.app(scope, receive, send)


def _refusal(scope: Scope) -> str | None:
    if any(key.lower() == b"authorization" for key, _ in scope.get("headers", ())):
        return WITH_CREDENTIALS
    # Parsed as strawberry's Starlette adapter parses it, so both read the same query.
    params = QueryParams(scope["query_string"])
    if "query" in params and not public_query(params["query"], params.get("operationName")):
        return NOT_PUBLIC
    return None
