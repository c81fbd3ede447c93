"""Relay connection parts with opaque keyset cursors (the sort key of the last row seen)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Protocol

import strawberry

from socialaid.errors import DomainError

MAX_PAGE_SIZE = 100


class _Edge(Protocol):
    cursor: str


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None

    @classmethod
    def of(cls, edges: Sequence[_Edge], *, has_next_page: bool) -> PageInfo:
        """The page info of a page whose edges are `edges` (the last one's cursor continues)."""
        return cls(has_next_page=has_next_page, end_cursor=edges[-1].cursor if edges else None)


def encode_cursor(key: Sequence[str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode()


def decode_cursor(cursor: str, arity: int, *, path: list[str]) -> tuple[str, ...]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, binascii.Error) as exc:
        raise DomainError("游标无效", path=path) from exc
    if not isinstance(key, list) or len(key) != arity or not all(isinstance(k, str) for k in key):
        raise DomainError("游标无效", path=path)
    return tuple(key)


def check_page_size(first: int, *, path: list[str]) -> int:
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise DomainError(f"每页条数应在 1 到 {MAX_PAGE_SIZE} 之间", path=path)
    return first
