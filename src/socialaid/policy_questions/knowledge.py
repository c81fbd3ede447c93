"""The entries a tenant's knowledge base holds: every question and answer (`faq:`) of the items in
its effective catalogue, so a district sees its province's and city's, as it sees their items,
and an override or a removed item changes its answers with it. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from socialaid.catalogue.files import ItemFile
from socialaid.sources import SourceRef


@dataclass(frozen=True)
class Entry:
    code: str  # stable within a tenant: `<item>#<position in the item's faq, from 1>`
    item: str
    item_name: str
    question: str
    answer: str
    source: SourceRef


def entries_of(specs: Iterable[ItemFile]) -> list[Entry]:
    """The entries of the items, in item code order and each item's own order."""
    found = []
    for spec in sorted(specs, key=lambda s: s.code):
        for position, faq in enumerate(spec.faq, start=1):
            found.append(
                Entry(
                    code=f"{spec.code}#{position}",
                    item=spec.code,
                    item_name=spec.name,
                    question=faq.question,
                    answer=faq.answer,
                    source=faq.source,
                )
            )
    return found


@dataclass(frozen=True)
class Setting:
    """A tenant admin's entry: new, replacing an inherited one of the same code, or hiding it."""

    code: str
    item: str | None
    question: str
    answer: str
    source: SourceRef
    hidden: bool


def with_settings(
    entries: Iterable[Entry], settings: Iterable[Setting], item_names: dict[str, str]
) -> list[Entry]:
    """The entries as a tenant reads them: `settings` from the root of its chain down to itself
    (a nearer tenant's setting of a code wins), applied to the catalogue's entries."""
    merged = {e.code: e for e in entries}
    for setting in settings:
        if setting.hidden:
            merged.pop(setting.code, None)
            continue
        item = setting.item or ""
        merged[setting.code] = Entry(
            code=setting.code,
            item=item,
            item_name=item_names.get(item, ""),
            question=setting.question,
            answer=setting.answer,
            source=setting.source,
        )
    return list(merged.values())
