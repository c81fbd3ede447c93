"""Counting the SQL statements work sends to the database, on both of its pools."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from socialaid.db.database import Database


@contextmanager
def statements_sent(db: Database) -> Iterator[list[str]]:
    """The statements sent while the block runs, in order, as the driver received them."""
    sent: list[str] = []

    def record(*args: Any) -> None:
        # before_cursor_execute(conn, cursor, statement, parameters, context, executemany)
        sent.append(str(args[2]))

    engines = [db.engine.sync_engine, db.owner_engine.sync_engine]
    for engine in engines:
        event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", record)
