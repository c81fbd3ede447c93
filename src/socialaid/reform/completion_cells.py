"""Small-cell protection of 办结汇总 (completionSummary): the same threshold as `statistics`, and
complements hidden wherever a hidden count could be recomputed — down a column from the total
row, or across a row from the sums the report itself shows (decided = approved + denied,
concluded = decided + closed + withdrawn, received = concluded + pending). Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from socialaid.statistics.small_cells import Equation, complementary, small

COUNTS = (
    "received",
    "decided",
    "approved",
    "denied",
    "closed",
    "withdrawn",
    "concluded",
    "pending",
    "overdue",
    "within_limit",
    "late",
)
_ROW_SUMS = (
    ("decided", ("approved", "denied")),
    ("concluded", ("decided", "closed", "withdrawn")),
    ("received", ("concluded", "pending")),
)


@dataclass(frozen=True)
class ShownRow:
    """A row as the caller sees it: hidden counts are None and named in `suppressed`."""

    counts: dict[str, int | None]
    suppressed: tuple[str, ...]


def shown_rows(
    departments: Sequence[Mapping[str, int]], total: Mapping[str, int], threshold: int
) -> tuple[list[ShownRow], ShownRow]:
    """Each department's row and the total row with small counts and their complements hidden."""
    rows = [*departments, total]
    last = len(departments)
    values: dict[tuple[int, str], int] = {
        (index, name): row[name] for index, row in enumerate(rows) for name in COUNTS
    }
    equations = [
        Equation(tuple((index, name) for index in range(last)), (last, name)) for name in COUNTS
    ]
    equations += [
        Equation(tuple((index, part) for part in parts), (index, whole))
        for index in range(len(rows))
        for whole, parts in _ROW_SUMS
    ]
    hidden = {cell for cell, value in values.items() if small(value, threshold)}
    chosen = complementary(values, hidden, equations)
    shown = [
        ShownRow(
            {name: None if (index, name) in chosen else row[name] for name in COUNTS},
            tuple(name for name in COUNTS if (index, name) in chosen),
        )
        for index, row in enumerate(rows)
    ]
    return shown[:last], shown[last]
