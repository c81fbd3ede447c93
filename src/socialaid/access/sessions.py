"""Sessions whose transaction carries the caller's scope for row-level security."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.db.database import Database
from socialaid.db.rls import set_scope


@asynccontextmanager
async def scoped_session(
    db: Database, actor: Principal | None, *, replica: bool = False
) -> AsyncIterator[AsyncSession]:
    """One transaction as the app role, scoped to the actor's tenant subtrees (none if anonymous).

    It commits when the block ends without an exception. Do not commit inside the block: the
    scope lasts only as long as the transaction. `replica`: on the read replica (the primary
    when none is configured), for reads that may lag a moment and write nothing.
    """
    sessions = db.read_session() if replica else db.session()
    async with sessions as session, session.begin():
        await set_scope(
            session,
            tenant_paths=actor.scope_paths if actor else (),
            user_id=actor.user_id if actor else None,
        )
        yield session


@asynccontextmanager
async def replica_reading(
    db: Database, actor: Principal | None, primary: AsyncSession
) -> AsyncIterator[AsyncSession]:
    """Where a request that writes on `primary` reads what may lag: a scoped transaction on the
    replica, or `primary` itself when there is none (not a second connection from one pool)."""
    if not db.has_replica:
        yield primary
        return
    async with scoped_session(db, actor, replica=True) as session:
        yield session
