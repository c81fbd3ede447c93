"""Livelihood tags (民生体征标签, 003 三) pushed by departments through the shared-data path: the
same integration permission as `sharedRecordUpsert` (shared_record · create), the same keyed hash
of the ID number (audit/person.py), the resident's last four characters kept for people to read.

Each push also puts the resident in the changed set (`discovery_pending`) the discovery job
reads, so a run evaluates only the residents whose tags changed since the last one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col

from socialaid.access.decisions import authorize
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.audit.person import person_key
from socialaid.audit.writer import write_event
from socialaid.catalogue.files import TagKind
from socialaid.discovery.models import DiscoveryPending, LivelihoodTag
from socialaid.errors import DomainError, InvalidElementsError, NotFoundError
from socialaid.forms.id_numbers import InvalidIdNumberError, parse_id_number
from socialaid.kernel.input_bounds import LIVELIHOOD_TAGS_PER_CALL
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.models import Area
from socialaid.tenancy.service import get_tenant

_KEYS = ("tenant_id", "subject_key", "kind")
# A bulk push is one transaction and one audit event: bounded, so a call stays a request.
MAX_TAGS_PER_CALL = LIVELIHOOD_TAGS_PER_CALL


@dataclass(frozen=True)
class TagPush:
    """One tag of a bulk push (livelihoodTagsUpsert), as livelihoodTagUpsert takes it."""

    kind: TagKind
    subject_id_number: str
    household_number: str | None
    area: str
    facts: Any
    source_department: str
    valid_from: date | None = None
    valid_to: date | None = None


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


def _problems(tag: TagPush, path: list[Any], areas: Mapping[str, str]) -> list[DomainError]:
    """What is wrong with one element of a bulk push, each at its field's path."""
    found: list[DomainError] = []
    try:
        parse_id_number(tag.subject_id_number)
    except InvalidIdNumberError as exc:
        found.append(DomainError(f"身份证号无效：{exc}", path=[*path, "subjectIdNumber"]))
    if tag.valid_from and tag.valid_to and tag.valid_to <= tag.valid_from:
        found.append(DomainError("validTo 须晚于 validFrom", path=[*path, "validTo"]))
    if not isinstance(tag.facts, dict) or any(
        not isinstance(value, str | int | float | bool) for value in tag.facts.values()
    ):
        found.append(
            DomainError(
                "facts 须为 JSON 对象，每个值须为文字、数字或布尔值（规则按 <标签>.<事实> 读取）",
                path=[*path, "facts"],
            )
        )
    if tag.area not in areas:
        found.append(DomainError(f"没有代码为 {tag.area} 的街道或社区", path=[*path, "area"]))
    return found


async def upsert_livelihood_tags(
    uow: UnitOfWork, *, tenant: str, tags: Sequence[TagPush], source_path: list[str]
) -> int:
    """A department records (or refreshes) many tags in one call: all or none, one audit event.
    Every bad element is reported at its own path (`source_path` + index + field); how many
    tags were saved otherwise."""
    session = uow.session
    row = await get_tenant(session, code=tenant, path=["input", "tenant"])
    principal = authorize(
        uow.actor, Resource.SHARED_RECORD, Action.CREATE, Target(tenant_path=row.path)
    )
    if not tags or len(tags) > MAX_TAGS_PER_CALL:
        raise DomainError(
            f"一次推送 1 至 {MAX_TAGS_PER_CALL} 项标签（现为 {len(tags)} 项）", path=source_path
        )
    places = await session.scalars(select(Area).where(col(Area.tenant_id) == row.tenant_id))
    areas: dict[str, str] = {place.code: place.path for place in places}
    problems: list[DomainError] = []
    seen: set[tuple[str, str]] = set()
    for index, tag in enumerate(tags):
        path: list[Any] = [*source_path, str(index)]
        problems += _problems(tag, path, areas)
        if (tag.subject_id_number, tag.kind.value) in seen:
            problems.append(
                DomainError("同一居民的同一类标签在本次推送中重复", path=[*path, "kind"])
            )
        seen.add((tag.subject_id_number, tag.kind.value))
    if problems:
        raise InvalidElementsError(problems)
    rows = [
        {
            "tenant_id": row.tenant_id,
            "subject_key": person_key(uow.signing_key, tag.subject_id_number),
            "kind": tag.kind.value,
            "subject_hint": tag.subject_id_number[-4:],
            "household_key": (
                person_key(uow.signing_key, f"household:{tag.household_number}")
                if tag.household_number
                else None
            ),
            "area_path": areas[tag.area],
            "facts": dict(tag.facts),
            "source_department": tag.source_department,
            "valid_from": tag.valid_from,
            "valid_to": tag.valid_to,
            "pushed_by": principal.user_id,
        }
        for tag in tags
    ]
    statement = insert(LivelihoodTag).values(rows)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=list(_KEYS),
            set_={k: statement.excluded[k] for k in rows[0] if k not in _KEYS}
            | {"updated_at": func.now()},
        )
    )
    subjects = sorted({str(r["subject_key"]) for r in rows})
    pending = insert(DiscoveryPending).values(
        [{"tenant_id": row.tenant_id, "subject_key": subject} for subject in subjects]
    )
    await session.execute(
        pending.on_conflict_do_update(
            index_elements=["tenant_id", "subject_key"], set_={"changed_at": func.now()}
        )
    )
    await write_event(
        session,
        actor=principal,
        action="livelihood_tags.upsert",
        tenant_id=row.tenant_id,
        subject_type="livelihood_tag",
        subject_id=f"bulk:{len(rows)}",
        # As for one tag: no facts; the kinds, departments and areas say what was pushed.
        after={
            "tags": len(rows),
            "residents": len(subjects),
            "kinds": sorted({str(r["kind"]) for r in rows}),
            "source_departments": sorted({str(r["source_department"]) for r in rows}),
            "areas": sorted({str(r["area_path"]) for r in rows}),
        },
        request_id=uow.request_id,
    )
    return len(rows)
