"""Small-cell protection (GB/T 37973; seed 002 §6.4.3): which threshold a query over a tenant's
subtree uses, and complementary (secondary) suppression so that no hidden count can be recovered
by subtracting the shown ones from a published total. Pure: no database, no strawberry.

The threshold is the tenant parameter `statistics_min_cell`, read like every tenant parameter:
the nearest tenant on the chain with a setting in force, else the nearest catalogue declaration
with a value, else 5 — issue 23's "a tenant setting, default 5" (the seeds give no figure).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

PARAMETER = "statistics_min_cell"
# Issue 23: "Counts under a small-cell threshold (a tenant setting, default 5)".
DEFAULT_MIN_CELL = 5

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class ThresholdSetting:
    """A dated value of `statistics_min_cell` a tenant admin set (a `tenant_parameter` row)."""

    tenant: str
    value: int
    effective_from: date
    sequence: int  # later settings of the same tenant and date win


def tenant_threshold(
    chain: Sequence[str],
    settings: Iterable[ThresholdSetting],
    declared: Mapping[str, int],
    today: date,
) -> int:
    """The threshold `chain[-1]` reads on `today` (`chain` root first): the nearest tenant's newest
    setting in force, else the nearest catalogue value (`declared`), else the issue's 5."""
    newest: dict[str, ThresholdSetting] = {}
    for setting in settings:
        if setting.effective_from > today:
            continue
        known = newest.get(setting.tenant)
        if known is None or (setting.effective_from, setting.sequence) > (
            known.effective_from,
            known.sequence,
        ):
            newest[setting.tenant] = setting
    for tenant in reversed(chain):
        if tenant in newest:
            return newest[tenant].value
    for tenant in reversed(chain):
        if tenant in declared:
            return declared[tenant]
    return DEFAULT_MIN_CELL


def subtree_threshold(
    paths: Iterable[str],
    settings: Sequence[ThresholdSetting],
    declared: Mapping[str, int],
    today: date,
    floor: int,
) -> int:
    """The threshold of a query over the tenants whose materialised paths are `paths` (the asked
    tenant and every descendant): the largest any of them reads, so that a county that set 10 is
    not shown with its city's 5, and never below the deployment's `floor`."""
    found = [tenant_threshold(path.split("/"), settings, declared, today) for path in paths]
    return max([floor, *found])


def small(value: int | None, threshold: int) -> bool:
    """A count that could single out a family: from 1 to the threshold less one (0 is shown)."""
    return value is not None and 0 < value < threshold


@dataclass(frozen=True)
class Equation(Generic[K]):
    """Published figures that add up: Σ parts = total. `total` None: the sum is published
    elsewhere (another grouping of the same query), so it is always known."""

    parts: tuple[K, ...]
    total: K | None = None


@dataclass(frozen=True)
class Lines(Generic[K]):
    """Equations indexed by cell, built once for every measure of one table."""

    equations: list[Equation[K]]
    of: dict[K, list[int]]


def indexed(equations: Iterable[Equation[K]]) -> Lines[K]:
    """The equations that can give a cell back (two cells or more), and each cell's."""
    lines = [e for e in equations if len(e.parts) + (e.total is not None) > 1]
    lines_of: dict[K, list[int]] = {}
    for number, line in enumerate(lines):
        for cell in (*line.parts, *(() if line.total is None else (line.total,))):
            lines_of.setdefault(cell, []).append(number)
    return Lines(lines, lines_of)


def complementary(
    values: Mapping[K, int], hidden: Iterable[K], equations: Iterable[Equation[K]] | Lines[K]
) -> set[K]:
    """The cells to hide so that no hidden value follows by subtraction: wherever an equation has
    exactly one hidden cell, hide one more of its non-zero parts (its total when no part is
    left), and repeat until no equation has a lone hidden cell. `hidden` holds the small cells;
    the answer holds them and the complements. A cell missing from `values` counts as 0.

    The complement is the smallest part — but first one whose other equations already hide a
    cell, so hiding it opens no new lone cell elsewhere (in a two-way table the greedy smallest
    choice would otherwise run round the table hiding everything)."""
    prepared = equations if isinstance(equations, Lines) else indexed(equations)
    lines, lines_of = prepared.equations, prepared.of
    chosen: set[K] = set(hidden)
    # Hidden cells per equation, kept as cells are hidden; the equations at exactly one wait.
    count = [0] * len(lines)
    for cell in chosen:
        for number in lines_of.get(cell, ()):
            count[number] += 1
    waiting = deque(number for number, hidden_there in enumerate(count) if hidden_there == 1)

    def hide(cell: K) -> None:
        chosen.add(cell)
        for number in lines_of[cell]:
            count[number] += 1
            if count[number] == 1:
                waiting.append(number)

    def opens(cell: K, besides: int) -> int:
        """How many other equations hiding `cell` would leave with a lone hidden cell."""
        return sum(1 for number in lines_of[cell] if number != besides and count[number] == 0)

    while waiting:
        number = waiting.popleft()
        if count[number] != 1:
            continue
        line = lines[number]
        candidates = [
            (opens(part, number), values.get(part, 0), index)
            for index, part in enumerate(line.parts)
            if part not in chosen and values.get(part, 0)
        ]
        if candidates:
            hide(line.parts[min(candidates)[2]])
        elif line.total is not None and line.total not in chosen and values.get(line.total, 0):
            hide(line.total)
        # else the lone cell is the whole line's: its total is hidden where it is published
    return chosen


def grouping_equations(
    keys: Iterable[tuple[object, ...]], width: int
) -> list[Equation[tuple[object, ...]]]:
    """The equations of one measure over groups keyed by `width` dimensions: for each dimension,
    the groups that agree on every other key add up to that group of the coarser grouping
    (asking without the dimension publishes it), so each such line is an equation."""
    known = list(keys)
    equations: list[Equation[tuple[object, ...]]] = []
    for dropped in range(width):
        lines: dict[tuple[object, ...], list[tuple[object, ...]]] = {}
        for key in known:
            rest = key[:dropped] + key[dropped + 1 :]
            lines.setdefault(rest, []).append(key)
        equations += [Equation(tuple(members)) for members in lines.values()]
    return equations
