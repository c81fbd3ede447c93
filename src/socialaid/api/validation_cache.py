"""Validating each distinct query text of a schema once, limits included.

strawberry's ValidationCache keys on the validation rule classes, and the depth and alias
limiters create those classes anew for every operation, so it never hits. The rules of one
schema are fixed when it is built, so the query text is key enough.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any
from weakref import WeakKeyDictionary

from strawberry.extensions import SchemaExtension

MAX_ENTRIES = 512

_caches: WeakKeyDictionary[Any, OrderedDict[str, list[Any]]] = WeakKeyDictionary()


class QueryValidationCache(SchemaExtension):
    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        cache = _caches.setdefault(context.schema, OrderedDict())
        query = context.query
        if query is not None and context.pre_execution_errors is None and query in cache:
            cache.move_to_end(query)
            context.pre_execution_errors = list(cache[query])
            yield
            return
        yield
        if query is not None and context.pre_execution_errors is not None:
            cache[query] = list(context.pre_execution_errors)
            if len(cache) > MAX_ENTRIES:
                cache.popitem(last=False)
