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
# The descriptions of every connection's paging arguments.
FIRST = f"每页条数，1 到 {MAX_PAGE_SIZE}"
AFTER = "上一页 pageInfo.endCursor（或某条的 cursor）：取其后的一页；省略则从第一条开始"


class _Edge(Protocol):
    cursor: str


@strawberry.type(description="分页信息（Relay 连接规范）：游标不透明，只可原样回传给 after")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="是否还有下一页：为 true 时以 endCursor 作 after 取下一页"
    )
    end_cursor: str | None = strawberry.field(description="本页最后一条的游标；本页为空时为 null")

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
