"""Two server processes on one database: a publish through one is seen through the other at once."""

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
ITEM = '{ item(tenant: "310105", code: "dibao") { reverification { periodMonths } } }'
OVERRIDE = """mutation { catalogueOverrideSet(input: {tenant: "310105", code: "dibao",
  patch: {reverification: {period_months: 9, source: {document: "测试", section: "t"}}},
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
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [str(SOCIALAID), "serve", "--port", str(p)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for p in ports
    ]
    bases = [f"http://127.0.0.1:{p}" for p in ports]
    try:
        deadline = time.monotonic() + 60
        for base in bases:
            while True:
                try:
                    if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "servers did not start"
                time.sleep(0.1)
        yield bases[0], bases[1]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


async def period(client: httpx.AsyncClient, base: str) -> int | None:
    response = await client.post(f"{base}/graphql", json={"query": ITEM})
    reverification = response.json()["data"]["item"]["reverification"]
    return reverification["periodMonths"] if reverification else None


async def test_a_publish_through_one_process_is_visible_through_the_other_within_a_second(
    two_servers: tuple[str, str],
) -> None:
    first, second = two_servers
    token = mint_token(test_settings(), user="admin", tenant="310105", roles=["tenant_admin"])
    async with httpx.AsyncClient(timeout=10) as client:
        assert await period(client, second) == 6  # now cached in the second process
        published = await client.post(
            f"{first}/graphql",
            json={"query": OVERRIDE.replace("$today", today_in_china().isoformat())},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert published.json()["data"]["catalogueOverrideSet"]["errors"] == [], published.text
        started = time.monotonic()
        while await period(client, second) != 9:
            assert time.monotonic() - started < 1.0, (
                "the second process still answers the old catalogue"
            )
            await asyncio.sleep(0.02)
