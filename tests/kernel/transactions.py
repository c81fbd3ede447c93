"""Counting the transactions an operation opens, on the application role's pool."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from socialaid.db.database import Database


class Transactions:
    def __init__(self) -> None:
        self.count = 0

    def began(self, *_: Any) -> None:
        self.count += 1


@contextmanager
def transactions_begun(db: Database) -> Iterator[Transactions]:
    """Every transaction begun on either pool while the block runs."""
    seen = Transactions()
    engines = [db.engine.sync_engine, db.owner_engine.sync_engine]
    for engine in engines:
        event.listen(engine, "begin", seen.began)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "begin", seen.began)
