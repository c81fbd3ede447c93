"""Masking sensitive data elements for roles that do not need them; unmasked reads are audited."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.audit.writer import write_event

SENSITIVE_READ = "sensitive.read"


class Sensitivity(StrEnum):
    ID_NUMBER = "id_number"
    BANK_ACCOUNT = "bank_account"
    INCOME = "income"
    HEALTH = "health"


# Roles whose work needs the real values: verifying identity, paying, deciding, auditing.
# Analysts, administrators and integrations see masked values.
SENSITIVE_READERS = frozenset(
    {
        Role.APPLICANT,
        Role.ADVISER,
        Role.WINDOW_CLERK,
        Role.CASEWORKER,
        Role.APPROVER,
        Role.JOINT_MEETING,
        Role.AUDITOR,
    }
)


def may_see_sensitive(roles: tuple[Role, ...] | frozenset[Role]) -> bool:
    return any(role in SENSITIVE_READERS for role in roles)


def mask(kind: Sensitivity, value: str) -> str:
    """Keep only what identifies a value to its owner: ID region and last 4, account last 4."""
    if kind is Sensitivity.ID_NUMBER:
        if len(value) <= 8:
            return "*" * len(value)
        return value[:4] + "*" * (len(value) - 8) + value[-4:]
    if kind is Sensitivity.BANK_ACCOUNT:
        return "*" * max(len(value) - 4, 0) + value[-4:] if len(value) > 4 else "*" * len(value)
    return "***"


@dataclass(frozen=True)
class SensitiveValue:
    kind: Sensitivity
    value: str


async def read_sensitive(
    session: AsyncSession,
    *,
    actor: Principal,
    tenant_id: str,
    subject_type: str,
    subject_id: str,
    values: Mapping[str, SensitiveValue],
    request_id: str | None = None,
    roles: Iterable[Role] | None = None,
) -> dict[str, str]:
    """The values as this actor may see them; an unmasked read is recorded as one audit event.

    `roles`: the roles through which the actor reads this subject (default: every role held).
    """
    if not values:
        return {}
    if not may_see_sensitive(tuple(actor.roles if roles is None else roles)):
        return {key: mask(v.kind, v.value) for key, v in values.items()}
    await write_event(
        session,
        actor=actor,
        action=SENSITIVE_READ,
        tenant_id=tenant_id,
        subject_type=subject_type,
        subject_id=subject_id,
        after={"fields": sorted(values)},
        request_id=request_id,
    )
    return {key: v.value for key, v in values.items()}
