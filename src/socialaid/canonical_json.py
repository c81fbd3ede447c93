"""Canonical JSON text and its sha256: the identity of a compiled form and of a condition."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from enum import Enum


def _default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


def canonical_json(value: object) -> str:
    """Sorted keys, no whitespace, UTF-8 text kept as is: equal values give equal text."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_default
    )


def content_hash(value: object) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()
