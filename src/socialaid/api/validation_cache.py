"""Validating each distinct query text of a schema once, limits included.

strawberry's ValidationCache keys on the validation rule classes, and the depth and alias
limiters create those classes anew for every operation, so it never hits. The rules of one
schema are fixed when it is built, so the query text is key enough.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from weakref import WeakKeyDictionary

from strawberry.extensions import SchemaExtension

from socialaid.caching import LruCache

MAX_ENTRIES = 512

# schema -> query text -> the validation errors (an empty list: valid).
_caches: WeakKeyDictionary[Any, LruCache[str, list[Any]]] = WeakKeyDictionary()


class QueryValidationCache(SchemaExtension):
    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        cache = _caches.get(context.schema)
        if cache is None:
            cache = _caches[context.schema] = LruCache(MAX_ENTRIES, name="query_validation")
        query = context.query
        known = (
            cache.get(query) if query is not None and context.pre_execution_errors is None else None
        )
        if known is not None:
            context.pre_execution_errors = list(known)
            yield
            return
        yield
        if query is not None and context.pre_execution_errors is not None:
            cache.put(query, list(context.pre_execution_errors))
