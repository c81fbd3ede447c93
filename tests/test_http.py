"""The real server over real HTTP: uvicorn on a loopback port."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn
from starlette.types import ASGIApp

from socialaid.api.app import create_app
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.eventually import eventually


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.asynccontextmanager
async def on_loopback(app: ASGIApp, port: int | None = None) -> AsyncIterator[str]:
    """`app` served by uvicorn on a loopback port (a free one unless given) until the block
    ends: its `host:port`."""
    port = port or free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    task = asyncio.create_task(server.serve())
    # uvicorn exposes only a `started` flag, no event to wait on.
    await eventually(lambda: server.started, "uvicorn started")
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture
async def base_url(db: Database) -> AsyncIterator[str]:
    async with on_loopback(create_app(db, test_settings())) as address:
        yield f"http://{address}"


async def test_graphql_over_http_answers_the_tenants_query(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await client.post("/graphql", json={"query": "{ tenants { code parentCode } }"})
    assert response.status_code == 200
    codes = {t["code"] for t in response.json()["data"]["tenants"]}
    assert {"310000", "310105", "320281", "140000"} <= codes


async def test_health_and_readiness_report_ok_when_the_database_is_up(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"


async def test_readiness_fails_when_the_database_is_unreachable(db: Database) -> None:
    broken = Database(db.owner_url.set(host="127.0.0.1", port=1, query={}), "x")
    app = create_app(broken, test_settings())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        response = await client.get("/readyz")
    await broken.dispose()
    assert response.status_code == 503


async def test_graphiql_is_served_in_dev_and_not_in_production(db: Database) -> None:
    for settings, expected in ((test_settings(), 200), (test_settings(env="production"), 404)):
        app = create_app(db, settings)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://t"
        ) as client:
            response = await client.get("/graphql", headers={"Accept": "text/html"})
        assert response.status_code == expected, settings.env


async def test_a_path_nobody_serves_is_refused_in_json_not_plain_text(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        unknown = await client.get("/no/such/page")
        traversal = await client.get("/print/applications/x/../../../../etc/passwd")
        wrong_method = await client.delete("/healthz")

    assert [refused(r) for r in (unknown, traversal, wrong_method)] == [
        (404, "NOT_FOUND"),
        (404, "NOT_FOUND"),
        (405, "INVALID_INPUT"),
    ]
    # Starlette keeps a route's methods in a set: their order varies from run to run.
    assert set(wrong_method.headers["allow"].split(", ")) == {"GET", "HEAD"}


def refused(response: httpx.Response) -> tuple[int, str]:
    assert response.headers["content-type"].startswith("application/json")
    (error,) = response.json()["errors"]
    assert not error["message"].isascii()  # said in Chinese
    return response.status_code, error["code"]
