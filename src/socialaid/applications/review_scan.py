"""The periodic re-verification job (issue 22): open every scheduled review whose date has come
(China date, project clock), tell the applicant and the adviser who filed for the family, and
emit REVERIFICATION_DUE, through the application's `Move` as every change of an application.

Then the spot checks (不定期抽查, 001 三（二）4): for an item whose re-verification rule has
`spot_checks` and whose tenant has set the rate, the benefits drawn this month (`spot_check_sample`,
seeded by tenant and China month) are opened early with the trigger SPOT_CHECK. The rate unset,
nobody is drawn. A benefit whose review was opened this month is not drawn again.

Each application is its own transaction, locked SKIP LOCKED as the deadline scan does: one a
clerk is changing now is opened on the next run.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.principal import Principal
from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.moves import Move, finish
from socialaid.applications.review_models import Reverification
from socialaid.applications.review_schedule import (
    ReviewState,
    ReviewTrigger,
    spot_check_sample,
    spot_check_seed,
)
from socialaid.applications.reviews import notify_adviser, open_review
from socialaid.catalogue.service import CatalogueCaches, tenant_view
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


@dataclass(frozen=True)
class Draw:
    """One tenant's spot-check draw for an item: the seed and rate it used, the reviews drawn."""

    seed: str
    rate: float
    item_code: str
    review_ids: tuple[uuid.UUID, ...]


async def open_due_reviews(db: Database, clock: Callable[[], datetime]) -> list[uuid.UUID]:
    """Open the reviews due today or before, then this month's spot checks; returns their ids."""
    opened = await _open_scheduled(db, clock)
    for draw in await draw_spot_checks(db, clock):
        opened += await _open_drawn(db, clock, draw)
    return opened


async def _open_scheduled(db: Database, clock: Callable[[], datetime]) -> list[uuid.UUID]:
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
    session: AsyncSession,
    application_id: uuid.UUID,
    now: datetime,
    draw: Draw | None = None,
) -> list[uuid.UUID]:
    application = await session.scalar(
        select(Application)
        .where(col(Application.id) == application_id)
        .with_for_update(skip_locked=True)
    )
    if application is None:  # a clerk holds it now: the next run opens its reviews
        return []
    which = (
        _scheduled_by(now.date())
        if draw is None
        else [
            col(Reverification.id).in_(draw.review_ids),
            col(Reverification.state).in_(_NOT_DUE),
        ]
    )
    reviews = list(
        (
            await session.execute(
                select(Reverification)
                .where(
                    col(Reverification.tenant_id) == application.tenant_id,
                    col(Reverification.application_id) == application.id,
                    *which,  # type: ignore[arg-type]
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
    trigger = None if draw is None else ReviewTrigger.SPOT_CHECK
    for review in reviews:
        open_review(move, review, by_id[review.case_id], actor=ACTOR_ID, trigger=trigger)
    await notify_adviser(session, move, [by_id[r.case_id] for r in reviews])
    after: dict[str, object] = {"opened": [str(r.id) for r in reviews]}
    if draw is not None:
        after |= {"spot_check": {"seed": draw.seed, "rate": draw.rate, "item": draw.item_code}}
    await finish(
        session,
        move,
        actor=Principal(
            user_id=ACTOR_ID, tenant_id=tenant.tenant_id, tenant_path=tenant.path, grants=()
        ),
        action="reverification.open" if draw is None else "reverification.spot_check",
        subject_type="application",
        subject_id=str(application.id),
        before=None,
        after=after,
        reason=None if draw is None else "不定期抽查（001 三（二）4）",
        request_id=None,
    )
    return [r.id for r in reviews]


# ---------------------------------------------------------------- 不定期抽查

_NOT_DUE = [ReviewState.UNSCHEDULED.value, ReviewState.SCHEDULED.value]


def _rate(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None  # unset (or not a share): no spot checks
    return float(value)


async def draw_spot_checks(db: Database, clock: Callable[[], datetime]) -> list[Draw]:
    """This month's spot-check draws, per tenant and item with a spot-check rule and a rate set:
    the reviews not yet due of benefits whose review was not opened this month."""
    today = clock().astimezone(CHINA).date()
    month_start = datetime.combine(today.replace(day=1), time(), tzinfo=CHINA)
    caches = CatalogueCaches()
    draws: list[Draw] = []
    async with db.session() as session, session.begin():
        await set_every_tenant_scope(session)
        open_items = (
            await session.execute(
                select(col(Reverification.tenant_id), col(Reverification.item_code))
                .where(col(Reverification.state).in_(_NOT_DUE))
                .distinct()
                .order_by(col(Reverification.tenant_id), col(Reverification.item_code))
            )
        ).all()
        items_of: dict[str, list[str]] = {}
        for tenant_id, item_code in open_items:
            items_of.setdefault(tenant_id, []).append(item_code)
        for tenant_id, items in items_of.items():
            view = await tenant_view(session, caches, tenant=tenant_id, as_of=today)
            for item_code in items:
                spec = view.specs.get(item_code)
                rule = spec.reverification if spec is not None else None
                spot = rule.spot_checks if rule is not None else None
                if spot is None:
                    continue
                resolved = view.parameters.get(spot.rate_parameter)
                rate = _rate(None if resolved is None else resolved.value)
                if rate is None:
                    continue
                opened_this_month = select(col(Reverification.case_id)).where(
                    col(Reverification.tenant_id) == tenant_id,
                    col(Reverification.opened_at) >= month_start,
                )
                candidates = {
                    str(case_id): review_id
                    for review_id, case_id in (
                        await session.execute(
                            select(col(Reverification.id), col(Reverification.case_id)).where(
                                col(Reverification.tenant_id) == tenant_id,
                                col(Reverification.item_code) == item_code,
                                col(Reverification.state).in_(_NOT_DUE),
                                col(Reverification.case_id).not_in(opened_this_month),
                            )
                        )
                    ).all()
                }
                seed = spot_check_seed(tenant_id, today)
                drawn = spot_check_sample(seed, rate, sorted(candidates))
                if drawn:
                    draws.append(Draw(seed, rate, item_code, tuple(candidates[c] for c in drawn)))
    return draws


async def _open_drawn(db: Database, clock: Callable[[], datetime], draw: Draw) -> list[uuid.UUID]:
    now = clock().astimezone(CHINA)
    async with db.session() as session, session.begin():
        await set_every_tenant_scope(session)
        applications = sorted(
            (
                await session.execute(
                    select(col(Reverification.application_id))
                    .where(col(Reverification.id).in_(draw.review_ids))
                    .distinct()
                )
            ).scalars()
        )
    opened: list[uuid.UUID] = []
    for application_id in applications:
        async with db.session() as session, session.begin():
            await set_every_tenant_scope(session)
            opened += await _open_for(session, application_id, now, draw)
    return opened
