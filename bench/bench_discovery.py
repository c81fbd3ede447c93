"""Issue 22: the discovery job over N residents' livelihood tags, and again after a few change.

    PYTHONPATH=src .venv/bin/python bench/bench_discovery.py [--residents 200000] [--changed 0.01]

A throwaway embedded database of its own (.data/discovery-bench), migrated by the real migrations
with the seed tenants (province_scale.provision_database). N residents of Changning (310105) get
tags generated set-based (one INSERT … SELECT over generate_series per kind): every resident an
age tag, one in 2 a health tag, one in 3 an employment tag, one in 20 a disability tag, one in 50
a large-medical-bills tag (amounts spread 0–100,000 元), one in 200 a disaster tag; every resident
is in the changed set, as after a first load (the keys are built after the rows, as into an empty
table). Each run's number of leads is checked against the count the generator's arithmetic gives
(`expected_leads`); a wrong count ends the bench with status 1. Shanghai's `discovery_large_medical_bill_amount` is
set to 50,000 (a bench value, not a policy fact), so the three seed rules run.

It times (1) the first run: every resident evaluated (`run_discovery`, the job's own code, leads
raised, audited, announced); (2) the incremental run after `--changed` of the residents were
pushed again; `--chain-head event` first puts back the audit chain as migration 0010 installed
it (the head row updated per event: the "before" of issue 22's fix); and the same-run baseline: one bare `SELECT count(*)` over every tag row (before
the runs and again after them, the machine being shared). It prints residents per
second, the ratio to the baseline and the linear extrapolation to 35,000,000 residents (Shanxi's
count in province_scale.py), for one worker and for two (each run takes batches with SKIP
LOCKED, so workers on both cores share the changed set).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, machine
from bench.province_scale import SECRET, provision_database

PROVINCE_RESIDENTS = 35_000_000
TENANT = "310105"
KINDS = {  # kind → (one resident in every n, facts as SQL over the resident number g)
    "age": (1, "jsonb_build_object('years', 18 + g % 80)"),
    "health": (2, "jsonb_build_object('chronic_illness', g % 3 = 0)"),
    "employment": (3, "jsonb_build_object('employed', g % 4 <> 0)"),
    "disability": (20, "jsonb_build_object('severe', g % 3 = 0, 'grade', 1 + g % 4)"),
    "large_medical_bills": (50, "jsonb_build_object('amount', (g::bigint * 7919) % 100000)"),
    "disaster": (200, "jsonb_build_object('affected', g % 2 = 0)"),
}


def tags_sql(residents: int) -> list[str]:
    """The tags, set-based: one INSERT … SELECT over generate_series per kind, into a table whose
    keys are built afterwards (a sort each, as a first load into an empty table would be), then
    every resident into the changed set, as after a first load."""
    statements = [
        "ALTER TABLE livelihood_tag DROP CONSTRAINT pk_livelihood_tag",
        "DROP INDEX IF EXISTS ix_livelihood_tag_kind",
        "ALTER TABLE discovery_pending DROP CONSTRAINT pk_discovery_pending",
    ]
    for kind, (every, facts) in KINDS.items():
        statements.append(
            f"""
            INSERT INTO livelihood_tag (tenant_id, subject_key, kind, subject_hint, household_key,
                area_path, facts, source_department, pushed_by)
            SELECT '{TENANT}', md5('resident' || g) || md5('r' || g), '{kind}',
                   lpad((g % 10000)::text, 4, '0'),
                   md5('household' || (g / 2)) || md5('h' || (g / 2)),
                   a.paths[1 + g % 3], {facts}, 'bench', 'bench'
              FROM (SELECT array_agg(path ORDER BY code) AS paths FROM
                      (SELECT path, code FROM area WHERE tenant_id = '{TENANT}' ORDER BY code
                        LIMIT 3) f) a,
                   generate_series({every}, {residents}, {every}) AS g
            """
        )
    statements += [
        """INSERT INTO discovery_pending (tenant_id, subject_key)
            SELECT DISTINCT tenant_id, subject_key FROM livelihood_tag WHERE kind = 'age'""",
        "ALTER TABLE livelihood_tag ADD CONSTRAINT pk_livelihood_tag"
        " PRIMARY KEY (tenant_id, subject_key, kind)",
        "CREATE INDEX ix_livelihood_tag_kind ON livelihood_tag (tenant_id, kind, subject_key)",
        "ALTER TABLE discovery_pending ADD CONSTRAINT pk_discovery_pending"
        " PRIMARY KEY (tenant_id, subject_key)",
    ]
    return statements


def expected_leads(residents: int) -> tuple[int, int]:
    """The leads the first run and the incremental run must raise, from the generator's own
    arithmetic (no table of the job is read): every resident has a household of its own among
    those a rule fires for (household g / 2, and the firing residents are even multiples).

    - large medical bills (1 in 50, amount (g · 7919) mod 100,000) at or over the bench line;
    - disaster (1 in 200, affected when g is even: all of them);
    - severe disability (1 in 20, severe when g mod 3 = 0) without work: the employment tag
      (1 in 3) says employed unless g mod 4 = 0, which every multiple of 20 is: 1 in 60.

    The incremental run pushes every bill again at 99,000 元: the bills below the line now fire.
    """
    bills = range(50, residents + 1, 50)
    over = sum(1 for g in bills if (g * 7919) % 100_000 >= BILL_LINE)
    first = over + residents // 200 + residents // 60
    return first, len(bills) - over


BILL_LINE = 50_000


async def seed_catalogue(owner_url: str) -> None:
    """The seed catalogues (the discovery rules are in them), as `socialaid db upgrade` loads."""
    from socialaid.db.database import Database
    from socialaid.seeding import load_seed_data

    db = Database(owner_url, SECRET)
    await load_seed_data(db)
    await db.dispose()


async def install_chain(owner_url: str, per_statement: bool) -> None:
    """The chain's functions as 0033 installs them, or as 0010 did (for the same-run "before")."""
    import asyncpg

    from bench.bench_audit_append import install

    conn = await asyncpg.connect(owner_url.replace("postgresql+asyncpg", "postgresql"))
    try:
        await install(conn, per_statement)
    finally:
        await conn.close()


async def load(owner_url: str, residents: int) -> float:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    began = time.monotonic()
    async with engine.begin() as conn:
        await conn.execute(
            text("TRUNCATE livelihood_tag, discovery_pending, lead, notification CASCADE")
        )
        await conn.execute(
            text("DELETE FROM tenant_parameter WHERE key = 'discovery_large_medical_bill_amount';")
        )
        await conn.execute(
            text(
                "INSERT INTO tenant_parameter (tenant_id, key, value, effective_from, source,"
                " reason, set_by) VALUES ('310000', 'discovery_large_medical_bill_amount',"
                f" '{BILL_LINE}', current_date - 1, 'bench', 'bench', 'bench')"
            )
        )
        await conn.execute(text("UPDATE content_revision SET revision = revision + 1"))
        for statement in tags_sql(residents):
            await conn.execute(text(statement))
    async with engine.connect() as conn:
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in ("livelihood_tag", "discovery_pending", "lead", "application"):
            await autocommit.execute(text(f"VACUUM (ANALYZE) {table}"))
    await engine.dispose()
    return time.monotonic() - began


async def floor(owner_url: str) -> tuple[float, int]:
    """The baseline: one bare scan of every tag row (`SELECT count(*)`), the least any job
    reading the residents' tags could cost on this machine at this moment."""
    from sqlalchemy import text

    from socialaid.db.database import Database

    db = Database(owner_url, SECRET)
    began = time.monotonic()
    async with db.owner_session() as session:
        await session.scalar(text("SELECT count(*) FROM livelihood_tag"))
        residents = int(await session.scalar(text("SELECT count(*) FROM discovery_pending")) or 0)
    elapsed = time.monotonic() - began
    await db.dispose()
    return elapsed, residents


async def discover(owner_url: str, workers: int) -> tuple[float, int, int]:
    from dataclasses import replace

    from socialaid.clock import CHINA
    from socialaid.db.database import DEFAULT_TIMEOUTS, Database
    from socialaid.discovery.scan import run_discovery

    # A batch statement at a million residents outlasts a request's 5 s on a loaded machine.
    db = Database(owner_url, SECRET, timeouts=replace(DEFAULT_TIMEOUTS, statement=300.0))
    began = time.monotonic()
    results = await asyncio.gather(
        *(run_discovery(db, lambda: datetime.now(CHINA)) for _ in range(workers))
    )
    elapsed = time.monotonic() - began
    await db.dispose()
    return elapsed, sum(r.evaluated for r in results), sum(len(r.leads) for r in results)


async def touch(owner_url: str, fraction: float) -> int:
    from sqlalchemy import text

    from socialaid.db.database import Database

    db = Database(owner_url, SECRET)
    every = max(1, round(1 / fraction))
    async with db.owner_session() as session, session.begin():
        result = await session.execute(
            text(
                "WITH changed AS (UPDATE livelihood_tag SET facts = facts || '{\"amount\": 99000}',"
                " updated_at = now() WHERE kind = 'large_medical_bills' OR (kind = 'age' AND"
                f" ('x' || substr(subject_key, 1, 8))::bit(32)::int % {every} = 0)"
                " RETURNING tenant_id, subject_key)"
                " INSERT INTO discovery_pending (tenant_id, subject_key)"
                " SELECT DISTINCT tenant_id, subject_key FROM changed ON CONFLICT DO NOTHING"
                " RETURNING 1"
            )
        )
        changed = len(result.all())
    await db.dispose()
    return changed


def check(run: str, leads: int, expected: int) -> None:
    verdict = "exact" if leads == expected else "WRONG"
    print(f"{run}: {leads:,} leads, {expected:,} expected from the generator — {verdict}")
    if leads != expected:
        raise SystemExit(1)


def rate_line(label: str, seconds: float, residents: int, workers: int) -> str:
    per_second = residents / seconds if seconds else float("inf")
    province = PROVINCE_RESIDENTS / per_second / 60 if per_second else float("inf")
    return (
        f"| {label} | {workers} | {residents:,} | {seconds:.1f} s | {per_second:,.0f} /s |"
        f" {province:,.1f} min |"
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=200_000)
    parser.add_argument("--changed", type=float, default=0.01)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--chain-head",
        choices=("statement", "event"),
        default="statement",
        help="write the audit chain head once per statement (0033) or per event (0010, before)",
    )
    args = parser.parse_args()
    owner_url = await provision_database(REPO / ".data" / "discovery-bench")
    await seed_catalogue(owner_url)
    await install_chain(owner_url, per_statement=args.chain_head == "statement")
    print(f"audit chain head written once per {args.chain_head}")
    print(f"machine: {machine()}; load average {os.getloadavg()}")
    loaded = await load(owner_url, args.residents)
    print(f"loaded {args.residents:,} residents' tags in {loaded:.1f} s", flush=True)
    print("| run | workers | residents | time | rate | 35 M residents at this rate |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    base_seconds, base_seen = await floor(owner_url)
    print(
        rate_line("baseline: SELECT count(*) over the tags", base_seconds, base_seen, 1), flush=True
    )
    first_expected, incremental_expected = expected_leads(args.residents)
    seconds, evaluated, leads = await discover(owner_url, args.workers)
    print(rate_line(f"first run ({leads:,} leads)", seconds, evaluated, args.workers), flush=True)
    print(f"ratio to baseline: {seconds / base_seconds:.1f}×; load average {os.getloadavg()}")
    check("first run", leads, first_expected)
    touched = await touch(owner_url, args.changed)
    seconds, evaluated, leads = await discover(owner_url, args.workers)
    check("incremental run", leads, incremental_expected)
    print(
        rate_line(
            f"incremental ({touched:,} changed, {leads:,} new leads)",
            seconds,
            evaluated,
            args.workers,
        )
    )
    print(f"load average {os.getloadavg()}")
    base_seconds, _ = await floor(owner_url)
    print(f"baseline again after the runs: {base_seconds:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
