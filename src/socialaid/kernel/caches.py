"""The registry of the process-wide caches and fan-outs a request may use.

The caches themselves are `socialaid.caching` (LruCache, RevisionCache).
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


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
