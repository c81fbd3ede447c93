"""Which reform target each measure has for a tenant: its own, else the nearest ancestor's.

Pure: the caller passes each tenant's `reform_targets` from its catalogue file, root first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from socialaid.catalogue.files import ReformMeasure, ReformTarget


@dataclass(frozen=True)
class HeldTarget:
    """A target and the tenant whose catalogue sets it."""

    target: ReformTarget
    tenant: str


def effective_targets(
    chain: Sequence[tuple[str, Sequence[ReformTarget]]],
) -> dict[ReformMeasure, HeldTarget]:
    """Each measure's target for the last tenant of `chain` (root first): a nearer tenant's
    target for a measure replaces an ancestor's; a measure nobody sets has no entry."""
    held: dict[ReformMeasure, HeldTarget] = {}
    for tenant, targets in chain:
        for target in targets:
            held[target.measure] = HeldTarget(target, tenant)
    return held
