"""The one LISTEN listener: a dropped connection is reported at once and listened on again, with
backoff, so notifications are delivered again without restarting the process."""

from __future__ import annotations

import asyncio
from itertools import islice
from typing import Any

import pytest
from sqlalchemy import text

from socialaid.access.authentication import Authenticator
from socialaid.access.changes import notify_access_changed
from socialaid.access.tokens import TokenClaims
from socialaid.applications.notifications import CHANNEL as APPLICATION_CHANNEL
from socialaid.applications.notifications import LOST, ApplicationUpdates
from socialaid.db import listener as listener_module
from socialaid.db.bootstrap import owner_connection
from socialaid.db.database import Database
from socialaid.db.listener import Listener, backoff
from tests.conftest import test_settings
from tests.eventually import DEADLINE, eventually

CHANNEL = "socialaid_test_listener"


async def notify(db: Database, channel: str, payload: str) -> None:
    async with db.owner_session() as session, session.begin():
        await session.execute(
            text("SELECT pg_notify(:channel, :payload)"), {"channel": channel, "payload": payload}
        )


async def terminate_listeners(db: Database) -> int:
    """Drop every LISTENing backend of this test's database, as the owner (a superuser)."""
    connection = await owner_connection(db.owner_url)
    try:
        rows = await connection.fetch(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE query LIKE 'LISTEN%' AND datname = current_database()"
        )
    finally:
        await connection.close()
    return sum(1 for row in rows if row[0])


class Recorder:
    def __init__(self) -> None:
        self.payloads: list[str] = []
        self.lost = 0
        self.listening = 0

    def listener(self, **options: Any) -> Listener:
        return Listener(
            CHANNEL,
            self.payloads.append,
            lambda: setattr(self, "lost", self.lost + 1),
            lambda: setattr(self, "listening", self.listening + 1),
            **options,
        )


def test_the_backoff_doubles_from_a_tenth_of_a_second_to_five_seconds() -> None:
    assert list(islice(backoff(), 9)) == [0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5.0, 5.0, 5.0]


async def test_a_terminated_listener_reports_the_loss_and_delivers_again(db: Database) -> None:
    seen = Recorder()
    listener = seen.listener()
    await listener.start(db.owner_url)
    try:
        assert seen.listening == 1
        await notify(db, CHANNEL, "before")
        await eventually(lambda: seen.payloads == ["before"], "the first payload")

        assert await terminate_listeners(db) == 1
        await eventually(lambda: seen.lost == 1, "the lost connection reported")
        await eventually(lambda: listener.listening, "listening again")

        assert seen.listening == 2
        await notify(db, CHANNEL, "after")
        await eventually(
            lambda: seen.payloads == ["before", "after"], "the payload after reconnecting"
        )
    finally:
        await listener.stop()
    assert not listener.started and not listener.listening


async def test_it_keeps_trying_while_the_database_refuses(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = Recorder()
    listener = seen.listener(first_delay=0.01, max_delay=0.04)
    await listener.start(db.owner_url)
    attempts = 0
    connect = owner_connection

    async def refusing_twice(url: Any, **options: Any) -> Any:
        nonlocal attempts
        attempts += 1
        if attempts <= 2:
            raise ConnectionRefusedError("the database is restarting")
        return await connect(url, **options)

    monkeypatch.setattr(listener_module, "owner_connection", refusing_twice)
    try:
        await terminate_listeners(db)
        # Listening again, counted after the loss: `listener.listening` alone may still be the
        # state from before the termination was noticed.
        await eventually(lambda: seen.listening == 2, "listening twice")
        assert (attempts, seen.lost, seen.listening) == (3, 1, 2)
        await notify(db, CHANNEL, "again")
        await eventually(lambda: seen.payloads == ["again"], "the payload after the retry")
    finally:
        await listener.stop()


async def test_stopping_while_reconnecting_stops_trying(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = Recorder()
    listener = seen.listener(first_delay=0.01, max_delay=0.01)
    await listener.start(db.owner_url)
    attempts = 0

    async def refusing(_url: Any, **_options: Any) -> Any:
        nonlocal attempts
        attempts += 1
        raise ConnectionRefusedError("down")

    monkeypatch.setattr(listener_module, "owner_connection", refusing)
    await terminate_listeners(db)
    await eventually(lambda: attempts >= 2, "a second attempt")
    await listener.stop()
    stopped_at = attempts
    await asyncio.sleep(0.1)
    assert attempts == stopped_at and not listener.listening


async def test_grants_are_cached_again_once_the_access_listener_is_back(db: Database) -> None:
    authenticator = Authenticator(test_settings())
    await authenticator.listen(db)
    claims = TokenClaims("li", "310105", ())
    try:
        await authenticator.principal_for(db, claims)
        assert authenticator.caches_grants_of("li")

        await terminate_listeners(db)
        await eventually(
            lambda: not authenticator.caches_grants_of("li"), "li's grants dropped from the cache"
        )
        await eventually(
            lambda: authenticator._listener.listening, "the authenticator listening again"
        )

        await authenticator.principal_for(db, claims)
        assert authenticator.caches_grants_of("li")  # trusted again: it listens again
        async with db.owner_session() as session, session.begin():
            await notify_access_changed(session, "li")
        await eventually(
            lambda: not authenticator.caches_grants_of("li"), "li's grants dropped from the cache"
        )
    finally:
        await authenticator.close()


async def test_subscribers_are_ended_and_new_ones_are_told_of_changes_again(
    db: Database,
) -> None:
    updates = ApplicationUpdates()
    await updates.start(db.owner_url)
    try:
        async with updates.subscribe("app-1") as before:
            await terminate_listeners(db)
            assert await asyncio.wait_for(before.get(), DEADLINE) == LOST

        await eventually(lambda: updates.listening, "the updates listening again")
        async with updates.subscribe("app-1") as after:
            await notify(db, APPLICATION_CHANNEL, "app-1")
            assert await asyncio.wait_for(after.get(), DEADLINE) == "app-1"
    finally:
        await updates.stop()
