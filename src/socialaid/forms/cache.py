"""A bounded LRU of compiled forms, keyed by (tenant, date, selection, catalogue fingerprint)."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from datetime import date

from socialaid.caching import LruCache
from socialaid.catalogue.files import ItemFile
from socialaid.catalogue.library import Library
from socialaid.forms.compiled import CompiledForm
from socialaid.forms.compiler import compile_form

CacheKey = tuple[str, date, tuple[str, ...], str]


class FormCache:
    """Compiled forms are immutable, so one compiled form can serve every request that asks for it.

    The caller owns the fingerprint: it must change whenever anything compile_form reads changes
    (the tenant's effective items, the library, the parameter values), e.g. a hash over the
    published versions' ids. The cache never looks inside the catalogue to find out.
    """

    def __init__(self, maxsize: int = 256) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._forms: LruCache[CacheKey, CompiledForm] = LruCache(maxsize, name="compiled_forms")
        self._lock = threading.Lock()

    @property
    def hits(self) -> int:
        return self._forms.hits

    @property
    def misses(self) -> int:
        return self._forms.misses

    @staticmethod
    def key(tenant: str, as_of: date, selected: Sequence[str], fingerprint: str) -> CacheKey:
        return (tenant, as_of, tuple(sorted(set(selected))), fingerprint)

    def get_or_compile(
        self,
        library: Library,
        catalogue: Mapping[str, ItemFile],
        selected: Sequence[str],
        *,
        tenant: str,
        as_of: date,
        fingerprint: str,
        parameters: Mapping[str, object] | None = None,
    ) -> CompiledForm:
        key = self.key(tenant, as_of, selected, fingerprint)
        with self._lock:
            form = self._forms.get(key)
            if form is not None:
                return form
        # Compiled outside the lock: two racing requests may both compile, and both get equal forms.
        form = compile_form(
            library, catalogue, selected, tenant=tenant, as_of=as_of, parameters=parameters
        )
        with self._lock:
            self._forms.put(key, form)
        return form

    def __len__(self) -> int:
        return len(self._forms)

    def clear(self) -> None:
        with self._lock:
            self._forms.clear()
