"""Appending audit events inside the caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, bindparam, func, insert, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.audit.ddl import APPEND_TIME_FUNCTION, ensure_partitions_sql
from socialaid.audit.models import AuditEvent
from socialaid.audit.request import current_origin

_COLUMNS = (
    "tenant_id",
    "actor",
    "roles",
    "department",
    "action",
    "subject_type",
    "subject_id",
    "reason",
    "request_id",
    "client_address",
    "application_id",
    "person_key",
)
# Built once, every value a parameter: building the insert and its cache key from the values on
# every event was a measurable part of a submission's cost (issue 20).
_INSERT_EVENT = insert(AuditEvent).values(
    {
        name: bindparam(name, type_=AuditEvent.__table__.c[name].type)  # type: ignore[attr-defined]
        for name in _COLUMNS
    }
    # None is SQL NULL as in a literal insert, not JSON 'null' as a JSON parameter would make it.
    | {name: bindparam(name, type_=JSONB(none_as_null=True)) for name in ("before", "after")}
    | {"occurred_at": getattr(func, APPEND_TIME_FUNCTION)(bindparam("tenant_id", type_=String()))}
)

# (database URL, UTC month) pairs whose partitions this process has already ensured.
_ensured: set[tuple[str, str]] = set()


async def ensure_partitions(session: AsyncSession) -> None:
    """Create this month's and next month's partitions if missing (once per process and month).

    Events of a month without a partition would land in the default partition, which still
    works but is slower to search; this keeps that from happening.
    """
    bind = session.get_bind()
    key = (str(bind.engine.url), datetime.now(UTC).strftime("%Y-%m"))
    if key in _ensured:
        return
    await session.execute(text(ensure_partitions_sql()))
    _ensured.add(key)


async def write_event(
    session: AsyncSession,
    *,
    actor: Principal,
    action: str,
    tenant_id: str,
    subject_type: str,
    subject_id: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
    request_id: str | None = None,
    application_id: str | None = None,
    person_key: str | None = None,
    client_address: str | None = None,
    department: str | None = None,
) -> None:
    """Record `action` on a subject owned by `tenant_id`; it commits or rolls back with the change.

    The database times the event with its tenant's chain head held (so the times along a chain
    never go backwards, whichever transaction started first), numbers it in the chain and hashes
    it. `department` is the acting department (default: the actor's departments,
    comma-separated); the request id and client address default to those of the request being
    served.
    """
    origin = current_origin()
    await ensure_partitions(session)
    await session.execute(
        _INSERT_EVENT,
        {
            "tenant_id": tenant_id,
            "actor": actor.user_id,
            "roles": [r.value for r in actor.roles],
            "department": department or ",".join(actor.departments) or None,
            "action": action,
            "subject_type": subject_type,
            "subject_id": subject_id,
            "before": before,
            "after": after,
            "reason": reason,
            "request_id": request_id or origin.request_id,
            "client_address": client_address or origin.client_address,
            "application_id": application_id,
            "person_key": person_key,
        },
    )
