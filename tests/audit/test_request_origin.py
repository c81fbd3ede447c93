"""Events carry the request id and client address of the request that wrote them (a GraphQL
operation or not), and the client is told the id in X-Request-Id."""

from __future__ import annotations

import csv
import io
import json
import re

import httpx
from sqlalchemy import text
from starlette.requests import Request

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.audit.request import current_origin
from socialaid.db.database import Database
from socialaid.kernel.context import Context
from tests.access.people import person
from tests.conftest import test_settings
from tests.graphql_client import default_schema

GRANT = """mutation($u: String!) { roleGrant(input: {tenant: "310105", userId: $u, role: CASEWORKER})
  { errors { code } } }"""


def request_from(address: str) -> Request:
    return Request(
        {
            "type": "http",
            "method": "POST",
            "path": "/graphql",
            "headers": [],
            "client": (address, 1),
        }
    )


async def test_each_operation_stamps_its_own_request_id_and_address_and_leaves_none_behind(
    db: Database,
) -> None:
    admin = person("310000", Role.TENANT_ADMIN, user="admin")
    contexts = [
        Context(db=db, settings=test_settings(), request=request_from(a), principal=admin)
        for a in ("198.51.100.1", "198.51.100.2")
    ]
    for n, context in enumerate(contexts):
        result = await default_schema().execute(
            GRANT, variable_values={"u": f"worker-{n}"}, context_value=context
        )
        assert result.errors is None and result.data == {"roleGrant": {"errors": []}}
        assert current_origin().request_id is None
    async with db.owner_session() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT request_id, client_address FROM audit_event"
                    " WHERE action = 'role.grant' ORDER BY sequence"
                )
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        (contexts[0].request_id, "198.51.100.1"),
        (contexts[1].request_id, "198.51.100.2"),
    ]


async def test_exports_and_listings_carry_the_request_id_of_each_event_and_the_client_gets_it(
    db: Database,
) -> None:
    settings = test_settings()
    transport = httpx.ASGITransport(app=create_app(db, settings), client=("198.51.100.9", 4321))

    def bearer(role: Role, user: str) -> dict[str, str]:
        token = mint_token(settings, user=user, tenant="310000", roles=[role])
        return {"Authorization": f"Bearer {token}"}

    auditor = bearer(Role.AUDITOR, "auditor-sh")
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        grant = await client.post(
            "/graphql",
            json={"query": GRANT, "variables": {"u": "worker-9"}},
            headers=bearer(Role.TENANT_ADMIN, "admin-sh"),
        )
        params = {"tenant": "310105"}
        jsonl = await client.get(
            "/audit/export", params={**params, "format": "jsonl"}, headers=auditor
        )
        csv_export = await client.get(
            "/audit/export", params={**params, "format": "csv"}, headers=auditor
        )
        listing = await client.post(
            "/graphql",
            json={
                "query": '{ auditEvents(filter: {tenant: "310105"}) { edges { node { action requestId clientAddress } } } }'
            },
            headers=auditor,
        )
    ids = [r.headers["x-request-id"] for r in (grant, jsonl, csv_export, listing)]
    assert all(re.fullmatch("[0-9a-f]{32}", i) for i in ids) and len(set(ids)) == 4
    granted, exported_jsonl, exported_csv, _ = ids
    from_jsonl = [json.loads(line) for line in jsonl.text.splitlines()]
    assert [(r["action"], r["request_id"], r["client_address"]) for r in from_jsonl] == [
        ("role.grant", granted, "198.51.100.9"),
        ("audit.export", exported_jsonl, "198.51.100.9"),
    ]
    from_csv = list(csv.DictReader(io.StringIO(csv_export.text)))
    assert [(r["action"], r["request_id"]) for r in from_csv] == [
        ("role.grant", granted),
        ("audit.export", exported_jsonl),
        ("audit.export", exported_csv),
    ]
    nodes = [e["node"] for e in listing.json()["data"]["auditEvents"]["edges"]]
    assert nodes == [
        {"action": "audit.export", "requestId": exported_csv, "clientAddress": "198.51.100.9"},
        {"action": "audit.export", "requestId": exported_jsonl, "clientAddress": "198.51.100.9"},
        {"action": "role.grant", "requestId": granted, "clientAddress": "198.51.100.9"},
    ]


async def test_a_refused_request_gets_an_id_too(db: Database) -> None:
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        refused = await client.get("/audit/export", params={"tenant": "310105"})
        health = await client.get("/healthz")
    assert refused.status_code == 401
    assert re.fullmatch("[0-9a-f]{32}", refused.headers["x-request-id"])
    assert refused.headers["x-request-id"] != health.headers["x-request-id"]
