"""The application's connection pool and sessions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from socialaid.db.urls import as_app_role, async_url


class Database:
    """Two pools on one database: the app role for requests, the owner for migrations and imports."""

    def __init__(self, owner_url: str | URL, signing_key: str, *, pool_size: int = 10) -> None:
        self.owner_url = async_url(owner_url)
        self.app_url = as_app_role(owner_url, signing_key)
        self.engine: AsyncEngine = create_async_engine(
            self.app_url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=False
        )
        self.owner_engine: AsyncEngine = create_async_engine(self.owner_url, pool_size=2)
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

    async def ping(self) -> bool:
        async with self.engine.connect() as conn:
            return bool((await conn.scalar(text("SELECT 1"))) == 1)

    async def dispose(self) -> None:
        await self.engine.dispose()
        await self.owner_engine.dispose()
