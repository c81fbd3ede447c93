"""Nobody edits the history: the app role lacks the privilege, the owner meets the guard
triggers on the table and on each partition, and the event triggers refuse the DDL that would get
round them (detaching, dropping, disabling, replacing)."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner, Result

from socialaid.audit import ddl
from socialaid.audit.ddl import ensure_partitions_sql
from socialaid.audit.guard import install_ddl_guard, missing_guards
from socialaid.audit.verification import verify_chain
from socialaid.cli import app
from socialaid.db.bootstrap import owner_connection
from socialaid.db.database import Database
from socialaid.db.rls import set_scope
from socialaid.db.urls import APP_ROLE
from tests.audit.history import add_event
from tests.conftest import TEST_SECRET

STATEMENTS = {
    "update": "UPDATE audit_event SET actor = 'someone-else' WHERE tenant_id = '310105'",
    "delete": "DELETE FROM audit_event WHERE tenant_id = '310105'",
}


@pytest.mark.parametrize("operation", sorted(STATEMENTS))
async def test_the_application_role_may_not_change_audit_events(
    db: Database, operation: str
) -> None:
    await add_event(db, tenant="310105")
    async with db.session() as session, session.begin():
        await set_scope(session, tenant_paths=["310000/310105"], user_id="intruder")
        with pytest.raises(DBAPIError, match="permission denied for table audit_event"):
            await session.execute(text(STATEMENTS[operation]))


@pytest.mark.parametrize(
    "statement",
    [*STATEMENTS.values(), "TRUNCATE audit_event"],
    ids=["update", "delete", "truncate"],
)
async def test_even_the_owner_is_refused_by_the_append_only_guard(
    db: Database, statement: str
) -> None:
    await add_event(db, tenant="310105")
    async with db.owner_session() as session, session.begin():
        with pytest.raises(DBAPIError, match="audit history is append-only"):
            await session.execute(text(statement))


async def test_the_application_role_may_not_move_a_chain_head(db: Database) -> None:
    await add_event(db, tenant="310105")
    async with db.session() as session, session.begin():
        await set_scope(session, tenant_paths=["310000/310105"], user_id="intruder")
        with pytest.raises(DBAPIError, match="permission denied for table audit_chain_head"):
            await session.execute(text("UPDATE audit_chain_head SET last_sequence = 0"))


# What the owner could otherwise do to one partition; `{p}` is the partition.
PARTITION_STATEMENTS = {
    "truncate": ("TRUNCATE {p}", "audit history is append-only: TRUNCATE"),
    "delete": ("DELETE FROM {p}", "audit history is append-only: DELETE"),
    "update": ("UPDATE {p} SET actor = 'someone-else'", "audit history is append-only: UPDATE"),
    "detach": (
        "ALTER TABLE audit_event DETACH PARTITION {p}",
        "audit store is guarded: ALTER TABLE on public.audit_event",
    ),
    "drop": ("DROP TABLE {p}", "audit store is guarded: DROP TABLE on {p}"),
    "disable the guard trigger": (
        "ALTER TABLE {p} DISABLE TRIGGER audit_event_append_only",
        "audit store is guarded: ALTER TABLE on {p}",
    ),
    "drop the truncate guard": (
        "DROP TRIGGER audit_event_no_truncate ON {p}",
        "audit store is guarded: DROP TRIGGER on audit_event_no_truncate on {p}",
    ),
    "drop the partitions' schema": (
        "DROP SCHEMA audit_partitions CASCADE",
        "audit store is guarded: DROP SCHEMA on audit_partitions",
    ),
    "replace the guard function": (
        "CREATE OR REPLACE FUNCTION socialaid_audit_append_only() RETURNS trigger"
        " LANGUAGE plpgsql AS $f$ BEGIN RETURN NULL; END $f$",
        "audit store is guarded: CREATE FUNCTION on public.socialaid_audit_append_only()",
    ),
    "drop the chain head trigger": (
        "DROP TRIGGER audit_event_chain_head ON audit_event",
        "audit store is guarded: DROP TRIGGER on audit_event_chain_head on public.audit_event",
    ),
    "disable the chain head trigger": (
        "ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain_head",
        "audit store is guarded: ALTER TABLE on public.audit_event",
    ),
    "replace the running head function": (
        "CREATE OR REPLACE FUNCTION socialaid_audit_head(tenant text) RETURNS audit_chain_head"
        " LANGUAGE plpgsql AS $f$ BEGIN RETURN NULL; END $f$",
        "audit store is guarded: CREATE FUNCTION on public.socialaid_audit_head(",
    ),
    "drop the head writer": (
        "DROP FUNCTION socialaid_audit_write_heads() CASCADE",
        "audit store is guarded: DROP FUNCTION on",
    ),
    "a trigger that drops new events": (
        "CREATE TRIGGER a_first BEFORE INSERT ON audit_event FOR EACH ROW"
        " EXECUTE FUNCTION suppress_another_row()",
        "audit store is guarded: CREATE TRIGGER on a_first on public.audit_event",
    ),
    "a partition outside its schema": (
        "CREATE TABLE public.audit_event_elsewhere PARTITION OF audit_event"
        " FOR VALUES FROM ('2040-01-01') TO ('2040-02-01')",
        "audit store is guarded: CREATE TABLE on public.audit_event_elsewhere",
    ),
}


async def partitions_holding(db: Database, tenant: str) -> dict[str, int]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT tableoid::regclass::text, count(*) FROM audit_event"
                " WHERE tenant_id = :t GROUP BY 1"
            ),
            {"t": tenant},
        )
        return {name: count for name, count in rows.all()}


# Each on this month's partition; what acts on the rows or the partition itself on the default
# partition (where the rows of a month without its own partition go) too.
PARTITION_CASES = [
    *((operation, "this month") for operation in PARTITION_STATEMENTS),
    *((operation, "default") for operation in ("truncate", "delete", "update", "detach", "drop")),
]


@pytest.mark.parametrize(("operation", "month"), PARTITION_CASES)
async def test_the_owner_cannot_empty_detach_drop_or_unguard_a_partition(
    db: Database, operation: str, month: str
) -> None:
    await add_event(db, tenant="310105")  # this month's partition
    await add_event(db, tenant="310105", at=datetime(2020, 5, 1, tzinfo=UTC))  # no partition
    await add_event(db, tenant="310105")
    before = await partitions_holding(db, "310105")
    default = "audit_partitions.audit_event_default"
    (partition,) = [name for name in before if (name == default) == (month == "default")]
    statement, refusal = PARTITION_STATEMENTS[operation]
    async with db.owner_session() as session, session.begin():
        await session.execute(
            text(
                "CREATE FUNCTION suppress_another_row() RETURNS trigger LANGUAGE plpgsql"
                " AS $f$ BEGIN RETURN NULL; END $f$"
            )
        )
    async with db.owner_session() as session, session.begin():
        with pytest.raises(DBAPIError, match=re.escape(refusal.format(p=partition))):
            await session.execute(text(statement.format(p=partition)))
    assert await partitions_holding(db, "310105") == before
    async with db.owner_session() as session:
        assert (await verify_chain(session, tenant_id="310105")).ok


async def test_the_guard_lets_a_migration_change_every_other_table(db: Database) -> None:
    statements = [
        "ALTER TABLE application ADD COLUMN guard_probe integer",
        "CREATE INDEX guard_probe_index ON application (guard_probe)",
        "ALTER TABLE application DROP COLUMN guard_probe",
        "CREATE TABLE guard_probe_table (id integer PRIMARY KEY)",
        "DROP TABLE guard_probe_table",
    ]
    async with db.owner_session() as session, session.begin():
        for statement in statements:
            await session.execute(text(statement))
        columns = await session.scalar(
            text(
                "SELECT count(*) FROM information_schema.columns WHERE column_name = 'guard_probe'"
            )
        )
    assert columns == 0


async def test_a_partition_made_for_a_new_month_refuses_truncate(db: Database) -> None:
    async with db.owner_session() as session, session.begin():
        await session.execute(text(ensure_partitions_sql("'2039-07-15T00:00:00Z'")))
    await add_event(db, tenant="310105", at=datetime(2039, 7, 20, tzinfo=UTC))
    assert await partitions_holding(db, "310105") == {"audit_partitions.audit_event_2039_07": 1}
    async with db.owner_session() as session, session.begin():
        with pytest.raises(DBAPIError, match="append-only: TRUNCATE on audit_event_2039_07"):
            await session.execute(text("TRUNCATE audit_partitions.audit_event_2039_07"))


async def test_a_partition_made_by_hand_gets_the_truncate_guard_too(db: Database) -> None:
    async with db.owner_session() as session, session.begin():
        await session.execute(
            text(
                "CREATE TABLE audit_partitions.by_hand PARTITION OF audit_event"
                " FOR VALUES FROM ('2041-01-01') TO ('2041-02-01')"
            )
        )
    await add_event(db, tenant="310105", at=datetime(2041, 1, 2, tzinfo=UTC))
    async with db.owner_session() as session, session.begin():
        with pytest.raises(DBAPIError, match="append-only: TRUNCATE on by_hand"):
            await session.execute(text("TRUNCATE audit_partitions.by_hand"))


async def without_the_ddl_guard(db: Database) -> None:
    async with db.owner_session() as session, session.begin():
        for statement in ddl.DROP_DDL_GUARD_STATEMENTS:
            await session.execute(text(statement))


async def test_the_ddl_guard_is_installed_by_a_superuser_only_and_its_absence_is_reported(
    db: Database,
) -> None:
    async with db.owner_session() as session:
        assert await missing_guards(session) == []
    await without_the_ddl_guard(db)
    async with db.owner_session() as session, session.begin():
        # A migration run by an owner that is not a superuser: the rest goes on, no guard.
        await session.execute(text(f"SET LOCAL ROLE {APP_ROLE}"))
        assert await session.run_sync(lambda s: install_ddl_guard(s.connection())) is False
        await session.execute(text("RESET ROLE"))
        assert await missing_guards(session) == [
            "event trigger socialaid_audit_guard_ddl",
            "event trigger socialaid_audit_guard_drop",
        ]
    async with db.owner_session() as session, session.begin():
        await session.execute(text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain"))
        assert "trigger audit_event_chain on public.audit_event" in await missing_guards(session)
        await session.execute(
            text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain_head")
        )
        assert "trigger audit_event_chain_head on public.audit_event" in await missing_guards(
            session
        )
        await session.rollback()
    async with db.owner_session() as session, session.begin():
        assert await session.run_sync(lambda s: install_ddl_guard(s.connection())) is True
        assert await missing_guards(session) == []


async def test_the_command_line_reports_a_missing_guard_and_prints_the_sql_that_restores_it(
    db: Database, tmp_path: Path
) -> None:
    url = db.owner_url.set(drivername="postgresql").render_as_string(hide_password=False)
    env = {
        "DATABASE_URL": url,
        "SOCIALAID_SECRET": TEST_SECRET,
        "SOCIALAID_DATA_DIR": str(tmp_path),
    }

    def run(*command: str) -> Result:
        return CliRunner().invoke(app, ["audit", *command], env=env)

    # typer runs its own event loop: off this test's loop, in a thread.
    in_place = await asyncio.to_thread(run, "check")
    assert in_place.exit_code == 0
    assert in_place.output.endswith("the audit store's guards are all in place\n")
    await without_the_ddl_guard(db)
    missing = await asyncio.to_thread(run, "check")
    assert missing.exit_code == 1
    assert "missing: event trigger socialaid_audit_guard_ddl" in missing.output
    assert "missing: event trigger socialaid_audit_guard_drop" in missing.output
    script = (await asyncio.to_thread(run, "guard-sql")).output
    connection = await owner_connection(db.owner_url.set(drivername="postgresql"))
    try:
        await connection.execute(script)  # what a superuser pipes into psql
    finally:
        await connection.close()
    assert (await asyncio.to_thread(run, "check")).exit_code == 0
