"""The JSON answers of the plain HTTP routes beside /graphql (audit export, prints): an expected
failure as `{"errors": [{code, message, path}]}` with its HTTP status, and the 503 of a database
outage with Retry-After — the shapes a client already knows from GraphQL's errors."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from socialaid.access.decisions import ForbiddenError, UnauthenticatedError
from socialaid.db.outage import MESSAGE, RETRY_AFTER_SECONDS
from socialaid.errors import DomainError, ErrorCode, NotFoundError

STATUS: Mapping[type[DomainError], int] = {
    UnauthenticatedError: 401,
    ForbiddenError: 403,
    NotFoundError: 404,
}


def error_response(
    error: DomainError,
    *,
    status: Mapping[type[DomainError], int] = STATUS,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The failure's JSON body; its status from the first matching kind, else 400."""
    code = next((s for kind, s in status.items() if isinstance(error, kind)), 400)
    body = {"errors": [{"code": error.code.value, "message": error.message, "path": error.path}]}
    return JSONResponse(body, status_code=code, headers=headers)


def unavailable_response() -> Response:
    body = {"errors": [{"code": ErrorCode.UNAVAILABLE.value, "message": MESSAGE, "path": []}]}
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


_UNKNOWN_ROUTE = {
    404: (ErrorCode.NOT_FOUND, "没有这个地址"),
    405: (ErrorCode.INVALID_INPUT, "此地址不接受该请求方法"),
}


async def unknown_route(_: Request, error: Exception) -> Response:
    """Starlette's answer for a path no route matches (404) or a method its route does not take
    (405), in the shape of every other refusal instead of a plain-text line."""
    status = error.status_code if isinstance(error, HTTPException) else 404
    code, message = _UNKNOWN_ROUTE.get(status, _UNKNOWN_ROUTE[404])
    headers = error.headers if isinstance(error, HTTPException) else None
    body: dict[str, object] = {"errors": [{"code": code.value, "message": message, "path": []}]}
    return JSONResponse(body, status_code=status, headers=headers)
