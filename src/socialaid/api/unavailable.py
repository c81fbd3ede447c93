"""What a client gets while the database is out (see `db/outage.py`): HTTP 503 with Retry-After
and a GraphQL error whose code is UNAVAILABLE, whether the outage met a resolver, authentication
or the public response cache; never a masked "Unexpected error." or a plain-text 500.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from graphql import GraphQLError
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import MaskErrors
from strawberry.http import GraphQLHTTPResponse

from socialaid.audit.request import current_origin
from socialaid.db.outage import MESSAGE, RETRY_AFTER_SECONDS, describe, outage_in
from socialaid.errors import ErrorCode

log = logging.getLogger(__name__)

STATUS = 503
# The code of a masked error: a defect of ours, logged with its traceback.
INTERNAL_ERROR = "INTERNAL_SERVER_ERROR"
HEADERS = {"Retry-After": str(RETRY_AFTER_SECONDS)}


class MaskErrorsNamingOutages(MaskErrors):
    """Masks what `should_mask_error` says, except that a database outage becomes UNAVAILABLE."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        if outage_in(error.original_error) is None:
            masked = super().anonymise_error(error)
            # The request's id (also in X-Request-Id and the log line of the error) is what a
            # user can report to find the traceback this hides.
            masked.extensions = {
                "code": INTERNAL_ERROR,
                **({"requestId": request_id} if (request_id := current_request_id()) else {}),
            }
            return masked
        return GraphQLError(
            message=MESSAGE,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": ErrorCode.UNAVAILABLE.value},
        )


def without_outages(errors: Sequence[GraphQLError]) -> list[GraphQLError]:
    """The errors other than outages; each outage is logged as one warning line here instead:
    expected while the database is out, where a traceback per request would bury the log."""
    others = []
    for error in errors:
        outage = outage_in(error.original_error)
        if outage is None:
            others.append(error)
        else:
            log.warning("database unavailable at %s: %s", error.path, describe(outage))
    return others


def reports_unavailable(response: GraphQLHTTPResponse | list[GraphQLHTTPResponse]) -> bool:
    """Whether a GraphQL response (or a batch of them) has an UNAVAILABLE error: an answer
    to ask again later, whatever else it holds."""
    responses = response if isinstance(response, list) else [response]
    return any(
        _code(error) == ErrorCode.UNAVAILABLE.value
        for one in responses
        for error in one.get("errors") or ()
    )


def _code(error: object) -> object:
    extensions = error.get("extensions") if isinstance(error, dict) else None
    return extensions.get("code") if isinstance(extensions, dict) else None


def unavailable_body() -> bytes:
    """A GraphQL response for a request that never reached execution."""
    error = {"message": MESSAGE, "extensions": {"code": ErrorCode.UNAVAILABLE.value}}
    return json.dumps({"data": None, "errors": [error]}, ensure_ascii=False).encode()


class AnswerOutages:
    """An ASGI wrapper: an outage that escapes the app before it began to answer (while
    authenticating, or reading the content revision) is answered 503 UNAVAILABLE."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception as error:
            outage = outage_in(error)
            if outage is None or started:
                raise
            log.warning("database unavailable: %s", describe(outage))
            body = unavailable_body()
            await send(
                {
                    "type": "http.response.start",
                    "status": STATUS,
                    "headers": [
                        (b"content-type", b"application/json; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()),
                        *((k.lower().encode(), v.encode()) for k, v in HEADERS.items()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})


def current_request_id() -> str | None:
    return current_origin().request_id
