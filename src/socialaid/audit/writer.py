"""Appending audit events inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.audit.models import AuditEvent


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
) -> None:
    """Record `action` on a subject owned by `tenant_id`; it commits or rolls back with the change."""
    await session.execute(
        insert(AuditEvent).values(
            tenant_id=tenant_id,
            actor=actor.user_id,
            roles=[r.value for r in actor.roles],
            department=",".join(actor.departments) or None,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            before=before,
            after=after,
            reason=reason,
            request_id=request_id,
            application_id=application_id,
            person_key=person_key,
        )
    )
