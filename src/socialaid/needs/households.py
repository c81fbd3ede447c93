"""The household an assessment is about, read from the applications' tables.

The tables are named here rather than imported (as access/row_scope.py names `tenant`): the
applications domain shows the assessment on Application and Case, so it imports this domain,
which must not import it back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import String, Uuid, column, or_, select, table
from sqlalchemy.ext.asyncio import AsyncSession

_APPLICATION = table(
    "application",
    column("tenant_id", String),
    column("id", Uuid),
    column("person_key", String),
    column("area_path", String),
)
_CASE = table(
    "application_case",
    column("tenant_id", String),
    column("application_id", Uuid),
    column("department", String),
)
_OWN_KEY = "application:"


@dataclass(frozen=True)
class Household:
    tenant_id: str
    application_id: uuid.UUID
    key: str
    area_path: str | None


def household_key(application_id: uuid.UUID, person_key: str | None) -> str:
    """One key for every application of a household: the applicant's pseudonymous key where the
    application has one, else the application's own id."""
    return person_key if person_key else f"{_OWN_KEY}{application_id}"


def person_key_of(key: str) -> str | None:
    """The applicant's pseudonymous key a household key holds, for the audit's person history;
    None for a household known only by its application."""
    return None if key.startswith(_OWN_KEY) else key


async def household_of(
    session: AsyncSession, *, tenant_id: str, application_id: uuid.UUID
) -> Household | None:
    row = (
        await session.execute(
            select(_APPLICATION.c.person_key, _APPLICATION.c.area_path).where(
                _APPLICATION.c.tenant_id == tenant_id, _APPLICATION.c.id == application_id
            )
        )
    ).first()
    if row is None:
        return None
    return Household(tenant_id, application_id, household_key(application_id, row[0]), row[1])


async def case_departments(session: AsyncSession, *, tenant_id: str, key: str) -> set[str]:
    """The departments holding a case of any of the household's applications in the tenant."""
    if key.startswith(_OWN_KEY):
        of_household = _APPLICATION.c.id == uuid.UUID(key.removeprefix(_OWN_KEY))
    else:
        of_household = _APPLICATION.c.person_key == key
    found = await session.execute(
        select(_CASE.c.department)
        .distinct()
        .join(
            _APPLICATION,
            (_APPLICATION.c.tenant_id == _CASE.c.tenant_id)
            & (_APPLICATION.c.id == _CASE.c.application_id),
        )
        .where(_CASE.c.tenant_id == tenant_id, or_(of_household))
    )
    return set(found.scalars())
