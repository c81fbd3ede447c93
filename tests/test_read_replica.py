"""SOCIALAID_READ_DATABASE_URL: auditors' history reads come from the replica, writes never go.

The "replica" is a copy of the test database taken before one more event was appended to the
primary, and made read-only: what a listing shows tells which database it was read from, and a
write sent there would fail the request.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy.engine import URL

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.db.bootstrap import create_database, drop_database, ensure_app_role, owner_connection
from socialaid.db.database import Database
from socialaid.db.urls import with_database
from tests.audit.history import add_event
from tests.conftest import TEST_SECRET, test_settings

CHANGNING = "310105"
EVENTS = """query($f: AuditEventFilter!) { auditEvents(filter: $f, first: 50) {
  edges { node { action actor } } } }"""


@dataclass
class Replicated:
    primary: Database
    replica_url: URL
    served: Database  # the pools `serve` builds with SOCIALAID_READ_DATABASE_URL set


async def count(url: URL, action: str) -> int:
    connection = await owner_connection(url)
    try:
        found: int = await connection.fetchval(
            "SELECT count(*) FROM audit_event WHERE action = $1", action
        )
        return found
    finally:
        await connection.close()


@pytest.fixture
async def replicated(db: Database, server_url: URL) -> AsyncIterator[Replicated]:
    await add_event(db, tenant=CHANGNING, actor="before-the-copy")
    await db.dispose()  # a database is copied only while no one is connected to it
    name = f"sa_r_{uuid.uuid4().hex[:10]}"
    await create_database(server_url, name, template=db.owner_url.database)
    replica_url = with_database(server_url, name)
    await ensure_app_role(replica_url, TEST_SECRET)
    connection = await owner_connection(server_url)
    try:
        await connection.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    finally:
        await connection.close()
    await add_event(db, tenant=CHANGNING, actor="after-the-copy")
    served = Database(db.owner_url, TEST_SECRET, pool_size=2, read_url=replica_url)
    try:
        yield Replicated(db, replica_url, served)
    finally:
        await served.dispose()
        await drop_database(server_url, name)


def auditor() -> dict[str, str]:
    token = mint_token(test_settings(), user="auditor-1", tenant="310000", roles=[Role.AUDITOR])
    return {"Authorization": f"Bearer {token}"}


async def test_audit_listings_and_exports_are_read_on_the_replica_and_recorded_on_the_primary(
    replicated: Replicated,
) -> None:
    app = create_app(replicated.served, test_settings())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
        listing = await client.post(
            "/graphql",
            json={"query": EVENTS, "variables": {"f": {"tenant": CHANGNING}}},
            headers=auditor(),
        )
        export = await client.get(
            "/audit/export", params={"tenant": CHANGNING, "format": "jsonl"}, headers=auditor()
        )
    assert listing.status_code == 200 and "errors" not in listing.json(), listing.text
    listed = {e["node"]["actor"] for e in listing.json()["data"]["auditEvents"]["edges"]}
    assert "before-the-copy" in listed and "after-the-copy" not in listed
    assert export.status_code == 200, export.text
    exported = {json.loads(line)["actor"] for line in export.text.splitlines()}
    assert "before-the-copy" in exported and "after-the-copy" not in exported

    # Who read and exported is on the primary, and nothing was written to the replica.
    primary_url = replicated.primary.owner_url
    assert (await count(primary_url, "audit.read"), await count(primary_url, "audit.export")) == (
        1,
        1,
    )
    replica_url = replicated.replica_url
    assert (await count(replica_url, "audit.read"), await count(replica_url, "audit.export")) == (
        0,
        0,
    )
