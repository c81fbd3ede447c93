"""One request's work as one actor: the transaction, who acts, the request id, the clock, the caches.

Services take a `UnitOfWork` instead of a session, an actor, a request id, caches and keys one by
one. The mutation runner opens it (`async with uow:`), so a mutation is one transaction: it
commits when the service returns and rolls back when it raises. The transaction is scoped to the
actor's tenant subtrees for row-level security; `widened_to` lets a service read, for a moment,
rows the actor's own scope does not cover (the province's shared-data registry) without opening a
second transaction. Losing a race to another request (the same next version inserted twice, a
serialization failure, a deadlock) leaves it as a CONFLICT, which the caller may retry.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.clock import CHINA
from socialaid.db.concurrent_change import is_concurrent_change
from socialaid.db.database import Database
from socialaid.db.rls import set_scope
from socialaid.errors import ConflictError
from socialaid.kernel.caches import Caches

CONCURRENT_CHANGE = "另一个请求同时修改了相同的数据，本次修改未保存：请刷新后重试"


def now_in_china() -> datetime:
    return datetime.now(CHINA)


class UnitOfWork:
    def __init__(
        self,
        db: Database,
        *,
        actor: Principal | None,
        request_id: str,
        signing_key: str,
        caches: Caches,
        clock: Callable[[], datetime] = now_in_china,
    ) -> None:
        self.db = db
        self.actor = actor
        self.request_id = request_id
        self.signing_key = signing_key
        self.caches = caches
        self.clock = clock
        self._session: AsyncSession | None = None
        self._stack: AsyncExitStack | None = None
        self._committed_callbacks: list[Callable[[], None]] = []

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("the unit of work is not open: use `async with uow:`")
        return self._session

    @property
    def scope_paths(self) -> Sequence[str]:
        return self.actor.scope_paths if self.actor else ()

    async def __aenter__(self) -> Self:
        if self._stack is not None:
            raise RuntimeError("a unit of work is one transaction; it is already open")
        stack = AsyncExitStack()
        try:
            session = await stack.enter_async_context(self.db.session())
            # session.begin() commits when the block ends cleanly and rolls back otherwise.
            await stack.enter_async_context(session.begin())
            await self._scope(session, self.scope_paths, self._user_id)
        except BaseException as error:
            # Leave the transaction as a failed block leaves it: rolled back, with this error as
            # the context of any other (aclose() would commit, and lose what went wrong).
            await stack.__aexit__(type(error), error, error.__traceback__)
            raise
        self._stack, self._session = stack, session
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        stack, self._stack, self._session = self._stack, None, None
        callbacks, self._committed_callbacks = self._committed_callbacks, []
        assert stack is not None
        try:
            await stack.__aexit__(kind, error, traceback)
        except DBAPIError as failure:  # at commit
            if is_concurrent_change(failure):
                raise ConflictError(CONCURRENT_CHANGE) from failure
            raise
        if error is not None and is_concurrent_change(error):
            raise ConflictError(CONCURRENT_CHANGE) from error
        if error is None:
            for callback in callbacks:
                callback()

    def in_same_transaction(self, caches: Caches) -> UnitOfWork:
        """This open transaction seen through other caches (a publish tried in a savepoint must
        not leave its forms in the process's caches); it commits or rolls back with this one."""
        other = UnitOfWork(
            self.db,
            actor=self.actor,
            request_id=self.request_id,
            signing_key=self.signing_key,
            caches=caches,
            clock=self.clock,
        )
        other._session = self.session
        return other

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run `callback` once this unit of work has committed (never if it rolls back)."""
        self._committed_callbacks.append(callback)

    @asynccontextmanager
    async def widened_to(self, tenant_paths: Sequence[str]) -> AsyncIterator[AsyncSession]:
        """The same transaction, scoped to `tenant_paths` for the block, then to the actor again."""
        session = self.session
        await self._scope(session, tenant_paths, None)
        try:
            yield session
        finally:
            await self._scope(session, self.scope_paths, self._user_id)

    @property
    def _user_id(self) -> str | None:
        return self.actor.user_id if self.actor else None

    @staticmethod
    async def _scope(session: AsyncSession, paths: Sequence[str], user_id: str | None) -> None:
        await set_scope(session, tenant_paths=paths, user_id=user_id)
