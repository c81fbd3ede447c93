"""A statement appending many events chains each of them exactly as one-at-a-time appends would,
but writes each tenant's chain head row once (issue 22): across statements, savepoints and
concurrent writers the chain stays gap-free and verifies, and the head is its last event."""

from __future__ import annotations

import asyncio
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.audit.verification import verify_chain
from socialaid.db.database import Database
from socialaid.db.rls import set_scope

CITY = "310000"
DISTRICT = "310105"
GENESIS = bytes(32)

# Events for the tenants in turn (`tenants` repeated), numbered from :first, each timed under its
# tenant's head as the writer and discovery do; `:fail_at` (0 for none) makes that row fail.
APPEND = text(
    """
    INSERT INTO audit_event (tenant_id, occurred_at, actor, roles, action, subject_type,
                             subject_id)
    SELECT t, socialaid_audit_append_time(t), 'bulk-writer', ARRAY['caseworker'], 'case.update',
           'case', CASE WHEN n = CAST(:fail_at AS int) THEN (1 / (n - n))::text ELSE n::text END
      FROM generate_series(CAST(:first AS int), CAST(:first AS int) + CAST(:count AS int) - 1)
           AS n,
           LATERAL (SELECT (CAST(:tenants AS text[]))[1 + n % cardinality(CAST(:tenants AS text[]))]
                    AS t) AS pick
    """
)


@dataclass(frozen=True)
class Stored:
    sequence: int
    occurred_at: datetime
    subject_id: str
    previous_hash: bytes
    hash: bytes


async def append(
    session: AsyncSession, tenants: list[str], count: int, *, first: int = 1, fail_at: int = 0
) -> None:
    await session.execute(
        APPEND, {"tenants": tenants, "count": count, "first": first, "fail_at": fail_at}
    )


async def begin_as_app(session: AsyncSession) -> None:
    await set_scope(session, tenant_paths=[CITY], user_id="bulk-writer")


async def events(db: Database, tenant: str) -> list[Stored]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT sequence, occurred_at, subject_id, previous_hash, hash FROM audit_event"
                " WHERE tenant_id = :t ORDER BY sequence"
            ),
            {"t": tenant},
        )
        return [Stored(*row) for row in rows]


async def head(db: Database, tenant: str) -> tuple[int, bytes, datetime | None]:
    async with db.owner_session() as session:
        row = (
            await session.execute(
                text(
                    "SELECT last_sequence, last_hash, last_occurred_at FROM audit_chain_head"
                    " WHERE tenant_id = :t"
                ),
                {"t": tenant},
            )
        ).one_or_none()
    return (0, GENESIS, None) if row is None else (row[0], row[1], row[2])


def expected_hash(tenant: str, previous: bytes, event: Stored) -> bytes:
    """The digest of ADR 0006 computed here, independently of the database: sha256 of the
    previous hash and the event's content as jsonb's text form of a JSON array."""
    micros = (event.occurred_at - datetime(1970, 1, 1, tzinfo=UTC)) // _MICROSECOND
    content = [tenant, event.sequence, micros, "bulk-writer", ["caseworker"], None]
    content += ["case.update", "case", event.subject_id, None, None, None, None, None, None, None]
    return hashlib.sha256(previous + json.dumps(content).encode()).digest()


_MICROSECOND = datetime(1970, 1, 1, 0, 0, 0, 1, tzinfo=UTC) - datetime(1970, 1, 1, tzinfo=UTC)


async def assert_chain_continues(
    db: Database, tenant: str, start: tuple[int, bytes, datetime | None], added: int
) -> list[Stored]:
    """The tenant's events after `start` are `added` links of one chain from it, each digest as
    computed here, the head row is the last, and the verifier agrees."""
    chain = [e for e in await events(db, tenant) if e.sequence > start[0]]
    assert [e.sequence for e in chain] == list(range(start[0] + 1, start[0] + added + 1))
    previous = start[1]
    for event in chain:
        assert event.previous_hash == previous
        assert event.hash == expected_hash(tenant, previous, event)
        previous = event.hash
    times = [e.occurred_at for e in chain]
    assert times == sorted(times)
    assert await head(db, tenant) == (chain[-1].sequence, chain[-1].hash, chain[-1].occurred_at)
    async with db.owner_session() as session:
        assert (await verify_chain(session, tenant_id=tenant)).ok
    return chain


async def head_row_updates(session: AsyncSession) -> int:
    """How many times this transaction has updated a chain head row so far."""
    found = await session.scalar(
        text("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'audit_chain_head'")
    )
    return int(found or 0)


async def test_one_statement_for_two_tenants_and_another_after_it_chain_every_event_with_one_head_write_per_statement_and_tenant(
    db: Database,
) -> None:
    city, district = await head(db, CITY), await head(db, DISTRICT)
    async with db.session() as session, session.begin():
        await begin_as_app(session)
        await append(session, [CITY, DISTRICT], 40)
        await append(session, [DISTRICT], 7, first=41)
        updates = await head_row_updates(session)

    await assert_chain_continues(db, CITY, city, 20)
    chain = await assert_chain_continues(db, DISTRICT, district, 27)
    assert [e.subject_id for e in chain[-7:]] == [str(n) for n in range(41, 48)]
    assert updates == 3


async def test_a_statement_rolled_back_to_its_savepoint_leaves_the_head_where_the_next_append_continues(
    db: Database,
) -> None:
    start = await head(db, DISTRICT)
    async with db.session() as session, session.begin():
        await begin_as_app(session)
        await append(session, [DISTRICT], 5)
        savepoint = await session.begin_nested()
        await append(session, [DISTRICT], 6, first=6)
        await savepoint.rollback()
        await append(session, [DISTRICT], 3, first=20)

    chain = await assert_chain_continues(db, DISTRICT, start, 8)
    assert [e.subject_id for e in chain] == ["1", "2", "3", "4", "5", "20", "21", "22"]


async def test_a_statement_failing_halfway_inside_a_savepoint_leaves_no_running_head_behind(
    db: Database,
) -> None:
    start = await head(db, DISTRICT)
    async with db.session() as session, session.begin():
        await begin_as_app(session)
        await append(session, [DISTRICT], 2)
        with pytest.raises(DBAPIError, match="division by zero"):
            async with session.begin_nested():
                await append(session, [DISTRICT], 5, first=10, fail_at=13)
        await append(session, [DISTRICT], 2, first=30)

    chain = await assert_chain_continues(db, DISTRICT, start, 4)
    assert [e.subject_id for e in chain] == ["1", "2", "30", "31"]


async def test_two_sessions_appending_to_one_tenant_at_once_leave_one_gap_free_chain(
    db: Database,
) -> None:
    start = await head(db, DISTRICT)

    async def writer(first: int) -> None:
        for statement in range(6):
            async with db.session() as session, session.begin():
                await begin_as_app(session)
                await append(session, [DISTRICT], 25, first=first + statement * 25)
                await append(session, [DISTRICT, CITY], 10, first=first + 500 + statement * 10)

    await asyncio.gather(writer(1000), writer(2000))

    chain = await assert_chain_continues(db, DISTRICT, start, 2 * 6 * (25 + 5))
    assert len({e.subject_id for e in chain}) == len(chain)


async def test_a_running_head_set_by_hand_is_refused_rather_than_written(db: Database) -> None:
    start = await head(db, DISTRICT)
    forged = f"{start[0] + 100}|{'ab' * 32}|2026-01-01T00:00:00.000000"
    async with db.session() as session, session.begin():
        await begin_as_app(session)
        await session.execute(
            text(
                "SELECT set_config('socialaid_audit.t' || encode(convert_to(:t, 'UTF8'), 'hex'),"
                " :forged, true)"
            ),
            {"t": DISTRICT, "forged": forged},
        )
        with pytest.raises(DBAPIError, match="do not continue its head"):
            await append(session, [DISTRICT], 3)

    assert await head(db, DISTRICT) == start


async def test_the_application_role_cannot_append_to_a_partition_past_the_statement_trigger(
    db: Database,
) -> None:
    async with db.session() as session, session.begin():
        await begin_as_app(session)
        with pytest.raises(DBAPIError, match="permission denied for schema audit_partitions"):
            await session.execute(
                text(
                    "INSERT INTO audit_partitions.audit_event_default (tenant_id, occurred_at,"
                    " actor, roles, action, subject_type, subject_id)"
                    " VALUES (:t, now(), 'x', ARRAY['caseworker'], 'a', 'b', 'c')"
                ),
                {"t": DISTRICT},
            )


async def test_a_tenants_first_statement_creates_its_head_and_chains_from_the_genesis_hash(
    db: Database,
) -> None:
    async with db.owner_session() as session:
        fresh = await session.scalar(
            text(
                "SELECT tenant_id FROM tenant WHERE tenant_id NOT IN"
                " (SELECT tenant_id FROM audit_chain_head) ORDER BY tenant_id LIMIT 1"
            )
        )
    assert fresh is not None
    async with db.owner_session() as session, session.begin():
        await append(session, [fresh], 12)

    chain = await assert_chain_continues(db, fresh, (0, GENESIS, None), 12)
    assert chain[0].previous_hash == GENESIS
