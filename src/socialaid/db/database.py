"""The application's connection pool and sessions."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Dialect, ExceptionContext
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from socialaid.config import Settings
from socialaid.db.bootstrap import owner_connection
from socialaid.db.outage import DatabaseUnreachableError
from socialaid.db.urls import APP_ROLE, as_app_role, async_url

if TYPE_CHECKING:
    from opentelemetry.trace import Tracer

# The client gives up on a statement this much later than the server's statement_timeout, so
# that a server which answers at all cancels the statement itself (a clean error, the connection
# still usable) and only a server that does not answer (paused, partitioned) meets the client's.
CLIENT_MARGIN = 2.0


@dataclass(frozen=True)
class Timeouts:
    """How long the application waits on the database, in seconds; 0 waits without end."""

    connect: float
    statement: float
    idle_in_transaction: float
    pool: float

    @classmethod
    def of(cls, settings: Settings) -> Timeouts:
        return cls(
            connect=settings.db_connect_timeout,
            statement=settings.db_statement_timeout,
            idle_in_transaction=settings.db_idle_in_transaction_timeout,
            pool=settings.db_pool_timeout,
        )

    @property
    def connect_or_none(self) -> float | None:
        return self.connect or None


DEFAULT_TIMEOUTS = Timeouts.of(Settings.model_construct())


def _milliseconds(seconds: float) -> str:
    return str(round(seconds * 1000))


@dataclass(frozen=True)
class PoolSizes:
    """Connections per process: the request pool (and the read pool, alike), the connections it
    may open beyond that under a burst, and the owner's pool."""

    size: int = 10
    overflow: int = 10
    owner: int = 2

    @classmethod
    def of(cls, settings: Settings) -> PoolSizes:
        return cls(settings.db_pool_size, settings.db_max_overflow, settings.db_owner_pool_size)


def _unique_statement_name() -> str:
    return f"__asyncpg_{uuid.uuid4().hex}__"


def _app_connect_args(
    timeouts: Timeouts, *, application_name: str, pgbouncer: bool = False
) -> dict[str, Any]:
    """asyncpg's arguments for the application role's connections.

    Behind PgBouncer in transaction mode a server connection serves many clients one
    transaction at a time: a prepared statement's name must not collide with another client's
    (asyncpg numbers them from 1 on every connection), and none may be cached across
    transactions. PgBouncer also refuses startup parameters other than a few (application_name
    among them), so the server-side timeouts come from the role's defaults, which
    `ensure_app_role` sets to the same values (`role_timeout_settings`).
    """
    server_settings = {"application_name": application_name}
    if not pgbouncer:
        server_settings.update(role_timeout_settings(timeouts))
    args: dict[str, Any] = {
        "timeout": timeouts.connect_or_none,
        "server_settings": server_settings,
    }
    if timeouts.statement:
        args["command_timeout"] = timeouts.statement + CLIENT_MARGIN
    if pgbouncer:
        args["statement_cache_size"] = 0
        args["prepared_statement_cache_size"] = 0
        args["prepared_statement_name_func"] = _unique_statement_name
    return args


def role_timeout_settings(timeouts: Timeouts) -> dict[str, str]:
    """The server-side bounds of the app role's statements and idle transactions."""
    return {
        "statement_timeout": _milliseconds(timeouts.statement),
        "idle_in_transaction_session_timeout": _milliseconds(timeouts.idle_in_transaction),
    }


def _name_unreachable_database(engine: AsyncEngine) -> None:
    """Make the plain OSError and TimeoutError of a failed connection attempt or an unanswered
    statement a DatabaseUnreachableError (see `db/outage.py`)."""

    @event.listens_for(engine.sync_engine, "do_connect")
    def connect(dialect: Dialect, _record: object, cargs: Any, cparams: Any) -> Any:
        try:
            return dialect.connect(*cargs, **cparams)
        except (OSError, TimeoutError) as error:
            raise DatabaseUnreachableError(f"cannot connect: {error!r}") from error

    @event.listens_for(engine.sync_engine, "handle_error")
    def unanswered(context: ExceptionContext) -> BaseException | None:
        error = context.original_exception
        if isinstance(error, OSError | TimeoutError):
            return DatabaseUnreachableError(f"no answer: {error!r}")
        return None


class Database:
    """The app role's request pool, optionally a read pool on a replica, and the owner's pool.

    Only the app role's statements are bounded: the owner runs migrations and imports, started by
    an operator who sees a hang, where a long statement (an index on a large table) is legitimate
    and cutting it off half-way would only make the operator run it again.

    `pgbouncer_url` and `read_url` give only where to connect (host, port, database): the role is
    always the app role, so row-level security applies there too. LISTEN connections
    (`listen_url`) always go straight to the owner URL's server: PgBouncer in transaction mode
    would hand the listening session to other clients between transactions.
    """

    def __init__(
        self,
        owner_url: str | URL,
        signing_key: str,
        *,
        pool_size: int = PoolSizes.size,
        max_overflow: int | None = None,
        owner_pool_size: int = PoolSizes.owner,
        owner_max_overflow: int = 10,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        pgbouncer_url: str | URL | None = None,
        read_url: str | URL | None = None,
    ) -> None:
        self._given: dict[str, Any] = {
            "owner_url": owner_url,
            "signing_key": signing_key,
            "pool_size": pool_size,
            "max_overflow": max_overflow,
            "owner_pool_size": owner_pool_size,
            "owner_max_overflow": owner_max_overflow,
            "pgbouncer_url": pgbouncer_url,
            "read_url": read_url,
        }
        self.owner_url = async_url(owner_url)
        self.listen_url = as_app_role(owner_url, signing_key)
        self.pgbouncer = pgbouncer_url is not None
        self.app_url = as_app_role(pgbouncer_url, signing_key) if pgbouncer_url else self.listen_url
        self.read_url = as_app_role(read_url, signing_key) if read_url else None
        self.timeouts = timeouts
        overflow = pool_size if max_overflow is None else max_overflow
        self.engine = self._app_engine(self.app_url, pool_size, overflow, APP_ROLE)
        # Without a replica, reads take the request pool: one pool, not two halves of it.
        self.read_engine = (
            self._app_engine(self.read_url, pool_size, overflow, f"{APP_ROLE}_read")
            if self.read_url is not None
            else self.engine
        )
        self.owner_engine: AsyncEngine = create_async_engine(
            self.owner_url,
            pool_size=owner_pool_size,
            max_overflow=owner_max_overflow,
            pool_timeout=timeouts.pool or None,
            connect_args={"timeout": timeouts.connect_or_none},
        )
        _name_unreachable_database(self.owner_engine)
        self._sessions = async_sessionmaker(
            self.engine, class_=AsyncSession, expire_on_commit=False
        )
        self._read_sessions = async_sessionmaker(
            self.read_engine, class_=AsyncSession, expire_on_commit=False
        )
        self._owner_sessions = async_sessionmaker(
            self.owner_engine, class_=AsyncSession, expire_on_commit=False
        )

    @classmethod
    def from_settings(cls, owner_url: str | URL, settings: Settings) -> Database:
        """The pools `serve`, its workers and the ASGI app run with."""
        sizes = PoolSizes.of(settings)
        return cls(
            owner_url,
            settings.signing_key,
            pool_size=sizes.size,
            max_overflow=sizes.overflow,
            owner_pool_size=sizes.owner,
            # A serving process uses the owner for one thing at a time (seeding, signing
            # checkpoints): its owner connections are the pool's, no more.
            owner_max_overflow=0,
            timeouts=Timeouts.of(settings),
            pgbouncer_url=settings.db_pgbouncer_url,
            read_url=settings.read_database_url,
        )

    def with_statement_timeout(self, seconds: float) -> Database:
        """Pools of their own, as these are, whose statements may run `seconds` (server and
        client): the worker's jobs, whose batches would outlast a request's timeout. The caller
        disposes of it."""
        return Database(**self._given, timeouts=replace(self.timeouts, statement=seconds))

    def _app_engine(
        self, url: URL, pool_size: int, max_overflow: int, application_name: str
    ) -> AsyncEngine:
        # No pre-ping: a connection that died with the server fails its request (503, retried by
        # the client) and the disconnect invalidates every older pooled connection at once, so a
        # round trip on every checkout would buy one avoided retry per server restart.
        engine = create_async_engine(
            url,
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_pre_ping=False,
            pool_timeout=self.timeouts.pool or None,
            connect_args=_app_connect_args(
                self.timeouts, application_name=application_name, pgbouncer=self.pgbouncer
            ),
        )
        _name_unreachable_database(engine)
        return engine

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session as the application role; commit is the caller's decision."""
        async with self._sessions() as session:
            yield session

    @property
    def has_replica(self) -> bool:
        return self.read_engine is not self.engine

    @asynccontextmanager
    async def read_session(self) -> AsyncIterator[AsyncSession]:
        """A session as the application role on the replica (the primary when there is none):
        for reads that may lag the primary by a moment. Never write in it."""
        async with self._read_sessions() as session:
            yield session

    @asynccontextmanager
    async def owner_session(self) -> AsyncIterator[AsyncSession]:
        async with self._owner_sessions() as session:
            yield session

    async def ping(self, within: float) -> None:
        """Raise unless a new connection as the application role answers within `within` s.

        A new connection, not a pooled one: readiness means a restarted server accepts the
        application again, and a pool busy with requests must not make the probe wait. Whatever
        the driver does, the answer comes in time: a stuck attempt is abandoned, not awaited.
        """
        attempt = asyncio.ensure_future(self._ping(within))
        attempt.add_done_callback(_consume_outcome)
        done, _ = await asyncio.wait({attempt}, timeout=within)
        if not done:
            attempt.cancel()
            raise TimeoutError(f"the database did not answer within {within} s")
        attempt.result()

    async def _ping(self, within: float) -> None:
        connection = await owner_connection(
            self.app_url, connect_timeout=within, statement_cache_size=0 if self.pgbouncer else 100
        )
        try:
            answer = await connection.fetchval("SELECT 1", timeout=within)
        except BaseException:
            # Not close(): that waits for the server's goodbye, which a paused server never sends.
            connection.terminate()
            raise
        await connection.close(timeout=within)
        if answer != 1:
            raise RuntimeError(f"SELECT 1 answered {answer!r}")

    def trace_queries(self, tracer: Tracer) -> None:
        """A span per query, on both pools, within whatever span is current (db/query_tracing.py)."""
        from socialaid.db.query_tracing import trace_queries

        trace_queries(self.engine, tracer)
        trace_queries(self.owner_engine, tracer)

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self.has_replica:
            await self.read_engine.dispose()
        await self.owner_engine.dispose()


def _consume_outcome(attempt: asyncio.Future[None]) -> None:
    """An abandoned ping's failure is the one already reported; keep asyncio from logging it."""
    if not attempt.cancelled():
        attempt.exception()
