"""In-process caches of public reference data, invalidated by the content revision."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class RevisionCache(Generic[V]):
    """A bounded LRU whose entries belong to one content revision; a new revision empties it."""

    def __init__(self, max_entries: int = 256) -> None:
        self.max_entries = max_entries
        self.revision: int | None = None
        self._entries: OrderedDict[Hashable, V] = OrderedDict()

    def peek(self, revision: int, key: Hashable) -> V | None:
        """The entry for `key` at `revision`, without building it."""
        if revision != self.revision:
            return None
        return self._entries.get(key)

    def put(self, revision: int, key: Hashable, value: V) -> None:
        if revision != self.revision:
            self._entries.clear()
            self.revision = revision
        self._entries[key] = value
        self._entries.move_to_end(key)
        if len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    async def get(self, revision: int, key: Hashable, build: Callable[[], Awaitable[V]]) -> V:
        if revision != self.revision:
            self._entries.clear()
            self.revision = revision
        if key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key]
        value = await build()
        if revision == self.revision:
            self._entries[key] = value
            if len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value
