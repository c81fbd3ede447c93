"""Per-request data loaders; each batch opens its own session (siblings resolve concurrently)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from socialaid.db.database import Database

K = TypeVar("K")
V = TypeVar("V")

GroupedQuery = Callable[[AsyncSession, Sequence[K]], Awaitable[dict[K, list[V]]]]
KeyedQuery = Callable[[AsyncSession, Sequence[K]], Awaitable[dict[K, V]]]


def grouped_loader(db: Database, query: GroupedQuery[K, V]) -> DataLoader[K, list[V]]:
    """Batch `query` over keys; every key gets a (possibly empty) list."""

    async def load(keys: list[K]) -> list[list[V]]:
        async with db.session() as session:
            grouped = await query(session, keys)
        return [grouped.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


def keyed_loader(db: Database, query: KeyedQuery[K, V]) -> DataLoader[K, V | None]:
    """Batch `query` over keys; a missing key loads as None."""

    async def load(keys: list[K]) -> list[V | None]:
        async with db.session() as session:
            found = await query(session, keys)
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)
