"""Livelihood tags (民生体征标签, 003 三) pushed by departments through the shared-data path: the
same integration permission as `sharedRecordUpsert` (shared_record · create), the same keyed hash
of the ID number (audit/person.py), the resident's last four characters kept for people to read.

Each push also puts the resident in the changed set (`discovery_pending`) the discovery job
reads, so a run evaluates only the residents whose tags changed since the last one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert

from socialaid.access.decisions import authorize
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.audit.person import person_key
from socialaid.audit.writer import write_event
from socialaid.catalogue.files import TagKind
from socialaid.discovery.models import DiscoveryPending, LivelihoodTag
from socialaid.errors import DomainError, NotFoundError
from socialaid.forms.id_numbers import InvalidIdNumberError, parse_id_number
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.models import Area
from socialaid.tenancy.service import get_tenant

_KEYS = ("tenant_id", "subject_key", "kind")


async def upsert_livelihood_tag(
    uow: UnitOfWork,
    *,
    tenant: str,
    kind: TagKind,
    subject_id_number: str,
    household_number: str | None,
    area: str,
    facts: Mapping[str, Any],
    source_department: str,
    valid_from: date | None,
    valid_to: date | None,
) -> LivelihoodTag:
    """A department records (or refreshes) one tag of one resident."""
    session = uow.session
    row = await get_tenant(session, code=tenant, path=["input", "tenant"])
    principal = authorize(
        uow.actor, Resource.SHARED_RECORD, Action.CREATE, Target(tenant_path=row.path)
    )
    try:
        parse_id_number(subject_id_number)
    except InvalidIdNumberError as exc:
        raise DomainError(f"身份证号无效：{exc}", path=["input", "subjectIdNumber"]) from exc
    if valid_from and valid_to and valid_to <= valid_from:
        raise DomainError("validTo 须晚于 validFrom", path=["input", "validTo"])
    if any(not isinstance(value, str | int | float | bool) for value in facts.values()):
        raise DomainError(
            "facts 的每个值须为文字、数字或布尔值（规则按 <标签>.<事实> 读取）",
            path=["input", "facts"],
        )
    place = await session.get(Area, (row.tenant_id, area))
    if place is None:
        raise NotFoundError(f"{row.name}没有代码为 {area} 的街道或社区", path=["input", "area"])
    subject = person_key(uow.signing_key, subject_id_number)
    household = (
        person_key(uow.signing_key, f"household:{household_number}") if household_number else None
    )
    values = {
        "tenant_id": row.tenant_id,
        "subject_key": subject,
        "kind": kind.value,
        "subject_hint": subject_id_number[-4:],
        "household_key": household,
        "area_path": place.path,
        "facts": dict(facts),
        "source_department": source_department,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "pushed_by": principal.user_id,
    }
    statement = insert(LivelihoodTag).values(**values)
    tag = (
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=list(_KEYS),
                set_={k: statement.excluded[k] for k in values if k not in _KEYS}
                | {"updated_at": func.now()},
            ).returning(LivelihoodTag),
            execution_options={"populate_existing": True},
        )
    ).scalar_one()
    pending = insert(DiscoveryPending).values(tenant_id=row.tenant_id, subject_key=subject)
    await session.execute(
        pending.on_conflict_do_update(
            index_elements=["tenant_id", "subject_key"], set_={"changed_at": func.now()}
        )
    )
    await write_event(
        session,
        actor=principal,
        action="livelihood_tag.upsert",
        tenant_id=row.tenant_id,
        subject_type="livelihood_tag",
        subject_id=f"{kind.value}:{subject_id_number[-4:]}",
        # The facts stay out of the audit record: they may be health data; the tag row keeps them.
        after={"kind": kind.value, "source_department": source_department, "area": place.path},
        request_id=uow.request_id,
        person_key=subject,
    )
    return tag
