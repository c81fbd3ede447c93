"""Relay connection parts with opaque keyset cursors (the sort key of the last row seen)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol, TypeVar

import strawberry

from socialaid.errors import DomainError

T = TypeVar("T")
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
    has_previous_page: bool = strawberry.field(
        description="本页之前是否还有条目：给了 after 时为 true（其前至少有游标所指的一条），否则为 false"
    )
    start_cursor: str | None = strawberry.field(description="本页第一条的游标；本页为空时为 null")

    @classmethod
    def of(
        cls, edges: Sequence[_Edge], *, has_next_page: bool, after: str | None = None
    ) -> PageInfo:
        """The page info of a page whose edges are `edges`, read after cursor `after`: paging
        is forward only, so a page has a predecessor exactly when it started after a cursor."""
        return cls(
            has_next_page=has_next_page,
            end_cursor=edges[-1].cursor if edges else None,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
        )


# Counts the rows a connection pages through; a connection awaits it only when totalCount is
# selected, so a page that does not ask costs no count.
Counter = Callable[[], Awaitable[int]]
TOTAL_COUNT = "符合条件（同一筛选与可见范围）的总条数，与分页无关；只在选取此字段时计算"


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


def slice_after(
    items: Sequence[T],
    key: Callable[[T], Sequence[str]],
    *,
    first: int,
    after: str | None,
    path: list[str],
) -> tuple[list[T], bool]:
    """One page of a list already read whole (bounded by its nature: an application's events,
    a person's applications, an item's versions): the `first` items after the one whose key the
    cursor holds, and whether more follow."""
    start = 0
    if after is not None:
        wanted = list(decode_cursor(after, len(key(items[0])) if items else 0, path=path))
        found = next((i for i, item in enumerate(items) if list(key(item)) == wanted), None)
        if found is None:
            raise DomainError("游标无效", path=path)
        start = found + 1
    page = list(items[start : start + first])
    return page, start + first < len(items)
