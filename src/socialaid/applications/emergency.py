"""Emergency mode: switching a provision on for a period, and the provisions in force.

A provision set on a tenant holds for its whole subtree. Submission reads the provisions in force
(personal commitment instead of materials), and opening or releasing a case reads the 48-hour
review that shortens its deadline.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications import deadlines
from socialaid.applications.models import Application, EmergencyMode
from socialaid.audit.writer import write_event
from socialaid.catalogue.models import TenantCatalogue
from socialaid.errors import DomainError
from socialaid.kernel.unit_of_work import UnitOfWork, now_in_china
from socialaid.tenancy.models import Tenant
from socialaid.tenancy.service import get_tenant

# 003 §四: review within 48 hours on personal commitment; materials and checks completed later.
REVIEW_48H = "same_day_application_48h_review"
DEFERRED_MATERIALS = "deferred_checks_and_materials"
COMMITMENT_PROVISIONS = frozenset({REVIEW_48H, DEFERRED_MATERIALS})


async def set_emergency_mode(
    uow: UnitOfWork,
    *,
    tenant: str,
    provision: str,
    starts_at: datetime,
    ends_at: datetime | None,
) -> EmergencyMode:
    """Switch an emergency provision on for a period (ends_at in the past switches it off)."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    actor = authenticated(actor)
    row_tenant = await get_tenant(session, code=tenant)
    authorize(actor, Resource.TENANT, Action.UPDATE, Target(tenant_path=row_tenant.path))
    if starts_at.tzinfo is None or (ends_at is not None and ends_at.tzinfo is None):
        raise DomainError("时间须带时区", path=["startsAt"])
    if ends_at is not None and ends_at < starts_at:
        raise DomainError("结束时间不能早于开始时间", path=["endsAt"])
    documents = await session.execute(
        select(col(TenantCatalogue.document)).where(
            col(TenantCatalogue.tenant_id).in_(row_tenant.path.split("/"))
        )
    )
    known = {
        p.get("code")
        for document in documents.scalars()
        for p in document.get("emergency_provisions") or ()
    }
    if provision not in known:
        raise DomainError(
            f"本地区及上级目录没有应急措施 {provision}（可用：{'、'.join(sorted(k for k in known if k))}）",
            path=["provision"],
        )
    before_row = await session.get(EmergencyMode, (row_tenant.tenant_id, provision))
    before = (
        None
        if before_row is None
        else {
            "starts_at": before_row.starts_at.isoformat(),
            "ends_at": before_row.ends_at.isoformat() if before_row.ends_at else None,
        }
    )
    values = {
        "tenant_id": row_tenant.tenant_id,
        "provision": provision,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "set_by": actor.user_id,
        "updated_at": now_in_china(),
    }
    await session.execute(
        insert(EmergencyMode)
        .values(**values)
        .on_conflict_do_update(index_elements=["tenant_id", "provision"], set_=values)
    )
    await write_event(
        session,
        actor=actor,
        action="emergency_mode.set",
        tenant_id=row_tenant.tenant_id,
        subject_type="emergency_mode",
        subject_id=provision,
        before=before,
        after={
            "starts_at": starts_at.isoformat(),
            "ends_at": ends_at.isoformat() if ends_at else None,
        },
        request_id=request_id,
    )
    row = await session.get_one(
        EmergencyMode, (row_tenant.tenant_id, provision), populate_existing=True
    )
    return row


# ---------------------------------------------------------------- in force


def _in_force(tenant: Tenant, now: datetime) -> list[ColumnElement[bool]]:
    """Emergency periods set on the tenant or an ancestor that cover `now`."""
    return [
        col(EmergencyMode.tenant_id).in_(tenant.path.split("/")),
        col(EmergencyMode.starts_at) <= now,
        or_(col(EmergencyMode.ends_at).is_(None), col(EmergencyMode.ends_at) > now),
    ]


async def active_provisions(session: AsyncSession, tenant: Tenant, now: datetime) -> list[str]:
    """The emergency provisions in force for the tenant (set on it or on an ancestor)."""
    result = await session.execute(
        select(col(EmergencyMode.provision)).where(*_in_force(tenant, now)).distinct()
    )
    return sorted(result.scalars())


async def emergency_for(
    session: AsyncSession, application: Application, tenant: Tenant, now: datetime
) -> deadlines.EmergencyMode | None:
    """The 48-hour review applies to a case whose applicant gave the personal commitment."""
    if not application.personal_commitment:
        return None
    row = await session.scalar(
        select(EmergencyMode).where(
            col(EmergencyMode.provision) == REVIEW_48H, *_in_force(tenant, now)
        )
    )
    if row is None:
        return None
    return deadlines.EmergencyMode(
        provision=row.provision, starts_at=row.starts_at, ends_at=row.ends_at
    )
