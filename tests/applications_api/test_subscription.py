"""`applicationUpdated` over graphql-transport-ws, fed by PostgreSQL LISTEN/NOTIFY: a change made
through another connection (as another server process would) reaches the subscriber."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect

from socialaid.access.tokens import mint_token
from socialaid.api.app import create_app
from socialaid.applications.notifications import ApplicationUpdates
from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    applicant,
    apply,
    shanghai_answers,
    window_clerk,
)
from tests.conftest import test_settings
from tests.identity_numbers import id_number
from tests.test_http import on_loopback

CHANGNING = "310105"
SUBSCRIPTION = """subscription($id: ID!) { applicationUpdated(id: $id) {
  state cases { itemCode state } } }"""


@pytest.fixture
async def updates(db: Database) -> AsyncIterator[ApplicationUpdates]:
    listener = ApplicationUpdates()
    await listener.start(db.owner_url)
    yield listener
    await listener.stop()


@pytest.fixture
async def ws_url(db: Database, updates: ApplicationUpdates) -> AsyncIterator[str]:
    app = create_app(db, test_settings(), application_updates=updates)
    async with on_loopback(app) as address:
        yield f"ws://{address}/graphql"


async def family_submitted(db: Database) -> dict[str, Any]:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    return await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")


async def receive(ws: ClientConnection) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
    assert isinstance(message, dict)
    return message


async def subscribed(url: str, token: str, application_id: str) -> ClientConnection:
    ws = await connect(
        url,
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers={"Authorization": f"Bearer {token}"},
    )
    await ws.send(json.dumps({"type": "connection_init"}))
    assert (await receive(ws))["type"] == "connection_ack"
    await ws.send(
        json.dumps(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": SUBSCRIPTION, "variables": {"id": application_id}},
            }
        )
    )
    return ws


async def test_the_applicant_is_pushed_the_new_state_when_the_one_door_accepts(
    db: Database, ws_url: str
) -> None:
    submitted = await family_submitted(db)
    token = mint_token(test_settings(), user="citizen-1", tenant=CHANGNING, roles=["applicant"])
    ws = await subscribed(ws_url, token, submitted["id"])
    now = await receive(ws)  # the current state first, once subscribed
    assert now["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED"

    await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)

    message = await receive(ws)
    await ws.close()
    assert message["type"] == "next", message
    pushed = message["payload"]["data"]["applicationUpdated"]
    assert pushed["state"] == "ACCEPTED"
    assert {c["itemCode"]: c["state"] for c in pushed["cases"]} == {
        "dibao": "READY",
        "legal_aid": "READY",
        "education_aid.compulsory": "WAITING",
    }


async def test_a_stranger_cannot_subscribe_to_someone_elses_application(
    db: Database, ws_url: str
) -> None:
    submitted = await family_submitted(db)
    token = mint_token(test_settings(), user="citizen-2", tenant=CHANGNING, roles=["applicant"])

    ws = await subscribed(ws_url, token, submitted["id"])
    message = await receive(ws)
    await ws.close()

    assert message["type"] == "error" or (
        message["type"] == "next" and message["payload"]["errors"]
    ), message
    assert "FORBIDDEN" in json.dumps(message)


async def test_a_lost_listener_ends_the_subscription_with_an_error_not_silence(
    db: Database, ws_url: str, updates: ApplicationUpdates
) -> None:
    submitted = await family_submitted(db)
    token = mint_token(test_settings(), user="citizen-1", tenant=CHANGNING, roles=["applicant"])
    ws = await subscribed(ws_url, token, submitted["id"])
    await receive(ws)  # the current state

    connection = updates.listener._connection
    assert connection is not None
    connection.terminate()  # the database connection drops

    message = await receive(ws)
    await ws.close()
    assert message["type"] == "next" and message["payload"]["errors"], message
    assert message["payload"]["errors"][0]["extensions"]["code"] == "UNAVAILABLE"


async def test_a_subscription_ends_when_the_subscribers_token_expires(
    db: Database, ws_url: str
) -> None:
    submitted = await family_submitted(db)
    token = mint_token(
        test_settings(),
        user="citizen-1",
        tenant=CHANGNING,
        roles=["applicant"],
        ttl=timedelta(seconds=2),
    )
    ws = await subscribed(ws_url, token, submitted["id"])
    assert (await receive(ws))["type"] == "next"  # the current state

    ended = await receive(ws)  # nothing changes; the token runs out
    await ws.close()

    assert ended["type"] == "next" and ended["payload"]["errors"], ended
    assert ended["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
