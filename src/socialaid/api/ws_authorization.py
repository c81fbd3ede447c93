"""The credentials in a graphql-transport-ws `connection_init` payload.

Browsers cannot set headers on a WebSocket upgrade, so graphql-ws clients send the token in the
payload instead: `{"Authorization": "Bearer <JWT>"}` (the key in any letter case, the value as
the HTTP header would hold it). No other key is read: one documented place for the token.
"""

from __future__ import annotations

from collections.abc import Mapping

from socialaid.access.decisions import UnauthenticatedError


def ws_authorization(payload: Mapping[str, object]) -> str | None:
    """The payload's Authorization value; None without one; UNAUTHENTICATED when it is not a
    string or several spellings of the key disagree."""
    values = {value for key, value in payload.items() if key.lower() == "authorization"}
    if not values:
        return None
    if len(values) > 1:
        raise UnauthenticatedError()
    (value,) = values
    if not isinstance(value, str):
        raise UnauthenticatedError()
    return value
