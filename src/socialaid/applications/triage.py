"""One-door triage and the joint meeting: accepting, rejecting or escalating an application, and
the joint meeting's assignment or rejection of an escalated one.

Accepting (or the meeting's assignment) opens a case per item with its department; cases whose
predecessors have not been decided wait for them (planning decides which).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications.emergency import emergency_for
from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.moves import (
    Move,
    application_transition,
    auto_granted_refs,
    clean_reasons,
    finish,
    item_refs,
    new_case,
    notice_templates,
    save,
)
from socialaid.applications.notices import NoticeKind, NoticeValues, render_notice
from socialaid.applications.planning import plan_cases
from socialaid.applications.records import NoticeRecord, TriageRecord
from socialaid.applications.states import ApplicationEvent as AppEvent
from socialaid.applications.states import CaseState
from socialaid.applications.timeline import TimelineKind
from socialaid.calendars.service import calendar_for
from socialaid.catalogue.service import CatalogueCaches, TenantView, tenant_view
from socialaid.errors import DomainError
from socialaid.kernel.unit_of_work import UnitOfWork


class NoDepartmentError(DomainError):
    """An item's department does not exist in the tenant: the joint meeting must assign one."""


async def triage_accept(
    uow: UnitOfWork,
    *,
    application_id: str,
    lock_version: int,
) -> Application:
    """One door accepts: a case per item goes to its department (waiting ones wait)."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    catalogue_caches = uow.caches.of(CatalogueCaches)
    actor, move, before, after = await application_transition(
        session,
        actor=actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=Resource.TRIAGE,
        action=Action.DECIDE,
        event=AppEvent.ACCEPT,
    )
    view = await tenant_view(
        session, catalogue_caches, tenant=move.tenant.tenant_id, as_of=move.now.date()
    )
    cases = await _open_cases(session, move, view, actor, {})
    triage = TriageRecord.accepted(by=actor.user_id, at=move.now)
    await save(session, move.application, state=after, triage=triage, updated_at=move.now)
    move.add_event(
        TimelineKind.APPLICATION_ACCEPTED,
        actor.user_id,
        summary="一门受理：已受理，分送" + "、".join(sorted({c.department_name for c in cases})),
    )
    await finish(
        session,
        move,
        actor=actor,
        action="application.triage.accept",
        subject_type="application",
        subject_id=str(move.application.id),
        before={"state": before.value},
        after={"state": after.value, "cases": {c.item_code: c.state.value for c in cases}},
        reason=None,
        request_id=request_id,
    )
    return move.application


async def triage_reject(
    uow: UnitOfWork, *, application_id: str, lock_version: int, reasons: Sequence[str]
) -> Application:
    """One door refuses the application; the applicant is told why (a reject notice)."""
    return await _reject(uow, ONE_DOOR, application_id, lock_version, reasons)


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
    actor, move, before, after = await application_transition(
        session,
        actor=actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=Resource.TRIAGE,
        action=Action.ESCALATE,
        event=AppEvent.ESCALATE,
    )
    triage = TriageRecord.escalated(reason.strip(), by=actor.user_id, at=move.now)
    await save(session, move.application, state=after, triage=triage, updated_at=move.now)
    move.add_event(
        TimelineKind.APPLICATION_ESCALATED, actor.user_id, summary="提交联席会议：" + reason.strip()
    )
    await finish(
        session,
        move,
        actor=actor,
        action="application.triage.escalate",
        subject_type="application",
        subject_id=str(move.application.id),
        before={"state": before.value},
        after={"state": after.value},
        reason=reason.strip(),
        request_id=request_id,
    )
    return move.application


# ---------------------------------------------------------------- the joint meeting


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
    actor, move, before, after = await application_transition(
        session,
        actor=actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=Resource.JOINT_MEETING,
        action=Action.DECIDE,
        event=AppEvent.ASSIGN,
    )
    escalated = move.application.triage
    if escalated is None:  # pragma: no cover - escalating records the triage
        raise DomainError("该申请没有提交联席会议的记录", path=["id"])
    view = await tenant_view(
        session, catalogue_caches, tenant=move.tenant.tenant_id, as_of=move.now.date()
    )
    if lead not in view.departments:
        raise NoDepartmentError(f"本地区没有部门 {lead}", path=["lead"])
    cases = await _open_cases(session, move, view, actor, departments)
    await save(
        session,
        move.application,
        state=after,
        lead_department=lead,
        triage=escalated.assigned(actor.user_id),
        updated_at=move.now,
    )
    move.add_event(
        TimelineKind.APPLICATION_ASSIGNED,
        actor.user_id,
        summary=f"联席会议指定牵头部门{view.departments[lead].name}，分送"
        + "、".join(sorted({c.department_name for c in cases})),
        data={"lead": lead, "departments": dict(departments)},
    )
    await finish(
        session,
        move,
        actor=actor,
        action="application.joint_meeting.assign",
        subject_type="application",
        subject_id=str(move.application.id),
        before={"state": before.value},
        after={"state": after.value, "lead": lead, "departments": dict(departments)},
        reason=None,
        request_id=request_id,
    )
    return move.application


async def joint_meeting_reject(
    uow: UnitOfWork, *, application_id: str, lock_version: int, reasons: Sequence[str]
) -> Application:
    """The joint meeting finds no assistance applies to an escalated application."""
    return await _reject(uow, JOINT_MEETING, application_id, lock_version, reasons)


# ---------------------------------------------------------------- shared by both


async def _open_cases(
    session: AsyncSession,
    move: Move,
    view: TenantView,
    actor: Principal,
    assigned: Mapping[str, str],
) -> list[ApplicationCase]:
    """One case per item, owned by its department (or the one the joint meeting assigned)."""
    application = move.application
    refs = item_refs(application)
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
    emergency = await emergency_for(session, application, move.tenant, move.now)
    calendar = await calendar_for(session, move.tenant)
    created = []
    for planned in plan_cases(refs, auto_granted=auto_granted_refs(view)):
        owner = owners[planned.code]
        created.append(
            new_case(move, planned, owner.code, owner.name, emergency, calendar=calendar)
        )
    session.add_all(created)
    for case in created:
        move.add_event(
            TimelineKind.CASE_OPENED
            if case.state is CaseState.READY
            else TimelineKind.CASE_WAITING,
            actor.user_id,
            case=case,
            summary=f"{case.department_name}：{case.item_name}"
            + ("开始办理" if case.state is CaseState.READY else "等待前置事项办结"),
            data={"state": case.state.value, "waiting_on": case.waiting_on},
        )
    return created


@dataclass(frozen=True)
class _Refusal:
    """Who refuses an application, with which move, and in whose name the notice speaks."""

    resource: Resource
    event: AppEvent
    action_name: str
    by: str


ONE_DOOR = _Refusal(
    Resource.TRIAGE, AppEvent.REJECT, "application.triage.reject", "社会救助受理窗口"
)
JOINT_MEETING = _Refusal(
    Resource.JOINT_MEETING,
    AppEvent.DISMISS,
    "application.joint_meeting.reject",
    "社会救助联席会议办公室",
)


async def _reject(
    uow: UnitOfWork,
    refusal: _Refusal,
    application_id: str,
    lock_version: int,
    reasons: Sequence[str],
) -> Application:
    session, request_id = uow.session, uow.request_id
    catalogue_caches = uow.caches.of(CatalogueCaches)
    resource, action_name, by = refusal.resource, refusal.action_name, refusal.by
    actor, move, before, after = await application_transition(
        session,
        actor=uow.actor,
        application_id=application_id,
        lock_version=lock_version,
        resource=resource,
        action=Action.DECIDE,
        event=refusal.event,
    )
    cleaned = clean_reasons(reasons)
    view = await tenant_view(
        session, catalogue_caches, tenant=move.tenant.tenant_id, as_of=move.now.date()
    )
    notice = render_notice(
        NoticeKind.REJECT,
        NoticeValues(
            applicant=move.application.applicant_name,
            item="、".join(ref.label for ref in item_refs(move.application)),
            department=f"{move.tenant.name}{by}",
            reasons=cleaned,
            issued_on=move.now.date(),
        ),
        notice_templates(view),
    )
    triage = TriageRecord.rejected(cleaned, NoticeRecord.of(notice), by=actor.user_id, at=move.now)
    await save(session, move.application, state=after, triage=triage, updated_at=move.now)
    move.add_event(
        TimelineKind.APPLICATION_REJECTED,
        actor.user_id,
        summary="不予受理：" + "；".join(cleaned),
        data={"reasons": list(cleaned), "notice": notice.text},
    )
    await finish(
        session,
        move,
        actor=actor,
        action=action_name,
        subject_type="application",
        subject_id=str(move.application.id),
        before={"state": before.value},
        after={"state": after.value},
        reason="；".join(cleaned),
        request_id=request_id,
    )
    return move.application
