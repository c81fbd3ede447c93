"""Subscriptions over server-sent events (graphql-sse, distinct connections mode), over real HTTP:
the bearer token in the Authorization header, a `next` event per result, `complete` at the end,
and errors found before execution as `next` events too."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from socialaid.access.tokens import mint_token
from socialaid.db.database import Database
from tests.applications_api.flows import accept, window_clerk
from tests.applications_api.test_subscription import (
    CHANGNING,
    SUBSCRIPTION,
    family_submitted,
)
from tests.browser_access.served import PORTAL, Served, serving
from tests.conftest import test_settings
from tests.eventually import DEADLINE, eventually


@pytest.fixture
async def served(db: Database) -> AsyncIterator[Served]:
    async with serving(db, test_settings(cors_origins=PORTAL)) as s:
        yield s


def citizen() -> dict[str, str]:
    token = mint_token(test_settings(), user="citizen-1", tenant=CHANGNING, roles=["applicant"])
    return {"Authorization": f"Bearer {token}"}


def client_of(served: Served) -> httpx.AsyncClient:
    """A client whose reads wait as long as `Events` does: between two events the server may wait
    for a busy machine's CPU longer than httpx's default 5 s."""
    return httpx.AsyncClient(base_url=served.url, timeout=DEADLINE)


class Events:
    """The (event, data) pairs of a text/event-stream response, read as they arrive."""

    def __init__(self, response: httpx.Response) -> None:
        self.lines = response.aiter_lines()

    async def next(self) -> tuple[str, Any]:
        event, data = "", ""
        while True:
            line = await asyncio.wait_for(anext(self.lines), timeout=DEADLINE)
            if line == "":
                if event:
                    return event, json.loads(data) if data else None
                continue
            if line.startswith(":"):
                continue  # a comment (keep-alive)
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                event = value
            elif field == "data":
                data += value


async def test_a_subscription_over_sse_pushes_the_state_and_its_changes(
    db: Database, served: Served
) -> None:
    submitted = await family_submitted(db)
    body = {"query": SUBSCRIPTION, "variables": {"id": submitted["id"]}}
    async with (
        client_of(served) as client,
        client.stream(
            "POST",
            "/graphql/stream",
            json=body,
            headers={**citizen(), "Accept": "text/event-stream"},
        ) as response,
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = Events(response)
        event, first = await events.next()
        assert event == "next"
        assert first["data"]["applicationUpdated"]["state"] == "SUBMITTED", first

        await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)

        event, pushed = await events.next()
        assert event == "next"
        assert pushed["data"]["applicationUpdated"]["state"] == "ACCEPTED", pushed


async def test_accept_event_stream_on_graphql_is_the_same_stream(
    db: Database, served: Served
) -> None:
    """What the npm graphql-sse client sends: POST to the URL it is given, Accept naming SSE."""
    submitted = await family_submitted(db)
    body = {"query": SUBSCRIPTION, "variables": {"id": submitted["id"]}}
    async with (
        client_of(served) as client,
        client.stream(
            "POST", "/graphql", json=body, headers={**citizen(), "Accept": "text/event-stream"}
        ) as response,
    ):
        event, first = await Events(response).next()
    assert event == "next"
    assert first["data"]["applicationUpdated"]["state"] == "SUBMITTED", first


async def test_a_query_over_sse_is_one_next_event_and_complete(served: Served) -> None:
    async with (
        client_of(served) as client,
        client.stream(
            "POST",
            "/graphql/stream",
            json={"query": "{ tenants { code } }"},
            headers={"Accept": "text/event-stream", "Origin": PORTAL},
        ) as response,
    ):
        assert response.headers["access-control-allow-origin"] == PORTAL
        events = Events(response)
        event, result = await events.next()
        done, _ = await events.next()
    assert event == "next"
    assert "310105" in {t["code"] for t in result["data"]["tenants"]}
    assert done == "complete"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"query": "subscription { applicationUpdated(id: "}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "subscription { noSuchField }"}, "GRAPHQL_VALIDATION_FAILED"),
        ({"variables": {}}, "INVALID_INPUT"),
    ],
)
async def test_errors_before_execution_arrive_as_a_next_event(
    served: Served, body: dict[str, Any], code: str
) -> None:
    async with (
        client_of(served) as client,
        client.stream(
            "POST", "/graphql/stream", json=body, headers={"Accept": "text/event-stream"}
        ) as response,
    ):
        assert response.status_code == 200
        events = Events(response)
        event, result = await events.next()
        done, _ = await events.next()
    assert event == "next" and done == "complete"
    assert result["errors"][0]["extensions"]["code"] == code, result


async def test_without_a_token_the_sse_subscription_is_unauthenticated(
    db: Database, served: Served
) -> None:
    submitted = await family_submitted(db)
    body = {"query": SUBSCRIPTION, "variables": {"id": submitted["id"]}}
    async with (
        client_of(served) as client,
        client.stream(
            "POST", "/graphql/stream", json=body, headers={"Accept": "text/event-stream"}
        ) as response,
    ):
        events = Events(response)
        event, result = await events.next()
        done, _ = await events.next()
    assert event == "next" and done == "complete"
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", result


async def test_a_client_that_leaves_ends_its_subscription(db: Database, served: Served) -> None:
    submitted = await family_submitted(db)
    updates = served.listeners.application_updates
    body = {"query": SUBSCRIPTION, "variables": {"id": submitted["id"]}}
    async with (
        client_of(served) as client,
        client.stream(
            "POST",
            "/graphql/stream",
            json=body,
            headers={**citizen(), "Accept": "text/event-stream"},
        ) as response,
    ):
        await Events(response).next()
        # subscribed while the client reads
        assert updates._subscribers.get(submitted["databaseId"])
    await eventually(
        lambda: not updates._subscribers.get(submitted["databaseId"]), "the subscription ended"
    )


NPM = Path(__file__).resolve().parent.parent / "npm"


def node_with_graphql_sse() -> list[str]:
    node = shutil.which("node")
    assert node, "node is missing: `python3 dev.py test` installs Node.js and tests/npm"
    assert (NPM / "node_modules" / "graphql-sse").is_dir(), (
        "graphql-sse is not installed in tests/npm: run `python3 dev.py test` (npm ci)"
    )
    return [node, str(Path(__file__).parent / "sse_client.cjs")]


async def test_the_npm_graphql_sse_client_receives_the_pushes(db: Database, served: Served) -> None:
    submitted = await family_submitted(db)
    token = mint_token(test_settings(), user="citizen-1", tenant=CHANGNING, roles=["applicant"])
    client = await asyncio.create_subprocess_exec(
        *node_with_graphql_sse(),
        f"{served.url}/graphql",
        token,
        SUBSCRIPTION,
        json.dumps({"id": submitted["id"]}),
        "2",
        stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "NODE_PATH": str(NPM / "node_modules")},
        cwd=NPM,
    )
    assert client.stdout is not None
    try:
        first = json.loads(await asyncio.wait_for(client.stdout.readline(), timeout=20))
        assert first["data"]["applicationUpdated"]["state"] == "SUBMITTED", first

        await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)

        pushed = json.loads(await asyncio.wait_for(client.stdout.readline(), timeout=20))
        assert pushed["data"]["applicationUpdated"]["state"] == "ACCEPTED", pushed
        assert await asyncio.wait_for(client.wait(), timeout=20) == 0
    finally:
        if client.returncode is None:
            client.kill()
            await client.wait()
