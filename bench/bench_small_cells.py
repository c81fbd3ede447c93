"""What small-cell protection costs a `statistics` answer (ADR 0042): `shown_table` (small cells
and their complements hidden, per count measure) over tables of the shapes the query returns,
beside two baselines measured in the same run: primary suppression alone (`shown` per group, what
the answer cost before complements) and bare strawberry executing `{ hello }`.

The groups are random (seeded): every count drawn from 0, 1, 2, 3, 4, 6, 8, 12, 30, 100 — about
four in ten small, far more than a real province's answer, so complements are many.

    .venv/bin/python bench/bench_small_cells.py --runs 20
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import strawberry

from socialaid.statistics.measures import COUNTS, Cell, Shown, shown, shown_table

SHAPES = {
    "tenant (118 counties)": (118,),
    "tenant × month (118 × 12)": (118, 12),
    "month × department × item (12 × 10 × 6)": (12, 10, 6),
    "tenant × department × month (118 × 10 × 12)": (118, 10, 12),
}
DRAWS = (0, 1, 2, 3, 4, 6, 8, 12, 30, 100)


@strawberry.type
class Hello:
    hello: str = "world"


def groups(shape: tuple[int, ...], rng: random.Random) -> list[tuple[tuple[object, ...], Cell]]:
    return [
        (
            key,
            Cell(
                counts={name: rng.choice(DRAWS) for name in COUNTS},
                working_days={rng.randint(0, 20): rng.randint(0, 9)},
                amount_granted=Decimal(0),
            ),
        )
        for key in itertools.product(*(range(n) for n in shape))
    ]


def primary_only(table: list[tuple[tuple[object, ...], Cell]]) -> list[Shown]:
    """What the answer cost before complements: each group's small counts hidden on their own."""
    return [shown(cell, 5) for _, cell in table]


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    seconds.sort()
    return statistics.median(seconds), seconds[min(len(seconds) - 1, int(0.99 * len(seconds)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    schema = strawberry.Schema(query=Hello)
    hello, hello_p99 = timed(lambda: schema.execute_sync("{ hello }", root_value=Hello()), 1000)
    print(
        f"baseline strawberry {{ hello }}: median {hello * 1000:.3f} ms, p99 {hello_p99 * 1000:.3f} ms"
    )
    rng = random.Random(23)
    for name, shape in SHAPES.items():
        table = groups(shape, rng)
        primary, primary_p99 = timed(partial(primary_only, table), runs)
        full, full_p99 = timed(partial(shown_table, table, 5), runs)
        print(
            f"{name}: {len(table)} groups; primary only median {primary * 1000:.1f} ms"
            f" (p99 {primary_p99 * 1000:.1f}); with complements median {full * 1000:.1f} ms"
            f" (p99 {full_p99 * 1000:.1f}); ÷ primary {full / primary:.1f}×;"
            f" ÷ {{ hello }} {full / hello:.0f}×"
        )


if __name__ == "__main__":
    main()
