"""Migrations from the revisions that may already be applied: 0005 reserved empty, 0006 adding
the audit columns; 0007 and 0008 build applications and the chained audit store on top."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import AsyncIterator

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine

from socialaid.db import migrate
from socialaid.db.bootstrap import create_database, drop_database, ensure_app_role
from socialaid.db.urls import async_url, with_database
from tests.conftest import TEST_SECRET


@pytest.fixture
async def empty_database(server_url: URL) -> AsyncIterator[URL]:
    name = f"sa_m_{uuid.uuid4().hex[:10]}"
    await create_database(server_url, name)
    url = with_database(server_url, name)
    await ensure_app_role(url, TEST_SECRET)
    yield url
    await drop_database(server_url, name)


async def run(url: URL, sql: str) -> list[tuple[object, ...]]:
    engine = create_async_engine(async_url(url))
    try:
        async with engine.begin() as connection:
            result = await connection.execute(text(sql))
            return [tuple(r) for r in result.all()] if result.returns_rows else []
    finally:
        await engine.dispose()


async def downgrade(url: URL, revision: str) -> None:
    await asyncio.to_thread(command.downgrade, migrate.alembic_config(url), revision)


async def test_events_written_at_0006_are_chained_with_their_application_and_person(
    empty_database: URL,
) -> None:
    await migrate.upgrade(empty_database, "0006")
    await run(
        empty_database,
        "INSERT INTO tenant (tenant_id, name, level, path, source)"
        " VALUES ('310000', '上海市', 'province', '310000', '{}'::jsonb)",
    )
    await run(
        empty_database,
        "INSERT INTO audit_event (tenant_id, actor, roles, action, subject_type, subject_id,"
        " application_id, person_key) VALUES"
        " ('310000', 'a', '{}', 'x.first', 's', '1', 'app-1', 'pk-1'),"
        " ('310000', 'a', '{}', 'x.second', 's', '2', 'app-1', 'pk-1')",
    )

    await migrate.upgrade(empty_database)

    rows = await run(
        empty_database,
        "SELECT sequence, action, application_id, person_key FROM audit_event ORDER BY sequence",
    )
    assert rows == [(1, "x.first", "app-1", "pk-1"), (2, "x.second", "app-1", "pk-1")]
    links = await run(
        empty_database,
        "SELECT e2.previous_hash = e1.hash FROM audit_event e1 JOIN audit_event e2"
        " ON e2.sequence = e1.sequence + 1",
    )
    assert links == [(True,)]


async def test_the_new_revisions_downgrade_to_0006_and_upgrade_again(empty_database: URL) -> None:
    await migrate.upgrade(empty_database)
    await downgrade(empty_database, "0006")
    assert await run(empty_database, "SELECT to_regclass('application')::text") == [(None,)]
    await migrate.upgrade(empty_database)
    await migrate.check(empty_database)


async def upgrade_in_a_process_of_its_own(url: URL) -> int:
    """`socialaid db upgrade` as a replica runs it: its own process (alembic's context is one
    per process)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "from socialaid.cli import app; app()",
        "db",
        "upgrade",
        env={
            **os.environ,
            "DATABASE_URL": url.render_as_string(hide_password=False),
            "SOCIALAID_SECRET": TEST_SECRET,
        },
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    if process.returncode:
        print(stderr.decode(errors="replace")[-3000:])  # shown by pytest when the test fails
    return process.returncode or 0


async def test_two_replicas_migrating_one_empty_database_at_once_both_succeed(
    empty_database: URL,
) -> None:
    codes = await asyncio.gather(
        upgrade_in_a_process_of_its_own(empty_database),
        upgrade_in_a_process_of_its_own(empty_database),
    )

    assert codes == [0, 0]
    assert await run(empty_database, "SELECT version_num FROM alembic_version") == [("0033",)]


async def test_replicas_refreshing_the_app_role_together_all_succeed(empty_database: URL) -> None:
    from socialaid.db.database import DEFAULT_TIMEOUTS, role_timeout_settings

    settings = role_timeout_settings(DEFAULT_TIMEOUTS)
    for _ in range(5):
        await asyncio.gather(
            *(ensure_app_role(empty_database, TEST_SECRET, settings) for _ in range(4))
        )
