"""GraphQL subscription `applicationUpdated`: the application's state again each time it or one
of its cases changes (LISTEN/NOTIFY across processes), until the subscriber's credentials expire.
When the subscriber's grants change (a role granted or revoked, the policy reloaded) the grants
are read again and so is the application, under them: a revoked role ends the stream at once
(FORBIDDEN), a kept one pushes the state as the new grants see it (masking may differ).
"""

from __future__ import annotations

import asyncio
import time
from asyncio import FIRST_COMPLETED
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from socialaid.access.authentication import Authenticator
from socialaid.access.decisions import UnauthenticatedError
from socialaid.access.principal import Principal
from socialaid.access.sessions import scoped_session
from socialaid.applications import queries
from socialaid.applications.graphql.types import ApplicationType
from socialaid.applications.loaders import forget_application_loaders
from socialaid.applications.notifications import LOST, ApplicationUpdates
from socialaid.errors import DomainError, ErrorCode
from socialaid.kernel.context import Info


@strawberry.type(description="申请的实时推送（graphql-transport-ws，路径 /graphql）")
class ApplicationSubscription:
    @strawberry.subscription(
        description="订阅后先推送一次当前状态，此后申请或其任一案件变化时推送最新状态（多进程经 LISTEN/NOTIFY）；须能读取该申请；令牌过期时以 UNAUTHENTICATED 结束"
    )
    async def application_updated(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="申请标识（Application.id）")],
    ) -> AsyncGenerator[ApplicationType, None]:
        ctx = info.context

        async def current() -> ApplicationType:
            forget_application_loaders(ctx)  # each push is a new read (and audited as one)
            async with scoped_session(ctx.db, ctx.principal) as session:
                record = await queries.application_record(
                    session, actor=ctx.principal, application_id=str(id)
                )
            return ApplicationType.of(record)

        first = await current()  # authorizes before anything is subscribed
        authenticator = ctx.caches.of(Authenticator)
        subscriber = ctx.principal.user_id if ctx.principal is not None else ""
        # Watching grants and subscribed before the state is sent, so no change is missed.
        with authenticator.changes.watch(subscriber) as grants_changed:
            async with ctx.caches.of(ApplicationUpdates).subscribe(str(first.row.id)) as queue:
                yield await current()
                while True:
                    changed = await _next_change(queue, grants_changed, ctx.principal)
                    if changed == GRANTS_CHANGED:
                        grants_changed.clear()
                        if ctx.principal is not None:
                            ctx.principal = await authenticator.refreshed(ctx.db, ctx.principal)
                    while changed != LOST and not queue.empty():  # several: send the latest
                        changed = queue.get_nowait()
                    if changed == LOST:
                        raise DomainError("推送连接已中断，请重新订阅", code=ErrorCode.UNAVAILABLE)
                    yield await current()  # FORBIDDEN once the grants no longer reach it


# What `_next_change` returns when the subscriber's grants may have changed (never an id).
GRANTS_CHANGED = "grants"


async def _next_change(
    queue: asyncio.Queue[str], grants_changed: asyncio.Event, actor: Principal | None
) -> str:
    """The next change: an application id, LOST or GRANTS_CHANGED; UNAUTHENTICATED once the
    subscriber's credentials expire."""
    expires = actor.expires_at if actor is not None else None
    timeout = max(expires - time.time(), 0) if expires is not None else None
    update = asyncio.ensure_future(queue.get())
    grants = asyncio.ensure_future(grants_changed.wait())
    try:
        await asyncio.wait((update, grants), timeout=timeout, return_when=FIRST_COMPLETED)
    finally:
        for waiting in (update, grants):
            waiting.cancel()
        # A queue.get cancelled before it took an item leaves the item in the queue.
        await asyncio.gather(update, grants, return_exceptions=True)
    if grants.done() and not grants.cancelled():
        if update.done() and not update.cancelled():
            queue.put_nowait(update.result())  # taken just now: there is room
        return GRANTS_CHANGED
    if update.done() and not update.cancelled():
        return update.result()
    raise UnauthenticatedError()
