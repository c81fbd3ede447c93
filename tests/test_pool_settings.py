"""SOCIALAID_DB_POOL_SIZE, _MAX_OVERFLOW and _OWNER_POOL_SIZE bound the connections a process
opens: the pools `serve`, its workers and the ASGI app build (Database.from_settings)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest
from sqlalchemy import text

from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.db.outage import is_outage
from tests.conftest import TEST_SECRET


@pytest.fixture
async def configured(db: Database, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Database]:
    for name, value in {
        "SOCIALAID_SECRET": TEST_SECRET,
        "SOCIALAID_DB_POOL_SIZE": "2",
        "SOCIALAID_DB_MAX_OVERFLOW": "1",
        "SOCIALAID_DB_OWNER_POOL_SIZE": "1",
        "SOCIALAID_DB_POOL_TIMEOUT": "0.5",
    }.items():
        monkeypatch.setenv(name, value)
    configured = Database.from_settings(db.owner_url, Settings())
    yield configured
    await configured.dispose()


async def held(stack: AsyncExitStack, db: Database, *, owner: bool = False) -> None:
    """Check a connection out and keep it until the stack closes."""
    session = await stack.enter_async_context(db.owner_session() if owner else db.session())
    await session.execute(text("SELECT 1"))


async def test_a_process_holds_pool_plus_overflow_request_connections_and_waits_for_more(
    configured: Database,
) -> None:
    async with AsyncExitStack() as stack:
        for _ in range(3):  # 2 pooled + 1 overflow
            await held(stack, configured)
        with pytest.raises(Exception) as waited:
            await held(stack, configured)
    # Past the pool timeout a request is answered "try again" (503), as for any outage.
    assert is_outage(waited.value)


async def test_a_serving_process_holds_as_many_owner_connections_as_its_owner_pool(
    configured: Database,
) -> None:
    async with AsyncExitStack() as stack:
        await held(stack, configured, owner=True)
        await held(stack, configured)  # the request pool is apart
        with pytest.raises(Exception) as waited:
            await held(stack, configured, owner=True)
    assert is_outage(waited.value)
