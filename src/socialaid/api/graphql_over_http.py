"""The media type and status code of a GraphQL response, as the GraphQL-over-HTTP spec gives them.

A client that accepts `application/graphql-response+json` (Apollo Client, graphql-http, urql
send it first) gets that media type, whose status code says what happened: 200 when the
operation ran (its errors, if any, are field errors beside partial data), 4xx without a `data`
entry when the request was refused before it ran (a document that does not parse or validate,
a limit, an argument out of bounds, an unknown persisted query). A legacy client (only
`application/json`, `*/*`, or no Accept header) gets `application/json` and 200 for every
well-formed request, as the spec asks for it: such a client may not read a 4xx body at all.
Pure: no framework imports, so the refusals sent before GraphQL runs use it too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"

# Request errors: the operation never ran. The status each gets under graphql-response+json.
REQUEST_ERROR_STATUS: Mapping[str, int] = {
    "GRAPHQL_PARSE_FAILED": 400,
    "GRAPHQL_VALIDATION_FAILED": 400,
    "QUERY_TOO_COMPLEX": 400,
    "INVALID_INPUT": 400,
    "PERSISTED_QUERY_NOT_FOUND": 404,
    "PERSISTED_QUERY_NOT_TRUSTED": 403,
}


def negotiate(accept: str | None) -> str:
    """The media type to answer a request with this Accept header.

    graphql-response+json when the client lists it at least as high as application/json;
    application/json for `*/*`, `application/*`, no header at all, or nothing we have (the spec
    lets a server disregard an Accept it cannot satisfy and answer with application/json rather
    than 406, which a legacy client would not understand)."""
    if not accept:
        return JSON
    ours = _quality(accept, GRAPHQL_RESPONSE_JSON, wildcards=False)
    legacy = _quality(accept, JSON, wildcards=True)
    return GRAPHQL_RESPONSE_JSON if ours > 0 and ours >= legacy else JSON


def _quality(accept: str, media_type: str, *, wildcards: bool) -> float:
    """The q-value `accept` gives `media_type` (its most specific range that matches); 0 if
    none matches. Wildcards count only for application/json: `*/*` asks for the default."""
    kind = media_type.split("/", 1)[0]
    best: tuple[int, float] = (-1, 0.0)
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        range_ = fields[0].lower()
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        if range_ == media_type:
            specificity = 2
        elif wildcards and range_ == f"{kind}/*":
            specificity = 1
        elif wildcards and range_ == "*/*":
            specificity = 0
        else:
            continue
        best = max(best, (specificity, quality))
    return best[1]


def content_type(media_type: str) -> str:
    return f"{media_type}; charset=utf-8"


def status_for(media_type: str, response: Mapping[str, Any]) -> int:
    """The status of a GraphQL response body sent with `media_type`: under graphql-response+json
    a response without `data` is a request error, whose errors' codes give the status (400 for
    any code not in REQUEST_ERROR_STATUS)."""
    if media_type != GRAPHQL_RESPONSE_JSON or "data" in response:
        return 200
    codes = [_code(error) for error in response.get("errors") or ()]
    return max((REQUEST_ERROR_STATUS.get(str(code), 400) for code in codes), default=400)


def request_error(media_type: str, message: str, code: str, **extensions: object) -> bytes:
    """The body of a request refused before GraphQL ran: `data` null under application/json, no
    `data` at all under graphql-response+json (the operation never ran)."""
    error = {"message": message, "extensions": {"code": code, **extensions}}
    body: dict[str, Any] = {"errors": [error]}
    if media_type == JSON:
        body = {"data": None, **body}
    return json.dumps(body, ensure_ascii=False).encode()


def accept_header(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    """The Accept header among an ASGI scope's headers."""
    for key, value in headers:
        if key.lower() == b"accept":
            return value.decode("latin-1")
    return None


def _code(error: object) -> object:
    extensions = error.get("extensions") if isinstance(error, Mapping) else None
    return extensions.get("code") if isinstance(extensions, Mapping) else None
