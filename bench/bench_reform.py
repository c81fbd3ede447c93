"""Issue 23: `reformEffect` and `completionSummary` over a month of Shanghai applications.

    PYTHONPATH=src .venv/bin/python bench/bench_reform.py [--copies 500] [--iterations 30]
        [--before-iterations 5]

Builds its own embedded database (.data/bench-reform-COPIES: migrated, seeded): the tests' generated
Changning month (tests/reform/test_reform_reports_api.py: 20 applications of dibao, legal aid and
compulsory-education aid, filed, accepted and decided through the real GraphQL operations), then
`--copies` copies of those applications with their cases (new ids, the same form snapshots,
materials, states and decisions) made in SQL as the owner, so the month holds 20 × (copies + 1)
applications. Re-running reuses a database built with as many copies.

Then it executes, through the real schema (resolvers, authorization, RLS; no HTTP), as a Shanghai
analyst, and beside the same run's baseline (a bare strawberry schema's `{ hello }` executed the
same way):
- reformEffect with every application marked, so each is counted from its rows as before the
  per-application counts (ADR 0035) — `--before-iterations` calls after 1 warm-up;
- the fold of every marked application (`reform.fold`), timed once;
- reformEffect from the folded counts (no bounds and the calendar month: the month rows; the
  month so far: each application's stored counts, the path before I23FAST) and
  completionSummary, `--iterations` calls after 3 warm-up.
Prints the machine and its load, and per query the median, the p99 and the ratio of the median to
the baseline's.
"""

from __future__ import annotations

import argparse
import asyncio
import calendar
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import strawberry

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, machine

TEMPLATE_APPLICATIONS = 20
REFORM = """query($t: String!) { reformEffect(tenant: $t) {
  applications checks { measure itemByItem merged reductionPercent met arithmetic }
  itemTimes { item decided medianWorkingDays } } }"""
# The same over a period: the calendar month reads the month rows (I23FAST), the month so far (a
# part month) each application's stored counts, as every unbounded query did before.
REFORM_PERIOD = """query($t: String!, $f: Date, $to: Date) { reformEffect(tenant: $t, from: $f,
  to: $to) { applications checks { measure itemByItem merged reductionPercent met arithmetic }
  itemTimes { item decided medianWorkingDays } } }"""
SUMMARY = """query($t: String!) { completionSummary(tenant: $t) {
  departments { department received decided pending overdue withinLimit } total { received } } }"""


@strawberry.type
class Hello:
    @strawberry.field
    def hello(self) -> str:
        return "world"


async def columns(session: Any, table: str) -> list[str]:
    from sqlalchemy import text

    rows = await session.execute(
        text(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = :t AND is_generated = 'NEVER' AND identity_generation IS NULL"
            " ORDER BY ordinal_position"
        ),
        {"t": table},
    )
    return [row[0] for row in rows]


async def copy_month(db: Any, copies: int, counties: int) -> None:
    """`copies` copies of every application and its cases, ids derived from (id, copy); with
    `counties`, that many generated districts under Shanghai (319001 …) take the copies in turn,
    as a province's month is spread over its counties."""
    from sqlalchemy import text

    new_id = "md5({column}::text || '/' || g)::uuid"
    tenant = (
        f"CASE WHEN {counties} > 0 THEN (319000 + 1 + g % {max(counties, 1)})::text"
        " ELSE tenant_id END"
    )
    async with db.owner_session() as session, session.begin():
        if counties:
            await session.execute(
                text(
                    "INSERT INTO tenant (tenant_id, name, level, parent_id, path, source)"
                    " SELECT (319000 + k)::text, '区' || k, 'county', '310000',"
                    " '310000/' || (319000 + k)::text, '{}'::jsonb"
                    " FROM generate_series(1, :n) k ON CONFLICT DO NOTHING"
                ),
                {"n": counties},
            )
        application = await columns(session, "application")
        case = await columns(session, "application_case")
        replaced = {
            "tenant_id": tenant,
            "id": new_id.format(column="id"),
            "idempotency_key": "idempotency_key || '/' || g",
        }
        await session.execute(
            text(
                f"INSERT INTO application ({', '.join(application)}) SELECT "
                + ", ".join(replaced.get(c, c) for c in application)
                + " FROM application, generate_series(1, :n) g"
            ),
            {"n": copies},
        )
        replaced = {
            "tenant_id": tenant,
            "id": new_id.format(column="id"),
            "application_id": new_id.format(column="application_id"),
        }
        await session.execute(
            text(
                f"INSERT INTO application_case ({', '.join(case)}) SELECT "
                + ", ".join(replaced.get(c, c) for c in case)
                + " FROM application_case, generate_series(1, :n) g"
            ),
            {"n": copies},
        )
    async with db.owner_session() as session, session.begin():
        await session.execute(text("ANALYZE application"))
        await session.execute(text("ANALYZE application_case"))


async def applications(db: Any) -> int:
    from sqlalchemy import text

    async with db.owner_session() as session:
        return int(await session.scalar(text("SELECT count(*) FROM application")) or 0)


async def mark_every_application(db: Any) -> None:
    """As after a bulk load: every application's counts stale, so reformEffect reads its rows."""
    from sqlalchemy import text

    async with db.owner_session() as session, session.begin():
        await session.execute(
            text(
                "INSERT INTO reform_dirty (tenant_id, application_id)"
                " SELECT tenant_id, id FROM application ON CONFLICT DO NOTHING"
            )
        )


async def timed(
    call: Callable[[], Awaitable[Any]], iterations: int, warm_up: int = 3
) -> list[float]:
    for _ in range(warm_up):
        await call()
    times = []
    for _ in range(iterations):
        began = time.perf_counter()
        await call()
        times.append((time.perf_counter() - began) * 1000)
    return times


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.99 * len(ordered)) - 1))]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=500)
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--before-iterations", type=int, default=5)  # 0: skip that path
    # Spread the copies over this many generated districts (a province's month, I23FAST).
    parser.add_argument("--counties", type=int, default=0)
    # Counting 50,000 applications from their rows takes longer than the default 5 s statement
    # timeout (the query answers UNAVAILABLE): raise it to measure that path at all.
    parser.add_argument("--statement-timeout", type=float, default=5.0)
    args = parser.parse_args()

    from tests.conftest import TEST_SECRET, test_settings
    from tests.graphql_client import principal
    from tests.reform.test_reform_reports_api import generate_month

    from socialaid.access.vocabulary import Role
    from socialaid.api.schema import build_schema
    from socialaid.clock import today_in_china
    from socialaid.db.database import DEFAULT_TIMEOUTS, Database
    from socialaid.db.provision import provision
    from socialaid.kernel.context import Context
    from socialaid.reform.fold import fold_reform_dirty
    from socialaid.seeding import load_seed_data_if_empty

    name = f"bench-reform-{args.copies}" + (f"-{args.counties}" if args.counties else "")
    settings = test_settings(data_dir=REPO / ".data" / name)
    provisioned = await provision(settings)
    db = Database(
        provisioned.owner_url,
        TEST_SECRET,
        timeouts=replace(DEFAULT_TIMEOUTS, statement=args.statement_timeout),
    )
    await load_seed_data_if_empty(db)
    wanted = TEMPLATE_APPLICATIONS * (args.copies + 1)
    have = await applications(db)
    if have != wanted:
        if have not in (0, TEMPLATE_APPLICATIONS):
            raise SystemExit(f"{have} applications in its database: remove it to rebuild")
        began = time.perf_counter()
        if have == 0:
            await generate_month(db)
        await copy_month(db, args.copies, args.counties)
        print(f"built {wanted:,} applications in {time.perf_counter() - began:.0f} s")
    analyst = await principal(db, user="bench-analyst", tenant="310000", roles=[Role.ANALYST])
    schema = build_schema(settings)
    hello = strawberry.Schema(query=Hello)

    def run(query: str, **period: str) -> Callable[[], Awaitable[Any]]:
        async def call() -> Any:
            result = await schema.execute(
                query,
                variable_values={"t": "310000", **period},
                context_value=Context(db=db, settings=settings, principal=analyst),
            )
            if result.errors:
                raise RuntimeError(result.errors)
            return result.data

        return call

    async def baseline() -> Any:
        return (await hello.execute("{ hello }")).data

    print(f"machine: {machine()}; load average before {os.getloadavg()}")
    print(f"statement timeout {args.statement_timeout:g} s")
    print(f"{wanted:,} applications in the month; {args.iterations} calls each after 3 warm-up")
    base = await timed(baseline, args.iterations)
    print("| query | median | p99 | median ÷ baseline median |")
    print(f"| baseline `{{ hello }}` | {statistics.median(base):.3f} ms | {p99(base):.3f} ms | 1 |")
    base_median = statistics.median(base)

    def row(label: str, times: list[float]) -> None:
        median = statistics.median(times)
        print(f"| {label} | {median:.1f} ms | {p99(times):.1f} ms | {median / base_median:,.0f} |")

    await mark_every_application(db)
    if args.before_iterations:
        row(
            "reformEffect, every application marked (counted from rows)",
            await timed(run(REFORM), args.before_iterations, warm_up=1),
        )
    began = time.perf_counter()
    folded = await fold_reform_dirty(db)
    spent = time.perf_counter() - began
    print(f"fold: {folded:,} applications in {spent:.1f} s ({folded / spent:,.0f} per second)")
    row("reformEffect, folded counts, no bounds", await timed(run(REFORM), args.iterations))
    today = today_in_china()
    last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    month = {"f": today.replace(day=1).isoformat(), "to": last.isoformat()}
    so_far = {"f": today.replace(day=1).isoformat(), "to": today.isoformat()}
    row(
        "reformEffect, the calendar month (month rows)",
        await timed(run(REFORM_PERIOD, **month), args.iterations),
    )
    row(
        "reformEffect, the month so far (each application's stored counts)",
        await timed(run(REFORM_PERIOD, **so_far), args.iterations),
    )
    row("completionSummary", await timed(run(SUMMARY), args.iterations))
    print(f"load average after {os.getloadavg()}")
    await db.dispose()


if __name__ == "__main__":
    asyncio.run(main())
