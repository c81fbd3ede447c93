"""An event's time never goes backwards along its chain: it is taken with the chain head held.

With `now()` (the writing transaction's start) a transaction that began first but appended
second got the later sequence and the earlier time, so the events one request wrote in two
transactions (or two requests wrote at once) were out of order.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import httpx
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from socialaid.access.sessions import scoped_session
from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.audit.writer import write_event
from socialaid.db.database import Database
from tests.access.people import person
from tests.conftest import test_settings

CASEWORKER = person("310105", Role.CASEWORKER, user="cw-1")


async def chain(db: Database, tenant: str) -> list[tuple[int, datetime, str | None, str]]:
    """(sequence, time, request id, subject) of every event of the tenant, in chain order."""
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT sequence, occurred_at, request_id, subject_id FROM audit_event"
                " WHERE tenant_id = :t ORDER BY sequence"
            ),
            {"t": tenant},
        )
        return [(r.sequence, r.occurred_at, r.request_id, r.subject_id) for r in rows]


async def test_a_transaction_that_began_first_but_appends_second_is_not_earlier(
    db: Database,
) -> None:
    async with scoped_session(db, CASEWORKER) as first:
        # The first transaction begins (and with it, now()) ...
        began = await first.scalar(text("SELECT now()"))
        await asyncio.sleep(0.05)
        # ... another begins later, appends and commits ...
        async with scoped_session(db, CASEWORKER) as second:
            await write_event(
                second,
                actor=CASEWORKER,
                action="case.update",
                tenant_id="310105",
                subject_type="case",
                subject_id="second",
            )
        # ... and only then does the first append.
        await write_event(
            first,
            actor=CASEWORKER,
            action="case.update",
            tenant_id="310105",
            subject_type="case",
            subject_id="first",
        )
    events = await chain(db, "310105")
    assert [subject for *_, subject in events] == ["second", "first"]
    (_, second_at, _, _), (_, first_at, _, _) = events
    assert first_at >= second_at > began + timedelta(milliseconds=40)


async def test_the_events_of_one_request_and_of_the_chain_are_in_time_order(
    db: Database,
) -> None:
    # One request whose root fields run at once, each in its own transaction and each recording
    # its read; and the same request sent several times concurrently.
    settings = test_settings()
    auditor = mint_token(settings, user="auditor-sh", tenant="310000", roles=[Role.AUDITOR])
    fields = " ".join(
        f'v{n}: auditVerify(tenant: "310105") {{ ok }}'
        f' e{n}: auditEvents(filter: {{tenant: "310105"}}) {{ edges {{ cursor }} }}'
        for n in range(4)
    )
    transport = httpx.ASGITransport(app=create_app(db, settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        responses = await asyncio.gather(
            *(
                client.post(
                    "/graphql",
                    json={"query": f"{{ {fields} }}"},
                    headers={"Authorization": f"Bearer {auditor}"},
                )
                for _ in range(3)
            )
        )
    assert all("errors" not in r.json() for r in responses)
    events = await chain(db, "310105")
    assert len(events) == 3 * 8
    by_request: dict[str | None, list[datetime]] = {}
    for _, at, request_id, _ in events:
        by_request.setdefault(request_id, []).append(at)
    assert sorted(len(times) for times in by_request.values()) == [8, 8, 8]
    assert all(times == sorted(times) for times in by_request.values())
    assert all(a[1] <= b[1] for a, b in pairwise(events))


async def test_the_application_role_may_time_events_of_its_own_scope_only(db: Database) -> None:
    async with scoped_session(db, CASEWORKER) as session:
        own = await session.scalar(text("SELECT socialaid_audit_append_time('310105')"))
    assert own is not None and own.tzinfo is not None and own <= datetime.now(UTC)
    async with scoped_session(db, CASEWORKER) as session:
        try:
            await session.scalar(text("SELECT socialaid_audit_append_time('140000')"))
        except DBAPIError as error:
            assert "tenant 140000 is outside this transaction's scope" in str(error)
        else:
            raise AssertionError("another tenant's chain head was taken")
