"""Issue 23: every `statistics` query shape over rollups filled for a province of 5 million
applications a year, with the same-run baseline, and what the rollups cost a submission.

    PYTHONPATH=src .venv/bin/python bench/bench_statistics.py [--calls 200] [--reload]

The rollups are filled directly, set-based (one INSERT … SELECT over generate_series per table,
the month rollups summed from the day rows and every tenant's subtree summary from the month
rows, as the fold does):
the province of bench/province_scale.py (140000, 11 cities, 118 counties) over 365 days, per
county and day 32 application rows (8 streets × 4 channels, 3–4 applications each: ≈ 4.8 M
applications) and 150 case rows (street, channel, item, target group, outcome, working days;
1–2 cases each: ≈ 9.7 M cases). That is the size the rollups reach for 5 M applications; the
source rows themselves are not built (ADR 0030: a full province takes ≈ 64 min and ≈ 107 GB).

Each query runs through the real schema (resolvers, authorization, row-level security) in this
process, 1 client, after warm-up, beside bare strawberry `{ hello }` in the same run.

Maintenance cost per submission: (1) the marking trigger — N application INSERTs with the
triggers on and off, in one database; (2) the fold of one county-day of 110 applications with
220 cases built from real rows, divided by its applications.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, machine
from bench.province_scale import (
    PROVINCE,
    SECRET,
    counties_sql,
    percentile,
    provision_database,
    settings,
)
from socialaid.statistics.rollup_sql import SUM_ALL_SUBTREES

FIRST, LAST = "2025-12-01", "2026-11-30"
ITEMS = (
    ("dibao", "civil_affairs"),
    ("tekun", "civil_affairs"),
    ("temporary_assistance", "civil_affairs"),
    ("medical_aid", "medical_security"),
    ("education_aid", "education"),
    ("housing_aid", "housing"),
    ("employment_aid", "human_resources"),
    ("legal_aid", "justice"),
)
CHANNELS = ("online", "window", "self_service", "adviser")
OUTCOMES = ("approved", "denied", "closed", "withdrawn", "pending")


def _array(values: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(f"'{v}'" for v in values) + "]"


FILL = {
    "statistics_application_day": f"""
INSERT INTO statistics_application_day
SELECT t.tenant_id, d::date, 'street' || s, ({_array(CHANNELS)})[c],
       3 + (s + c) % 2, 3 + (s + c) % 2 - 1, 1, (s + c + extract(doy FROM d)::int) % 2
FROM tenant t, generate_series(date '{FIRST}', date '{LAST}', interval '1 day') d,
     generate_series(1, 8) s, generate_series(1, 4) c
WHERE t.level = 'county'
""",
    "statistics_case_day": f"""
INSERT INTO statistics_case_day
SELECT tenant_id, day, area, channel, department, item, target_group, outcome, working_days,
       cases, cases, 0,
       CASE WHEN outcome = 'approved' THEN cases ELSE 0 END,
       CASE WHEN outcome = 'denied' THEN cases ELSE 0 END,
       CASE WHEN outcome = 'closed' THEN cases ELSE 0 END,
       CASE WHEN outcome = 'withdrawn' THEN cases ELSE 0 END,
       CASE WHEN outcome = 'pending' THEN cases ELSE 0 END,
       n % 11 / 10, n % 7 / 6,
       CASE WHEN outcome = 'approved' THEN cases * 1510 ELSE 0 END
FROM (
  SELECT t.tenant_id, d::date AS day, 'street' || (1 + n % 8) AS area,
         ({_array(CHANNELS)})[1 + (n / 8) % 4] AS channel,
         ({_array(tuple(d for _, d in ITEMS))})[1 + n % 8] AS department,
         ({_array(tuple(i for i, _ in ITEMS))})[1 + n % 8] AS item,
         CASE WHEN n % 3 = 0 THEN 'dibao_family' ELSE '' END AS target_group,
         ({_array(OUTCOMES)})[1 + (n / 32) % 5] AS outcome,
         CASE WHEN (n / 32) % 5 < 2 THEN (n * 7 + extract(doy FROM d)::int) % 25 ELSE -1 END
           AS working_days,
         1 + n % 2 AS cases, n
  FROM tenant t, generate_series(date '{FIRST}', date '{LAST}', interval '1 day') d,
       generate_series(0, 149) n
  WHERE t.level = 'county'
) generated
ON CONFLICT DO NOTHING
""",
    # The month rollups as the fold makes them: the day rows summed per month.
    "statistics_application_month": """
INSERT INTO statistics_application_month
SELECT tenant_id, date_trunc('month', day)::date, sum(applications), sum(accepted),
       sum(rejected_at_door), sum(escalated)
FROM statistics_application_day GROUP BY 1, 2
""",
    "statistics_case_month": """
INSERT INTO statistics_case_month
SELECT tenant_id, date_trunc('month', day)::date, department, item, target_group, outcome,
       working_days, sum(cases), sum(applications), sum(escalated), sum(approved), sum(denied),
       sum(closed), sum(withdrawn), sum(pending), sum(overdue), sum(supplements_requested),
       sum(amount_granted)
FROM statistics_case_day GROUP BY 1, 2, 3, 4, 5, 6, 7
""",
    # The month rows of the groupings by tenant, street or channel (I23FAST), as the fold sums
    # them: from the day rows keeping street and channel, from the month rows keeping only the
    # working-day bucket. In key order, as the fold writes a tenant-month at a time.
    "statistics_application_month_street": """
INSERT INTO statistics_application_month_street
SELECT tenant_id, date_trunc('month', day)::date, area, channel, sum(applications),
       sum(accepted), sum(rejected_at_door), sum(escalated)
FROM statistics_application_day GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
""",
    "statistics_case_month_street": """
INSERT INTO statistics_case_month_street
SELECT tenant_id, date_trunc('month', day)::date, area, channel, working_days, sum(cases),
       sum(applications), sum(escalated), sum(approved), sum(denied), sum(closed),
       sum(withdrawn), sum(pending), sum(overdue), sum(supplements_requested),
       sum(amount_granted)
FROM statistics_case_day GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
""",
    "statistics_case_month_total": """
INSERT INTO statistics_case_month_total
SELECT tenant_id, month, working_days, sum(cases), sum(applications), sum(escalated),
       sum(approved), sum(denied), sum(closed), sum(withdrawn), sum(pending), sum(overdue),
       sum(supplements_requested), sum(amount_granted)
FROM statistics_case_month GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
""",
    "statistics_case_month_department": """
INSERT INTO statistics_case_month_department
SELECT tenant_id, month, department, working_days, sum(cases), sum(applications),
       sum(escalated), sum(approved), sum(denied), sum(closed), sum(withdrawn), sum(pending),
       sum(overdue), sum(supplements_requested), sum(amount_granted)
FROM statistics_case_month GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
""",
    # Every tenant's subtree summed per month, as the fold keeps them level by level.
    "statistics_application_month_subtree": SUM_ALL_SUBTREES[0],
    "statistics_case_month_subtree": SUM_ALL_SUBTREES[1],
    "statistics_application_day_subtree": SUM_ALL_SUBTREES[2],
    "statistics_case_day_subtree": SUM_ALL_SUBTREES[3],
}


async def fill(owner_url: str, reload: bool) -> dict[str, float]:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    timings: dict[str, float] = {}
    async with engine.begin() as conn:
        for statement in counties_sql().split(";"):
            if statement.strip():
                await conn.execute(text(statement))
        have = int(await conn.scalar(text("SELECT count(*) FROM statistics_case_day")) or 0)
    if have and not reload:
        await engine.dispose()
        return timings
    for table, statement in FILL.items():
        began = time.monotonic()
        async with engine.begin() as conn:
            await conn.execute(text("SET synchronous_commit = off"))
            await conn.execute(text(f"TRUNCATE {table}"))
            await conn.execute(text(statement))
        timings[table] = time.monotonic() - began
        print(f"  filled {table}: {timings[table]:.1f} s", flush=True)
    async with engine.connect() as conn:
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in (*FILL, "tenant"):
            await autocommit.execute(text(f"VACUUM (ANALYZE) {table}"))
    await engine.dispose()
    return timings


async def sizes(owner_url: str) -> list[tuple[str, int, int]]:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    out = []
    async with engine.connect() as conn:
        for table in FILL:
            rows = int(await conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
            size = int(await conn.scalar(text(f"SELECT pg_total_relation_size('{table}')")) or 0)
            out.append((table, rows, size))
        apps = await conn.scalar(text("SELECT sum(applications) FROM statistics_application_day"))
        cases = await conn.scalar(text("SELECT sum(cases) FROM statistics_case_day"))
        print(f"applications counted: {apps:,}; cases counted: {cases:,}")
    await engine.dispose()
    return out


STATISTICS = """query($t: String!, $from: Date!, $to: Date!, $g: [StatisticsDimension!]!,
  $f: StatisticsFilterInput) { statistics(tenant: $t, from: $from, to: $to, groupBy: $g,
  filter: $f) { asOf rows { tenantCode area department item channel period targetGroup outcome
  applications cases accepted rejectedAtDoor escalated approved denied closed pending overdue
  supplementsRequested decisions medianWorkingDays p90WorkingDays amountGrantedPerMonth
  suppressed } } }"""

CITY = "140100"
COUNTY = "140105"
SHAPES: dict[str, tuple[str, str, list[str], dict[str, Any] | None, str, str]] = {
    # label: (role, tenant, groupBy, filter, from, to); the cheap shapes first
    "county, a month, by DAY (analyst)": ("analyst", COUNTY, ["DAY"], None, "2026-11-01", LAST),
    "county, a year, by AREA × CHANNEL (auditor)": (
        "auditor",
        COUNTY,
        ["AREA", "CHANNEL"],
        None,
        FIRST,
        LAST,
    ),
    "county, a year, by TARGET_GROUP (analyst)": (
        "analyst",
        COUNTY,
        ["TARGET_GROUP"],
        None,
        FIRST,
        LAST,
    ),
    "county, a year, by ITEM × OUTCOME (tenant_admin)": (
        "tenant_admin",
        COUNTY,
        ["ITEM", "OUTCOME"],
        None,
        FIRST,
        LAST,
    ),
    "city, a month, by DAY × DEPARTMENT (analyst)": (
        "analyst",
        CITY,
        ["DAY", "DEPARTMENT"],
        None,
        "2026-11-01",
        LAST,
    ),
    "city, a quarter, by WEEK × DEPARTMENT (tenant_admin)": (
        "tenant_admin",
        CITY,
        ["WEEK", "DEPARTMENT"],
        None,
        "2026-09-01",
        LAST,
    ),
    "province, a month, by TENANT (analyst)": (
        "analyst",
        PROVINCE,
        ["TENANT"],
        None,
        "2026-11-01",
        LAST,
    ),
    "province, a month, civil_affairs head by DAY": (
        "department_head",
        PROVINCE,
        ["DAY"],
        None,
        "2026-11-01",
        LAST,
    ),
    "province, a year, one total (analyst)": ("analyst", PROVINCE, [], None, FIRST, LAST),
    "province, a year, by TENANT (analyst)": ("analyst", PROVINCE, ["TENANT"], None, FIRST, LAST),
    "province, a year, by ITEM × OUTCOME (analyst)": (
        "analyst",
        PROVINCE,
        ["ITEM", "OUTCOME"],
        None,
        FIRST,
        LAST,
    ),
    "province, a year, by MONTH × DEPARTMENT (analyst)": (
        "analyst",
        PROVINCE,
        ["MONTH", "DEPARTMENT"],
        None,
        FIRST,
        LAST,
    ),
    # Many small cells: what complementary suppression (statistics/small_cells.py) costs.
    "province, a year, by TENANT × MONTH (analyst)": (
        "analyst",
        PROVINCE,
        ["TENANT", "MONTH"],
        None,
        FIRST,
        LAST,
    ),
    "province, a year, by TENANT × DEPARTMENT (analyst)": (
        "analyst",
        PROVINCE,
        ["TENANT", "DEPARTMENT"],
        None,
        FIRST,
        LAST,
    ),
}


async def measure(
    owner_url: str, calls: int, only: list[str] | None = None
) -> list[tuple[str, float, float, int]]:
    import strawberry

    from bench.baseline_apps import Query as HelloQuery
    from socialaid.access.principal import Grant, Principal
    from socialaid.access.vocabulary import Role
    from socialaid.api.schema import build_schema
    from socialaid.db.database import Database
    from socialaid.kernel.context import Context

    bare = strawberry.Schema(query=HelloQuery)
    from socialaid.db.database import Timeouts

    # No statement timeout: a shape that misses the target is measured, not cut off at 5 s.
    db = Database(
        owner_url, SECRET, timeouts=Timeouts(connect=5, statement=0, idle_in_transaction=0, pool=60)
    )
    schema = build_schema(settings())
    tenant_paths = {
        PROVINCE: PROVINCE,
        CITY: f"{PROVINCE}/{CITY}",
        COUNTY: f"{PROVINCE}/{CITY}/{COUNTY}",
    }

    async def timed(run: Any) -> list[float]:
        began = time.perf_counter()
        await run()  # warm-up: pools, plans, the buffer cache
        # A shape slower than a second is measured 3 times, one slower than 10 s once (the
        # machine is shared): its p99 is then that call's time.
        warm = time.perf_counter() - began
        repeat = calls if warm < 1 else 3 if warm < 10 else 1
        times = []
        for _ in range(repeat):
            began = time.perf_counter()
            await run()
            times.append((time.perf_counter() - began) * 1000)
        return times

    async def hello() -> None:
        result = await bare.execute("{ hello }")
        assert result.errors is None

    baseline = await timed(hello)
    base_p50 = statistics.median(baseline)
    print(
        f"| bare strawberry {{ hello }} (baseline) | {base_p50:.3f} ms | {percentile(baseline, 99):.3f} ms | 1 |"
    )
    out = []
    for label, (role, tenant, group_by, row_filter, first, last) in SHAPES.items():
        if only and not any(part in label for part in only):
            continue
        path = tenant_paths[tenant]
        departments = ("civil_affairs",) if role == "department_head" else ()
        actor = Principal(
            f"{role}-bench", tenant, path, (Grant(Role(role), tenant, path),), departments
        )
        variables = {"t": tenant, "from": first, "to": last, "g": group_by, "f": row_filter}
        rows = [0]

        async def one(
            actor: Principal = actor, variables: dict[str, Any] = variables, rows: list[int] = rows
        ) -> None:
            context = Context(db=db, settings=settings(), principal=actor)
            result = await schema.execute(
                STATISTICS, variable_values=variables, context_value=context
            )
            assert result.errors is None and result.data is not None, result.errors
            rows[0] = len(result.data["statistics"]["rows"])

        times = await timed(one)
        p50, p99 = statistics.median(times), percentile(times, 99)
        out.append((label, p50, p99, rows[0]))
        print(
            f"| {label} | {p50:.1f} ms | {p99:.1f} ms | {rows[0]} | ×{p50 / base_p50:,.0f} |",
            flush=True,
        )
    await db.dispose()
    return out


async def maintenance(owner_url: str, submissions: int) -> None:
    """What the rollups add to a submission: the marking triggers, and the fold's share."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.db.database import Database
    from socialaid.db.urls import async_url
    from socialaid.statistics.fold import fold_dirty_days

    engine = create_async_engine(async_url(owner_url))
    insert_application = text(
        "INSERT INTO application (tenant_id, id, idempotency_key, request_hash, channel, state,"
        " lock_version, owner, submitted_by, applicant_name, area_path, items, item_refs,"
        " form_hash, answers, materials, personal_commitment, emergency_provisions, triage,"
        " submitted_at, updated_at)"
        " VALUES (:t, gen_random_uuid(), gen_random_uuid()::text, 'h', 'online', 'accepted', 1,"
        " 'bench', 'bench', '甲', 'street1', ARRAY['dibao','medical_aid'], '[]', 'f', '{}', '[]',"
        ' true, ARRAY[]::varchar[], \'{"outcome": "accepted"}\', :at, :at) RETURNING id'
    )
    insert_case = text(
        "INSERT INTO application_case (tenant_id, id, application_id, item_code, item_name,"
        " item_ref, department, department_name, owner, state, lock_version, waiting_on,"
        " received, decision)"
        " VALUES (:t, gen_random_uuid(), :a, :item, '事项', '{}', :dept, '部门', 'bench', 'approved',"
        " 1, ARRAY[]::varchar[], '[]',"
        ' \'{"outcome": "approved", "amount": "1510.00", "decided_by": "b",'
        ' "decided_at": "2026-11-20T10:00:00+08:00"}\')'
    )

    async def submit_all(triggers: bool, day: str) -> float:
        async with engine.connect() as conn:
            if not triggers:
                await conn.execute(text("ALTER TABLE application DISABLE TRIGGER statistics_mark"))
                await conn.execute(
                    text("ALTER TABLE application_case DISABLE TRIGGER statistics_mark")
                )
                await conn.commit()
            times = []
            for n in range(submissions):
                began = time.perf_counter()
                async with conn.begin():
                    at = datetime.fromisoformat(f"{day}T{9 + n % 8:02d}:{n % 60:02d}:00+08:00")
                    app = (
                        await conn.execute(insert_application, {"t": COUNTY, "at": at})
                    ).scalar_one()
                    for item, dept in (
                        ("dibao", "civil_affairs"),
                        ("medical_aid", "medical_security"),
                    ):
                        await conn.execute(
                            insert_case, {"t": COUNTY, "a": app, "item": item, "dept": dept}
                        )
                times.append((time.perf_counter() - began) * 1000)
            if not triggers:
                await conn.execute(text("ALTER TABLE application ENABLE TRIGGER statistics_mark"))
                await conn.execute(
                    text("ALTER TABLE application_case ENABLE TRIGGER statistics_mark")
                )
                await conn.commit()
        return statistics.median(times)

    async with engine.begin() as conn:
        await conn.execute(text("SET session_replication_role = origin"))
    off = await submit_all(False, "2026-11-16")
    on = await submit_all(True, "2026-11-17")
    off_again = await submit_all(False, "2026-11-18")
    print(
        f"| one submission's rows (1 application + 2 cases, one transaction), triggers off | "
        f"{statistics.median([off, off_again]):.2f} ms |\n"
        f"| the same, triggers on (marks its day dirty) | {on:.2f} ms |"
    )
    # The fold's share: mark the three days and fold them (each county-day holds the rows above).
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO statistics_dirty (tenant_id, day) VALUES"
                f" ('{COUNTY}', '2026-11-16'), ('{COUNTY}', '2026-11-17'), ('{COUNTY}', '2026-11-18')"
                " ON CONFLICT DO NOTHING"
            )
        )
    db = Database(owner_url, SECRET)
    began = time.perf_counter()
    folded = await fold_dirty_days(db)
    elapsed = (time.perf_counter() - began) * 1000
    await db.dispose()
    await engine.dispose()
    print(
        f"| fold of {folded} county-days of {submissions} applications each | {elapsed:.1f} ms |"
        f" {elapsed / (folded * submissions):.2f} ms per application |"
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--submissions", type=int, default=110)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--maintenance-only", action="store_true")
    parser.add_argument(
        "--only", action="append", default=[], help="measure only shapes whose label contains this"
    )
    parser.add_argument("--no-maintenance", action="store_true")
    args = parser.parse_args()
    owner_url = await provision_database(REPO / ".data" / "bench-statistics")
    print(f"machine: {machine()}; load average {os.getloadavg()}")
    timings = await fill(owner_url, args.reload)
    for table, seconds in timings.items():
        print(f"| fill {table} | {seconds:.1f} s |")
    print("| table | rows | size with indexes |")
    for table, rows, size in await sizes(owner_url):
        print(f"| {table} | {rows:,} | {size / 2**20:,.1f} MiB |")
    if not args.maintenance_only:
        print(f"queries, 1 client, {args.calls} calls each; load average {os.getloadavg()}")
        print("| query | median | p99 | rows | median ÷ baseline |")
        await measure(owner_url, args.calls, args.only)
    if args.no_maintenance:
        return
    print(f"maintenance; load average {os.getloadavg()}")
    await maintenance(owner_url, args.submissions)


if __name__ == "__main__":
    asyncio.run(main())
