"""The periodic re-verification job (issue 22): open every scheduled review whose date has come
(China date, project clock), tell the applicant and the adviser who filed for the family, and
emit REVERIFICATION_DUE, through the application's `Move` as every change of an application.

Each application is its own transaction, locked SKIP LOCKED as the deadline scan does: one a
clerk is changing now is opened on the next run.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.principal import Principal
from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.moves import Move, finish
from socialaid.applications.review_models import Reverification
from socialaid.applications.review_schedule import ReviewState
from socialaid.applications.reviews import notify_adviser, open_review
from socialaid.clock import CHINA
from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from socialaid.tenancy.service import get_tenant

ACTOR_ID = "system:reverification"


def _scheduled_by(today: date) -> list[object]:
    return [
        col(Reverification.state) == ReviewState.SCHEDULED.value,
        col(Reverification.due_on) <= today,
    ]


async def open_due_reviews(db: Database, clock: Callable[[], datetime]) -> list[uuid.UUID]:
    """Open the reviews due today or before; returns their ids."""
    now = clock().astimezone(CHINA)
    async with db.session() as session, session.begin():
        await set_every_tenant_scope(session)
        applications = sorted(
            (
                await session.execute(
                    select(col(Reverification.application_id))
                    .where(*_scheduled_by(now.date()))  # type: ignore[arg-type]
                    .distinct()
                )
            ).scalars()
        )
    opened: list[uuid.UUID] = []
    for application_id in applications:
        async with db.session() as session, session.begin():
            await set_every_tenant_scope(session)
            opened += await _open_for(session, application_id, now)
    return opened


async def _open_for(
    session: AsyncSession, application_id: uuid.UUID, now: datetime
) -> list[uuid.UUID]:
    application = await session.scalar(
        select(Application)
        .where(col(Application.id) == application_id)
        .with_for_update(skip_locked=True)
    )
    if application is None:  # a clerk holds it now: the next run opens its reviews
        return []
    reviews = list(
        (
            await session.execute(
                select(Reverification)
                .where(
                    col(Reverification.tenant_id) == application.tenant_id,
                    col(Reverification.application_id) == application.id,
                    *_scheduled_by(now.date()),  # type: ignore[arg-type]
                )
                .order_by(col(Reverification.item_code))
            )
        ).scalars()
    )
    if not reviews:
        return []
    tenant = await get_tenant(session, code=application.tenant_id)
    cases = list(
        (
            await session.execute(
                select(ApplicationCase).where(
                    col(ApplicationCase.tenant_id) == application.tenant_id,
                    col(ApplicationCase.application_id) == application.id,
                )
            )
        ).scalars()
    )
    by_id = {c.id: c for c in cases}
    move = Move(application, tenant, cases, now)
    for review in reviews:
        open_review(move, review, by_id[review.case_id], actor=ACTOR_ID)
    await notify_adviser(session, move, [by_id[r.case_id] for r in reviews])
    await finish(
        session,
        move,
        actor=Principal(
            user_id=ACTOR_ID, tenant_id=tenant.tenant_id, tenant_path=tenant.path, grants=()
        ),
        action="reverification.open",
        subject_type="application",
        subject_id=str(application.id),
        before=None,
        after={"opened": [str(r.id) for r in reviews]},
        reason=None,
        request_id=None,
    )
    return [r.id for r in reviews]
