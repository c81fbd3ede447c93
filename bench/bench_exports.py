"""What a spreadsheet export costs: 10,000 audit-like rows as CSV (BOM, neutralised cells) and as
XLSX (openpyxl write-only, zipped), through `socialaid.exports`, beside two baselines measured in
the same run: the same rows as JSON (`json.dumps`, what any serialisation costs) and bare
strawberry executing `{ hello }` (the GraphQL layer with nothing behind it).

    .venv/bin/python bench/bench_exports.py --runs 20 --rows 10000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import strawberry

from socialaid.exports.csv_cells import Cell, csv_chunks
from socialaid.exports.xlsx_book import xlsx_chunks

HEADERS = ["租户", "序号", "时间", "操作者", "动作", "对象", "原因", "变更后"]


@strawberry.type
class Hello:
    hello: str = "world"


def sample_rows(count: int) -> list[list[Cell]]:
    """Rows shaped like audit events: codes, a time, a free-text reason (every tenth a formula)."""
    return [
        [
            "310105",
            n,
            f"2026-03-01T08:{n % 60:02d}:00+08:00",
            f"caseworker-{n % 17}",
            "case.decide",
            f"case-{n:08d}",
            '=HYPERLINK("http://x")' if n % 10 == 0 else "材料齐全，符合条件",
            '{"state": "approved", "amount": "1420.00"}',
        ]
        for n in range(count)
    ]


async def stream(rows: Sequence[Sequence[Cell]]) -> AsyncIterator[Sequence[Cell]]:
    for row in rows:
        yield row


async def timed(runs: int, work: Callable[[], Awaitable[object]]) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        await work()
        samples.append((time.perf_counter() - start) * 1e3)
    return sorted(samples)


def p99(samples: list[float]) -> float:
    return samples[max(int(len(samples) * 0.99) - 1, 0)]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    rows = sample_rows(args.rows)
    schema = strawberry.Schema(Hello)

    async def csv_export() -> int:
        return sum([len(c) async for c in csv_chunks(HEADERS, stream(rows))])

    async def xlsx_export() -> int:
        return sum([len(c) async for c in xlsx_chunks(HEADERS, stream(rows))])

    async def as_json() -> int:
        return len(json.dumps(rows, ensure_ascii=False))

    async def hello() -> object:
        return await schema.execute("{ hello }", root_value=Hello())

    hello_samples = await timed(args.runs * 50, hello)
    json_samples = await timed(args.runs, as_json)
    results = {
        f"CSV, {args.rows} rows": await timed(args.runs, csv_export),
        f"XLSX, {args.rows} rows": await timed(args.runs, xlsx_export),
    }
    size_csv, size_xlsx = await csv_export(), await xlsx_export()
    hello_median = statistics.median(hello_samples)
    json_median = statistics.median(json_samples)
    print("| export | runs | median | p99 | × JSON of the rows | × `{ hello }` |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, samples in results.items():
        median = statistics.median(samples)
        print(
            f"| {name} | {len(samples)} | {median:.1f} ms | {p99(samples):.1f} ms"
            f" | {median / json_median:.1f}× | {median / hello_median:.0f}× |"
        )
    print(
        f"| baseline: json.dumps of the rows | {len(json_samples)} | {json_median:.1f} ms"
        f" | {p99(json_samples):.1f} ms | 1× | {json_median / hello_median:.0f}× |"
    )
    print(
        f"| baseline: strawberry `{{ hello }}` | {len(hello_samples)} | {hello_median:.3f} ms"
        f" | {p99(hello_samples):.3f} ms | | 1× |"
    )
    print(f"\nbytes: CSV {size_csv}, XLSX {size_xlsx}")


if __name__ == "__main__":
    asyncio.run(main())
