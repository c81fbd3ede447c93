"""The database timeouts are in force, and what counts as an outage (answered 503 UNAVAILABLE)
is exactly the database being unable to answer, never a mistake in a statement or in our code."""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from sqlalchemy import text

from socialaid.db.database import Database, Timeouts
from socialaid.db.outage import is_outage
from tests.conftest import TEST_SECRET

GENEROUS = Timeouts(connect=5.0, statement=5.0, idle_in_transaction=60.0, pool=5.0)


def read_a_missing_file() -> str:
    return Path("/no/such/file").read_text()


async def error_of(db: Database, statement: str) -> BaseException:
    """What running `statement` as the application role raises."""
    with pytest.raises(Exception) as raised:
        async with db.session() as session, session.begin():
            await session.execute(text(statement))
    return raised.value


async def test_the_app_role_runs_under_the_statement_and_idle_timeouts_and_the_owner_under_none(
    db: Database,
) -> None:
    timeouts = Timeouts(connect=3.0, statement=4.0, idle_in_transaction=50.0, pool=2.0)
    bounded = Database(db.owner_url, TEST_SECRET, pool_size=1, timeouts=timeouts)
    try:
        async with bounded.session() as session:
            statement = await session.scalar(text("SHOW statement_timeout"))
            idle = await session.scalar(text("SHOW idle_in_transaction_session_timeout"))
        async with bounded.owner_session() as session:
            owners = await session.scalar(text("SHOW statement_timeout"))
    finally:
        await bounded.dispose()
    assert (statement, idle, owners) == ("4s", "50s", "0")


async def test_a_statement_past_the_timeout_is_cancelled_as_an_outage_and_the_pool_goes_on(
    db: Database,
) -> None:
    timeouts = Timeouts(connect=5.0, statement=0.2, idle_in_transaction=60.0, pool=5.0)
    bounded = Database(db.owner_url, TEST_SECRET, pool_size=1, timeouts=timeouts)
    try:
        assert is_outage(await error_of(bounded, "SELECT pg_sleep(3)"))
        async with bounded.session() as session:
            assert await session.scalar(text("SELECT 1")) == 1
    finally:
        await bounded.dispose()


async def test_waiting_past_the_pool_timeout_for_a_connection_is_an_outage(db: Database) -> None:
    timeouts = Timeouts(connect=5.0, statement=5.0, idle_in_transaction=60.0, pool=0.2)
    # One pooled connection and one overflow: two sessions in transactions hold them both.
    small = Database(db.owner_url, TEST_SECRET, pool_size=1, timeouts=timeouts)
    try:
        async with AsyncExitStack() as holding:
            for _ in range(2):
                session = await holding.enter_async_context(small.session())
                await session.execute(text("SELECT 1"))
            assert is_outage(await error_of(small, "SELECT 1"))
    finally:
        await small.dispose()


async def test_a_refused_connection_is_an_outage(db: Database) -> None:
    nowhere = Database(db.owner_url.set(host="127.0.0.1", port=1, query={}), "x", timeouts=GENEROUS)
    try:
        assert is_outage(await error_of(nowhere, "SELECT 1"))
    finally:
        await nowhere.dispose()


async def test_mistakes_in_statements_or_in_our_code_are_not_outages(db: Database) -> None:
    assert not is_outage(await error_of(db, "SELEC 1"))
    assert not is_outage(await error_of(db, "SELECT 1 / 0"))
    assert not is_outage(await error_of(db, "SELECT * FROM no_such_table"))
    with pytest.raises(FileNotFoundError) as missing:
        async with db.session() as session, session.begin():
            await session.execute(text("SELECT 1"))
            read_a_missing_file()
    assert not is_outage(missing.value)
    assert not is_outage(RuntimeError("a bug"))
