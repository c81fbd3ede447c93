"""Masking sensitive data elements for roles that do not need them.

Reading them is `audit.sensitive.read_sensitive`: an unmasked read is recorded as an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from socialaid.access.vocabulary import Role


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
