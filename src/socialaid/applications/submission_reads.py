"""What a submission reads before it writes, in one statement (issue 20): the tenant, the content
revision, the area named, an earlier application with the same idempotency key and the emergency
provisions in force.

Each was its own round trip; on a loaded machine a round trip costs more than the reading. The
statement is built once per process, so SQLAlchemy only looks its compiled form up. The tenant
comes back as an ORM row, so later `session.get(Tenant, …)` calls in the transaction are answered
from the session; the content revision is remembered for the transaction as `content_revision`
would have remembered it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.applications.models import Application, EmergencyMode
from socialaid.catalogue.models import ContentRevision
from socialaid.catalogue.service import remember_content_revision
from socialaid.tenancy.models import Area, Tenant

_READS = select(
    Tenant,
    select(col(ContentRevision.revision))
    .where(col(ContentRevision.id) == 1)
    .scalar_subquery()
    .label("revision"),
    select(col(Area.path))
    .where(col(Area.tenant_id) == col(Tenant.tenant_id), col(Area.code) == bindparam("area"))
    .scalar_subquery()
    .label("area_path"),
    select(col(Application.id))
    .where(
        col(Application.tenant_id) == col(Tenant.tenant_id),
        col(Application.submitted_by) == bindparam("user"),
        col(Application.idempotency_key) == bindparam("key"),
    )
    .scalar_subquery()
    .label("earlier"),
    func.array(
        select(col(EmergencyMode.provision))
        .where(
            col(EmergencyMode.tenant_id) == func.any(func.string_to_array(col(Tenant.path), "/")),
            col(EmergencyMode.starts_at) <= bindparam("now"),
            or_(
                col(EmergencyMode.ends_at).is_(None), col(EmergencyMode.ends_at) > bindparam("now")
            ),
        )
        .distinct()
        .scalar_subquery()
    ).label("provisions"),
).where(col(Tenant.tenant_id) == bindparam("tenant"))


@dataclass(frozen=True)
class SubmissionReads:
    tenant: Tenant
    area_path: str | None  # None: no area named, or none with that code in the tenant
    earlier: uuid.UUID | None  # the application submitted with the same idempotency key
    provisions: list[str]  # the emergency provisions in force (on the tenant or an ancestor)


async def read_for_submission(
    session: AsyncSession,
    *,
    tenant: str,
    area: str | None,
    user: str,
    idempotency_key: str,
    now: datetime,
) -> SubmissionReads | None:
    """Everything above in one round trip; None when there is no such tenant."""
    row = (
        await session.execute(
            _READS,
            {"tenant": tenant, "area": area, "user": user, "key": idempotency_key, "now": now},
        )
    ).one_or_none()
    if row is None:
        return None
    found, revision, area_path, earlier, provisions = row
    remember_content_revision(session, int(revision or 0))
    return SubmissionReads(found, area_path, earlier, sorted(provisions or ()))
