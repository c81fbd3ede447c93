"""GraphQL subscription `applicationUpdated`: the application's state again each time it or one
of its cases changes (LISTEN/NOTIFY across processes), until the subscriber's credentials expire.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

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
        # Subscribed before the state is sent, so no change between the two is missed.
        async with ctx.caches.of(ApplicationUpdates).subscribe(str(first.row.id)) as queue:
            yield await current()
            while True:
                changed = await _next_change(queue, ctx.principal)
                while changed != LOST and not queue.empty():  # several changes: send the latest
                    changed = queue.get_nowait()
                if changed == LOST:
                    raise DomainError("推送连接已中断，请重新订阅", code=ErrorCode.UNAVAILABLE)
                yield await current()


async def _next_change(queue: asyncio.Queue[str], actor: Principal | None) -> str:
    """The next change, or UNAUTHENTICATED once the subscriber's credentials expire."""
    expires = actor.expires_at if actor is not None else None
    if expires is None:
        return await queue.get()
    try:
        return await asyncio.wait_for(queue.get(), max(expires - time.time(), 0))
    except TimeoutError:
        raise UnauthenticatedError() from None
