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

from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.webhooks.ddl import FAN_OUT_FUNCTION
from socialaid.webhooks.events import WebhookEvent

FAN_OUT = text(
    f"SELECT {FAN_OUT_FUNCTION}(:event_tenant, CAST(:jurisdictions AS text[]),"
    " CAST(:events AS jsonb), :occurred_at)"
)
# The same, with a pg_notify the caller would otherwise send in a round trip of its own.
FAN_OUT_AND_NOTIFY = text(
    f"SELECT {FAN_OUT_FUNCTION}(:event_tenant, CAST(:jurisdictions AS text[]),"
    " CAST(:events AS jsonb), :occurred_at), pg_notify(:channel, :payload)"
)
NOTIFY = text("SELECT pg_notify(:channel, :payload)")


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
) -> int:
    """Queue `event` (which happened in the tenant at `tenant_path`) for every subscriber who may
    see it, in the caller's transaction; how many deliveries were queued. See
    `emit_webhook_events`."""
    occurrence = Occurrence(event, frozenset(departments), data)
    return await _emit(uow_or_session, [occurrence], tenant_path, occurred_at)


async def emit_webhook_events(
    uow_or_session: UnitOfWork | AsyncSession,
    occurrences: Sequence[Occurrence],
    *,
    tenant_path: str,
    occurred_at: datetime,
    also_notify: tuple[str, str] | None = None,
) -> int:
    """Queue each occurrence for every subscriber who may see it, in the caller's transaction,
    with one statement (`webhooks/ddl.py`); how many deliveries were queued. `also_notify`: a
    (channel, payload) pg_notify sent in that statement.

    The caller's session may be the application role's, scoped to the actor (the event's tenant
    must then be in that scope, or the database refuses), or the owner's (a job).
    """
    if not occurrences:
        if also_notify is not None:
            session = _session_of(uow_or_session)
            await session.execute(NOTIFY, {"channel": also_notify[0], "payload": also_notify[1]})
        return 0
    return await _emit(uow_or_session, occurrences, tenant_path, occurred_at, also_notify)


def _session_of(uow_or_session: UnitOfWork | AsyncSession) -> AsyncSession:
    return uow_or_session.session if isinstance(uow_or_session, UnitOfWork) else uow_or_session


async def _emit(
    uow_or_session: UnitOfWork | AsyncSession,
    occurrences: Sequence[Occurrence],
    tenant_path: str,
    occurred_at: datetime,
    also_notify: tuple[str, str] | None = None,
) -> int:
    events = [
        {"event": o.event.value, "departments": sorted(o.departments), "data": dict(o.data)}
        for o in occurrences
    ]
    session = _session_of(uow_or_session)
    parameters: dict[str, Any] = {
        "event_tenant": tenant_path.split("/")[-1],
        "jurisdictions": jurisdictions_of(tenant_path),
        "events": json.dumps(events, ensure_ascii=False, sort_keys=True),
        "occurred_at": occurred_at,
    }
    if also_notify is None:
        queued = await session.scalar(FAN_OUT, parameters)
    else:
        channel, payload = also_notify
        queued = await session.scalar(
            FAN_OUT_AND_NOTIFY, parameters | {"channel": channel, "payload": payload}
        )
    return int(queued or 0)
