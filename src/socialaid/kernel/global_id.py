"""Relay global identifiers: one opaque string that names a type and the key of one of its rows.

A global id is the URL-safe base64 (without padding) of `TypeName:part:part…`, each part
percent-encoded so a part may hold any text (a user id with a colon, say). Clients must treat it
as opaque: the encoding is ours to change. Pure: no database, no strawberry.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from urllib.parse import quote, unquote

# Longer than any id this service mints (the longest: a role assignment with a 128-character user
# id), short enough that decoding a hostile value costs nothing.
MAX_GLOBAL_ID_CHARS = 512


@dataclass(frozen=True)
class GlobalId:
    type_name: str
    parts: tuple[str, ...]


def encode_global_id(type_name: str, *parts: str) -> str:
    text = ":".join([type_name, *(quote(p, safe="") for p in parts)])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_global_id(value: str) -> GlobalId | None:
    """The type and key parts `value` names, or None when it is not a global id of ours."""
    if not value or len(value) > MAX_GLOBAL_ID_CHARS:
        return None
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    type_name, _, rest = text.partition(":")
    if not type_name.isidentifier() or not rest:
        return None
    parts = tuple(unquote(p) for p in rest.split(":"))
    if any(not p for p in parts):
        return None
    return GlobalId(type_name, parts)


def raw_key(value: str, type_name: str) -> str:
    """The row key in `value`: the key of a one-part global id of `type_name`, else `value`
    itself (a raw key, still accepted where a field took one before global ids)."""
    decoded = decode_global_id(value)
    if decoded is not None and decoded.type_name == type_name and len(decoded.parts) == 1:
        return decoded.parts[0]
    return value
