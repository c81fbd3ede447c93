"""Signed, expiring URLs for the embedded store's own PUT and GET routes.

A URL carries its expiry and an HMAC-SHA256, under the server's secret, of the method, the
object key, the expiry and what the request must match (the declared type and size of a PUT,
the file name of a GET): changing any of them, or using the URL after it expires, is refused.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from enum import StrEnum
from urllib.parse import urlencode

ROUTE = "/files/"


class UrlProblem(StrEnum):
    BAD_SIGNATURE = "BAD_SIGNATURE"
    EXPIRED = "URL_EXPIRED"


def signature(secret: str, method: str, key: str, expires: int, bound: Mapping[str, str]) -> str:
    message = "\n".join(
        [method.upper(), key, str(expires), *(f"{k}={bound[k]}" for k in sorted(bound))]
    )
    return hmac.new(
        ("socialaid-files:" + secret).encode(), message.encode(), hashlib.sha256
    ).hexdigest()


def signed_path(secret: str, method: str, key: str, expires: int, bound: Mapping[str, str]) -> str:
    """The path and query of a URL that allows `method` on `key` until `expires` (epoch s)."""
    query = {
        **bound,
        "expires": str(expires),
        "signature": signature(secret, method, key, expires, bound),
    }
    return f"{ROUTE}{key}?{urlencode(query)}"


def check(
    secret: str,
    method: str,
    key: str,
    query: Mapping[str, str],
    bound_names: tuple[str, ...],
    *,
    now: float,
) -> UrlProblem | None:
    """Why a request to the route may not proceed, or None when its URL is valid now."""
    try:
        expires = int(query.get("expires", ""))
    except ValueError:
        return UrlProblem.BAD_SIGNATURE
    bound = {name: query.get(name, "") for name in bound_names}
    expected = signature(secret, method, key, expires, bound)
    # As bytes: compare_digest refuses str with non-ASCII characters (a TypeError, a 500).
    given = query.get("signature", "").encode("utf-8", "surrogatepass")
    if not hmac.compare_digest(expected.encode(), given):
        return UrlProblem.BAD_SIGNATURE
    if now > expires:
        return UrlProblem.EXPIRED
    return None
