"""Two server processes on one database: a publish through one is seen through the other.

Nothing in a process expires its cached catalogue by time; only the NOTIFY of the publish does. So
the test waits generously (a loaded two-core CI machine may take seconds to schedule the second
process) and a lost notification still fails it: the old answer would be served forever.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from socialaid.access.tokens import mint_token
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.conftest import TEST_SECRET, test_settings
from tests.test_http import free_port

SOCIALAID = Path(sys.executable).parent / "socialaid"
# Generous bounds, not performance claims: a slow CI machine must not fail the test.
STARTUP_SECONDS = 120
PROPAGATION_SECONDS = 20
ITEM = '{ item(tenant: "310105", code: "dibao") { reverification { periodMonths } } }'
OVERRIDE = """mutation { catalogueOverrideSet(input: {tenant: "310105", code: "dibao",
  patch: {reverification: {period_months: 9, periods: null, source: {document: "测试", section: "t"}}},
  effectiveFrom: "$today", reason: "两个进程"}) { errors { code message } } }"""


@pytest.fixture
def two_servers(db: Database, tmp_path: Path) -> Iterator[tuple[str, str]]:
    url = db.owner_url.set(drivername="postgresql").render_as_string(hide_password=False)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SOCIALAID_SECRET": TEST_SECRET,
        "SOCIALAID_DATA_DIR": str(tmp_path),
    }
    ports = distinct_free_ports(2)
    logs = [tmp_path / f"server-{p}.log" for p in ports]
    processes = []
    for port, log in zip(ports, logs, strict=True):
        with log.open("w") as output:
            processes.append(
                subprocess.Popen(
                    [str(SOCIALAID), "serve", "--port", str(port)],
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            )
    bases = [f"http://127.0.0.1:{p}" for p in ports]
    try:
        for base, process, log in zip(bases, processes, logs, strict=True):
            wait_until_ready(base, process, log)
        yield bases[0], bases[1]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def distinct_free_ports(count: int) -> list[int]:
    """Free ports, never the same one twice (the OS may hand a just-closed port out again)."""
    ports: list[int] = []
    while len(ports) < count:
        port = free_port()
        if port not in ports:
            ports.append(port)
    return ports


def wait_until_ready(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        exited = process.poll() is not None
        assert not exited and time.monotonic() < deadline, (
            f"server {base} did not start: {log.read_text()[-2000:]}"
        )
        time.sleep(0.1)


async def period(client: httpx.AsyncClient, base: str) -> int | None:
    response = await client.post(f"{base}/graphql", json={"query": ITEM})
    reverification = response.json()["data"]["item"]["reverification"]
    return reverification["periodMonths"] if reverification else None


async def test_a_publish_through_one_process_is_seen_by_the_other_that_had_cached_the_old_one(
    two_servers: tuple[str, str],
) -> None:
    first, second = two_servers
    token = mint_token(test_settings(), user="admin", tenant="310105", roles=["tenant_admin"])
    async with httpx.AsyncClient(timeout=10) as client:
        # Changning's dibao has two periods by family type, no single one: now cached as such.
        assert await period(client, second) is None
        published = await client.post(
            f"{first}/graphql",
            json={"query": OVERRIDE.replace("$today", today_in_china().isoformat())},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert published.json()["data"]["catalogueOverrideSet"]["errors"] == [], published.text
        started = time.monotonic()
        while await period(client, second) != 9:
            assert time.monotonic() - started < PROPAGATION_SECONDS, (
                "the second process still answers the old catalogue"
            )
            await asyncio.sleep(0.05)
