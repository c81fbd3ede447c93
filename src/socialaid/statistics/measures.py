"""What a statistics row holds and how it is shown: dimensions, measures, percentiles from a
histogram of working days, and small-cell suppression. Pure: no database, no strawberry."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from socialaid.statistics.small_cells import complementary, grouping_equations, indexed, small


class Dimension(StrEnum):
    TENANT = "tenant"
    AREA = "area"
    DEPARTMENT = "department"
    ITEM = "item"
    CHANNEL = "channel"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    TARGET_GROUP = "target_group"
    OUTCOME = "outcome"


class Outcome(StrEnum):
    """A case's outcome as the rollup counts it (open states are PENDING)."""

    APPROVED = "approved"
    DENIED = "denied"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    PENDING = "pending"


class Measure(StrEnum):
    APPLICATIONS = "applications"
    CASES = "cases"
    ACCEPTED = "accepted"
    REJECTED_AT_DOOR = "rejected_at_door"
    ESCALATED = "escalated"
    APPROVED = "approved"
    DENIED = "denied"
    CLOSED = "closed"
    PENDING = "pending"
    OVERDUE = "overdue"
    SUPPLEMENTS_REQUESTED = "supplements_requested"
    DECISIONS = "decisions"
    MEDIAN_WORKING_DAYS = "median_working_days"
    P90_WORKING_DAYS = "p90_working_days"
    AMOUNT_GRANTED = "amount_granted"


PERIODS = frozenset({Dimension.DAY, Dimension.WEEK, Dimension.MONTH})
# Dimensions only a case has: grouping or filtering by one reads the case rollup.
CASE_DIMENSIONS = frozenset(
    {Dimension.DEPARTMENT, Dimension.ITEM, Dimension.TARGET_GROUP, Dimension.OUTCOME}
)

COUNTS = (
    "applications",
    "cases",
    "accepted",
    "rejected_at_door",
    "escalated",
    "approved",
    "denied",
    "closed",
    "pending",
    "overdue",
    "supplements_requested",
)


@dataclass
class Cell:
    """One group's raw sums before suppression; None: not defined for this grouping."""

    counts: dict[str, int | None] = field(default_factory=dict)
    working_days: dict[int, int] = field(default_factory=dict)  # days → decisions
    amount_granted: Decimal = Decimal(0)

    def add_counts(self, values: Mapping[str, int | None]) -> None:
        for name, value in values.items():
            if value is None:
                self.counts.setdefault(name, None)
                continue
            before = self.counts.get(name)
            self.counts[name] = (before or 0) + value


def percentile(histogram: Mapping[int, int], share: float) -> int | None:
    """The nearest-rank percentile (the smallest value with at least `share` of the counts at or
    below it) of a histogram value → count; None when it is empty."""
    total = sum(histogram.values())
    if total == 0:
        return None
    rank = max(1, math.ceil(share * total - 1e-9))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    raise AssertionError("unreachable: the ranks add up to the total")


@dataclass(frozen=True)
class Shown:
    """A group as the caller sees it: suppressed counts are None and named in `suppressed`."""

    counts: dict[str, int | None]
    decisions: int | None
    median_working_days: int | None
    p90_working_days: int | None
    amount_granted: Decimal | None
    suppressed: tuple[str, ...]


def shown(cell: Cell, threshold: int, also: frozenset[str] = frozenset()) -> Shown:
    """Suppress every count from 1 to threshold − 1 (GB/T 37973; seed 002 §6.4.3) and the counts
    named in `also` (complements, see `shown_table`); the working-day figures with their
    decisions, and the amount with the approvals."""
    suppressed: list[str] = []
    counts: dict[str, int | None] = {}
    for name in count_names([cell]):
        value = cell.counts.get(name, 0)
        if small(value, threshold) or (name in also and value is not None):
            suppressed.append(name)
            value = None
        counts[name] = value
    decisions = sum(cell.working_days.values())
    median = percentile(cell.working_days, 0.5)
    p90 = percentile(cell.working_days, 0.9)
    shown_decisions: int | None = decisions
    if small(decisions, threshold) or "decisions" in also:
        suppressed += ["decisions", "median_working_days", "p90_working_days"]
        shown_decisions = median = p90 = None
    approved = cell.counts.get("approved", 0)
    amount: Decimal | None = cell.amount_granted
    if approved is None or small(approved, threshold) or "approved" in also:
        if approved is not None:
            suppressed.append("amount_granted")
        amount = None
    return Shown(counts, shown_decisions, median, p90, amount, tuple(suppressed))


def count_names(cells: Iterable[Cell]) -> list[str]:
    """Every count measure of the cells: the known ones in their order, then any other a
    grouping added (a new measure is suppressed without being listed here)."""
    names = list(COUNTS)
    for cell in cells:
        names += [name for name in cell.counts if name not in names]
    return names


def shown_table(groups: Sequence[tuple[tuple[object, ...], Cell]], threshold: int) -> list[Shown]:
    """The groups of one answer as shown: small counts hidden, and — per count measure, the
    decisions included — complements hidden wherever a lone hidden count could be recomputed
    from a total the coarser grouping publishes (`small_cells.complementary`)."""
    width = len(groups[0][0]) if groups else 0
    equations = indexed(grouping_equations((key for key, _ in groups), width))
    also: dict[tuple[object, ...], set[str]] = {key: set() for key, _ in groups}
    for name in [*count_names(cell for _, cell in groups), "decisions"]:
        values: dict[tuple[object, ...], int] = {}
        for key, cell in groups:
            value = (
                sum(cell.working_days.values()) if name == "decisions" else cell.counts.get(name, 0)
            )
            if value is None:
                break  # not defined for this grouping: nothing shown, nothing to protect
            values[key] = value
        else:
            hidden = {cell_key for cell_key, value in values.items() if small(value, threshold)}
            for complement in complementary(values, hidden, equations) - hidden:
                also[complement].add(name)
    return [shown(cell, threshold, frozenset(also[key])) for key, cell in groups]


def duplicates(dimensions: Iterable[Dimension]) -> list[Dimension]:
    seen: set[Dimension] = set()
    repeated = []
    for dimension in dimensions:
        if dimension in seen:
            repeated.append(dimension)
        seen.add(dimension)
    return repeated
