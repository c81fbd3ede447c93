"""The one cache abstraction: a bounded LRU with counters, and the same keyed by content revision."""

from __future__ import annotations

from socialaid.caching import LruCache, RevisionCache
from socialaid.kernel.caches import Caches


def test_the_least_recently_used_entry_goes_first() -> None:
    cache: LruCache[str, int] = LruCache(max_entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recent
    cache.put("c", 3)  # evicts "b"
    assert "b" not in cache and "a" in cache and "c" in cache
    assert len(cache) == 2


def test_putting_an_existing_key_makes_it_recent_without_growing() -> None:
    cache: LruCache[str, int] = LruCache(max_entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)  # evicts "b", not the re-put "a"
    assert cache.peek("a") == 10 and "b" not in cache and len(cache) == 2


def test_gets_count_hits_and_misses_and_peeks_count_nothing() -> None:
    cache: LruCache[str, int] = LruCache(max_entries=2)
    assert cache.get("a") is None
    cache.put("a", 1)
    assert cache.get("a") == 1
    assert cache.get("a") == 1
    assert cache.peek("a") == 1 and cache.peek("z") is None
    assert (cache.hits, cache.misses) == (2, 1)


def test_a_peek_does_not_make_an_entry_recent() -> None:
    cache: LruCache[str, int] = LruCache(max_entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.peek("a")
    cache.put("c", 3)
    assert "a" not in cache and "b" in cache


def test_pop_and_clear_forget_entries() -> None:
    cache: LruCache[str, int] = LruCache()
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.pop("a") == 1 and cache.pop("a") is None
    cache.clear()
    assert len(cache) == 0 and cache.get("b") is None


async def test_a_revision_cache_builds_once_per_key_and_revision() -> None:
    cache: RevisionCache[str] = RevisionCache(max_entries=4)
    built: list[str] = []

    async def build() -> str:
        built.append("x")
        return f"value {len(built)}"

    assert await cache.get(1, "k", build) == "value 1"
    assert await cache.get(1, "k", build) == "value 1"
    assert (cache.hits, cache.misses, len(built)) == (1, 1, 1)


async def test_a_new_revision_empties_the_revision_cache() -> None:
    cache: RevisionCache[str] = RevisionCache()
    cache.put(1, "a", "one")
    cache.put(1, "b", "two")
    assert cache.peek(1, "a") == "one"
    assert cache.peek(2, "a") is None  # a peek at another revision neither finds nor empties
    assert len(cache) == 2
    assert cache.lookup(2, "a") is None  # moving to revision 2 forgets revision 1
    assert len(cache) == 0 and cache.revision == 2
    assert cache.peek(1, "b") is None


async def test_a_value_built_at_an_old_revision_is_not_kept() -> None:
    cache: RevisionCache[str] = RevisionCache()

    async def build_while_the_revision_moves() -> str:
        cache.put(2, "other", "newer")  # another request sees revision 2 meanwhile
        return "stale"

    assert await cache.get(1, "k", build_while_the_revision_moves) == "stale"
    assert cache.peek(2, "k") is None and cache.peek(2, "other") == "newer"
    cache.keep(1, "k", "stale")
    assert cache.peek(2, "k") is None and cache.revision == 2


def test_a_revision_cache_evicts_the_least_recently_used_entry() -> None:
    cache: RevisionCache[int] = RevisionCache(max_entries=2)
    cache.put(1, "a", 1)
    cache.put(1, "b", 2)
    assert cache.lookup(1, "a") == 1
    cache.keep(1, "c", 3)
    assert cache.peek(1, "b") is None and cache.peek(1, "a") == 1 and cache.peek(1, "c") == 3


def test_the_registry_holds_one_instance_per_type() -> None:
    caches = Caches()
    first = caches.of(list)
    assert caches.of(list) is first
    mine: dict[str, int] = {"put": 1}
    caches.put(mine)
    assert caches.of(dict) is mine
