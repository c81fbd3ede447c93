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
