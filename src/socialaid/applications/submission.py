"""The applicant's own acts: submitting one application for several items, and withdrawing it.

A submission is checked against the merged form it was filled in (answers, materials, exemptions,
the emergency provisions in force) and stored once per idempotency key: a retry with the same key
and the same content returns the same application, with other content CONFLICT. A withdrawal
withdraws every case still open with it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.sql.dml import ReturningInsert
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize, is_allowed
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications.emergency import COMMITMENT_PROVISIONS
from socialaid.applications.filing import check_filing
from socialaid.applications.models import CHANNELS, Application
from socialaid.applications.moves import (
    Move,
    application_target,
    application_transition,
    as_case,
    auto_granted_refs,
    finish,
    save,
    stale,
)
from socialaid.applications.planning import on_withdrawal, plan_cases
from socialaid.applications.records import ItemRefRecord, MaterialRecord, MaterialRecordState
from socialaid.applications.states import ApplicationEvent as AppEvent
from socialaid.applications.states import ApplicationState, Machine, transition
from socialaid.applications.submission_reads import read_for_submission
from socialaid.applications.timeline import TimelineKind
from socialaid.audit.person import person_key
from socialaid.catalogue.files import Channel, Exemption
from socialaid.catalogue.service import CatalogueCaches, tenant_view
from socialaid.errors import ConflictError, DomainError, NotFoundError
from socialaid.forms.answers import get_path
from socialaid.forms.exemption import MaterialState, MaterialStatus
from socialaid.forms.service import FormCaches, check_answers, form_for_selection
from socialaid.kernel.unit_of_work import UnitOfWork, now_in_china
from socialaid.materials.service import Reference, use_uploads
from socialaid.metrics.registry import APPLICATIONS_SUBMITTED
from socialaid.tenancy.models import Tenant

CHANNEL_LABELS = {
    "online": "网上申请",
    "window": "窗口申请",
    "self_service": "自助终端申请",
    "hotline_12345": "12345热线申请",
    "adviser": "社区救助顾问代为申请",
    "phone": "电话申请",
    "organisation": "基层组织代为申报",
}


def _insert_application() -> ReturningInsert[Application]:
    """INSERT … ON CONFLICT DO NOTHING RETURNING the row, every value a parameter: built once,
    so a submission does not build the statement and its cache key from its values again."""
    columns = Application.__table__.c  # type: ignore[attr-defined]
    names = [
        "tenant_id",
        "id",
        "idempotency_key",
        "request_hash",
        "channel",
        "state",
        "lock_version",
        "owner",
        "submitted_by",
        "applicant_name",
        "person_key",
        "area_path",
        "items",
        "item_refs",
        "form_hash",
        "answers",
        "materials",
        "personal_commitment",
        "emergency_provisions",
        "submitted_at",
        "updated_at",
    ]
    return (
        insert(Application)
        .values({name: bindparam(name, type_=columns[name].type) for name in names})
        .on_conflict_do_nothing(index_elements=["tenant_id", "submitted_by", "idempotency_key"])
        .returning(Application)
    )


# The row comes back with the insert (one round trip, not an INSERT and then a SELECT).
_INSERT_APPLICATION = _insert_application()


class AnswersInvalidError(DomainError):
    """The answers fail the form they were filled against; every field error is listed."""

    def __init__(self, errors: Sequence[tuple[str, str, str]]) -> None:
        self.errors = [{"path": p, "code": c, "message": m} for p, c, m in errors]
        first = errors[0][0]
        super().__init__(
            "答案未通过表单校验：" + "；".join(f"{p}：{m}" for p, _, m in errors[:10]),
            path=["answers", *first.split(".")],
        )

    @property
    def extensions(self) -> dict[str, Any]:
        return {**super().extensions, "fieldErrors": self.errors}


@dataclass(frozen=True)
class MaterialInput:
    """What the applicant supplies for a material of the form: an upload reference, or an
    election of deferral / personal commitment where an item allows it."""

    material: str  # FormMaterial.id
    subject: str | None = None  # subject path (applicant, household.members[1]); None: every one
    reference: str | None = None
    election: Exemption | None = None


@dataclass(frozen=True)
class Submission:
    tenant: str
    channel: str
    items: Sequence[str]
    answers: Mapping[str, Any]
    idempotency_key: str
    materials: Sequence[MaterialInput] = ()
    on_behalf_of: str | None = None
    area: str | None = None  # area code in the tenant; default: the submitter's own area
    personal_commitment: bool = False

    def fingerprint(self) -> str:
        body = {
            "tenant": self.tenant,
            "channel": self.channel,
            "items": sorted(self.items),
            "answers": self.answers,
            "materials": [
                [m.material, m.subject, m.reference, m.election and m.election.value]
                for m in self.materials
            ],
            "on_behalf_of": self.on_behalf_of,
            "area": self.area,
            "personal_commitment": self.personal_commitment,
        }
        encoded = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(encoded.encode()).hexdigest()


@dataclass(frozen=True)
class Submitted:
    application: Application
    replayed: bool  # an earlier submission with the same idempotency key


async def submit(
    uow: UnitOfWork,
    *,
    submission: Submission,
) -> Submitted:
    """One application for the selected items; the same idempotency key returns the same one."""
    session, actor, request_id = uow.session, authenticated(uow.actor), uow.request_id
    catalogue_caches, form_caches = uow.caches.of(CatalogueCaches), uow.caches.of(FormCaches)
    signing_key = uow.signing_key
    if submission.channel not in CHANNELS:
        raise DomainError(f"未知的申请渠道 {submission.channel}", path=["channel"])
    if not submission.idempotency_key.strip() or len(submission.idempotency_key) > 200:
        raise DomainError("幂等键应为 1 到 200 个字符", path=["idempotencyKey"])
    owner = submission.on_behalf_of or actor.user_id
    fingerprint = submission.fingerprint()
    now = now_in_china()
    as_of = now.date()
    reads = await read_for_submission(
        session,
        tenant=submission.tenant,
        area=submission.area,
        user=actor.user_id,
        idempotency_key=submission.idempotency_key,
        now=now,
    )
    if reads is None:
        raise NotFoundError(f"没有行政区划代码为 {submission.tenant} 的租户", path=["code"])
    tenant = reads.tenant

    async def replay() -> Submitted | None:
        existing = await session.scalar(
            select(Application).where(
                col(Application.tenant_id) == tenant.tenant_id,
                col(Application.submitted_by) == actor.user_id,
                col(Application.idempotency_key) == submission.idempotency_key,
            )
        )
        if existing is None:
            return None
        authorize(actor, Resource.APPLICATION, Action.SUBMIT, application_target(existing, tenant))
        if existing.request_hash != fingerprint:
            raise ConflictError("该幂等键已用于另一份不同的申请", path=["idempotencyKey"])
        return Submitted(existing, replayed=True)

    if reads.earlier is not None:
        earlier = await replay()
        if earlier is not None:
            return earlier

    # Refuse a caller with no business in this tenant before looking at what they sent.
    authorize(actor, Resource.APPLICATION, Action.SUBMIT, Target(tenant_path=tenant.path))
    area_path = _area_path(actor, tenant, submission.area, reads.area_path)
    authorize(
        actor,
        Resource.APPLICATION,
        Action.SUBMIT,
        Target(tenant_path=tenant.path, area_path=area_path, owner=owner),
    )
    form = await form_for_selection(
        session,
        catalogue_caches,
        form_caches,
        tenant=tenant.tenant_id,
        items=submission.items,
        as_of=as_of,
    )
    view = await tenant_view(session, catalogue_caches, tenant=tenant.tenant_id, as_of=as_of)
    check_filing(
        [view.specs[i.code] for i in form.items],
        channel=Channel(submission.channel),
        departments=actor.departments,
        on_behalf_of=submission.on_behalf_of,
    )
    filed = [ItemRefRecord.of_item(view.specs[i.code]) for i in form.items]
    refs = [record.item_ref() for record in filed]
    # Refuses cycles, duplicates and organised items before anything is stored, as triage will.
    plan_cases(refs, auto_granted=auto_granted_refs(view))

    requests = {m.material: m.election for m in submission.materials if m.election is not None}
    check = await check_answers(
        uow,
        form,
        submission.answers,
        tenant_path=tenant.path,
        confirm_with_shared_data=is_allowed(
            actor, Resource.SHARED_RECORD, Action.READ, Target(tenant_path=tenant.path)
        ),
        requests=requests,
    )
    if not check.validation.ok:
        raise AnswersInvalidError([(e.path, e.code, e.message) for e in check.validation.errors])
    provisions = reads.provisions
    commitment_allowed = submission.personal_commitment and bool(
        COMMITMENT_PROVISIONS & set(provisions)
    )
    materials, missing = _material_records(
        check.materials, submission.materials, commitment_allowed=commitment_allowed
    )
    if missing:
        raise DomainError("缺少必须上传的材料：" + "、".join(missing), path=["materials"])
    evidence = {status.material: status.evidence for status in check.materials}
    await use_uploads(
        uow,
        tenant_id=tenant.tenant_id,
        references=[
            Reference(m.reference, ["materials", str(i), "reference"], evidence.get(m.material))
            for i, m in enumerate(submission.materials)
            if m.reference is not None
        ],
    )

    answers = dict(check.validation.answers)
    id_number = get_path(answers, ["applicant", "id_number"])
    name = get_path(answers, ["applicant", "name"])
    application_id = uuid.uuid4()
    application = await session.scalar(
        _INSERT_APPLICATION,
        {
            "tenant_id": tenant.tenant_id,
            "id": application_id,
            "idempotency_key": submission.idempotency_key,
            "request_hash": fingerprint,
            "channel": submission.channel,
            "state": ApplicationState.SUBMITTED,
            "lock_version": 1,
            "owner": owner,
            "submitted_by": actor.user_id,
            "applicant_name": name if isinstance(name, str) else "",
            "person_key": person_key(signing_key, id_number)
            if isinstance(id_number, str)
            else None,
            "area_path": area_path,
            "items": [i.code for i in form.items],
            "item_refs": filed,
            "form_hash": form.content_hash,
            "answers": answers,
            "materials": materials,
            "personal_commitment": submission.personal_commitment,
            "emergency_provisions": provisions,
            "submitted_at": now,
            "updated_at": now,
        },
        execution_options={"populate_existing": True},
    )
    if application is None:  # a concurrent retry with the same key committed first
        winner = await replay()
        if winner is None:  # pragma: no cover - the conflicting row is committed by now
            raise stale("申请")
        return winner
    move = Move(application, tenant, [], now)
    move.add_event(
        TimelineKind.APPLICATION_SUBMITTED,
        actor.user_id,
        summary=f"{CHANNEL_LABELS[submission.channel]}：" + "、".join(ref.label for ref in refs),
        data={"channel": submission.channel, "items": application.items},
    )
    await finish(
        session,
        move,
        actor=actor,
        action="application.submit",
        subject_type="application",
        subject_id=str(application.id),
        before=None,
        after={
            "state": application.state.value,
            "items": application.items,
            "channel": application.channel,
            "form_hash": application.form_hash,
            "owner": owner,
        },
        reason=None,
        request_id=request_id,
        templates=view.notification_templates,
        every_case=[],  # cases open at triage
    )
    # Counted once the submission is in the database: a rolled-back one never happened.
    uow.after_commit(APPLICATIONS_SUBMITTED.labels(submission.channel).inc)
    return Submitted(application, replayed=False)


def _material_records(
    statuses: Sequence[MaterialStatus],
    supplied: Sequence[MaterialInput],
    *,
    commitment_allowed: bool,
) -> tuple[list[MaterialRecord], list[str]]:
    """Each material's status as stored, and the ones still missing."""
    known = {s.material for s in statuses}
    unknown = sorted({m.material for m in supplied} - known)
    if unknown:
        raise DomainError(
            "表单中没有这些材料：" + "、".join(unknown), path=["materials", unknown[0]]
        )
    references = {(m.material, m.subject): m.reference for m in supplied if m.reference is not None}
    records: list[MaterialRecord] = []
    missing: list[str] = []
    for status in statuses:
        state = MaterialRecordState(status.state.value)
        reason = status.reason
        reference = references.get((status.material, status.subject_path)) or references.get(
            (status.material, None)
        )
        if status.state is MaterialState.UPLOAD_REQUIRED:
            if reference is not None:
                state, reason = MaterialRecordState.UPLOADED, "已上传"
            elif commitment_allowed:
                state = MaterialRecordState.PERSONAL_COMMITMENT
                reason = "应急期间个人承诺，材料事后补齐"
            else:
                missing.append(f"{status.material}（{status.subject_path}）")
        elif reference is not None and status.state is MaterialState.OPTIONAL:
            state, reason = MaterialRecordState.UPLOADED, "已上传"
        c = status.confirmation
        records.append(
            MaterialRecord(
                material=status.material,
                evidence=status.evidence,
                subject=status.subject,
                subject_path=status.subject_path,
                status=state,
                reason=reason,
                required_by=status.required_by,
                reference=reference if reference is not None else (c.reference if c else None),
                exempt_via=c.via if c else None,
                issuer=c.issuer if c else None,
            )
        )
    return records, missing


def _area_path(actor: Principal, tenant: Tenant, area: str | None, found: str | None) -> str:
    """The path of the area named (`found`: its path as read, None if there is none), or the
    submitter's own area when none is named."""
    if area is None:
        if actor.area is not None and actor.tenant_id == tenant.tenant_id:
            return actor.area
        raise DomainError("请指明申请人所在的街道或社区（area）", path=["area"])
    if found is None:
        raise NotFoundError(f"{tenant.name}没有代码为 {area} 的街道或社区", path=["area"])
    return found


# ---------------------------------------------------------------- withdrawal


async def withdraw(
    uow: UnitOfWork,
    *,
    application_id: str,
    lock_version: int,
    reason: str | None = None,
) -> Application:
    """The applicant withdraws: the application and every case still open."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    actor, move, before, after = await application_transition(
        session,
        actor=actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=Resource.APPLICATION,
        action=Action.UPDATE,
        event=AppEvent.WITHDRAW,
    )
    by_code = {c.item_code: c for c in move.cases}
    withdrawn = on_withdrawal([as_case(c) for c in move.cases])
    for effect in withdrawn:
        case = by_code[effect.item]
        state = transition(Machine.CASE, case.state, effect.event)
        await save(session, case, state=state, updated_at=move.now)
        move.add_event(
            TimelineKind.CASE_WITHDRAWN, actor.user_id, case=case, summary=f"{case.item_name}已撤回"
        )
    await save(session, move.application, state=after, updated_at=move.now)
    move.add_event(
        TimelineKind.APPLICATION_WITHDRAWN,
        actor.user_id,
        summary="申请人撤回申请" + (f"：{reason.strip()}" if reason and reason.strip() else ""),
    )
    await finish(
        session,
        move,
        actor=actor,
        action="application.withdraw",
        subject_type="application",
        subject_id=str(move.application.id),
        before={"state": before.value},
        after={"state": after.value, "withdrawn_cases": [e.item for e in withdrawn]},
        reason=reason,
        request_id=request_id,
    )
    return move.application
