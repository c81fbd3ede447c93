"""The application's connection pool and sessions."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
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
from socialaid.db.urls import as_app_role, async_url

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


def _app_connect_args(timeouts: Timeouts) -> dict[str, Any]:
    """asyncpg's arguments for the application role's connections."""
    args: dict[str, Any] = {
        "timeout": timeouts.connect_or_none,
        "server_settings": {
            "statement_timeout": _milliseconds(timeouts.statement),
            "idle_in_transaction_session_timeout": _milliseconds(timeouts.idle_in_transaction),
        },
    }
    if timeouts.statement:
        args["command_timeout"] = timeouts.statement + CLIENT_MARGIN
    return args


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
    """Two pools on one database: the app role for requests, the owner for migrations and imports.

    Only the app role's statements are bounded: the owner runs migrations and imports, started by
    an operator who sees a hang, where a long statement (an index on a large table) is legitimate
    and cutting it off half-way would only make the operator run it again.
    """

    def __init__(
        self,
        owner_url: str | URL,
        signing_key: str,
        *,
        pool_size: int = 10,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
    ) -> None:
        self.owner_url = async_url(owner_url)
        self.app_url = as_app_role(owner_url, signing_key)
        self.timeouts = timeouts
        # No pre-ping: a connection that died with the server fails its request (503, retried by
        # the client) and the disconnect invalidates every older pooled connection at once, so a
        # round trip on every checkout would buy one avoided retry per server restart.
        self.engine: AsyncEngine = create_async_engine(
            self.app_url,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_pre_ping=False,
            pool_timeout=timeouts.pool or None,
            connect_args=_app_connect_args(timeouts),
        )
        self.owner_engine: AsyncEngine = create_async_engine(
            self.owner_url, pool_size=2, connect_args={"timeout": timeouts.connect_or_none}
        )
        _name_unreachable_database(self.engine)
        _name_unreachable_database(self.owner_engine)
        self._sessions = async_sessionmaker(
            self.engine, class_=AsyncSession, expire_on_commit=False
        )
        self._owner_sessions = async_sessionmaker(
            self.owner_engine, class_=AsyncSession, expire_on_commit=False
        )

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session as the application role; commit is the caller's decision."""
        async with self._sessions() as session:
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
        connection = await owner_connection(self.app_url, connect_timeout=within)
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
        await self.owner_engine.dispose()


def _consume_outcome(attempt: asyncio.Future[None]) -> None:
    """An abandoned ping's failure is the one already reported; keep asyncio from logging it."""
    if not attempt.cancelled():
        attempt.exception()
