"""The API behind a real PgBouncer in transaction mode: requests share two server connections.

asyncpg numbers its prepared statements from 1 on every connection and caches them across
transactions; behind PgBouncer two clients' statements then meet on one server connection
("prepared statement __asyncpg_stmt_1__ already exists"). With SOCIALAID_DB_PGBOUNCER_URL the
request pool avoids that, and the LISTEN connections stay on the direct URL.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.change_listeners import serving_with_listeners
from socialaid.cli import app as cli
from socialaid.db.bootstrap import ensure_app_role
from socialaid.db.database import Database, Timeouts, role_timeout_settings
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    SUBMIT,
    applicant,
    shanghai_answers,
    submission,
    uploads_for,
)
from tests.conftest import TEST_SECRET, test_settings
from tests.identity_numbers import id_number
from tests.pgbouncer import running_pgbouncer, server_address

CHANGNING = "310105"
SERVER_CONNECTIONS = 2
CLIENT_POOL = 8
MY_APPLICATIONS = '{ applications(tenant: "310105", first: 50) { edges { node { id } } } }'
TENANTS = "{ tenants { code } }"


def printed_app_role_password() -> str:
    """What `socialaid db app-role-password` tells the operator to put in PgBouncer's userlist."""
    result = CliRunner().invoke(
        cli, ["db", "app-role-password"], env={"SOCIALAID_SECRET": TEST_SECRET}
    )
    assert result.exit_code == 0, result.output
    return result.output.strip()


@pytest.fixture
async def pooled(db: Database) -> AsyncIterator[Database]:
    """The test database's pools as `serve` builds them with SOCIALAID_DB_PGBOUNCER_URL set."""
    server = await server_address(db.owner_url)
    with running_pgbouncer(
        db.owner_url,
        server,
        app_role_password=printed_app_role_password(),
        server_connections=SERVER_CONNECTIONS,
    ) as bouncer_url:
        pooled = Database(
            db.owner_url,
            TEST_SECRET,
            pool_size=CLIENT_POOL,
            max_overflow=0,
            pgbouncer_url=bouncer_url,
        )
        try:
            yield pooled
        finally:
            await pooled.dispose()


def bearer() -> dict[str, str]:
    token = mint_token(test_settings(), user="citizen-1", tenant=CHANGNING, roles=[Role.APPLICANT])
    return {"Authorization": f"Bearer {token}"}


async def test_submissions_and_queries_through_pgbouncer_in_transaction_mode_all_succeed(
    pooled: Database,
) -> None:
    citizen = await applicant(pooled, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    materials = await uploads_for(pooled, CHANGNING, SHANGHAI_FAMILY, answers, citizen)
    settings = test_settings()
    async with serving_with_listeners(pooled, settings, pooled.owner_url) as app:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:

            async def submit(key: str) -> httpx.Response:
                body = submission(
                    CHANGNING, SHANGHAI_FAMILY, answers, key, materials, area="huayanglu"
                )
                return await client.post(
                    "/graphql", json={"query": SUBMIT, "variables": {"i": body}}, headers=bearer()
                )

            async def query() -> httpx.Response:
                return await client.post(
                    "/graphql", json={"query": MY_APPLICATIONS}, headers=bearer()
                )

            async def anonymous() -> httpx.Response:
                return await client.get("/graphql", params={"query": TENANTS})

            # More concurrent requests than the pool holds, and the pool four times the server
            # connections PgBouncer may open: every server connection serves many clients.
            calls = [submit(f"bouncer-{n}") for n in range(12)]
            calls += [query() for _ in range(12)] + [anonymous() for _ in range(6)]
            responses = await asyncio.gather(*calls)
            for response in responses:
                assert response.status_code == 200, response.text
                assert "errors" not in response.json(), response.text
            submitted = [r.json()["data"]["applicationSubmit"] for r in responses[:12]]
            assert all(payload["errors"] == [] for payload in submitted), submitted
            ids = {payload["application"]["id"] for payload in submitted}
            assert len(ids) == 12

            listed = (await query()).json()["data"]["applications"]["edges"]
            assert ids <= {edge["node"]["id"] for edge in listed}

            # The readiness probe's own connections meet on PgBouncer's server connections too.
            for _ in range(4):
                assert (await client.get("/readyz")).status_code == 200

    # The client pool did open more connections than PgBouncer had server connections.
    assert pooled.engine.pool.checkedin() > SERVER_CONNECTIONS  # type: ignore[attr-defined]
    async with pooled.owner_session() as session:
        stored = await session.scalar(
            text("SELECT count(*) FROM application WHERE idempotency_key LIKE 'bouncer-%'")
        )
    assert stored == 12


async def test_a_transactions_tenant_scope_does_not_outlive_it_on_a_shared_server_connection(
    pooled: Database,
) -> None:
    from socialaid.db.rls import set_scope

    async def scoped_then_unscoped() -> str | None:
        async with pooled.session() as session, session.begin():
            await set_scope(session, tenant_paths=["310000"], user_id="auditor-1")
        async with pooled.session() as session, session.begin():
            found: str | None = await session.scalar(
                text("SELECT current_setting('socialaid.tenants', true)")
            )
            return found

    seen = await asyncio.gather(*(scoped_then_unscoped() for _ in range(CLIENT_POOL * 2)))
    assert set(seen) <= {"", None}


async def test_the_statement_bounds_reach_connections_through_pgbouncer_as_the_roles_defaults(
    db: Database,
) -> None:
    # PgBouncer refuses them as startup parameters; `provision` makes them the role's defaults.
    timeouts = Timeouts(connect=5.0, statement=3.0, idle_in_transaction=40.0, pool=5.0)
    await ensure_app_role(db.owner_url, TEST_SECRET, role_timeout_settings(timeouts))
    server = await server_address(db.owner_url)
    with running_pgbouncer(
        db.owner_url, server, app_role_password=printed_app_role_password(), server_connections=1
    ) as bouncer_url:
        pooled = Database(db.owner_url, TEST_SECRET, timeouts=timeouts, pgbouncer_url=bouncer_url)
        try:
            async with pooled.session() as session:
                bounds = (
                    await session.execute(
                        text(
                            "SELECT current_setting('statement_timeout'),"
                            " current_setting('idle_in_transaction_session_timeout')"
                        )
                    )
                ).one()
        finally:
            await pooled.dispose()
    assert tuple(bounds) == ("3s", "40s")
