"""Reading sensitive data elements: masked for roles that do not need them (access/masking.py);
an unmasked read is recorded as one audit event."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.masking import SensitiveValue, mask, may_see_sensitive
from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.audit.writer import write_event

SENSITIVE_READ = "sensitive.read"


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
