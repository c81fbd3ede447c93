"""Sessions whose transaction carries the caller's scope for row-level security."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.db.database import Database
from socialaid.db.rls import set_scope


@asynccontextmanager
async def scoped_session(db: Database, actor: Principal | None) -> AsyncIterator[AsyncSession]:
    """One transaction as the app role, scoped to the actor's tenant subtrees (none if anonymous).

    It commits when the block ends without an exception. Do not commit inside the block: the
    scope lasts only as long as the transaction.
    """
    async with db.session() as session, session.begin():
        await set_scope(
            session,
            tenant_paths=actor.scope_paths if actor else (),
            user_id=actor.user_id if actor else None,
        )
        yield session
