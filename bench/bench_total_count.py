"""Issue 17: `auditEvents { totalCount }` (and a page) on a large audit store.

    .venv/bin/python bench/bench_total_count.py [--events 10000000] [--iterations 50]

Loads its own embedded database with bench/bench_audit.py's generator (the chain computed in SQL
by the real digest function, the trigger bypassed, the partitions the writer creates, the indexes
rebuilt from the model; see that file), unless the data dir already holds the events, then
measures through GraphQL execution of the real schema (no HTTP), as an auditor holding grants in
every tenant:

- the count alone, `auditEvents(filter) { totalCount }`, for filters that match from a few hundred
  to millions of events (the page the root field reads comes with it, as for any client);
- the same filters' first page of 50 without the count;
- the exact COUNT(*) that totalCount ran before it was capped (the service, no GraphQL);
- the baseline of the same run: a bare strawberry schema's `{ hello }`, executed the same way.

Prints the machine, the load's timings, the database's size on disk, and one table row per case
(median, p99, ratio of the median to the baseline's median, the count answered).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import strawberry

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_audit import (
    DEPARTMENTS,
    MONTHS,
    SECRET,
    STAFF,
    TENANTS,
    actor_name,
    counts,
    load,
    month_bounds,
    percentile,
    provision_database,
    settings,
)
from bench.http_load import REPO, machine

COUNT = """query($f: AuditEventFilter!) { auditEvents(filter: $f, first: 1) {
  totalCount totalCountIsCapped } }"""
PAGE = """query($f: AuditEventFilter!) { auditEvents(filter: $f, first: 50) {
  edges { cursor node { id sequence occurredAt actor action department } }
  pageInfo { hasNextPage endCursor } } }"""


@strawberry.type
class Hello:
    @strawberry.field
    def hello(self) -> str:
        return "world"


async def disk_size(owner_url: str) -> str:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    async with engine.connect() as conn:
        size = await conn.scalar(
            text("SELECT pg_size_pretty(pg_database_size(current_database()))")
        )
    await engine.dispose()
    return str(size)


async def measure(owner_url: str, iterations: int) -> list[tuple[str, float, float, str]]:
    from socialaid.access.principal import Grant, Principal
    from socialaid.access.sessions import scoped_session
    from socialaid.access.vocabulary import Role
    from socialaid.api.schema import build_schema
    from socialaid.audit import queries
    from socialaid.db.database import Database
    from socialaid.kernel.context import Context

    db = Database(owner_url, SECRET)
    schema = build_schema(settings())
    hello = strawberry.Schema(query=Hello)
    paths = {"310000": "310000", "320281": "320000/320200/320281", "140000": "140000"}
    auditor = Principal(
        "bench-auditor",
        "310000",
        "310000",
        tuple(Grant(Role.AUDITOR, t, p) for t, p in paths.items()),
    )
    rng = random.Random(17)
    tenants = list(TENANTS)

    async def run(query: str, variables: dict[str, Any]) -> dict[str, Any]:
        result = await schema.execute(
            query,
            variable_values=variables,
            context_value=Context(db=db, settings=settings(), principal=auditor),
        )
        if result.errors:
            raise RuntimeError(result.errors)
        assert result.data is not None
        return result.data

    async def baseline(_: str, __: dict[str, Any]) -> dict[str, Any]:
        result = await hello.execute("{ hello }")
        assert result.data == {"hello": "world"}
        return {}

    async def exact(_: str, variables: dict[str, Any]) -> dict[str, Any]:
        f = variables["f"]
        async with scoped_session(db, auditor) as session:
            total = await queries.count_events(
                session,
                actor=auditor,
                signing_key=SECRET,
                event_filter=queries.EventFilter(
                    tenant=f["tenant"],
                    include_descendants=f.get("includeDescendants", False),
                    department=f.get("department"),
                    actor=f.get("actor"),
                    occurred_from=queries.china_time(_instant(f.get("from"))),
                    occurred_to=queries.china_time(_instant(f.get("to"))),
                ),
            )
        return {"exact": total}

    def month() -> dict[str, str]:
        start, end = month_bounds(rng.randrange(MONTHS))
        return {"from": start.isoformat(), "to": end.isoformat()}

    filters: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        (
            "310000 + descendants (whole city)",
            lambda: {"tenant": "310000", "includeDescendants": True},
        ),
        ("one tenant", lambda: {"tenant": rng.choice(tenants)}),
        ("one tenant, one month", lambda: {"tenant": rng.choice(tenants)} | month()),
        (
            "tenant + department + month",
            lambda: (
                {"tenant": rng.choice(tenants), "department": rng.choice(DEPARTMENTS)} | month()
            ),
        ),
        (
            "tenant + actor",
            lambda: {
                "tenant": (t := rng.choice(tenants)),
                "actor": actor_name(t, rng.randrange(STAFF)),
            },
        ),
    ]
    cases: list[tuple[str, str, Callable[[], dict[str, Any]], Any]] = [
        ("baseline: bare strawberry { hello }", "", dict, baseline)
    ]
    for label, make in filters:
        cases.append((f"totalCount: {label}", COUNT, (lambda m=make: {"f": m()}), run))
        cases.append(
            (f"exact COUNT(*) (before): {label}", "exact", (lambda m=make: {"f": m()}), exact)
        )
        cases.append((f"first page of 50: {label}", PAGE, (lambda m=make: {"f": m()}), run))
    for _ in range(3):  # warm-up: connections, plans, the page cache
        for _, query, make, execute in cases:
            await execute(query, make())
    gc.collect()
    gc.freeze()
    results = []
    for label, query, make, execute in cases:
        times, answered = [], []
        for _ in range(iterations):
            variables = make()
            began = time.perf_counter()
            data = await execute(query, variables)
            times.append((time.perf_counter() - began) * 1000)
            if "totalCount" in query:
                connection = data["auditEvents"]
                capped = "+" if connection["totalCountIsCapped"] else ""
                answered.append(f"{connection['totalCount']}{capped}")
            elif "exact" in data:
                answered.append(str(data["exact"]))
        note = f"{answered[0]} … {answered[-1]}" if answered else ""
        results.append((label, statistics.median(times), percentile(times, 99), note))
        print(results[-1], flush=True)
    await db.dispose()
    return results


def _instant(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--iterations", type=int, default=50)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data_dir = args.data_dir or REPO / ".data" / f"bench-count-{args.events}"

    async def everything() -> None:
        print(machine(), f"load average {os.getloadavg()}", flush=True)
        owner_url = await provision_database(data_dir)
        loaded = await counts(owner_url)
        if sum(loaded["events"].values()) < args.events:
            print(f"loading {args.events} events", flush=True)
            for name, seconds in (await load(owner_url, args.events)).items():
                print(f"  {name}: {seconds:.0f} s", flush=True)
        print(await counts(owner_url), flush=True)
        print(f"database size: {await disk_size(owner_url)}", flush=True)
        results = await measure(owner_url, args.iterations)
        base = results[0][1]
        print("| query | median | p99 | × baseline (median) | totalCount |")
        print("|---|---|---|---|---|")
        for label, median, p99, note in results:
            print(f"| {label} | {median:.2f} ms | {p99:.2f} ms | {median / base:.0f}× | {note} |")
        print(f"load average {os.getloadavg()}", flush=True)

    asyncio.run(everything())


if __name__ == "__main__":
    main()
