"""A department's work on its case before deciding: taking it up, and 补正 (asking for materials
by a deadline, and the applicant supplying them).

The decision itself and what it sets off are in `decision`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from socialaid.access.vocabulary import Action, Resource
from socialaid.applications import deadlines
from socialaid.applications.models import ApplicationCase
from socialaid.applications.moves import (
    case_transition,
    clean_reasons,
    finish,
    notice_templates,
    save,
)
from socialaid.applications.notices import NoticeKind, NoticeValues, render_notice
from socialaid.applications.records import NoticeRecord, SupplementRecord
from socialaid.applications.states import CaseEvent
from socialaid.applications.timeline import TimelineKind
from socialaid.calendars.service import calendar_for
from socialaid.catalogue.service import CatalogueCaches, tenant_view
from socialaid.errors import DomainError
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.materials.service import Reference, use_uploads


async def acknowledge(
    uow: UnitOfWork,
    *,
    case_id: str,
    lock_version: int,
) -> ApplicationCase:
    """The department takes the case up."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    actor, move, case, before, after = await case_transition(
        session,
        actor=actor,
        case_id=case_id,
        lock_version=lock_version,
        resource=Resource.CASE,
        action=Action.UPDATE,
        event=CaseEvent.ACKNOWLEDGE,
    )
    await save(session, case, state=after, updated_at=move.now)
    move.add_event(
        TimelineKind.CASE_ACKNOWLEDGED,
        actor.user_id,
        case=case,
        summary=f"{case.department_name}已受理",
    )
    await finish(
        session,
        move,
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
    actor, move, case, before, after = await case_transition(
        session,
        actor=actor,
        case_id=case_id,
        lock_version=lock_version,
        resource=Resource.CASE,
        action=Action.UPDATE,
        event=CaseEvent.REQUEST_SUPPLEMENT,
    )
    wanted = clean_reasons(materials, "materials")
    today = move.now.date()
    provisional = False
    if deadline is None:
        if working_days is None or working_days < 1:
            raise DomainError("请给出补正期限（日期或工作日数）", path=["deadline"])
        calendar = await calendar_for(session, move.tenant)
        counted = deadlines.add_working_days(calendar, today, working_days)
        deadline, provisional = counted.day, counted.provisional
    else:
        working_days = None  # a date given is final, whatever the calendar
    if deadline <= today:
        raise DomainError("补正期限应晚于今天", path=["deadline"])
    view = await tenant_view(session, catalogue_caches, tenant=move.tenant.tenant_id, as_of=today)
    notice = render_notice(
        NoticeKind.SUPPLEMENT,
        NoticeValues(
            applicant=move.application.applicant_name,
            item=case.item_name,
            department=case.department_name,
            materials=wanted,
            deadline=deadline,
            issued_on=today,
        ),
        notice_templates(view),
    )
    supplement = SupplementRecord(
        materials=wanted,
        deadline=deadline,
        working_days=working_days,
        provisional=provisional or None,
        notice=NoticeRecord.of(notice),
        requested_by=actor.user_id,
        requested_at=move.now,
    )
    await save(session, case, state=after, supplement=supplement, updated_at=move.now)
    move.add_event(
        TimelineKind.CASE_SUPPLEMENT_REQUESTED,
        actor.user_id,
        case=case,
        summary=f"{case.department_name}要求补正：" + "、".join(wanted),
        data={"materials": list(wanted), "deadline": deadline.isoformat()},
    )
    await finish(
        session,
        move,
        actor=actor,
        action="case.request_supplement",
        subject_type="case",
        subject_id=str(case.id),
        department=case.department,
        before={"state": before.value},
        after={"state": after.value, "supplement": supplement.to_json()},
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
    actor, move, case, before, after = await case_transition(
        session,
        actor=actor,
        case_id=case_id,
        lock_version=lock_version,
        resource=Resource.APPLICATION,
        action=Action.UPDATE,
        event=CaseEvent.SUPPLY,
        use_case_target=False,
    )
    supplied = clean_reasons(references, "references")
    await use_uploads(
        uow,
        tenant_id=case.tenant_id,
        references=[Reference(r, ["references", str(i)]) for i, r in enumerate(supplied)],
    )
    requested = case.supplement
    if requested is None:  # pragma: no cover - a case awaiting 补正 has its request
        raise DomainError("该案件没有补正要求", path=["caseId"])
    supplement = requested.supplied_with(supplied, at=move.now)
    await save(session, case, state=after, supplement=supplement, updated_at=move.now)
    move.add_event(TimelineKind.CASE_SUPPLIED, actor.user_id, case=case, summary="已补正材料")
    await finish(
        session,
        move,
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
