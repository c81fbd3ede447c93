"""A subscription authenticated as a browser can: the token in graphql-transport-ws's
connection_init payload; the upgrade's Authorization header still works; a refused token closes
the socket with 4403 (graphql-ws: Forbidden)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from socialaid.access.tokens import mint_token
from socialaid.db.database import Database
from tests.applications_api.flows import accept, window_clerk
from tests.applications_api.test_subscription import CHANGNING, SUBSCRIPTION, family_submitted
from tests.browser_access.served import PORTAL, Served, serving
from tests.conftest import test_settings


@pytest.fixture
async def served(db: Database) -> AsyncIterator[Served]:
    async with serving(db, test_settings(cors_origins=PORTAL)) as s:
        yield s


def citizen_token(user: str = "citizen-1") -> str:
    return mint_token(test_settings(), user=user, tenant=CHANGNING, roles=["applicant"])


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
    assert isinstance(message, dict)
    return message


async def opened(
    served: Served, payload: dict[str, object] | None, headers: dict[str, str] | None = None
) -> ClientConnection:
    ws = await connect(
        served.ws_url,
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        origin=PORTAL,  # type: ignore[arg-type]
        additional_headers=headers,
    )
    init: dict[str, object] = {"type": "connection_init"}
    if payload is not None:
        init["payload"] = payload
    await ws.send(json.dumps(init))
    return ws


async def subscribe(ws: ClientConnection, application_id: str) -> None:
    await ws.send(
        json.dumps(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": SUBSCRIPTION, "variables": {"id": application_id}},
            }
        )
    )


async def closed_code(ws: ClientConnection) -> int | None:
    with pytest.raises(ConnectionClosed):
        await asyncio.wait_for(ws.recv(), timeout=10)
    return ws.close_code


async def test_a_token_in_connection_init_authenticates_the_subscription(
    db: Database, served: Served
) -> None:
    submitted = await family_submitted(db)
    ws = await opened(served, {"Authorization": f"Bearer {citizen_token()}"})
    assert (await receive(ws))["type"] == "connection_ack"
    await subscribe(ws, submitted["id"])
    first = await receive(ws)
    assert first["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED", first

    await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)

    pushed = await receive(ws)
    await ws.close()
    assert pushed["payload"]["data"]["applicationUpdated"]["state"] == "ACCEPTED", pushed


async def test_the_key_may_be_spelled_in_lower_case(db: Database, served: Served) -> None:
    submitted = await family_submitted(db)
    ws = await opened(served, {"authorization": f"Bearer {citizen_token()}"})
    assert (await receive(ws))["type"] == "connection_ack"
    await subscribe(ws, submitted["id"])
    first = await receive(ws)
    await ws.close()
    assert first["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED", first


async def test_the_upgrades_authorization_header_is_still_accepted(
    db: Database, served: Served
) -> None:
    submitted = await family_submitted(db)
    ws = await opened(served, None, {"Authorization": f"Bearer {citizen_token()}"})
    assert (await receive(ws))["type"] == "connection_ack"
    await subscribe(ws, submitted["id"])
    first = await receive(ws)
    await ws.close()
    assert first["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED", first


@pytest.mark.parametrize(
    "payload",
    [
        {"Authorization": "Bearer not-a-jwt"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": 42},
        {"Authorization": "Bearer a", "authorization": "Bearer b"},
    ],
)
async def test_a_refused_token_in_connection_init_closes_the_socket_with_4403(
    served: Served, payload: dict[str, object]
) -> None:
    ws = await opened(served, payload)
    assert await closed_code(ws) == 4403


async def test_a_token_signed_with_another_key_closes_the_socket_with_4403(
    served: Served,
) -> None:
    forged = mint_token(
        test_settings(secret="another-secret-" * 4),
        user="x",
        tenant=CHANGNING,
        roles=["caseworker"],
    )
    ws = await opened(served, {"Authorization": f"Bearer {forged}"})
    assert await closed_code(ws) == 4403


async def test_a_refused_header_token_closes_the_socket_with_4403_too(served: Served) -> None:
    ws = await opened(served, {}, {"Authorization": "Bearer not-a-jwt"})
    assert await closed_code(ws) == 4403


async def test_without_a_token_the_socket_opens_and_the_subscription_asks_for_one(
    db: Database, served: Served
) -> None:
    submitted = await family_submitted(db)
    ws = await opened(served, {})
    assert (await receive(ws))["type"] == "connection_ack"
    await subscribe(ws, submitted["id"])
    answer = await receive(ws)
    await ws.close()
    assert "UNAUTHENTICATED" in json.dumps(answer), answer


async def test_an_invalid_subscription_over_the_websocket_is_labelled_invalid_input(
    served: Served,
) -> None:
    ws = await opened(served, {"Authorization": f"Bearer {citizen_token()}"})
    assert (await receive(ws))["type"] == "connection_ack"
    await ws.send(
        json.dumps(
            {"id": "1", "type": "subscribe", "payload": {"query": "subscription { noSuchField }"}}
        )
    )
    answer = await receive(ws)
    await ws.close()
    assert answer["type"] == "error", answer
    assert answer["payload"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", answer
