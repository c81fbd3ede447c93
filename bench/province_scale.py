"""Issue 20: a province the size of Shanxi, generated in SQL, for the queries its users run.

    PYTHONPATH=src .venv/bin/python bench/province_scale.py [--scale 0.01] [--reload] \
        [--mode http|in-process|profile|build-only] [--workers 2] [--clients 20] [--seconds 10]

At `--scale 1`: 35,000,000 residents' shared records, 5,000,000 applications with their cases
(1–3 each) across 11 cities and 117 counties, 100,000,000 audit events. `--scale` is the fraction
built; every count is multiplied by it (the tenant tree is always whole). Built set-based
(INSERT … SELECT over generate_series, one statement per table) in a throwaway embedded database
of its own (.data/province-scale), migrated by the real migrations, with the province's real
seed tenants (山西省, 太原市, 小店区) and generated ones for the other cities and counties
(codes 14xx00 and 14xxyy, named 市n / 县n: the seeds name only three; nothing here is a policy
fact). Secondary indexes are dropped for the load and rebuilt from the model's definitions;
audit events are loaded with the chain trigger bypassed (session_replication_role = replica),
so their hashes are not computed (bench_audit.py builds real chains; these rows serve the
listings, which do not read the hash). Then ANALYZE, and it prints the time of each step, the
size on disk of each table with its indexes, and the extrapolation to `--scale 1`.

Re-running reuses a database already built at the same scale unless `--reload`.

Person n has a generated ID number (`1401` and n, 18 digits) and its person key is the HMAC of it
that the API derives (audit/person.py), so personHistory finds its events and applications.

`--mode http` (the default) then loads each query over HTTP against `socialaid serve --workers 2`
on that database at 1 client and at `--clients`, each followed by the same-run baselines (static
JSON, bare strawberry `{ hello }`, as many workers) and prints the ratios, and the CPU each
request cost the server's processes and PostgreSQL's (from /proc); `--mode profile` runs
each query 200 times in this process under cProfile (CPU per call, the top functions).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, machine

SECRET = "bench-province-secret-not-for-production"
PROVINCE = "140000"
CITIES = 11
COUNTIES = 117
FULL = {"shared_record": 35_000_000, "application": 5_000_000, "audit_event": 100_000_000}
DEPARTMENTS = (
    "civil_affairs",
    "human_resources",
    "health",
    "medical_security",
    "housing",
    "education",
    "justice",
    "trade_union",
    "womens_federation",
)
ITEMS = {  # item → its department (the Shanxi seed's items by department)
    "dibao": "civil_affairs",
    "tekun": "civil_affairs",
    "temporary_assistance": "civil_affairs",
    "medical_aid": "medical_security",
    "education_aid": "education",
    "housing_aid": "housing",
    "employment_aid": "human_resources",
    "legal_aid": "justice",
}
CASE_STATES = ("waiting", "ready", "acknowledged", "supplement_requested", "approved", "denied")


def id_number_sql(person: str) -> str:
    """Generated person n's ID number (18 digits, `1401` then n): not a real one, never valid."""
    return f"('1401' || lpad(({person})::text, 14, '0'))"


def id_number(person: int) -> str:
    return "1401" + str(person).rjust(14, "0")


def person_key_sql(person: str) -> str:
    """The HMAC-SHA256 audit/person.py's `person_key` computes, in SQL for person n's generated
    ID number, so personHistory finds them: PostgreSQL has sha256() but no HMAC (pgcrypto is not
    in the embedded server), hence the RFC 2104 construction with the padded key inlined."""
    key = SECRET.encode()
    assert len(key) <= 64  # longer keys are hashed first (RFC 2104); this one is not
    key = key.ljust(64, b"\0")
    inner = bytes(b ^ 0x36 for b in key).hex()
    outer = bytes(b ^ 0x5C for b in key).hex()
    message = f"convert_to('person:' || {id_number_sql(person)}, 'UTF8')"
    return f"encode(sha256('\\x{outer}'::bytea || sha256('\\x{inner}'::bytea || {message})), 'hex')"


@functools.cache
def settings() -> Any:
    """Built once: constructing Settings reads the environment (~50 ms of pydantic-settings),
    which the server does once per process, not per request."""
    from socialaid.config import Settings

    return Settings(secret=SECRET, env="dev")


def counties_sql() -> str:
    """Tenants: the seeds' 140000, 140100, 140105; cities 140200 … 141100 and 117 counties in all,
    spread over the 11 cities (10 or 11 each), 140105 among Taiyuan's."""
    return f"""
    INSERT INTO tenant (tenant_id, name, level, parent_id, path, source)
    SELECT lpad((14 * 10000 + c * 100)::text, 6, '0'), '市' || c, 'city', '{PROVINCE}',
           '{PROVINCE}/' || lpad((14 * 10000 + c * 100)::text, 6, '0'), '{{}}'::jsonb
      FROM generate_series(1, {CITIES}) c
    ON CONFLICT DO NOTHING;
    INSERT INTO tenant (tenant_id, name, level, parent_id, path, source)
    SELECT code, '县' || k, 'county', city, '{PROVINCE}/' || city || '/' || code, '{{}}'::jsonb
      FROM (SELECT k, lpad((140000 + (1 + (k - 1) % {CITIES}) * 100)::text, 6, '0') AS city,
                   lpad((140000 + (1 + (k - 1) % {CITIES}) * 100 + 1 + (k - 1) / {CITIES})::text,
                        6, '0') AS code
              FROM generate_series(1, {COUNTIES}) k) t
    ON CONFLICT DO NOTHING;
    INSERT INTO area (tenant_id, code, name, level, parent_code, path, position, source)
    SELECT t.tenant_id, 'street' || s, '街道' || s, 'street', NULL, 'street' || s, s, '{{}}'::jsonb
      FROM tenant t, generate_series(1, 8) s WHERE t.level = 'county'
    ON CONFLICT DO NOTHING;
    """


def table_sql(scale: float) -> dict[str, str]:
    """One INSERT … SELECT per table; counts scaled, deterministic (no random(): row n is the
    same at every scale, so a build is reproducible)."""
    records = max(1, round(FULL["shared_record"] * scale))
    applications = max(1, round(FULL["application"] * scale))
    events = max(1, round(FULL["audit_event"] * scale))
    persons = max(1, round(35_000_000 * scale))
    items = list(ITEMS)
    item_array = "ARRAY[" + ",".join(f"'{i}'" for i in items) + "]"
    department_of = "CASE " + " ".join(f"WHEN '{i}' THEN '{d}'" for i, d in ITEMS.items()) + " END"
    states = "ARRAY[" + ",".join(f"'{s}'" for s in CASE_STATES) + "]"
    departments = "ARRAY[" + ",".join(f"'{d}'" for d in DEPARTMENTS) + "]"
    # Counties numbered 0…116 in code order; a row's county is n mod 117.
    county = (
        "(SELECT array_agg(tenant_id ORDER BY tenant_id) FROM tenant"
        f" WHERE level = 'county' AND path LIKE '{PROVINCE}/%')"
    )
    return {
        "shared_record": f"""
        INSERT INTO shared_record (tenant_id, evidence, subject_key, subject_hint, issuer,
                                   reference, valid_from, valid_to, pushed_by, updated_at)
        SELECT c[1 + n % 117], (ARRAY['household_register','disability_certificate',
               'income_statement','property_record','social_insurance'])[1 + n % 5],
               {person_key_sql("n / 5")}, lpad((n % 10000)::text, 4, '0'),
               '省大数据中心', 'R' || n, date '2020-01-01' + (n % 1800), NULL, 'sync',
               timestamptz '2026-01-01' + (n % 300) * interval '1 day'
          FROM generate_series(0, {records - 1}) n, (SELECT {county} AS c) cs
        """,
        "application": f"""
        INSERT INTO application (tenant_id, id, idempotency_key, request_hash, channel, state,
            lock_version, owner, submitted_by, applicant_name, person_key, area_path, items,
            item_refs, form_hash, answers, materials, personal_commitment,
            emergency_provisions, submitted_at, updated_at)
        SELECT c[1 + n % 117], md5('application' || n)::uuid, 'k' || n, md5('h' || n),
               (ARRAY['online','window','self_service'])[1 + n % 3],
               (ARRAY['submitted','accepted','accepted','accepted','completed','rejected'])
                   [1 + n % 6],
               1, 'citizen-' || (n % {persons}), 'citizen-' || (n % {persons}), '申请人' || n,
               {person_key_sql(f"n % {persons}")},
               'street' || (1 + n % 8),
               ARRAY[({item_array})[1 + n % {len(items)}]], '[]'::jsonb, md5('form'),
               '{{}}'::jsonb, '[]'::jsonb, false, ARRAY[]::varchar[],
               timestamptz '2025-01-01' + (n % 700) * interval '1 day' + (n % 86400) * interval '1 second',
               timestamptz '2025-01-01' + (n % 700) * interval '1 day' + (n % 86400) * interval '1 second'
          FROM generate_series(0, {applications - 1}) n, (SELECT {county} AS c) cs
        """,
        # 1 to 3 cases per application (2 on average): its first item and the next ones.
        "application_case": f"""
        INSERT INTO application_case (tenant_id, id, application_id, item_code, item_name,
            item_ref, department, department_name, owner, area_path, state, lock_version,
            waiting_on, clock_started_at, due_at, overdue_at, received, created_at, updated_at)
        SELECT a.tenant_id, md5('case' || a.n || '-' || k)::uuid, a.id, item, item,
               jsonb_build_object('code', item, 'department', {department_of.replace("CASE", "CASE item")},
                   'mode', 'on_application', 'requires_decision_of', '[]'::jsonb,
                   'promised_working_days', 20, 'name', item),
               {department_of.replace("CASE", "CASE item")}, '部门', a.owner, a.area_path,
               ({states})[1 + (a.n + k) % {len(CASE_STATES)}], 1, ARRAY[]::varchar[],
               a.submitted_at, a.submitted_at + interval '28 days',
               CASE WHEN (a.n + k) % 7 = 0 THEN a.submitted_at + interval '29 days' END,
               '[]'::jsonb, a.submitted_at, a.submitted_at
          FROM (SELECT tenant_id, id, owner, area_path, submitted_at,
                       ('x' || substr(id::text, 1, 8))::bit(32)::int & 2147483647 AS n
                  FROM application) a,
               generate_series(0, (a.n % 3)) k,
               LATERAL (SELECT ({item_array})[1 + (a.n + k) % {len(items)}] AS item) i
        """,
        "audit_event": f"""
        INSERT INTO audit_event (tenant_id, sequence, occurred_at, actor, roles, department,
            action, subject_type, subject_id, before, after, reason, request_id,
            client_address, application_id, person_key, previous_hash, hash)
        SELECT c[1 + n % 117], n / 117,
               -- spread evenly over the 12 months whatever the scale; the department does not
               -- follow from the county (117 is a multiple of 9: n / 117, not n)
               timestamptz '2025-12-01' + (n::float8 / {events} * 365 * 86400) * interval '1 second',
               'staff-' || (n % 5000), ARRAY['caseworker'], ({departments})[1 + (n / 117) % 9],
               (ARRAY['application.submit','application.triage_accept','case.acknowledge',
                      'case.decide','sensitive.read'])[1 + n % 5],
               'application', md5('application' || (n / 20))::uuid::text, NULL, NULL, NULL,
               NULL, NULL, md5('application' || (n / 20))::uuid::text,
               {person_key_sql(f"n / 20 % {persons}")},
               ''::bytea, ''::bytea
          FROM generate_series(0, {events - 1}) n, (SELECT {county} AS c) cs
        """,
    }


TABLES = ("shared_record", "application", "application_case", "audit_event")


def secondary_indexes(table: str) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) for each index of the model's table."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex
    from sqlmodel import SQLModel

    import socialaid.applications.models
    import socialaid.audit.models
    import socialaid.forms.models  # noqa: F401  (the models of the four tables registered)

    model = SQLModel.metadata.tables[table]
    return [
        (str(index.name), str(CreateIndex(index).compile(dialect=postgresql.dialect())))  # type: ignore[no-untyped-call]
        for index in sorted(model.indexes, key=lambda i: str(i.name))
    ]


async def provision_database(data_dir: Path) -> str:
    from socialaid.bundled_data import tenants_dir
    from socialaid.db.database import Database
    from socialaid.db.provision import provision
    from socialaid.tenancy.importer import import_tenants

    os.environ["SOCIALAID_DATA_DIR"] = str(data_dir)
    provisioned = await provision(settings())
    db = Database(provisioned.owner_url, SECRET)
    async with db.owner_session() as session, session.begin():
        await import_tenants(session, tenants_dir())
    await db.dispose()
    return provisioned.owner_url.render_as_string(hide_password=False)


async def build(owner_url: str, scale: float) -> dict[str, float]:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.audit import ddl
    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    timings: dict[str, float] = {}
    started = time.monotonic()
    async with engine.begin() as conn:
        await conn.execute(text("SET session_replication_role = replica"))
        await conn.execute(
            text(
                "TRUNCATE audit_event, audit_chain_head, application_case, application_event,"
                " notification, application, shared_record CASCADE"
            )
        )
        for statement in counties_sql().split(";"):
            if statement.strip():
                await conn.execute(text(statement))
        await conn.execute(
            text(
                f"SELECT {ddl.ENSURE_FUNCTION}(m) FROM generate_series(timestamptz '2025-12-01',"
                " timestamptz '2026-12-01', interval '1 month') AS m"
            )
        )
        for table in TABLES:
            for name, _ in secondary_indexes(table):
                await conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    for table, statement in table_sql(scale).items():
        began = time.monotonic()
        async with engine.begin() as conn:
            await conn.execute(text("SET session_replication_role = replica"))
            await conn.execute(text("SET synchronous_commit = off"))
            await conn.execute(text("SET work_mem = '256MB'"))
            await conn.execute(text(statement))
        timings[f"rows: {table}"] = time.monotonic() - began
        print(f"  {table}: {timings[f'rows: {table}']:.1f} s", flush=True)
    began = time.monotonic()
    for table in TABLES:
        for _, statement in secondary_indexes(table):
            async with engine.begin() as conn:
                await conn.execute(text("SET maintenance_work_mem = '1GB'"))
                await conn.execute(text(statement))
    timings["secondary indexes"] = time.monotonic() - began
    began = time.monotonic()
    async with engine.connect() as conn:
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in (*TABLES, "tenant", "area"):
            await autocommit.execute(text(f"VACUUM (ANALYZE) {table}"))
    timings["vacuum analyze"] = time.monotonic() - began
    timings["total"] = time.monotonic() - started
    await engine.dispose()
    return timings


async def sizes(owner_url: str) -> list[tuple[str, int, int]]:
    """(table, rows, bytes with its indexes and TOAST; partitions summed)."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    out = []
    async with engine.connect() as conn:
        for table in TABLES:
            rows = int(await conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
            size = await conn.scalar(
                text(
                    "SELECT coalesce((SELECT sum(pg_total_relation_size(relid))"
                    " FROM pg_partition_tree(:t)), pg_total_relation_size(:t))"
                ),
                {"t": table},
            )
            out.append((table, rows, int(size or 0)))
        total = int(await conn.scalar(text("SELECT pg_database_size(current_database())")) or 0)
        out.append(("database", 0, total))
    await engine.dispose()
    return out


async def built_scale(owner_url: str) -> int:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    async with engine.connect() as conn:
        applications = int(await conn.scalar(text("SELECT count(*) FROM application")) or 0)
    await engine.dispose()
    return applications


CASES = """query($f: CaseFilterInput!) { cases(filter: $f, first: 20) {
  edges { node { id itemCode state overdue dueAt } } pageInfo { hasNextPage endCursor } } }"""
APPLICATIONS = """query($t: String!) { applications(tenant: $t, first: 20) {
  edges { node { id state submittedAt } } pageInfo { hasNextPage endCursor } } }"""
EVENTS = """query($f: AuditEventFilter!) { auditEvents(filter: $f, first: 50) {
  edges { node { id sequence occurredAt actor department action applicationId } }
  pageInfo { hasNextPage endCursor } } }"""
PERSON = """query($id: String!) { personHistory(idNumber: $id) {
  applicationsConnection(first: 20) { edges { node { applicationId firstAt lastAt eventCount
    departments } } }
  events(first: 50) { edges { node { id sequence occurredAt actor department action } }
    pageInfo { hasNextPage endCursor } } } }"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def rows_of(data: dict[str, Any], field: str) -> int:
    """The rows a call's answer lists (personHistory: its events)."""
    answer = data[field]
    return len((answer["events"] if field == "personHistory" else answer)["edges"])


@dataclass(frozen=True)
class Shape:
    """One query its users run, and who runs it: `who()` draws the next caller and variables."""

    label: str
    query: str
    field: str
    who: Callable[[], tuple[Any, dict[str, Any]]]


async def shapes(owner_url: str, scale: float) -> list[Shape]:
    """The users' queries over the generated province; random callers, seeded (reproducible)."""
    import random

    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.access.principal import Grant, Principal
    from socialaid.access.vocabulary import Role
    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    async with engine.connect() as conn:
        tenants = {
            level: [
                (str(t), str(p))
                for t, p in await conn.execute(
                    text(
                        "SELECT tenant_id, path FROM tenant WHERE level = :level"
                        f" AND path LIKE '{PROVINCE}/%' ORDER BY 1"
                    ),
                    {"level": level},
                )
            ]
            for level in ("county", "city")
        }
        applications = int(await conn.scalar(text("SELECT count(*) FROM application")) or 1)
    await engine.dispose()
    counties, cities = tenants["county"], tenants["city"]
    # 小店区 (the seeds') keeps its own area codes: the generated streets are not its areas.
    generated = [(t, p) for t, p in counties if t != "140105"]
    rng = random.Random(20)
    persons = max(1, round(35_000_000 * scale))

    def caseworker() -> tuple[Principal, dict[str, Any]]:
        county, path = rng.choice(generated)
        department = rng.choice(["civil_affairs", "medical_security", "education"])
        actor = Principal(
            f"cw-{county}", county, path, (Grant(Role.CASEWORKER, county, path),), (department,)
        )
        status = rng.choice([["READY"], ["ACKNOWLEDGED"], ["READY", "ACKNOWLEDGED"]])
        flt = {
            "tenant": county,
            "department": department,
            "status": status,
            "overdue": rng.choice([True, False]),
            "area": f"street{rng.randint(1, 8)}",
        }
        return actor, {"f": flt}

    def applicant() -> tuple[Principal, dict[str, Any]]:
        # Application n is citizen-(n mod persons)'s, in county n mod 117 (code order).
        person = rng.randrange(min(applications, persons))
        county, path = counties[person % len(counties)]
        user = f"citizen-{person}"
        return Principal(user, county, path, (Grant(Role.APPLICANT, county, path),)), {"t": county}

    def city_analyst() -> tuple[Principal, dict[str, Any]]:
        city, path = rng.choice(cities)
        return Principal(f"an-{city}", city, path, (Grant(Role.ANALYST, city, path),)), {"t": city}

    province_auditor = Principal(
        "auditor", PROVINCE, PROVINCE, (Grant(Role.AUDITOR, PROVINCE, PROVINCE),)
    )

    def auditor() -> tuple[Principal, dict[str, Any]]:
        county, _ = rng.choice(counties)
        return province_auditor, {"f": {"tenant": county, "department": rng.choice(DEPARTMENTS)}}

    def person_auditor() -> tuple[Principal, dict[str, Any]]:
        # Audit event n concerns application n / 20 and its applicant, person n / 20.
        return province_auditor, {"id": id_number(rng.randrange(min(applications, persons)))}

    return [
        Shape("cases: a county department's queue by status, area, overdue (caseworker)",
              CASES, "cases", caseworker),
        Shape("applications(tenant): an applicant's own (applicant)",
              APPLICATIONS, "applications", applicant),
        Shape("applications(tenant): a city (analyst)", APPLICATIONS, "applications",
              city_analyst),
        Shape("auditEvents: a county by department (auditor)", EVENTS, "auditEvents", auditor),
        Shape("personHistory: a person by ID number (auditor)", PERSON, "personHistory",
              person_auditor),
    ]  # fmt: skip


Result = tuple[str, int, int, float, float, float]


async def run_in_process(schema: Any, db: Any, shape: Shape, calls: int, clients: int) -> Result:
    """One query shape executed by the schema in this process (no HTTP) from `clients`
    concurrent tasks, `calls` in all, after 20 warm-up calls."""
    import statistics

    from socialaid.kernel.context import Context

    times: list[float] = []
    rows: list[int] = []
    errors = [0]

    async def one() -> None:
        actor, variables = shape.who()
        context = Context(db=db, settings=settings(), principal=actor)
        began = time.perf_counter()
        result = await schema.execute(shape.query, variable_values=variables, context_value=context)
        times.append((time.perf_counter() - began) * 1000)
        if result.errors or result.data is None:
            errors[0] += 1
            if errors[0] == 1:
                print(f"  {shape.label}: {result.errors}", flush=True)
            return
        rows.append(rows_of(result.data, shape.field))

    async def client(n: int) -> None:
        for _ in range(n):
            await one()

    await client(20)  # warm-up: pools, caches, plans
    times.clear()
    rows.clear()
    errors[0] = 0
    await asyncio.gather(*(client(calls // clients) for _ in range(clients)))
    return (
        shape.label,
        len(times),
        errors[0],
        statistics.median(times),
        percentile(times, 99),
        statistics.mean(rows) if rows else 0.0,
    )


async def measure_in_process(owner_url: str, scale: float, calls: int, clients: int) -> None:
    """Each shape executed by the real schema in this process (resolvers, row scope, RLS,
    masking; no HTTP, no baseline): what a query costs apart from the HTTP stack."""
    from socialaid.api.schema import build_schema
    from socialaid.db.database import Database

    db = Database(owner_url, SECRET)
    schema = build_schema(settings())
    print("| query | calls | errors | median | p99 | rows per call |")
    for shape in await shapes(owner_url, scale):
        result = await run_in_process(schema, db, shape, calls, clients)
        print(
            f"| {result[0]} | {result[1]} | {result[2]} | {result[3]:.1f} ms | {result[4]:.1f} ms |"
            f" {result[5]:.1f} |",
            flush=True,
        )
    await db.dispose()


async def profile(owner_url: str, scale: float, calls: int, top: int) -> None:
    """cProfile of `calls` executions of each shape, one after another in this process, after
    20 unprofiled warm-up calls: the CPU per call (process time, PostgreSQL's not included),
    the Python calls per call, and the functions with the most time of their own."""
    import cProfile
    import pstats

    from socialaid.api.schema import build_schema
    from socialaid.db.database import Database
    from socialaid.kernel.context import Context

    db = Database(owner_url, SECRET)
    schema = build_schema(settings())
    for shape in await shapes(owner_url, scale):
        prepared = [shape.who() for _ in range(calls + 20)]

        async def run(batch: list[tuple[Any, dict[str, Any]]], shape: Shape = shape) -> int:
            errors = 0
            for actor, variables in batch:
                context = Context(db=db, settings=settings(), principal=actor)
                result = await schema.execute(
                    shape.query, variable_values=variables, context_value=context
                )
                if result.errors and not errors:
                    print(f"  {shape.label}: {result.errors}", flush=True)
                errors += bool(result.errors)
            return errors

        await run(prepared[:20])
        cpu = time.process_time()
        unprofiled_errors = await run(prepared[20:])
        cpu_plain = (time.process_time() - cpu) / calls * 1000
        profiler = cProfile.Profile()
        profiler.enable()
        await run(prepared[20:])
        profiler.disable()
        stats = pstats.Stats(profiler)
        total_calls = stats.total_calls  # type: ignore[attr-defined]
        print(
            f"\n## {shape.label}: CPU {cpu_plain:.2f} ms per call (cProfile off),"
            f" {total_calls / calls:,.0f} Python calls per call, {unprofiled_errors} errors",
            flush=True,
        )
        stats.sort_stats("tottime").print_stats(top)
        stats.sort_stats("cumulative").print_stats(top)
    await db.dispose()


def http_requests(shape: Shape, count: int) -> list[tuple[bytes, dict[str, str]]]:
    """`count` requests of the shape, each with its caller's bearer token (minted here, before
    the load, so that the client spends no CPU on it during the load)."""
    import json

    from socialaid.access.tokens import mint_token

    out = []
    for _ in range(count):
        actor, variables = shape.who()
        token = mint_token(
            settings(),
            user=actor.user_id,
            tenant=actor.tenant_id,
            roles=list(actor.roles),
            departments=actor.departments,
        )
        body = json.dumps({"query": shape.query, "variables": variables}).encode()
        out.append((body, {"Authorization": f"Bearer {token}"}))
    return out


def measure_http(owner_url: str, scale: float, seconds: float, clients: int, workers: int) -> None:
    """Each shape over HTTP against `socialaid serve --workers N` on the generated database,
    at 1 client and at `clients`, each concurrency followed by the same load against the two
    baselines (static JSON answering the largest of the shapes' answers, bare strawberry
    `{ hello }`; both with as many worker processes): a table with the ratios."""
    import json

    from bench.http_load import (
        LoadResult,
        baseline_servers,
        closed_loop,
        fetch,
        print_table,
        running_server,
    )

    load_shapes = asyncio.run(shapes(owner_url, scale))
    prepared = {shape.label: http_requests(shape, 4000) for shape in load_shapes}
    rows: list[tuple[str, LoadResult, str]] = []
    baselines: dict[str, dict[str, LoadResult]] = {}
    environment = {"SOCIALAID_SECRET": SECRET}
    data_dir = REPO / ".data" / "province-scale"
    with running_server(data_dir, environment, ["--workers", str(workers)]) as server:
        answers = []
        for shape in load_shapes:
            body, headers = prepared[shape.label][0]
            answer = fetch(server.base, "/graphql", body, headers)
            answers.append(answer)
            if b'"errors"' in answer:
                print(f"  {shape.label}: {answer[:400]!r}", flush=True)
        static_body = max(answers, key=len)
        with baseline_servers(static_body, workers=workers) as baseline:
            for n in (1, clients):
                load_name = f"{n} client{'s' if n > 1 else ''}, {seconds:g} s"
                for shape in load_shapes:
                    requests = prepared[shape.label]
                    row_counts: list[int] = []

                    def check(
                        status: int,
                        payload: bytes,
                        field: str = shape.field,
                        counts: list[int] = row_counts,
                    ) -> bool:
                        answer = json.loads(payload)
                        if status != 200 or answer.get("errors") or not answer.get("data"):
                            return False
                        counts.append(rows_of(answer["data"], field))
                        return True

                    def make(
                        i: int, requests: list[tuple[bytes, dict[str, str]]] = requests
                    ) -> tuple[bytes, dict[str, str]]:
                        return requests[i % len(requests)]

                    asyncio.run(closed_loop(server.base, "/graphql", make, clients=n, seconds=2))
                    row_counts.clear()
                    with server.cpu() as used:
                        result = asyncio.run(
                            closed_loop(
                                server.base,
                                "/graphql",
                                make,
                                clients=n,
                                seconds=seconds,
                                check=check,
                            )
                        )
                    rows_per_call = sum(row_counts) / max(1, len(row_counts))
                    print(
                        f"  {load_name}: {shape.label}: {result.summary()},"
                        f" {rows_per_call:.1f} rows per call; CPU per request"
                        f" {used.per_request_ms(result.count + result.errors)}",
                        flush=True,
                    )
                    rows.append((f"{load_name}: {shape.label}", result, load_name))

                def load(url: str, make: Any, check: Any = None, n: int = n) -> Any:
                    return closed_loop(
                        url, "/graphql", make, clients=n, seconds=seconds, check=check
                    )

                first = prepared[load_shapes[0].label]

                def request(
                    i: int, first: list[tuple[bytes, dict[str, str]]] = first
                ) -> tuple[bytes, dict[str, str]]:
                    return first[i % len(first)]

                baselines[load_name] = baseline.run(load, request)
                for name, result in baselines[load_name].items():
                    print(f"  {load_name}: {name}: {result.summary()}", flush=True)
    print(f"\nsocialaid serve --workers {workers}; baselines with {workers} workers too;"
          f" static JSON answers {len(static_body):,} bytes")  # fmt: skip
    print_table(rows, baselines)
    many = f"{clients} clients, {seconds:g} s"
    floor = baselines[many]["bare strawberry"].percentile(99)
    print(f"\nbare strawberry {{ hello }} p99 at {clients} clients: {floor:.1f} ms"
          f" ({'above' if floor > 50 else 'within'} the 50 ms target: the floor)")  # fmt: skip
    for label, result, load_shape in rows:
        if load_shape == many:
            p99 = result.percentile(99)
            verdict = "met" if p99 <= 50 else "NOT met"
            print(f"{label}: p99 {p99:.1f} ms ({verdict}, target ≤ 50 ms),"
                  f" {p99 / floor:.2f} × bare strawberry's p99")  # fmt: skip


async def prepare(args: argparse.Namespace) -> str:
    """The database at the scale asked for, built unless it already is; its owner URL."""
    owner_url = await provision_database(REPO / ".data" / "province-scale")
    wanted = max(1, round(FULL["application"] * args.scale))
    print(f"machine: {machine()}; load average {os.getloadavg()}")
    if args.reload or await built_scale(owner_url) != wanted:
        print(f"building at scale {args.scale:g}:", flush=True)
        timings = await build(owner_url, args.scale)
        for step, seconds in timings.items():
            print(f"| {step} | {seconds:.1f} s | {seconds / args.scale / 60:.0f} min at scale 1 |")
    print("| table | rows | size with indexes | linear extrapolation to scale 1 |")
    for table, rows, size in await sizes(owner_url):
        print(
            f"| {table} | {rows:,} | {size / 2**20:,.1f} MiB |"
            f" {size / args.scale / 2**30:,.1f} GiB |"
        )
    return owner_url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument(
        "--mode",
        choices=("http", "in-process", "profile", "build-only"),
        default="http",
        help="http: socialaid serve --workers N with the same-run baselines (default);"
        " in-process: the schema executed here, no HTTP; profile: cProfile per shape",
    )
    parser.add_argument("--seconds", type=float, default=10, help="http: per load")
    parser.add_argument("--workers", type=int, default=2, help="http: server processes")
    parser.add_argument("--calls", type=int, default=400, help="in-process: per query")
    parser.add_argument("--profile-calls", type=int, default=200)
    parser.add_argument("--top", type=int, default=25, help="profile: functions listed")
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    owner_url = asyncio.run(prepare(args))
    if args.mode == "http":
        measure_http(owner_url, args.scale, args.seconds, args.clients, args.workers)
    elif args.mode == "profile":
        asyncio.run(profile(owner_url, args.scale, args.profile_calls, args.top))
    elif args.mode == "in-process":
        # One client: what a query costs alone; then the concurrent clients the target names.
        for clients, calls in ((1, max(1, args.calls // 4)), (args.clients, args.calls)):
            print(f"queries, {clients} concurrent client(s); load average {os.getloadavg()}")
            asyncio.run(measure_in_process(owner_url, args.scale, calls, clients))


if __name__ == "__main__":
    main()
