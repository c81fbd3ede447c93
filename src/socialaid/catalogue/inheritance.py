"""A tenant's effective catalogue: its ancestors' items, its overrides and its own items.

Pure: the caller loads rows for the tenant chain; nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from socialaid.catalogue.files import LOCKED_ELEMENTS
from socialaid.catalogue.merge_patch import apply_merge_patch


class Origin(StrEnum):
    LOCAL = "local"  # defined by the viewing tenant
    INHERITED = "inherited"  # as the owning ancestor defines it
    OVERRIDDEN = "overridden"  # changed by an override of a tenant on the way down


class LockedElementError(ValueError):
    def __init__(self, item: str, element: str) -> None:
        super().__init__(f"{item}: {element} cannot be overridden")
        self.item = item
        self.element = element


@dataclass(frozen=True)
class ItemVersion:
    tenant: str
    code: str
    version: int
    status: str
    effective_from: date
    effective_to: date | None
    document: Mapping[str, Any]


@dataclass(frozen=True)
class OverrideVersion:
    tenant: str
    item: str
    version: int
    status: str
    effective_from: date
    effective_to: date | None
    patch: Mapping[str, Any]


@dataclass(frozen=True)
class TenantLayer:
    """One tenant's contribution, root first in a chain."""

    tenant: str
    items: Sequence[ItemVersion] = ()
    overrides: Sequence[OverrideVersion] = ()
    disabled: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ElementOrigin:
    origin: Origin
    tenant: str


@dataclass(frozen=True)
class EffectiveItem:
    code: str
    owner: str
    version: int
    document: Mapping[str, Any]
    elements: Mapping[str, ElementOrigin]
    overridden_by: tuple[str, ...] = ()

    @property
    def origin(self) -> Origin:
        """The item as a whole: overridden if any tenant on the way down patched it."""
        if self.overridden_by:
            return Origin.OVERRIDDEN
        return self.elements["code"].origin


@dataclass(frozen=True)
class EffectiveCatalogue:
    tenant: str
    as_of: date
    items: Mapping[str, EffectiveItem] = field(default_factory=dict)

    def children_of(self, code: str) -> list[EffectiveItem]:
        return [i for i in self.items.values() if i.document.get("parent") == code]


def in_effect(status: str, start: date, end: date | None, as_of: date) -> bool:
    return status == "published" and start <= as_of and (end is None or as_of < end)


def _current(versions: Sequence[ItemVersion], as_of: date) -> dict[str, ItemVersion]:
    """The highest published version of each item in effect on `as_of`."""
    chosen: dict[str, ItemVersion] = {}
    for v in versions:
        if in_effect(v.status, v.effective_from, v.effective_to, as_of):
            best = chosen.get(v.code)
            if best is None or v.version > best.version:
                chosen[v.code] = v
    return chosen


def check_patch(item: str, patch: Mapping[str, Any]) -> None:
    for element in patch:
        if element in LOCKED_ELEMENTS:
            raise LockedElementError(item, element)


def resolve(chain: Sequence[TenantLayer], as_of: date) -> EffectiveCatalogue:
    """Fold the chain from the root down to the viewing tenant (the last layer)."""
    viewer = chain[-1].tenant
    items: dict[str, EffectiveItem] = {}
    for layer in chain:
        for code, version in _current(layer.items, as_of).items():
            if code in items:
                # A tenant may not redefine an inherited item; the importer refuses it, so an
                # ancestor's definition wins here.
                continue
            origin = Origin.LOCAL if layer.tenant == viewer else Origin.INHERITED
            items[code] = EffectiveItem(
                code=code,
                owner=layer.tenant,
                version=version.version,
                document=version.document,
                elements={key: ElementOrigin(origin, layer.tenant) for key in version.document},
            )
        overrides: dict[str, OverrideVersion] = {}
        for o in layer.overrides:
            if in_effect(o.status, o.effective_from, o.effective_to, as_of):
                best = overrides.get(o.item)
                if best is None or o.version > best.version:
                    overrides[o.item] = o
        for code, override in overrides.items():
            base = items.get(code)
            # An empty patch is a cleared override: the item is as inherited.
            if base is None or base.owner == layer.tenant or not override.patch:
                continue
            check_patch(code, override.patch)
            elements = dict(base.elements)
            for key in override.patch:
                elements[key] = ElementOrigin(Origin.OVERRIDDEN, layer.tenant)
            items[code] = EffectiveItem(
                code=code,
                owner=base.owner,
                version=base.version,
                document=apply_merge_patch(base.document, override.patch),
                elements=elements,
                overridden_by=(*base.overridden_by, layer.tenant),
            )
        for code in layer.disabled:
            items.pop(code, None)
    # A sub-item whose parent is gone is gone too.
    changed = True
    while changed:
        orphans = [
            c
            for c, i in items.items()
            if i.document.get("parent") and i.document["parent"] not in items
        ]
        changed = bool(orphans)
        for code in orphans:
            del items[code]
    return EffectiveCatalogue(tenant=viewer, as_of=as_of, items=items)
