"""Releasing to several servers: one step migrates (and seeds a new database), the servers start
with `serve --no-migrate` and change nothing in the schema; replicas racing on a new database
import the seed data once."""

from __future__ import annotations

import asyncio
import subprocess
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from socialaid.db import migrate
from socialaid.db.bootstrap import create_database, drop_database, ensure_app_role
from socialaid.db.database import Database
from socialaid.db.urls import with_database
from socialaid.seeding import load_seed_data_if_empty
from tests.conftest import TEST_SECRET
from tests.test_http import free_port
from tests.test_serving import SOCIALAID, environment, started

SEED_TENANTS = ["140000", "140100", "140105", "310000", "310105", "320000", "320200", "320281"]


@pytest.fixture
async def new_database(server_url: URL) -> AsyncIterator[URL]:
    """A database as an operator creates it for socialaid: empty, nothing migrated."""
    name = f"sa_r_{uuid.uuid4().hex[:10]}"
    await create_database(server_url, name)
    yield with_database(server_url, name)
    await drop_database(server_url, name)


def environment_for(url: URL, tmp_path: Path) -> dict[str, str]:
    env = environment(tmp_path, None)
    env["DATABASE_URL"] = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return env


async def tables_in(url: URL) -> list[str]:
    db = Database(url, TEST_SECRET)
    try:
        async with db.owner_session() as session:
            rows = await session.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            )
            return sorted(row[0] for row in rows)
    finally:
        await db.dispose()


async def tenant_codes(url: URL) -> list[str]:
    db = Database(url, TEST_SECRET)
    try:
        async with db.owner_session() as session:
            rows = await session.execute(text("SELECT tenant_id FROM tenant ORDER BY tenant_id"))
            return [row[0] for row in rows]
    finally:
        await db.dispose()


async def test_a_server_started_without_migrating_refuses_a_database_never_migrated(
    new_database: URL, tmp_path: Path
) -> None:
    finished = await asyncio.to_thread(
        subprocess.run,
        [str(SOCIALAID), "serve", "--no-migrate", "--port", str(free_port())],
        env=environment_for(new_database, tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert finished.returncode == 1
    assert "socialaid db upgrade" in finished.stderr
    assert "Traceback" not in finished.stderr
    assert await tables_in(new_database) == []


async def test_upgrade_seeds_a_new_database_once_and_servers_then_start_without_migrating(
    new_database: URL, tmp_path: Path
) -> None:
    env = environment_for(new_database, tmp_path)
    upgrade = [str(SOCIALAID), "db", "upgrade", "--seed-if-empty"]

    first = await asyncio.to_thread(
        subprocess.run, upgrade, env=env, capture_output=True, text=True, timeout=300
    )
    again = await asyncio.to_thread(
        subprocess.run, upgrade, env=env, capture_output=True, text=True, timeout=300
    )

    assert first.returncode == 0, first.stderr
    assert "loaded the seed tenants" in first.stdout
    assert again.returncode == 0, again.stderr
    assert "loaded the seed tenants" not in again.stdout
    port = free_port()
    server = await asyncio.to_thread(started, port, "--no-migrate", env=env)
    try:
        response = await asyncio.to_thread(
            httpx.post,
            f"http://127.0.0.1:{port}/graphql",
            json={"query": "{ tenants { code } }"},
        )
        codes = sorted(t["code"] for t in response.json()["data"]["tenants"])
        assert codes == SEED_TENANTS
    finally:
        server.terminate()
        server.wait(timeout=30)


async def test_replicas_seeding_one_new_database_together_import_the_seed_data_once(
    new_database: URL,
) -> None:
    await ensure_app_role(new_database, TEST_SECRET)
    await migrate.upgrade(new_database)
    replicas = [Database(new_database, TEST_SECRET) for _ in range(2)]
    try:
        loaded = await asyncio.gather(*(load_seed_data_if_empty(db) for db in replicas))
    finally:
        for db in replicas:
            await db.dispose()

    assert sorted(loaded) == [False, True]
    assert await tenant_codes(new_database) == SEED_TENANTS
