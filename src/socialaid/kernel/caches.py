"""The one way to cache in this process: a bounded LRU with hit and miss counters, the same keyed
by the content revision, and a registry of the process-wide caches a request may use."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")


class LruCache(Generic[K, V]):
    """At most `max_entries` entries; the least recently used goes first."""

    def __init__(self, max_entries: int = 256) -> None:
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[K, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def get(self, key: K) -> V | None:
        """The entry for `key` (counted as a hit or a miss)."""
        if key in self._entries:
            self.hits += 1
            self._entries.move_to_end(key)
            return self._entries[key]
        self.misses += 1
        return None

    def peek(self, key: K) -> V | None:
        """The entry for `key`, neither counted nor made recent."""
        return self._entries.get(key)

    def put(self, key: K, value: V) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        if len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def pop(self, key: K) -> V | None:
        return self._entries.pop(key, None)

    def clear(self) -> None:
        self._entries.clear()


class RevisionCache(Generic[V]):
    """An LRU whose entries belong to one content revision; a new revision empties it."""

    def __init__(self, max_entries: int = 256) -> None:
        self.revision: int | None = None
        self._lru: LruCache[Hashable, V] = LruCache(max_entries)

    @property
    def hits(self) -> int:
        return self._lru.hits

    @property
    def misses(self) -> int:
        return self._lru.misses

    def peek(self, revision: int, key: Hashable) -> V | None:
        """The entry for `key` at `revision`, without building it."""
        return self._lru.peek(key) if revision == self.revision else None

    def put(self, revision: int, key: Hashable, value: V) -> None:
        self._move_to(revision)
        self._lru.put(key, value)

    async def get(self, revision: int, key: Hashable, build: Callable[[], Awaitable[V]]) -> V:
        self._move_to(revision)
        found = self._lru.get(key)
        if found is not None:
            return found
        value = await build()
        # Another request may have seen a newer revision while this one was building.
        if revision == self.revision:
            self._lru.put(key, value)
        return value

    def _move_to(self, revision: int) -> None:
        if revision != self.revision:
            self._lru.clear()
            self.revision = revision


class Caches:
    """The process-wide objects requests share (caches, listeners' fan-outs), one per type.

    A domain asks for its own type (`caches.of(FormCaches)`), so this kernel needs to know no
    domain; a type is created on first use with no arguments unless the composition root put an
    instance in first.
    """

    def __init__(self) -> None:
        self._by_type: dict[type, object] = {}

    def of(self, kind: type[T]) -> T:
        found = self._by_type.get(kind)
        if found is None:
            found = self._by_type[kind] = kind()
        assert isinstance(found, kind)
        return found

    def put(self, instance: object) -> None:
        self._by_type[type(instance)] = instance
