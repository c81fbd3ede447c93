"""Issue 22: appending N audit events in one INSERT … SELECT, the chain head written per event
(as migration 0010 installed the chain) against once per statement (migration 0033).

    PYTHONPATH=src .venv/bin/python bench/bench_audit_append.py [--sizes 1,1000,5000,20000] [--runs 5]

A throwaway embedded database of its own (.data/audit-append-bench), migrated by the real
migrations with the seed tenants. Each run appends N events of Changning (310105) in one statement
in one transaction, each timed under the tenant's head (`socialaid_audit_append_time`) as the
writer and discovery do, then rolls back and vacuums the head row, so every run starts alike.
The two versions of the chain are installed in turn (the guard paused, as a migration does):
`ddl_0010`'s functions without the statement trigger, then `ddl`'s with it. The same-run
baseline is the same INSERT … SELECT into a plain table of the same columns with no trigger: the
least an append costs. The chains both versions produce are compared digest for digest.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, machine
from bench.province_scale import provision_database

TENANT = "310105"
COLUMNS = "tenant_id, occurred_at, actor, roles, action, subject_type, subject_id, after"


def select_sql(timed: bool) -> str:
    at = f"socialaid_audit_append_time('{TENANT}')" if timed else "clock_timestamp()"
    return (
        f"SELECT '{TENANT}', {at}, 'bench', ARRAY['caseworker'], 'lead.create', 'lead', g::text,"
        " jsonb_build_object('state', 'open', 'rule', 'bench')"
        " FROM generate_series(1, $1) AS g"
    )


def chain_version_sql(per_statement: bool) -> list[str]:
    from socialaid.audit import ddl, ddl_0010

    if per_statement:
        body = [
            ddl.CREATE_HEAD,
            ddl.CREATE_WRITE_HEADS,
            ddl.CREATE_APPEND_TIME,
            ddl.CREATE_CHAIN,
            f"DROP TRIGGER IF EXISTS {ddl.HEAD_TRIGGER} ON audit_event",
            ddl.CREATE_HEAD_TRIGGER,
        ]
    else:
        body = [
            f"DROP TRIGGER IF EXISTS {ddl.HEAD_TRIGGER} ON audit_event",
            ddl_0010.CREATE_CHAIN,
            ddl_0010.CREATE_APPEND_TIME,
        ]
    return [ddl.ddl_guard_switch_sql(enable=False), *body, ddl.ddl_guard_switch_sql(enable=True)]


async def install(conn: asyncpg.Connection, per_statement: bool) -> None:
    async with conn.transaction():
        for statement in chain_version_sql(per_statement):
            await conn.execute(statement)


async def one_run(conn: asyncpg.Connection, size: int, into: str, timed: bool) -> float:
    await conn.execute("VACUUM audit_chain_head")
    transaction = conn.transaction()
    await transaction.start()
    started = time.perf_counter()
    await conn.execute(f"INSERT INTO {into} ({COLUMNS}) {select_sql(timed)}", size)
    seconds = time.perf_counter() - started
    await transaction.rollback()
    return seconds


def summary(times: list[float], size: int) -> tuple[str, float]:
    ordered = sorted(times)
    median = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return (
        f"{median * 1000:,.2f} ms | {p99 * 1000:,.2f} ms | {median / size * 1e6:,.1f} µs",
        median,
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,1000,5000,20000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    owner_url = await provision_database(REPO / ".data" / "audit-append-bench")
    conn = await asyncpg.connect(owner_url.replace("postgresql+asyncpg", "postgresql"))
    try:
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS bench_plain_event"
            " (LIKE audit_event INCLUDING DEFAULTS INCLUDING IDENTITY)"
        )
        await conn.execute("ALTER TABLE bench_plain_event ALTER COLUMN sequence DROP NOT NULL")
        await conn.execute("ALTER TABLE bench_plain_event ALTER COLUMN hash DROP NOT NULL")
        await conn.execute("ALTER TABLE bench_plain_event ALTER COLUMN previous_hash DROP NOT NULL")
        # Both versions must chain alike: each appends the same 50 events to the same head.
        transaction = conn.transaction()
        await transaction.start()
        await conn.execute("SELECT socialaid_audit_ensure_partition(now())")
        await transaction.commit()
        old = await rolled_back_digests(conn, per_statement=False)
        new = await rolled_back_digests(conn, per_statement=True)
        print(f"same 50 digests from both versions: {old == new}")
        if old != new:
            raise SystemExit(1)

        print(f"machine: {machine()}; load average {os.getloadavg()}")
        print("| events in one statement | version | median | p99 | per event (median) | ratio |")
        print("| ---: | --- | ---: | ---: | ---: | ---: |")
        for size in sizes:
            plain = [
                await one_run(conn, size, "bench_plain_event", False) for _ in range(args.runs)
            ]
            line, base = summary(plain, size)
            print(f"| {size:,} | baseline: plain table, no trigger | {line} | 1.0× |", flush=True)
            for per_statement, name in (
                (False, "head per event (0010)"),
                (True, "head per statement (0033)"),
            ):
                await install(conn, per_statement)
                times = [await one_run(conn, size, "audit_event", True) for _ in range(args.runs)]
                line, median = summary(times, size)
                print(f"| {size:,} | {name} | {line} | {median / base:.1f}× |", flush=True)
        print(f"load average after: {os.getloadavg()}")
    finally:
        await install(conn, per_statement=True)
        await conn.close()


async def rolled_back_digests(conn: asyncpg.Connection, per_statement: bool) -> list[bytes]:
    await install(conn, per_statement)
    transaction = conn.transaction()
    await transaction.start()
    rows = await conn.fetch(
        f"INSERT INTO audit_event ({COLUMNS})"
        f" SELECT '{TENANT}', timestamptz '2026-12-01 00:00:00+00' + g * interval '1 ms',"
        " 'bench', ARRAY['caseworker'], 'lead.create', 'lead', g::text, NULL"
        " FROM generate_series(1, 50) AS g RETURNING hash"
    )
    await transaction.rollback()
    return [bytes(row["hash"]) for row in rows]


if __name__ == "__main__":
    asyncio.run(main())
