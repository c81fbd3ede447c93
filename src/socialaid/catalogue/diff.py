"""Element-by-element differences between two item documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class ElementChange:
    element: str
    change: Change
    before: Any
    after: Any


def _present(value: Any) -> bool:
    return value not in (None, [], {})


def diff_documents(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[ElementChange]:
    """Top-level elements that differ; an empty list, a null and a missing element are all "absent"."""
    changes = []
    for element in sorted(set(before) | set(after)):
        old, new = before.get(element), after.get(element)
        if old == new or (not _present(old) and not _present(new)):
            continue
        if not _present(old):
            kind = Change.ADDED
        elif not _present(new):
            kind = Change.REMOVED
        else:
            kind = Change.CHANGED
        changes.append(ElementChange(element, kind, old, new))
    return changes
