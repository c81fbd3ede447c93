"""Automatic persisted queries over graphql-transport-ws and server-sent events, as over HTTP: a
hash-only subscribe names a document registered earlier (by any transport), an unknown hash is
PERSISTED_QUERY_NOT_FOUND, and in trusted-documents mode only the manifest's documents run."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import ClientConnection

from socialaid.db.database import Database
from tests.applications_api.flows import accept, window_clerk
from tests.applications_api.test_subscription import CHANGNING, SUBSCRIPTION, family_submitted
from tests.browser_access.served import PORTAL, Served, serving
from tests.browser_access.test_event_stream import Events, citizen
from tests.browser_access.test_ws_authentication import citizen_token, opened, receive
from tests.conftest import test_settings

SUBSCRIPTION_HASH = hashlib.sha256(SUBSCRIPTION.encode()).hexdigest()
TENANTS = "query Tenants { tenants { code } }"
TENANTS_HASH = hashlib.sha256(TENANTS.encode()).hexdigest()
UNLISTED = "query Names { tenants { name } }"
NOT_FOUND_MESSAGE = "未找到该哈希对应的持久化查询：请连同查询文本再发送一次"


@pytest.fixture
async def served(db: Database) -> AsyncIterator[Served]:
    async with serving(db, test_settings(cors_origins=PORTAL)) as s:
        yield s


@pytest.fixture
async def trusted(db: Database, tmp_path: Path) -> AsyncIterator[Served]:
    manifest = tmp_path / "trusted.json"
    manifest.write_text(json.dumps({TENANTS_HASH: TENANTS}), encoding="utf-8")
    settings = test_settings(cors_origins=PORTAL, trusted_documents=manifest)
    async with serving(db, settings) as s:
        yield s


def by_hash(digest: str, **payload: Any) -> dict[str, Any]:
    return {**payload, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}}}


async def subscribe(ws: ClientConnection, operation_id: str, payload: dict[str, Any]) -> None:
    await ws.send(json.dumps({"id": operation_id, "type": "subscribe", "payload": payload}))


async def authenticated(served: Served) -> ClientConnection:
    ws = await opened(served, {"Authorization": f"Bearer {citizen_token()}"})
    assert (await receive(ws))["type"] == "connection_ack"
    return ws


async def sse_events(served: Served, body: dict[str, Any], count: int) -> list[tuple[str, Any]]:
    async with (
        httpx.AsyncClient(base_url=served.url) as client,
        client.stream(
            "POST",
            "/graphql/stream",
            json=body,
            headers={**citizen(), "Accept": "text/event-stream"},
        ) as response,
    ):
        events = Events(response)
        return [await events.next() for _ in range(count)]


async def test_an_unknown_hash_over_the_websocket_is_persisted_query_not_found(
    served: Served,
) -> None:
    ws = await authenticated(served)
    await subscribe(ws, "1", by_hash(SUBSCRIPTION_HASH, variables={"id": "x"}))
    answer = await receive(ws)
    await ws.close()
    assert answer == {
        "id": "1",
        "type": "error",
        "payload": [
            {
                "message": NOT_FOUND_MESSAGE,
                "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
            }
        ],
    }


async def test_a_hash_registered_over_the_websocket_then_subscribes_by_hash_alone(
    db: Database, served: Served
) -> None:
    submitted = await family_submitted(db)
    variables = {"id": submitted["id"]}
    ws = await authenticated(served)
    await subscribe(ws, "1", by_hash(SUBSCRIPTION_HASH, query=SUBSCRIPTION, variables=variables))
    registered = await receive(ws)
    await subscribe(ws, "2", by_hash(SUBSCRIPTION_HASH, variables=variables))
    first = await receive(ws)

    await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)

    pushed = [await receive(ws), await receive(ws)]
    await ws.close()
    assert registered["id"] == "1"
    assert registered["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED"
    assert first["id"] == "2"
    assert first["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED"
    assert sorted(
        (p["id"], p["payload"]["data"]["applicationUpdated"]["state"]) for p in pushed
    ) == [("1", "ACCEPTED"), ("2", "ACCEPTED")]


async def test_a_hash_whose_text_differs_is_invalid_input_over_the_websocket(
    served: Served,
) -> None:
    ws = await authenticated(served)
    await subscribe(ws, "1", by_hash(TENANTS_HASH, query=UNLISTED))
    answer = await receive(ws)
    await ws.close()
    assert answer["type"] == "error"
    assert [e["extensions"]["code"] for e in answer["payload"]] == ["INVALID_INPUT"]


async def test_an_unknown_hash_over_sse_is_persisted_query_not_found(served: Served) -> None:
    events = await sse_events(served, by_hash(SUBSCRIPTION_HASH, variables={"id": "x"}), 2)
    assert events == [
        (
            "next",
            {
                "data": None,
                "errors": [
                    {
                        "message": NOT_FOUND_MESSAGE,
                        "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
                    }
                ],
            },
        ),
        ("complete", None),
    ]


async def test_a_hash_registered_over_http_subscribes_by_hash_alone_over_sse(
    db: Database, served: Served
) -> None:
    submitted = await family_submitted(db)
    async with httpx.AsyncClient(base_url=served.url) as client:
        # Registering needs no subscription to run: the hash and the text are checked and kept.
        await client.post(
            "/graphql",
            json=by_hash(SUBSCRIPTION_HASH, query=SUBSCRIPTION, variables={"id": "x"}),
            headers=citizen(),
        )
        async with client.stream(
            "POST",
            "/graphql/stream",
            json=by_hash(SUBSCRIPTION_HASH, variables={"id": submitted["id"]}),
            headers={**citizen(), "Accept": "text/event-stream"},
        ) as response:
            events = Events(response)
            first = await events.next()
            await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
            pushed = await events.next()
    assert first[0] == "next" and first[1]["data"]["applicationUpdated"]["state"] == "SUBMITTED"
    assert pushed[0] == "next" and pushed[1]["data"]["applicationUpdated"]["state"] == "ACCEPTED"


async def test_trusted_mode_runs_a_listed_hash_over_the_websocket_and_refuses_others(
    trusted: Served,
) -> None:
    ws = await authenticated(trusted)
    await subscribe(ws, "1", by_hash(TENANTS_HASH))
    listed = await receive(ws)
    assert (await receive(ws)) == {"id": "1", "type": "complete"}
    await subscribe(ws, "2", by_hash(hashlib.sha256(UNLISTED.encode()).hexdigest()))
    unknown = await receive(ws)
    await subscribe(ws, "3", {"query": UNLISTED})
    untrusted = await receive(ws)
    await ws.close()
    assert listed["type"] == "next"
    assert {"code": "310105"} in listed["payload"]["data"]["tenants"]
    assert (unknown["type"], [e["extensions"]["code"] for e in unknown["payload"]]) == (
        "error",
        ["PERSISTED_QUERY_NOT_FOUND"],
    )
    assert (untrusted["type"], [e["extensions"]["code"] for e in untrusted["payload"]]) == (
        "error",
        ["PERSISTED_QUERY_NOT_TRUSTED"],
    )


async def test_trusted_mode_runs_a_listed_hash_over_sse_and_refuses_an_unlisted_one(
    trusted: Served,
) -> None:
    listed = await sse_events(trusted, by_hash(TENANTS_HASH), 2)
    unlisted_hash = hashlib.sha256(UNLISTED.encode()).hexdigest()
    unlisted = await sse_events(trusted, by_hash(unlisted_hash, query=UNLISTED), 2)
    assert listed[0][0] == "next" and {"code": "310105"} in listed[0][1]["data"]["tenants"]
    assert [e["extensions"]["code"] for e in unlisted[0][1]["errors"]] == [
        "PERSISTED_QUERY_NOT_TRUSTED"
    ]
