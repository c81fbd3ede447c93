"""Placing a family under monitoring: the row a denied classified recognition leaves behind.

Called by the decision service inside its unit of work, which authorizes the decision and writes
its one audit event (the placement is part of that event's `after`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.monitoring.models import MonitoredHousehold


@dataclass(frozen=True)
class Placement:
    tenant_id: str
    application_id: uuid.UUID
    case_id: uuid.UUID
    item_code: str
    department: str
    applicant_name: str
    id_number: str | None
    person_key: str | None
    area_path: str | None
    household_size: int | None
    checks: Sequence[dict[str, str]]
    reasons: Sequence[str]


async def place_under_monitoring(
    session: AsyncSession, placement: Placement, *, placed_by: str, placed_at: datetime
) -> MonitoredHousehold:
    row = MonitoredHousehold(
        tenant_id=placement.tenant_id,
        id=uuid.uuid4(),
        application_id=placement.application_id,
        case_id=placement.case_id,
        item_code=placement.item_code,
        department=placement.department,
        applicant_name=placement.applicant_name,
        id_number=placement.id_number,
        person_key=placement.person_key,
        area_path=placement.area_path,
        household_size=placement.household_size,
        checks=list(placement.checks),
        reasons=list(placement.reasons),
        placed_by=placed_by,
        placed_at=placed_at,
    )
    session.add(row)
    await session.flush()
    return row
