"""A subscription follows its subscriber's grants: a role revoked while the stream is open ends it
at once with FORBIDDEN (no change to the application needed), and a grant that keeps access
pushes the state again under the new grants."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from socialaid.access.tokens import mint_token
from socialaid.db.database import Database
from tests.applications_api.test_subscription import CHANGNING, family_submitted
from tests.browser_access.served import PORTAL, Served, serving
from tests.browser_access.test_ws_authentication import opened, receive, subscribe
from tests.conftest import test_settings

GRANT = """mutation($i: RoleGrantInput!) { roleGrant(input: $i) { errors { code } } }"""
REVOKE = """mutation($i: RoleRevokeInput!) { roleRevoke(input: $i) { revoked errors { code } } }"""
CLERK = "clerk-by-assignment"


@pytest.fixture
async def served(db: Database) -> AsyncIterator[Served]:
    async with serving(db, test_settings(cors_origins=PORTAL)) as s:
        yield s


async def as_admin(served: Served, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    admin = mint_token(test_settings(), user="admin-sh", tenant="310000", roles=["tenant_admin"])
    async with httpx.AsyncClient(base_url=served.url) as client:
        response = await client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {admin}"},
        )
    data = response.json()["data"]
    assert isinstance(data, dict), response.text
    return data


def clerk_token() -> str:
    """A clerk whose token carries no role: the window_clerk role is an assignment."""
    return mint_token(test_settings(), user=CLERK, tenant=CHANGNING, roles=[], area="huayanglu")


async def test_a_revoked_role_ends_the_stream_at_once_with_forbidden(
    db: Database, served: Served
) -> None:
    submitted = await family_submitted(db)
    role = {"tenant": CHANGNING, "userId": CLERK, "role": "WINDOW_CLERK"}
    assert (await as_admin(served, GRANT, {"i": role}))["roleGrant"]["errors"] == []
    ws = await opened(served, {"Authorization": f"Bearer {clerk_token()}"})
    assert (await receive(ws))["type"] == "connection_ack"
    await subscribe(ws, submitted["id"])
    first = await receive(ws)
    assert first["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED", first

    revoked = await as_admin(served, REVOKE, {"i": role})
    assert revoked["roleRevoke"] == {"revoked": True, "errors": []}

    ended = await receive(ws)  # nothing about the application changed
    after = await asyncio.wait_for(ws.recv(), timeout=10)
    await ws.close()
    assert ended["type"] == "next" and ended["payload"]["errors"], ended
    assert ended["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert '"complete"' in str(after)


async def test_a_grant_that_keeps_access_pushes_the_state_again(
    db: Database, served: Served
) -> None:
    submitted = await family_submitted(db)
    clerk = {"tenant": CHANGNING, "userId": CLERK, "role": "WINDOW_CLERK"}
    assert (await as_admin(served, GRANT, {"i": clerk}))["roleGrant"]["errors"] == []
    ws = await opened(served, {"Authorization": f"Bearer {clerk_token()}"})
    assert (await receive(ws))["type"] == "connection_ack"
    await subscribe(ws, submitted["id"])
    await receive(ws)  # the current state

    adviser = {"tenant": CHANGNING, "userId": CLERK, "role": "ADVISER"}
    assert (await as_admin(served, GRANT, {"i": adviser}))["roleGrant"]["errors"] == []

    again = await receive(ws)
    await ws.close()
    assert again["type"] == "next", again
    assert again["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED"
