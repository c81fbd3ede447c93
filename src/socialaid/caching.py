"""The one way to cache in this process: a bounded LRU with hit and miss counters, and the same
keyed by the content revision. Pure (no I/O, no framework), so every layer may use it: the
verified-token cache of `access`, the form caches, the response and validation caches of `api`.
The registry of the process-wide caches a request may use is `kernel.caches.Caches`."""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


# The named caches alive in this process, whose counters the metrics export (api/metrics.py).
_named: weakref.WeakSet[LruCache[object, object]] = weakref.WeakSet()


def named_caches() -> list[LruCache[object, object]]:
    """The caches alive in this process that were given a name."""
    return list(_named)


class LruCache(Generic[K, V]):
    """At most `max_entries` entries; the least recently used goes first. A cache with a `name`
    has its hits and misses exported as metrics under that name."""

    def __init__(self, max_entries: int = 256, *, name: str | None = None) -> None:
        self.max_entries = max_entries
        self.name = name
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[K, V] = OrderedDict()
        if name is not None:
            _named.add(self)  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[K]:
        """The keys, least recently used first."""
        return iter(list(self._entries))

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

    def __init__(self, max_entries: int = 256, *, name: str | None = None) -> None:
        self.revision: int | None = None
        self._lru: LruCache[Hashable, V] = LruCache(max_entries, name=name)

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

    def lookup(self, revision: int, key: Hashable) -> V | None:
        """The entry for `key` at `revision` (counted as a hit or a miss); a revision other than
        the cache's empties it first."""
        self._move_to(revision)
        return self._lru.get(key)

    def keep(self, revision: int, key: Hashable, value: V) -> None:
        """Store `value`, built at `revision`, unless the cache has moved to another revision
        meanwhile (another request saw a newer one while this one was building)."""
        if revision == self.revision:
            self._lru.put(key, value)

    async def get(self, revision: int, key: Hashable, build: Callable[[], Awaitable[V]]) -> V:
        found = self.lookup(revision, key)
        if found is not None:
            return found
        value = await build()
        self.keep(revision, key, value)
        return value

    def __len__(self) -> int:
        return len(self._lru)

    def _move_to(self, revision: int) -> None:
        if revision != self.revision:
            self._lru.clear()
            self.revision = revision
