"""`Content-Disposition: attachment` for a file name that may be Chinese (RFC 6266, RFC 5987)."""

from __future__ import annotations

import re
from urllib.parse import quote

# RFC 5987 attr-char beyond letters and digits: what `filename*` may carry unencoded.
_ATTR_CHARS = "!#$&+-.^_`|~"
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9._-]+")


def ascii_fallback(filename: str) -> str:
    """The name for clients that ignore `filename*`: ASCII letters, digits, `.`, `_`, `-`."""
    stem, dot, suffix = filename.rpartition(".")
    if not dot:
        stem, suffix = filename, ""
    plain = _NOT_PLAIN.sub("_", stem).strip("_.-") or "download"
    return f"{plain}.{_NOT_PLAIN.sub('', suffix)}" if suffix else plain


def attachment(filename: str) -> str:
    """The header value: an ASCII `filename` and the exact name in UTF-8 as `filename*`."""
    encoded = quote(filename, safe=_ATTR_CHARS, encoding="utf-8")
    return f"attachment; filename=\"{ascii_fallback(filename)}\"; filename*=UTF-8''{encoded}"
