"""Requests the GraphQL app refuses before an operation runs, answered as GraphQL responses.

strawberry answers a body it cannot use (not JSON, no query, an unknown operationName, a
mutation by GET) with an English plain-text body: here each becomes a Chinese GraphQL error
with a code, in the media type the client accepts. And `refused_before_running` tells such a
result from one whose operation ran, for the status code (api/graphql_over_http.py).
"""

from __future__ import annotations

from cross_web import HTTPException
from starlette.responses import Response
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError

from socialaid.api import graphql_over_http as over_http
from socialaid.errors import ErrorCode

# A private header between GraphQLApp.get_sub_response and create_response: the negotiated
# media type. Never sent: create_response removes it.
MEDIA_TYPE_HEADER = "x-socialaid-media-type"

_MESSAGES = {
    "Unable to parse request body as JSON": "请求体不是有效的 JSON",
    "Unsupported content type": "请求的 Content-Type 应为 application/json",
    "No GraphQL query found in the request": "请求中没有 GraphQL 查询（query）",
    "Can't get GraphQL operation type": "请求中没有可执行的操作",
    "mutations are not allowed when using GET": "变更（mutation）请用 POST 发送",
    "subscriptions are not allowed when using GET": "订阅须通过 WebSocket 连接发送",
    "GraphQL only supports GET and POST requests.": "GraphQL 请求只能用 GET 或 POST 发送",
    "Batching is not enabled": "不支持批量请求：请一次发送一个操作",
    "Not Found": "此处没有 GraphQL IDE",
}


def transport_refusal(refused: HTTPException, accept: str | None) -> Response:
    """`refused` as a GraphQL response: its status, a Chinese message, code INVALID_INPUT (or
    NOT_FOUND for a page that is not there)."""
    reason = refused.reason
    if reason in _MESSAGES:
        message = _MESSAGES[reason]
    elif reason.startswith("Unknown operation named"):
        message = "请求中没有 operationName 所指的操作"
    else:
        message = f"请求无效：{reason}"
    code = ErrorCode.NOT_FOUND if refused.status_code == 404 else ErrorCode.INVALID_INPUT
    media_type = over_http.negotiate(accept)
    headers = {"allow": "GET, POST"} if refused.status_code == 405 else {}
    if "are not allowed when using GET" in reason:
        headers = {"allow": "POST"}
    return Response(
        over_http.request_error(media_type, message, code.value),
        status_code=refused.status_code,
        headers=headers,
        media_type=over_http.content_type(media_type),
    )


def refused_before_running(result: ExecutionResult) -> bool:
    """Whether the operation of `result` never ran: it did not parse or validate, an argument
    was out of bounds (api/input_guard.py), or its variables' values could not be coerced
    (graphql-core reports those without a path and without data)."""
    if isinstance(result, PreExecutionError):
        return True
    errors = result.errors or []
    # The guard's errors name a field in `path` but wrap no exception; a resolver's INVALID_INPUT
    # wraps the DomainError it raised.
    return (
        result.data is None
        and bool(errors)
        and all(
            (error.path is None or error.original_error is None)
            and (error.extensions or {}).get("code") == ErrorCode.INVALID_INPUT.value
            for error in errors
        )
    )
