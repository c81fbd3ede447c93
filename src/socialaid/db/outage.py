"""Telling a database outage from a bug: the failures that mean "the database cannot answer now,
ask again later" (down, restarting, paused, unreachable, full, too slow), as opposed to a mistake
in a statement or in the code around it.

The API answers an outage with HTTP 503 and the code UNAVAILABLE, never as an expected failure
of one mutation (a payload error), so a client retries the whole request with its idempotency
key; anything else unexpected stays a masked error.
"""

from __future__ import annotations

from collections.abc import Iterator

import asyncpg
from sqlalchemy import exc as sqlalchemy_errors

# What a client is told, and how long it should wait before asking again (a server restart or
# a failover takes seconds).
MESSAGE = "数据库暂不可用，请稍后重试"
RETRY_AFTER_SECONDS = 5

# SQLSTATE classes: 08 the connection failed or was refused; 53 insufficient resources (too many
# connections, disk full, out of memory); 57 operator intervention (statement_timeout cancelled
# the statement, the server is shutting down, or starting up and not yet accepting connections).
OUTAGE_SQLSTATE_CLASSES = frozenset({"08", "53", "57"})


class DatabaseUnreachableError(Exception):
    """The driver could not connect, or a statement got no answer in time: raised in place of
    the plain OSError or TimeoutError asyncpg raises (see `Database`), which code of ours could
    raise too, and which lose their traceback (the only sign of where they came from) when a
    DataLoader hands one error to several resolvers."""


def is_outage(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from or while handling, is an outage."""
    return outage_in(error) is not None


def outage_in(error: BaseException | None) -> BaseException | None:
    """The outage `error` is, or was raised from or while handling; None when it is none."""
    return next((e for e in _chain(error) if _is_outage_itself(e)), None)


def describe(outage: BaseException) -> str:
    """One line for the log: the kind and the first line of the message (SQLAlchemy puts the
    statement and its parameters, possibly personal data, on the lines after it)."""
    lines = str(outage).splitlines()
    return f"{type(outage).__name__}: {lines[0][:200] if lines else ''}"


def _is_outage_itself(error: BaseException) -> bool:
    if isinstance(error, DatabaseUnreachableError | sqlalchemy_errors.TimeoutError):
        return True  # (SQLAlchemy's TimeoutError: no pooled connection came free in time)
    if isinstance(error, sqlalchemy_errors.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, asyncpg.PostgresError):
        return str(getattr(error, "sqlstate", ""))[:2] in OUTAGE_SQLSTATE_CLASSES
    return False


def _chain(error: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [current.__cause__, current.__context__]
