"""Writing an event into the outbox: one `webhook_delivery` row per subscription that may see it,
in the caller's transaction, so a delivery exists exactly when the change committed.

Who may see an event (ADR 0026): a subscription of the tenant where it happened or of a tenant
above it (a jurisdiction is a tenant subtree), that asked for the event, and whose departments
(none: all) include one of the departments the event concerns — a case's own department, or the
departments of an application's items.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.db.rls import set_scope
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.webhooks.events import DeliveryStatus, WebhookEvent

FAN_OUT = text(
    "INSERT INTO webhook_delivery (tenant_id, id, subscription_id, event, event_tenant,"
    " occurred_at, data, status, attempts, next_attempt_at)"
    " SELECT s.tenant_id, gen_random_uuid(), s.id, :event, :event_tenant, :occurred_at,"
    " CAST(:data AS jsonb), :pending, 0, now()"
    " FROM webhook_subscription s"
    " WHERE s.tenant_id = ANY(CAST(:jurisdictions AS varchar[]))"
    " AND CAST(:event AS varchar) = ANY(s.events)"
    " AND (cardinality(s.departments) = 0"
    "      OR s.departments && CAST(:departments AS varchar[]))"
)


def jurisdictions_of(tenant_path: str) -> list[str]:
    """The tenants whose subtree holds the tenant at `tenant_path`: itself and every ancestor."""
    return tenant_path.split("/")


@dataclass(frozen=True)
class Occurrence:
    """One event to queue: what a subscriber receives in `data` (ids, global ids, codes and
    states only — never a name, an ID number or an answer) and the departments it concerns."""

    event: WebhookEvent
    departments: frozenset[str]
    data: Mapping[str, Any]


async def emit_webhook_event(
    uow_or_session: UnitOfWork | AsyncSession,
    event: WebhookEvent,
    *,
    tenant_path: str,
    occurred_at: datetime,
    departments: Iterable[str],
    data: Mapping[str, Any],
    actor: Principal | None = None,
) -> int:
    """Queue `event` (which happened in the tenant at `tenant_path`) for every subscriber who may
    see it; how many deliveries were queued. See `emit_webhook_events`."""
    occurrence = Occurrence(event, frozenset(departments), data)
    return await _emit(uow_or_session, [occurrence], tenant_path, occurred_at, actor)


async def emit_webhook_events(
    uow_or_session: UnitOfWork | AsyncSession,
    occurrences: Sequence[Occurrence],
    *,
    tenant_path: str,
    occurred_at: datetime,
    actor: Principal | None = None,
) -> None:
    """Queue each occurrence for every subscriber who may see it, in the caller's transaction.

    The subscriptions may belong to tenants above the caller's scope, so the statements run with
    the scope widened to the root tenant's subtree: through `uow.widened_to` for a unit of work;
    for a bare session, set here and then set back to `actor`'s scope (none given: to no tenant;
    an owner's session ignores the scope anyway). One widening and one batched INSERT for all.
    """
    if occurrences:
        await _emit(uow_or_session, occurrences, tenant_path, occurred_at, actor)


async def _emit(
    uow_or_session: UnitOfWork | AsyncSession,
    occurrences: Sequence[Occurrence],
    tenant_path: str,
    occurred_at: datetime,
    actor: Principal | None,
) -> int:
    rows = [
        {
            "event": o.event.value,
            "event_tenant": tenant_path.split("/")[-1],
            "occurred_at": occurred_at,
            "data": json.dumps(dict(o.data), ensure_ascii=False, sort_keys=True),
            "pending": DeliveryStatus.PENDING.value,
            "jurisdictions": jurisdictions_of(tenant_path),
            "departments": sorted(o.departments),
        }
        for o in occurrences
    ]
    root = [tenant_path.split("/")[0]]
    if isinstance(uow_or_session, UnitOfWork):
        async with uow_or_session.widened_to(root) as session:
            return await _fan_out(session, rows)
    session = uow_or_session
    await set_scope(session, tenant_paths=root, user_id=None)
    try:
        return await _fan_out(session, rows)
    finally:
        await set_scope(
            session,
            tenant_paths=actor.scope_paths if actor else (),
            user_id=actor.user_id if actor else None,
        )


async def _fan_out(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """The deliveries queued (counted for one occurrence; executemany does not report them)."""
    if len(rows) == 1:
        result = await session.execute(FAN_OUT, rows[0])
        return int(result.rowcount)  # type: ignore[attr-defined]
    await session.execute(FAN_OUT, rows)
    return 0
