"""Applying once: submission, one-door triage, the joint meeting, department work, withdrawal.

Each operation authorizes once, checks every move against the state machine, writes its rows,
its timeline events and one audit event in the caller's transaction, and queues a notification
for `applicationUpdated`. Every mutation of an application or of one of its cases first locks the
application row, so the cascade a decision sets off and the application's completion see one
consistent set of cases; the client's `lock_version` must still be the row's, or CONFLICT.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col

from socialaid.access.decisions import (
    allowed_somewhere,
    authenticated,
    authorize,
    is_allowed,
)
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications import deadlines
from socialaid.applications.models import (
    CHANNELS,
    Application,
    ApplicationCase,
    ApplicationEvent,
    EmergencyMode,
)
from socialaid.applications.notices import (
    MissingNoticeValueError,
    NoticeKind,
    NoticeValues,
    RenderedNotice,
    render_notice,
)
from socialaid.applications.notifications import notify_application_changed
from socialaid.applications.planning import (
    Case,
    CloseCase,
    Decision,
    ForwardDecision,
    GrantAutomatically,
    ItemRef,
    Outcome,
    PlannedCase,
    ReleaseCase,
    on_decision,
    on_withdrawal,
    plan_cases,
)
from socialaid.applications.records import (
    decision_from_json,
    decision_to_json,
    item_ref_from_document,
    item_ref_from_json,
    item_ref_to_json,
    legal_basis_text,
)
from socialaid.applications.states import (
    CASE_FINAL_STATES,
    ApplicationState,
    CaseEvent,
    CaseState,
    Machine,
    transition,
)
from socialaid.applications.states import (
    ApplicationEvent as AppEvent,
)
from socialaid.audit.person import person_key
from socialaid.audit.writer import write_event
from socialaid.catalogue.files import Exemption, Mode
from socialaid.catalogue.models import TenantCatalogue
from socialaid.catalogue.service import CatalogueCaches, TenantView, tenant_view
from socialaid.clock import CHINA
from socialaid.errors import ConflictError, DomainError, NotFoundError
from socialaid.forms.answers import get_path
from socialaid.forms.exemption import MaterialState, MaterialStatus
from socialaid.forms.service import FormCaches, check_answers, form_for_selection
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.models import Area, Tenant
from socialaid.tenancy.service import get_tenant

# 003 §四: review within 48 hours on personal commitment; materials and checks completed later.
REVIEW_48H = "same_day_application_48h_review"
DEFERRED_MATERIALS = "deferred_checks_and_materials"
COMMITMENT_PROVISIONS = frozenset({REVIEW_48H, DEFERRED_MATERIALS})

CHANNEL_LABELS = {
    "online": "网上申请",
    "window": "窗口申请",
    "self_service": "自助终端申请",
    "hotline_12345": "12345热线申请",
    "adviser": "社区救助顾问代为申请",
}


# ---------------------------------------------------------------- errors


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


class NoDepartmentError(DomainError):
    """An item's department does not exist in the tenant: the joint meeting must assign one."""


def _stale(kind: str) -> ConflictError:
    return ConflictError(f"{kind}已被他人更新，请刷新后重试", path=["lockVersion"])


# ---------------------------------------------------------------- inputs


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
class DecisionInput:
    outcome: Outcome
    reasons: Sequence[str] = ()
    amount: Decimal | None = None
    period: str | None = None  # as the notice writes it; default from starts_on/period_months
    period_months: int | None = None
    starts_on: date | None = None
    basis: str | None = None  # legal basis; default: the item's
    documents: Sequence[str] = ()
    recognised_as: Sequence[str] = ()  # a recognition: the target groups it recognises


@dataclass(frozen=True)
class Submitted:
    application: Application
    replayed: bool  # an earlier submission with the same idempotency key


@dataclass
class _Ctx:
    """What one operation works on: the locked application, its tenant and its cases."""

    application: Application
    tenant: Tenant
    cases: list[ApplicationCase]
    now: datetime
    events: list[ApplicationEvent] = field(default_factory=list)


# ---------------------------------------------------------------- small helpers


def _now() -> datetime:
    return datetime.now(CHINA)


def _uuid(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFoundError(f"没有这个{what}", path=["id"]) from None


def application_target(application: Application, tenant: Tenant) -> Target:
    return Target(tenant_path=tenant.path, area_path=application.area_path, owner=application.owner)


def case_target(case: ApplicationCase, tenant: Tenant) -> Target:
    return Target(
        tenant_path=tenant.path,
        department=case.department,
        area_path=case.area_path,
        owner=case.owner,
    )


def _event(
    ctx: _Ctx,
    kind: str,
    actor: str,
    *,
    case: ApplicationCase | None = None,
    summary: str | None = None,
    data: Mapping[str, Any] | None = None,
) -> None:
    ctx.events.append(
        ApplicationEvent(
            tenant_id=ctx.application.tenant_id,
            application_id=ctx.application.id,
            case_id=case.id if case else None,
            item=case.item_code if case else None,
            department=case.department if case else None,
            kind=kind,
            summary=summary,
            data=dict(data or {}),
            actor=actor,
        )
    )


async def _save(session: AsyncSession, row: Application | ApplicationCase, **changes: Any) -> None:
    """Write `changes` if the row still has the lock_version it was read with, and bump it."""
    model = type(row)
    expected = row.lock_version
    result = await session.execute(
        update(model)
        .where(
            col(model.tenant_id) == row.tenant_id,
            col(model.id) == row.id,
            col(model.lock_version) == expected,
        )
        .values(**changes, lock_version=expected + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise _stale("申请" if model is Application else "案件")
    for key, value in {**changes, "lock_version": expected + 1}.items():
        set_committed_value(row, key, value)


async def _finish(
    session: AsyncSession,
    ctx: _Ctx,
    *,
    actor: Principal,
    action: str,
    subject_type: str,
    subject_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    reason: str | None,
    request_id: str | None,
    department: str | None = None,
) -> None:
    """Timeline events, the audit event and the notification: the end of every mutation.

    `department`: the department whose case was acted on (default: the actor's departments).
    """
    session.add_all(ctx.events)
    await write_event(
        session,
        actor=actor,
        action=action,
        tenant_id=ctx.application.tenant_id,
        subject_type=subject_type,
        subject_id=subject_id,
        before=before,
        after=after,
        reason=reason,
        request_id=request_id,
        application_id=str(ctx.application.id),
        person_key=ctx.application.person_key,
        department=department,
    )
    await notify_application_changed(session, str(ctx.application.id))
    await session.flush()


async def _lock_application(session: AsyncSession, application_id: uuid.UUID) -> Application:
    application = await session.scalar(
        select(Application)
        .where(col(Application.id) == application_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if application is None:
        raise NotFoundError("没有这个申请", path=["id"])
    return application


async def _cases_of(session: AsyncSession, application: Application) -> list[ApplicationCase]:
    result = await session.execute(
        select(ApplicationCase)
        .where(
            col(ApplicationCase.tenant_id) == application.tenant_id,
            col(ApplicationCase.application_id) == application.id,
        )
        .order_by(col(ApplicationCase.item_code))
        .execution_options(populate_existing=True)
    )
    return list(result.scalars())


async def _application_ctx(session: AsyncSession, application_id: str) -> _Ctx:
    application = await _lock_application(session, _uuid(application_id, "申请"))
    tenant = await get_tenant(session, code=application.tenant_id)
    return _Ctx(application, tenant, await _cases_of(session, application), _now())


async def _case_ctx(session: AsyncSession, case_id: str) -> tuple[_Ctx, ApplicationCase]:
    wanted = _uuid(case_id, "案件")
    application_id = await session.scalar(
        select(col(ApplicationCase.application_id)).where(col(ApplicationCase.id) == wanted)
    )
    if application_id is None:
        raise NotFoundError("没有这个案件", path=["caseId"])
    ctx = await _application_ctx(session, str(application_id))
    case = next(c for c in ctx.cases if c.id == wanted)
    return ctx, case


def _check_version(row: Application | ApplicationCase, lock_version: int) -> None:
    if row.lock_version != lock_version:
        raise _stale("申请" if isinstance(row, Application) else "案件")


def _refs(application: Application) -> list[ItemRef]:
    return [item_ref_from_json(ref) for ref in application.item_refs]


def _basis(application: Application, item: str) -> str | None:
    found = next((r for r in application.item_refs if r["code"] == item), None)
    return None if found is None else found.get("basis")


def _notice_json(notice: RenderedNotice) -> dict[str, Any]:
    return {
        "kind": notice.kind.value,
        "text": notice.text,
        "origin": notice.origin.value,
        "label": notice.label,
    }


def _templates(view: TenantView) -> Sequence[Any]:
    return view.config.notice_templates if view.config is not None else ()


def _case_snapshot(case: ApplicationCase) -> dict[str, Any]:
    return {"state": case.state, "lock_version": case.lock_version, "department": case.department}


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


async def _emergency_for(
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


# ---------------------------------------------------------------- submission


def _material_records(
    statuses: Sequence[MaterialStatus],
    supplied: Sequence[MaterialInput],
    *,
    commitment_allowed: bool,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Each material's status as stored, and the ones still missing."""
    known = {s.material for s in statuses}
    unknown = sorted({m.material for m in supplied} - known)
    if unknown:
        raise DomainError(
            "表单中没有这些材料：" + "、".join(unknown), path=["materials", unknown[0]]
        )
    references = {(m.material, m.subject): m.reference for m in supplied if m.reference is not None}
    records: list[dict[str, Any]] = []
    missing: list[str] = []
    for status in statuses:
        state = status.state.value
        reason = status.reason
        reference = references.get((status.material, status.subject_path)) or references.get(
            (status.material, None)
        )
        if status.state is MaterialState.UPLOAD_REQUIRED:
            if reference is not None:
                state, reason = "uploaded", "已上传"
            elif commitment_allowed:
                state, reason = "personal_commitment", "应急期间个人承诺，材料事后补齐"
            else:
                missing.append(f"{status.material}（{status.subject_path}）")
        elif reference is not None and status.state is MaterialState.OPTIONAL:
            state, reason = "uploaded", "已上传"
        c = status.confirmation
        records.append(
            {
                "material": status.material,
                "evidence": status.evidence,
                "subject": status.subject,
                "subject_path": status.subject_path,
                "status": state,
                "reason": reason,
                "required_by": list(status.required_by),
                "reference": reference if reference is not None else (c.reference if c else None),
                "exempt_via": c.via.value if c else None,
                "issuer": c.issuer if c else None,
            }
        )
    return records, missing


async def _area_path(
    session: AsyncSession, actor: Principal, tenant: Tenant, area: str | None
) -> str:
    if area is None:
        if actor.area is not None and actor.tenant_id == tenant.tenant_id:
            return actor.area
        raise DomainError("请指明申请人所在的街道或社区（area）", path=["area"])
    row = await session.get(Area, (tenant.tenant_id, area))
    if row is None:
        raise NotFoundError(f"{tenant.name}没有代码为 {area} 的街道或社区", path=["area"])
    return row.path


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
    tenant = await get_tenant(session, code=submission.tenant)
    owner = submission.on_behalf_of or actor.user_id
    fingerprint = submission.fingerprint()

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

    earlier = await replay()
    if earlier is not None:
        return earlier

    # Refuse a caller with no business in this tenant before looking at what they sent.
    authorize(actor, Resource.APPLICATION, Action.SUBMIT, Target(tenant_path=tenant.path))
    area_path = await _area_path(session, actor, tenant, submission.area)
    authorize(
        actor,
        Resource.APPLICATION,
        Action.SUBMIT,
        Target(tenant_path=tenant.path, area_path=area_path, owner=owner),
    )
    now = _now()
    as_of = now.date()
    form = await form_for_selection(
        session,
        catalogue_caches,
        form_caches,
        tenant=tenant.tenant_id,
        items=submission.items,
        as_of=as_of,
    )
    view = await tenant_view(session, catalogue_caches, tenant=tenant.tenant_id, as_of=as_of)
    refs = [item_ref_from_document(view.catalogue.items[i.code].document) for i in form.items]
    plan_cases(refs)  # refuses cycles, duplicates and organised items before anything is stored

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
    provisions = await active_provisions(session, tenant, now)
    commitment_allowed = submission.personal_commitment and bool(
        COMMITMENT_PROVISIONS & set(provisions)
    )
    materials, missing = _material_records(
        check.materials, submission.materials, commitment_allowed=commitment_allowed
    )
    if missing:
        raise DomainError("缺少必须上传的材料：" + "、".join(missing), path=["materials"])

    answers = dict(check.validation.answers)
    id_number = get_path(answers, ["applicant", "id_number"])
    name = get_path(answers, ["applicant", "name"])
    application_id = uuid.uuid4()
    inserted = await session.scalar(
        insert(Application)
        .values(
            tenant_id=tenant.tenant_id,
            id=application_id,
            idempotency_key=submission.idempotency_key,
            request_hash=fingerprint,
            channel=submission.channel,
            state=ApplicationState.SUBMITTED.value,
            lock_version=1,
            owner=owner,
            submitted_by=actor.user_id,
            applicant_name=name if isinstance(name, str) else "",
            person_key=person_key(signing_key, id_number) if isinstance(id_number, str) else None,
            area_path=area_path,
            items=[i.code for i in form.items],
            item_refs=[
                item_ref_to_json(
                    ref, basis=legal_basis_text(view.catalogue.items[ref.code].document)
                )
                for ref in refs
            ],
            form_hash=form.content_hash,
            answers=answers,
            materials=materials,
            personal_commitment=submission.personal_commitment,
            emergency_provisions=provisions,
            submitted_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing(index_elements=["tenant_id", "submitted_by", "idempotency_key"])
        .returning(col(Application.id))
    )
    if inserted is None:  # a concurrent retry with the same key committed first
        winner = await replay()
        if winner is None:  # pragma: no cover - the conflicting row is committed by now
            raise _stale("申请")
        return winner
    application = await session.get_one(Application, (tenant.tenant_id, application_id))
    ctx = _Ctx(application, tenant, [], now)
    _event(
        ctx,
        "application.submitted",
        actor.user_id,
        summary=f"{CHANNEL_LABELS[submission.channel]}：" + "、".join(ref.label for ref in refs),
        data={"channel": submission.channel, "items": application.items},
    )
    await _finish(
        session,
        ctx,
        actor=actor,
        action="application.submit",
        subject_type="application",
        subject_id=str(application.id),
        before=None,
        after={
            "state": application.state,
            "items": application.items,
            "channel": application.channel,
            "form_hash": application.form_hash,
            "owner": owner,
        },
        reason=None,
        request_id=request_id,
    )
    return Submitted(application, replayed=False)


# ---------------------------------------------------------------- opening cases


async def _open_cases(
    session: AsyncSession,
    ctx: _Ctx,
    view: TenantView,
    actor: Principal,
    assigned: Mapping[str, str],
) -> list[ApplicationCase]:
    """One case per item, owned by its department (or the one the joint meeting assigned)."""
    application = ctx.application
    refs = _refs(application)
    unknown = sorted(set(assigned) - {ref.code for ref in refs})
    if unknown:
        raise DomainError("申请中没有这些事项：" + "、".join(unknown), path=["departments"])
    owners = {}
    for ref in refs:
        code = assigned.get(ref.code, ref.department)
        department = view.departments.get(code)
        if department is None:
            raise NoDepartmentError(
                f"“{ref.label}”的承办部门 {code} 在本地区未设立，请提交联席会议指定承办部门",
                path=["items", ref.code],
            )
        owners[ref.code] = department
    emergency = await _emergency_for(session, application, ctx.tenant, ctx.now)
    created = []
    for planned in plan_cases(refs):
        created.append(
            _new_case(ctx, planned, owners[planned.code].code, owners[planned.code].name, emergency)
        )
    session.add_all(created)
    for case in created:
        _event(
            ctx,
            "case.opened" if case.state == CaseState.READY else "case.waiting",
            actor.user_id,
            case=case,
            summary=f"{case.department_name}：{case.item_name}"
            + ("开始办理" if case.state == CaseState.READY else "等待前置事项办结"),
            data={"state": case.state, "waiting_on": case.waiting_on},
        )
    return created


def _new_case(
    ctx: _Ctx,
    planned: PlannedCase,
    department: str,
    department_name: str,
    emergency: deadlines.EmergencyMode | None,
    *,
    state: CaseState | None = None,
) -> ApplicationCase:
    application = ctx.application
    state = state or planned.state
    ref = next(
        (r for r in application.item_refs if r["code"] == planned.code),
        item_ref_to_json(planned.item),
    )
    started = ctx.now if state is CaseState.READY else None
    return ApplicationCase(
        tenant_id=application.tenant_id,
        id=uuid.uuid4(),
        application_id=application.id,
        item_code=planned.code,
        item_name=planned.item.label,
        item_ref=ref,
        department=department,
        department_name=department_name,
        owner=application.owner,
        area_path=application.area_path,
        state=state.value,
        lock_version=1,
        waiting_on=list(planned.waiting_on),
        clock_started_at=started,
        due_at=(
            deadlines.case_deadline(started, planned.item.promised_working_days, emergency)
            if started is not None
            else None
        ),
        received=[{"note": note.message, "items": list(note.items)} for note in planned.notes],
        created_at=ctx.now,
        updated_at=ctx.now,
    )


# ---------------------------------------------------------------- triage and joint meeting


async def _application_transition(
    session: AsyncSession,
    *,
    actor: Principal | None,
    application_id: str,
    lock_version: int,
    resource: Resource,
    action: Action,
    event: AppEvent,
) -> tuple[Principal, _Ctx, ApplicationState, ApplicationState]:
    actor = allowed_somewhere(actor, resource, action)
    ctx = await _application_ctx(session, application_id)
    authorize(actor, resource, action, application_target(ctx.application, ctx.tenant))
    _check_version(ctx.application, lock_version)
    before = ApplicationState(ctx.application.state)
    return actor, ctx, before, transition(Machine.APPLICATION, before, event)


async def triage_accept(
    uow: UnitOfWork,
    *,
    application_id: str,
    lock_version: int,
) -> Application:
    """One door accepts: a case per item goes to its department (waiting ones wait)."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    catalogue_caches = uow.caches.of(CatalogueCaches)
    actor, ctx, before, after = await _application_transition(
        session,
        actor=actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=Resource.TRIAGE,
        action=Action.DECIDE,
        event=AppEvent.ACCEPT,
    )
    view = await tenant_view(
        session, catalogue_caches, tenant=ctx.tenant.tenant_id, as_of=ctx.now.date()
    )
    cases = await _open_cases(session, ctx, view, actor, {})
    triage = {"outcome": "accepted", "by": actor.user_id, "at": ctx.now.isoformat()}
    await _save(session, ctx.application, state=after.value, triage=triage, updated_at=ctx.now)
    _event(
        ctx,
        "application.accepted",
        actor.user_id,
        summary="一门受理：已受理，分送" + "、".join(sorted({c.department_name for c in cases})),
    )
    await _finish(
        session,
        ctx,
        actor=actor,
        action="application.triage.accept",
        subject_type="application",
        subject_id=str(ctx.application.id),
        before={"state": before.value},
        after={"state": after.value, "cases": {c.item_code: c.state for c in cases}},
        reason=None,
        request_id=request_id,
    )
    return ctx.application


def _clean_reasons(reasons: Sequence[str], path: str = "reasons") -> tuple[str, ...]:
    cleaned = tuple(r.strip() for r in reasons if r.strip())
    if not cleaned:
        raise DomainError("请写明理由", path=[path])
    return cleaned


async def _reject(
    session: AsyncSession,
    *,
    actor: Principal | None,
    catalogue_caches: CatalogueCaches,
    application_id: str,
    lock_version: int,
    reasons: Sequence[str],
    resource: Resource,
    action_name: str,
    by: str,
    request_id: str | None,
) -> Application:
    actor, ctx, before, after = await _application_transition(
        session,
        actor=actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=resource,
        action=Action.DECIDE,
        event=AppEvent.REJECT,
    )
    cleaned = _clean_reasons(reasons)
    view = await tenant_view(
        session, catalogue_caches, tenant=ctx.tenant.tenant_id, as_of=ctx.now.date()
    )
    notice = render_notice(
        NoticeKind.REJECT,
        NoticeValues(
            applicant=ctx.application.applicant_name,
            item="、".join(ref.label for ref in _refs(ctx.application)),
            department=f"{ctx.tenant.name}{by}",
            reasons=cleaned,
            issued_on=ctx.now.date(),
        ),
        _templates(view),
    )
    triage = {
        "outcome": "rejected",
        "reasons": list(cleaned),
        "notice": _notice_json(notice),
        "by": actor.user_id,
        "at": ctx.now.isoformat(),
    }
    await _save(session, ctx.application, state=after.value, triage=triage, updated_at=ctx.now)
    _event(
        ctx,
        "application.rejected",
        actor.user_id,
        summary="不予受理：" + "；".join(cleaned),
        data={"reasons": list(cleaned), "notice": notice.text},
    )
    await _finish(
        session,
        ctx,
        actor=actor,
        action=action_name,
        subject_type="application",
        subject_id=str(ctx.application.id),
        before={"state": before.value},
        after={"state": after.value},
        reason="；".join(cleaned),
        request_id=request_id,
    )
    return ctx.application


async def triage_reject(
    uow: UnitOfWork,
    *,
    application_id: str,
    lock_version: int,
    reasons: Sequence[str],
) -> Application:
    """One door refuses the application; the applicant is told why (a reject notice)."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    catalogue_caches = uow.caches.of(CatalogueCaches)
    return await _reject(
        session,
        actor=actor,
        catalogue_caches=catalogue_caches,
        application_id=application_id,
        lock_version=lock_version,
        reasons=reasons,
        resource=Resource.TRIAGE,
        action_name="application.triage.reject",
        by="社会救助受理窗口",
        request_id=request_id,
    )


async def joint_meeting_reject(
    uow: UnitOfWork,
    *,
    application_id: str,
    lock_version: int,
    reasons: Sequence[str],
) -> Application:
    """The joint meeting finds no assistance applies to an escalated application."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    catalogue_caches = uow.caches.of(CatalogueCaches)
    return await _reject(
        session,
        actor=actor,
        catalogue_caches=catalogue_caches,
        application_id=application_id,
        lock_version=lock_version,
        reasons=reasons,
        resource=Resource.JOINT_MEETING,
        action_name="application.joint_meeting.reject",
        by="社会救助联席会议办公室",
        request_id=request_id,
    )


async def triage_escalate(
    uow: UnitOfWork,
    *,
    application_id: str,
    lock_version: int,
    reason: str,
) -> Application:
    """To the joint meeting: no department fits, or several must agree (002 §5.3)."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    if not reason.strip():
        raise DomainError("请写明提交联席会议的理由", path=["reason"])
    actor, ctx, before, after = await _application_transition(
        session,
        actor=actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=Resource.TRIAGE,
        action=Action.ESCALATE,
        event=AppEvent.ESCALATE,
    )
    triage = {
        "outcome": "escalated",
        "reason": reason.strip(),
        "by": actor.user_id,
        "at": ctx.now.isoformat(),
    }
    await _save(session, ctx.application, state=after.value, triage=triage, updated_at=ctx.now)
    _event(ctx, "application.escalated", actor.user_id, summary="提交联席会议：" + reason.strip())
    await _finish(
        session,
        ctx,
        actor=actor,
        action="application.triage.escalate",
        subject_type="application",
        subject_id=str(ctx.application.id),
        before={"state": before.value},
        after={"state": after.value},
        reason=reason.strip(),
        request_id=request_id,
    )
    return ctx.application


async def joint_meeting_assign(
    uow: UnitOfWork,
    *,
    application_id: str,
    lock_version: int,
    departments: Mapping[str, str],
    lead: str,
) -> Application:
    """The joint meeting names the department of each item (where it differs) and a lead."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    catalogue_caches = uow.caches.of(CatalogueCaches)
    actor, ctx, before, after = await _application_transition(
        session,
        actor=actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=Resource.JOINT_MEETING,
        action=Action.DECIDE,
        event=AppEvent.ASSIGN,
    )
    view = await tenant_view(
        session, catalogue_caches, tenant=ctx.tenant.tenant_id, as_of=ctx.now.date()
    )
    if lead not in view.departments:
        raise NoDepartmentError(f"本地区没有部门 {lead}", path=["lead"])
    cases = await _open_cases(session, ctx, view, actor, departments)
    await _save(
        session,
        ctx.application,
        state=after.value,
        lead_department=lead,
        triage={**(ctx.application.triage or {}), "assigned_by": actor.user_id},
        updated_at=ctx.now,
    )
    _event(
        ctx,
        "application.assigned",
        actor.user_id,
        summary=f"联席会议指定牵头部门{view.departments[lead].name}，分送"
        + "、".join(sorted({c.department_name for c in cases})),
        data={"lead": lead, "departments": dict(departments)},
    )
    await _finish(
        session,
        ctx,
        actor=actor,
        action="application.joint_meeting.assign",
        subject_type="application",
        subject_id=str(ctx.application.id),
        before={"state": before.value},
        after={"state": after.value, "lead": lead, "departments": dict(departments)},
        reason=None,
        request_id=request_id,
    )
    return ctx.application


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
    actor, ctx, before, after = await _application_transition(
        session,
        actor=actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=Resource.APPLICATION,
        action=Action.UPDATE,
        event=AppEvent.WITHDRAW,
    )
    by_code = {c.item_code: c for c in ctx.cases}
    withdrawn = on_withdrawal([_as_case(c) for c in ctx.cases])
    for effect in withdrawn:
        case = by_code[effect.item]
        state = transition(Machine.CASE, CaseState(case.state), effect.event)
        await _save(session, case, state=state.value, updated_at=ctx.now)
        _event(ctx, "case.withdrawn", actor.user_id, case=case, summary=f"{case.item_name}已撤回")
    await _save(session, ctx.application, state=after.value, updated_at=ctx.now)
    _event(
        ctx,
        "application.withdrawn",
        actor.user_id,
        summary="申请人撤回申请" + (f"：{reason.strip()}" if reason and reason.strip() else ""),
    )
    await _finish(
        session,
        ctx,
        actor=actor,
        action="application.withdraw",
        subject_type="application",
        subject_id=str(ctx.application.id),
        before={"state": before.value},
        after={"state": after.value, "withdrawn_cases": [e.item for e in withdrawn]},
        reason=reason,
        request_id=request_id,
    )
    return ctx.application


# ---------------------------------------------------------------- department work


def _as_case(case: ApplicationCase) -> Case:
    return Case(
        item=item_ref_from_json(case.item_ref),
        state=CaseState(case.state),
        decision=decision_from_json(case.decision),
    )


async def _case_transition(
    session: AsyncSession,
    *,
    actor: Principal | None,
    case_id: str,
    lock_version: int,
    resource: Resource,
    action: Action,
    event: CaseEvent,
    use_case_target: bool = True,
) -> tuple[Principal, _Ctx, ApplicationCase, CaseState, CaseState]:
    actor = allowed_somewhere(actor, resource, action)
    ctx, case = await _case_ctx(session, case_id)
    target = (
        case_target(case, ctx.tenant)
        if use_case_target
        else application_target(ctx.application, ctx.tenant)
    )
    authorize(actor, resource, action, target)
    _check_version(case, lock_version)
    before = CaseState(case.state)
    return actor, ctx, case, before, transition(Machine.CASE, before, event)


async def acknowledge(
    uow: UnitOfWork,
    *,
    case_id: str,
    lock_version: int,
) -> ApplicationCase:
    """The department takes the case up."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    actor, ctx, case, before, after = await _case_transition(
        session,
        actor=actor,
        case_id=case_id,
        lock_version=lock_version,
        resource=Resource.CASE,
        action=Action.UPDATE,
        event=CaseEvent.ACKNOWLEDGE,
    )
    await _save(session, case, state=after.value, updated_at=ctx.now)
    _event(
        ctx, "case.acknowledged", actor.user_id, case=case, summary=f"{case.department_name}已受理"
    )
    await _finish(
        session,
        ctx,
        actor=actor,
        action="case.acknowledge",
        subject_type="case",
        subject_id=str(case.id),
        department=case.department,
        before={"state": before.value},
        after={"state": after.value},
        reason=None,
        request_id=request_id,
    )
    return case


async def request_supplement(
    uow: UnitOfWork,
    *,
    case_id: str,
    lock_version: int,
    materials: Sequence[str],
    deadline: date | None = None,
    working_days: int | None = None,
) -> ApplicationCase:
    """补正: the department asks for materials by a deadline (a date, or working days from now)."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    catalogue_caches = uow.caches.of(CatalogueCaches)
    actor, ctx, case, before, after = await _case_transition(
        session,
        actor=actor,
        case_id=case_id,
        lock_version=lock_version,
        resource=Resource.CASE,
        action=Action.UPDATE,
        event=CaseEvent.REQUEST_SUPPLEMENT,
    )
    wanted = _clean_reasons(materials, "materials")
    today = ctx.now.date()
    if deadline is None:
        if working_days is None or working_days < 1:
            raise DomainError("请给出补正期限（日期或工作日数）", path=["deadline"])
        deadline = deadlines.add_working_days(today, working_days)
    if deadline <= today:
        raise DomainError("补正期限应晚于今天", path=["deadline"])
    view = await tenant_view(session, catalogue_caches, tenant=ctx.tenant.tenant_id, as_of=today)
    notice = render_notice(
        NoticeKind.SUPPLEMENT,
        NoticeValues(
            applicant=ctx.application.applicant_name,
            item=case.item_name,
            department=case.department_name,
            materials=wanted,
            deadline=deadline,
            issued_on=today,
        ),
        _templates(view),
    )
    supplement = {
        "materials": list(wanted),
        "deadline": deadline.isoformat(),
        "notice": _notice_json(notice),
        "requested_by": actor.user_id,
        "requested_at": ctx.now.isoformat(),
        "supplied": [],
    }
    await _save(session, case, state=after.value, supplement=supplement, updated_at=ctx.now)
    _event(
        ctx,
        "case.supplement_requested",
        actor.user_id,
        case=case,
        summary=f"{case.department_name}要求补正：" + "、".join(wanted),
        data={"materials": list(wanted), "deadline": deadline.isoformat()},
    )
    await _finish(
        session,
        ctx,
        actor=actor,
        action="case.request_supplement",
        subject_type="case",
        subject_id=str(case.id),
        department=case.department,
        before={"state": before.value},
        after={"state": after.value, "supplement": supplement},
        reason=None,
        request_id=request_id,
    )
    return case


async def supply(
    uow: UnitOfWork,
    *,
    case_id: str,
    lock_version: int,
    references: Sequence[str],
) -> ApplicationCase:
    """The applicant (or whoever acts for them) supplies what the 补正 asked for."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    actor, ctx, case, before, after = await _case_transition(
        session,
        actor=actor,
        case_id=case_id,
        lock_version=lock_version,
        resource=Resource.APPLICATION,
        action=Action.UPDATE,
        event=CaseEvent.SUPPLY,
        use_case_target=False,
    )
    supplied = _clean_reasons(references, "references")
    supplement = {
        **(case.supplement or {}),
        "supplied": [*(case.supplement or {}).get("supplied", []), *supplied],
        "supplied_at": ctx.now.isoformat(),
    }
    await _save(session, case, state=after.value, supplement=supplement, updated_at=ctx.now)
    _event(ctx, "case.supplied", actor.user_id, case=case, summary="已补正材料")
    await _finish(
        session,
        ctx,
        actor=actor,
        action="case.supply",
        subject_type="case",
        subject_id=str(case.id),
        department=case.department,
        before={"state": before.value},
        after={"state": after.value, "supplied": list(supplied)},
        reason=None,
        request_id=request_id,
    )
    return case


def _period_text(decision: DecisionInput) -> str | None:
    if decision.period:
        return decision.period
    parts = []
    if decision.starts_on is not None:
        start = decision.starts_on
        parts.append(f"自{start.year}年{start.month}月{start.day}日起")
    if decision.period_months is not None:
        parts.append(f"{decision.period_months}个月")
    return "".join(parts) or None


def _render_decision(
    kind: NoticeKind, values: NoticeValues, view: TenantView, *, automatic: bool
) -> RenderedNotice:
    try:
        return render_notice(kind, values, _templates(view))
    except MissingNoticeValueError:
        if not automatic:
            raise
        # A grant nobody wrote has no amount or period for the tenant's template to cite.
        return render_notice(kind, values)


def _recognised_as(view: TenantView, item: str, decision: DecisionInput) -> tuple[str, ...]:
    """The target groups an approval recognises: only among the item's own target groups, and
    required where another item's dependency counts the approval only as some of them."""
    recognised = tuple(dict.fromkeys(g.strip() for g in decision.recognised_as if g.strip()))
    if not recognised:
        if decision.outcome is Outcome.APPROVED and any(
            group.approved_as is not None and item in group.items
            for spec in view.specs.values()
            for group in spec.requires_decision_of
        ):
            raise DomainError(
                "请写明认定的对象类别（recognisedAs），后续事项据此办理", path=["recognisedAs"]
            )
        return ()
    if decision.outcome is not Outcome.APPROVED:
        raise DomainError("不予认定时不写对象类别", path=["recognisedAs"])
    spec = view.specs.get(item)
    allowed = set(spec.target_groups) if spec is not None else set()
    unknown = [g for g in recognised if g not in allowed]
    if unknown:
        raise DomainError(f"“{item}”的救助对象中没有：{'、'.join(unknown)}", path=["recognisedAs"])
    return recognised


async def decide(
    uow: UnitOfWork,
    *,
    case_id: str,
    lock_version: int,
    decision: DecisionInput,
) -> ApplicationCase:
    """Approve or deny a case, with its notice; forward the decision to the cases that wait for
    it, release, close or grant them (免申即享), and complete the application when all are final."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    catalogue_caches = uow.caches.of(CatalogueCaches)
    event = CaseEvent.APPROVE if decision.outcome is Outcome.APPROVED else CaseEvent.DENY
    if decision.amount is not None and decision.amount < 0:
        raise DomainError("救助金额不能为负", path=["amount"])
    if decision.period_months is not None and decision.period_months < 1:
        raise DomainError("救助期限应至少 1 个月", path=["periodMonths"])
    actor, ctx, case, before, after = await _case_transition(
        session,
        actor=actor,
        case_id=case_id,
        lock_version=lock_version,
        resource=Resource.CASE,
        action=Action.DECIDE,
        event=event,
    )
    application = ctx.application
    today = ctx.now.date()
    view = await tenant_view(session, catalogue_caches, tenant=ctx.tenant.tenant_id, as_of=today)
    made = Decision(
        outcome=decision.outcome,
        recognised_as=_recognised_as(view, case.item_code, decision),
        reasons=tuple(r.strip() for r in decision.reasons if r.strip()),
        amount=decision.amount,
        period=_period_text(decision),
        basis=(decision.basis or "").strip() or _basis(application, case.item_code),
        documents=tuple(decision.documents),
        reference=str(case.id),
    )
    notice = _render_decision(
        NoticeKind.APPROVE if made.outcome is Outcome.APPROVED else NoticeKind.DENY,
        NoticeValues(
            applicant=application.applicant_name,
            item=case.item_name,
            department=case.department_name,
            amount=made.amount,
            period=made.period,
            reasons=made.reasons,
            basis=made.basis,
            issued_on=today,
        ),
        view,
        automatic=False,
    )
    stored = decision_to_json(
        made,
        decided_by=actor.user_id,
        decided_at=ctx.now,
        starts_on=decision.starts_on,
        period_months=decision.period_months,
    )
    await _save(
        session,
        case,
        state=after.value,
        decision=stored,
        notice=_notice_json(notice),
        updated_at=ctx.now,
    )
    _event(
        ctx,
        f"case.{after.value}",
        actor.user_id,
        case=case,
        summary=f"{case.department_name}决定"
        + ("准予救助" if made.outcome is Outcome.APPROVED else "不予救助")
        + (f"：{'；'.join(made.reasons)}" if made.reasons else ""),
        data={"decision": stored, "notice": notice.text},
    )
    cascade = await _apply_decision_effects(session, ctx, view, actor, case, made, notice)
    completed = await _complete_if_done(session, ctx, actor)
    await _finish(
        session,
        ctx,
        actor=actor,
        action=f"case.decide.{made.outcome.value}",
        subject_type="case",
        subject_id=str(case.id),
        department=case.department,
        before={"state": before.value},
        after={
            "state": after.value,
            "decision": stored,
            "effects": cascade,
            "application_completed": completed,
        },
        reason="；".join(made.reasons) or None,
        request_id=request_id,
    )
    return case


async def _apply_decision_effects(
    session: AsyncSession,
    ctx: _Ctx,
    view: TenantView,
    actor: Principal,
    decided: ApplicationCase,
    made: Decision,
    notice: RenderedNotice,
) -> list[dict[str, Any]]:
    """Carry out what planning says the decision sets off; returns them for the audit record."""
    application = ctx.application
    cases = [c if c.id != decided.id else decided for c in ctx.cases]
    by_code = {c.item_code: c for c in cases}
    tenant_auto = [
        item_ref_from_document(item.document)
        for item in view.catalogue.items.values()
        if item.document.get("mode") == Mode.AUTO_GRANTED.value
    ]
    effects = on_decision(
        [_as_case(c) for c in cases], decided.item_code, made, auto_granted=tenant_auto
    )
    emergency = None
    if any(isinstance(e, ReleaseCase) for e in effects):
        emergency = await _emergency_for(session, application, ctx.tenant, ctx.now)
    pending: dict[str, dict[str, Any]] = {}

    def change(case: ApplicationCase, **values: Any) -> None:
        pending.setdefault(case.item_code, {}).update(values)

    def current(case: ApplicationCase, key: str) -> Any:
        return pending.get(case.item_code, {}).get(key, getattr(case, key))

    log: list[dict[str, Any]] = []
    for effect in effects:
        if isinstance(effect, ForwardDecision):
            target = by_code[effect.item]
            received = [
                *current(target, "received"),
                {
                    "predecessor": effect.predecessor,
                    "decision": decided.decision,
                    "notice": notice.text,
                    "documents": list(effect.decision.documents),
                    "at": ctx.now.isoformat(),
                },
            ]
            change(target, received=received)
            _event(
                ctx,
                "case.decision_received",
                actor.user_id,
                case=target,
                summary=f"收到前置事项“{decided.item_name}”的决定",
                data={"predecessor": effect.predecessor, "outcome": made.outcome.value},
            )
            log.append({"effect": "forward", "item": effect.item})
        elif isinstance(effect, ReleaseCase):
            target = by_code[effect.item]
            state = transition(Machine.CASE, CaseState(current(target, "state")), effect.event)
            ref = item_ref_from_json(target.item_ref)
            change(
                target,
                state=state.value,
                clock_started_at=ctx.now,
                due_at=deadlines.case_deadline(ctx.now, ref.promised_working_days, emergency),
            )
            _event(
                ctx,
                "case.released",
                actor.user_id,
                case=target,
                summary=f"前置事项已办结，{target.department_name}开始办理{target.item_name}",
            )
            log.append({"effect": "release", "item": effect.item})
        elif isinstance(effect, CloseCase):
            target = by_code[effect.item]
            state = transition(Machine.CASE, CaseState(current(target, "state")), effect.event)
            change(target, state=state.value, closed_reason=effect.reason)
            _event(
                ctx,
                "case.closed",
                actor.user_id,
                case=target,
                summary=effect.reason,
                data={"predecessors": list(effect.predecessors)},
            )
            log.append({"effect": "close", "item": effect.item})
        elif isinstance(effect, GrantAutomatically):
            log.append(await _grant(session, ctx, view, actor, effect, by_code, change, current))
    for code, values in pending.items():
        await _save(session, by_code[code], **values, updated_at=ctx.now)
    return log


async def _grant(
    session: AsyncSession,
    ctx: _Ctx,
    view: TenantView,
    actor: Principal,
    effect: GrantAutomatically,
    by_code: dict[str, ApplicationCase],
    change: Any,
    current: Any,
) -> dict[str, Any]:
    """免申即享: approve an auto_granted item, creating its case if the applicant did not select it."""
    application = ctx.application
    ref = effect.item
    document = view.catalogue.items.get(ref.code)
    basis = legal_basis_text(document.document) if document is not None else None
    made = Decision(
        outcome=Outcome.APPROVED,
        basis=_basis(application, ref.code) or basis,
        documents=(f"trigger:{effect.trigger}",),
    )
    if effect.case_exists:
        target = by_code[ref.code]
        department_name = target.department_name
    else:
        department = view.departments.get(ref.department)
        department_name = department.name if department is not None else ref.department
    notice = _render_decision(
        NoticeKind.APPROVE,
        NoticeValues(
            applicant=application.applicant_name,
            item=ref.label,
            department=department_name,
            basis=made.basis,
            issued_on=ctx.now.date(),
        ),
        view,
        automatic=True,
    )
    stored = decision_to_json(
        made, decided_by="system", decided_at=ctx.now, automatic=True, trigger=effect.trigger
    )
    if effect.case_exists:
        state = transition(Machine.CASE, CaseState(current(target, "state")), effect.event)
        change(target, state=state.value, decision=stored, notice=_notice_json(notice))
    else:
        planned = PlannedCase(item=ref, state=CaseState.APPROVED)
        target = _new_case(
            ctx, planned, ref.department, department_name, None, state=CaseState.APPROVED
        )
        target.item_ref = item_ref_to_json(ref, basis=basis)
        target.decision = stored
        target.notice = _notice_json(notice)
        session.add(target)
        ctx.cases.append(target)
        by_code[ref.code] = target
    _event(
        ctx,
        "case.granted_automatically",
        actor.user_id,
        case=target,
        summary=f"免申即享：“{ref.label}”随前置事项获准自动准予",
        data={"trigger": effect.trigger, "notice": notice.text},
    )
    return {"effect": "grant", "item": ref.code, "created": not effect.case_exists}


async def _complete_if_done(session: AsyncSession, ctx: _Ctx, actor: Principal) -> bool:
    application = ctx.application
    if application.state != ApplicationState.ACCEPTED:
        return False
    await session.flush()
    states = await session.execute(
        select(col(ApplicationCase.state)).where(
            col(ApplicationCase.tenant_id) == application.tenant_id,
            col(ApplicationCase.application_id) == application.id,
        )
    )
    if not all(CaseState(s) in CASE_FINAL_STATES for s in states.scalars()):
        return False
    after = transition(Machine.APPLICATION, ApplicationState.ACCEPTED, AppEvent.COMPLETE)
    await _save(session, application, state=after.value, updated_at=ctx.now)
    _event(ctx, "application.completed", actor.user_id, summary="全部事项已办结")
    return True


# ---------------------------------------------------------------- emergency mode


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
        "updated_at": _now(),
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
