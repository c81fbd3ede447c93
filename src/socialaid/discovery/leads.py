"""An adviser's handling of a lead: take it (or the joint meeting hands it to an adviser),
dismiss it with a reason, or convert it into an application filed on the family's behalf
through the ordinary submission (channel `adviser`, the suggested items pre-selected).

Each is authorized on the lead's tenant and area, checks the lockVersion it read, and writes one
audit event; the conversion's application writes its own (`application.submit`) in the same
transaction, so the lead is converted exactly when the application exists.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications.submission import MaterialInput, Submission, submit
from socialaid.audit.person import person_key
from socialaid.audit.writer import write_event
from socialaid.discovery.kinds import LEAD_ACTIVE_STATES, LeadState
from socialaid.discovery.models import Lead
from socialaid.errors import ConflictError, DomainError, ErrorCode, NotFoundError
from socialaid.forms.answers import get_path
from socialaid.kernel.global_id import decode_global_id
from socialaid.kernel.unit_of_work import UnitOfWork, now_in_china
from socialaid.tenancy.service import get_tenant


class LeadClosedError(DomainError):
    """A lead already dismissed or converted is not handled again."""

    code = ErrorCode.ILLEGAL_TRANSITION


@dataclass(frozen=True)
class Conversion:
    answers: Mapping[str, Any]
    idempotency_key: str
    materials: Sequence[MaterialInput] = ()
    personal_commitment: bool = False


async def _locked(uow: UnitOfWork, lead_id: str, lock_version: int) -> tuple[Lead, Principal]:
    """The lead, locked for the change, with the actor authorized to handle it."""
    actor = authenticated(uow.actor)
    decoded = decode_global_id(lead_id)
    try:
        if decoded is None or decoded.type_name != "Lead" or len(decoded.parts) != 1:
            raise ValueError(lead_id)
        ident = uuid.UUID(decoded.parts[0])
    except ValueError:
        raise NotFoundError("没有这条线索", path=["input", "id"]) from None
    lead = await uow.session.scalar(select(Lead).where(col(Lead.id) == ident).with_for_update())
    if lead is None:
        raise NotFoundError("没有这条线索", path=["input", "id"])
    tenant = await get_tenant(uow.session, code=lead.tenant_id)
    principal = authorize(
        actor,
        Resource.LEAD,
        Action.UPDATE,
        Target(tenant_path=tenant.path, area_path=lead.area_path),
    )
    if lead.lock_version != lock_version:
        raise ConflictError("线索已被他人处理，请刷新后重试", path=["input", "lockVersion"])
    if LeadState(lead.state) not in LEAD_ACTIVE_STATES:
        raise LeadClosedError(
            f"线索已{'转为申请' if lead.state == LeadState.CONVERTED else '不予跟进'}，不能再处理",
            path=["input", "id"],
        )
    return lead, principal


async def _save(
    uow: UnitOfWork,
    lead: Lead,
    principal: Principal,
    action: str,
    changes: dict[str, Any],
    reason: str | None = None,
) -> Lead:
    before = {"state": lead.state, "assigned_to": lead.assigned_to}
    for key, value in changes.items():
        setattr(lead, key, value)
    lead.lock_version += 1
    lead.updated_at = now_in_china()
    await uow.session.flush()
    await write_event(
        uow.session,
        actor=principal,
        action=action,
        tenant_id=lead.tenant_id,
        subject_type="lead",
        subject_id=str(lead.id),
        before=before,
        after={k: str(v) if isinstance(v, uuid.UUID) else v for k, v in changes.items()},
        reason=reason,
        request_id=uow.request_id,
        person_key=lead.subject_key,
        application_id=str(lead.application_id) if lead.application_id else None,
    )
    return lead


async def lead_assign(
    uow: UnitOfWork, *, lead_id: str, lock_version: int, assignee: str | None
) -> Lead:
    """An adviser takes the lead (no assignee: the caller), or hands it to another adviser."""
    lead, principal = await _locked(uow, lead_id, lock_version)
    who = (assignee or principal.user_id).strip()
    if not who:
        raise DomainError("请指明跟进的社区救助顾问", path=["input", "assignee"])
    return await _save(
        uow,
        lead,
        principal,
        "lead.assign",
        {"state": LeadState.ASSIGNED.value, "assigned_to": who},
    )


async def lead_dismiss(uow: UnitOfWork, *, lead_id: str, lock_version: int, reason: str) -> Lead:
    """Close the lead without an application, saying why (visited, not in need, moved …)."""
    text = reason.strip()
    if not text:
        raise DomainError("请写明不予跟进的理由", path=["input", "reason"])
    lead, principal = await _locked(uow, lead_id, lock_version)
    return await _save(
        uow,
        lead,
        principal,
        "lead.dismiss",
        {"state": LeadState.DISMISSED.value, "dismissed_reason": text},
        reason=text,
    )


async def lead_convert(
    uow: UnitOfWork, *, lead_id: str, lock_version: int, conversion: Conversion
) -> tuple[Lead, Any]:
    """File an application for the family with the lead's suggested items, through the ordinary
    submission (channel `adviser`); the answers must be the resident's the lead is about."""
    lead, principal = await _locked(uow, lead_id, lock_version)
    id_number = get_path(dict(conversion.answers), ["applicant", "id_number"])
    if not isinstance(id_number, str) or person_key(uow.signing_key, id_number) != lead.subject_key:
        raise DomainError(
            "申请人身份证号与线索所指的居民不符",
            path=["input", "answers", "applicant", "id_number"],
        )
    submitted = await submit(
        uow,
        submission=Submission(
            tenant=lead.tenant_id,
            channel="adviser",
            items=list(lead.suggested_items),
            answers=conversion.answers,
            idempotency_key=conversion.idempotency_key,
            materials=conversion.materials,
            area=lead.area_path.rsplit("/", 1)[-1],
            personal_commitment=conversion.personal_commitment,
        ),
    )
    application = submitted.application
    lead = await _save(
        uow,
        lead,
        principal,
        "lead.convert",
        {
            "state": LeadState.CONVERTED.value,
            "application_id": application.id,
            "assigned_to": lead.assigned_to or principal.user_id,
        },
    )
    return lead, application
