"""Building audit histories for tests: events appended through the real chain trigger."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, text

from socialaid.audit.models import AuditEvent
from socialaid.audit.person import person_key
from socialaid.db.database import Database
from tests.conftest import TEST_SECRET


async def add_event(
    db: Database,
    *,
    tenant: str,
    action: str = "case.update",
    actor: str = "caseworker-1",
    department: str | None = "civil_affairs",
    application: str | None = None,
    id_number: str | None = None,
    at: datetime | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> int:
    """Append one event (as the owner, so its time can be chosen); return its sequence."""
    values: dict[str, Any] = {
        "tenant_id": tenant,
        "actor": actor,
        "roles": ["caseworker"],
        "department": department,
        "action": action,
        "subject_type": "case" if application else "person",
        "subject_id": application or "-",
        "before": before,
        "after": after,
        "application_id": application,
        "person_key": person_key(TEST_SECRET, id_number) if id_number else None,
    }
    if at is not None:
        values["occurred_at"] = at
    async with db.owner_session() as session, session.begin():
        sequence = await session.scalar(
            insert(AuditEvent).values(**values).returning(AuditEvent.sequence)  # type: ignore[arg-type]
        )
    assert sequence is not None
    return int(sequence)


async def tamper(db: Database, statement: str, params: dict[str, Any]) -> None:
    """Run `statement` as the superuser with triggers off: what an intruder with the keys does."""
    async with db.owner_session() as session, session.begin():
        await session.execute(text("SET LOCAL session_replication_role = replica"))
        await session.execute(text(statement), params)


async def actions_of(db: Database, tenant: str) -> list[str]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text("SELECT action FROM audit_event WHERE tenant_id = :t ORDER BY sequence"),
            {"t": tenant},
        )
        return list(rows.scalars())
