"""`socialaid.asgi:app` hosted by a stock ASGI server (uvicorn, started as its users would)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import text

from socialaid.catalogue.revision import CHANNEL
from socialaid.db.database import Database
from tests.conftest import REPO_ROOT, TEST_SECRET
from tests.eventually import DEADLINE
from tests.test_http import free_port

TENANTS = "{ tenants { code name } }"


def environment(tmp_path: Path, db: Database | None) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT / "src"),
        "SOCIALAID_SECRET": TEST_SECRET,
        "SOCIALAID_DATA_DIR": str(tmp_path),
        "SOCIALAID_ACCESS_LOG": "false",
    }
    env.pop("DATABASE_URL", None)
    if db is not None:
        owner_url = db.owner_url.render_as_string(hide_password=False)
        env["DATABASE_URL"] = owner_url.replace("+asyncpg", "")
    return env


def uvicorn(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "socialaid.asgi:app", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


async def ready(process: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 60
    async with httpx.AsyncClient(timeout=DEADLINE) as client:
        while process.poll() is None and time.monotonic() < deadline:
            try:
                if (await client.get(f"http://127.0.0.1:{port}/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    process.kill()
    raise AssertionError(f"uvicorn did not start: {process.communicate()[0].decode()}")


async def tenant_names(client: httpx.AsyncClient, port: int) -> dict[str, str]:
    response = await client.post(f"http://127.0.0.1:{port}/graphql", json={"query": TENANTS})
    assert response.status_code == 200, response.text
    return {tenant["code"]: tenant["name"] for tenant in response.json()["data"]["tenants"]}


async def test_uvicorn_serves_the_app_follows_catalogue_changes_and_stops_cleanly(
    db: Database, tmp_path: Path
) -> None:
    port = free_port()
    process = uvicorn(port, environment(tmp_path, db))
    try:
        await ready(process, port)
        async with httpx.AsyncClient(timeout=DEADLINE) as client:
            before = await tenant_names(client, port)
            assert "310000" in before
            # A change without its notification: a process that listens keeps serving what it
            # cached (one that did not would read the revision on every request).
            async with db.owner_session() as session, session.begin():
                await session.execute(
                    text("UPDATE tenant SET name = '上海（改）' WHERE tenant_id = '310000'")
                )
                await session.execute(
                    text("UPDATE content_revision SET revision = revision + 1 WHERE id = 1")
                )
            assert (await tenant_names(client, port))["310000"] == before["310000"]
            async with db.owner_session() as session, session.begin():
                await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})
            # Another process, which a busy machine may leave waiting for the CPU.
            deadline = time.monotonic() + DEADLINE
            while (await tenant_names(client, port))["310000"] != "上海（改）":
                assert time.monotonic() < deadline, "the notified revision was not served"
                await asyncio.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        # The timeout fails a shutdown that hangs; how long a clean one takes depends on the load.
        output, _ = await asyncio.to_thread(process.communicate, timeout=30)
        # uvicorn (0.29 on) shuts down gracefully, then raises the signal it caught again, so
        # its exit status is "terminated by SIGTERM" (which systemd and Docker count as clean).
        assert process.returncode in (0, -signal.SIGTERM), output.decode()
        assert "Application shutdown complete." in output.decode()
        assert "Traceback" not in output.decode()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_without_database_url_the_app_refuses_to_start_naming_the_setting(
    tmp_path: Path,
) -> None:
    process = uvicorn(free_port(), environment(tmp_path, None))
    try:
        output, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode != 0
    assert "DATABASE_URL is not set" in output.decode()
