"""Deciding a case, and what the decision sets off.

The department approves or denies with a notice; planning then says what follows for the other
cases of the application: the decision is forwarded to the cases that wait for it, which are
released or closed, auto-granted items are granted (免申即享, creating their case if the applicant
did not select them), and the application completes once every case is final.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications import deadlines
from socialaid.applications.emergency import emergency_for
from socialaid.applications.models import ApplicationCase
from socialaid.applications.moves import (
    Move,
    as_case,
    auto_granted_refs,
    case_transition,
    finish,
    item_basis,
    new_case,
    notice_templates,
    save,
)
from socialaid.applications.notices import (
    MissingNoticeValueError,
    NoticeKind,
    NoticeValues,
    RenderedNotice,
    render_notice,
)
from socialaid.applications.planning import (
    CloseCase,
    Decision,
    ForwardDecision,
    GrantAutomatically,
    Outcome,
    PlannedCase,
    ReleaseCase,
    on_decision,
)
from socialaid.applications.records import (
    DecisionRecord,
    ItemRefRecord,
    NoticeRecord,
    ReceivedDecision,
    legal_basis_text,
)
from socialaid.applications.reviews import schedule_first_review, schedule_granted_review
from socialaid.applications.states import (
    CASE_FINAL_STATES,
    ApplicationState,
    CaseEvent,
    CaseState,
    Machine,
    transition,
)
from socialaid.applications.states import ApplicationEvent as AppEvent
from socialaid.applications.timeline import TimelineKind
from socialaid.calendars.service import calendar_for
from socialaid.calendars.working_calendar import WorkingCalendar
from socialaid.catalogue.service import CatalogueCaches, TenantView, tenant_view
from socialaid.errors import DomainError, ErrorCode
from socialaid.forms.answers import get_path
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.metrics.registry import CASES_DECIDED
from socialaid.monitoring.placement import Placement, place_under_monitoring
from socialaid.screening.classification import classifies
from socialaid.screening.service import ScreeningCaches, recognition_proposal, screening_context


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
    # Issue 22: for an item with several re-verification periods, the one the street judged
    # this family's (001 三（二）4); none chosen leaves the first review unscheduled.
    reverification_period: str | None = None


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
    actor, move, case, before, after = await case_transition(
        session,
        actor=actor,
        case_id=case_id,
        lock_version=lock_version,
        resource=Resource.CASE,
        action=Action.DECIDE,
        event=event,
    )
    application = move.application
    today = move.now.date()
    view = await tenant_view(session, catalogue_caches, tenant=move.tenant.tenant_id, as_of=today)
    _check_amount_ceiling(view, case.item_code, decision.amount)
    made = Decision(
        outcome=decision.outcome,
        recognised_as=_recognised_as(view, case.item_code, decision),
        reasons=tuple(r.strip() for r in decision.reasons if r.strip()),
        amount=decision.amount,
        period=_period_text(decision),
        basis=(decision.basis or "").strip() or item_basis(application, case.item_code),
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
    stored = DecisionRecord.of(
        made,
        decided_by=actor.user_id,
        decided_at=move.now,
        starts_on=decision.starts_on,
        period_months=decision.period_months,
    )
    await save(
        session,
        case,
        state=after,
        decision=stored,
        notice=NoticeRecord.of(notice),
        updated_at=move.now,
    )
    move.add_event(
        TimelineKind(f"case.{after.value}"),
        actor.user_id,
        case=case,
        summary=f"{case.department_name}决定"
        + ("准予救助" if made.outcome is Outcome.APPROVED else "不予救助")
        + (f"：{'；'.join(made.reasons)}" if made.reasons else ""),
        data={"decision": stored.to_json(), "notice": notice.text},
    )
    review = None
    if made.outcome is Outcome.APPROVED:
        review = schedule_first_review(
            session,
            move,
            view,
            case,
            actor=actor.user_id,
            period_code=decision.reverification_period,
            amount=made.amount,
        )
    elif decision.reverification_period is not None:
        raise DomainError("不予准予时不选核查周期", path=["reverificationPeriod"])
    cascade = await _apply_decision_effects(session, move, view, actor, case, made, notice)
    classification = await _classified_recognition(uow, move, view, actor, case, made)
    completed = await _complete_if_done(session, move, actor)
    await finish(
        session,
        move,
        actor=actor,
        action=f"case.decide.{made.outcome.value}",
        subject_type="case",
        subject_id=str(case.id),
        department=case.department,
        before={"state": before.value},
        after={
            "state": after.value,
            "decision": stored.to_json(),
            "effects": cascade,
            "application_completed": completed,
            **classification,
            **({"reverification": review} if review is not None else {}),
        },
        reason="；".join(made.reasons) or None,
        request_id=request_id,
    )
    # Counted once the decision is in the database: a rolled-back one was never made.
    uow.after_commit(CASES_DECIDED.labels(made.outcome.value).inc)
    return case


async def _classified_recognition(
    uow: UnitOfWork,
    move: Move,
    view: TenantView,
    actor: Principal,
    case: ApplicationCase,
    made: Decision,
) -> dict[str, Any]:
    """分类审核认定 (004 三（二）1): the category the facts proposed beside the one decided, and a
    denial places the family under monitoring (不符合条件的纳入监测范围). Recorded in the decision's
    audit event; nothing for an item that is not recognised by category."""
    spec = view.specs.get(case.item_code)
    if spec is None or not classifies(spec):
        return {}
    context = await screening_context(
        uow.session,
        uow.caches.of(CatalogueCaches),
        uow.caches.of(ScreeningCaches),
        tenant=move.tenant.tenant_id,
        as_of=move.now.date(),
    )
    application = move.application
    proposal = recognition_proposal(context, spec, application.answers)
    recorded: dict[str, Any] = {
        "proposed_recognition": {"kind": proposal.kind.value, "category": proposal.category},
    }
    if made.outcome is Outcome.APPROVED:
        return recorded
    size = get_path(application.answers, ["household", "size"])
    id_number = get_path(application.answers, ["applicant", "id_number"])
    household = await place_under_monitoring(
        uow.session,
        Placement(
            tenant_id=case.tenant_id,
            application_id=application.id,
            case_id=case.id,
            item_code=case.item_code,
            department=case.department,
            applicant_name=application.applicant_name,
            id_number=id_number if isinstance(id_number, str) else None,
            person_key=application.person_key,
            area_path=case.area_path,
            household_size=size if isinstance(size, int) and not isinstance(size, bool) else None,
            checks=[
                {"target_group": c.target_group, "outcome": c.outcome.value, "reason": c.reason}
                for c in proposal.checks
            ],
            reasons=made.reasons,
        ),
        placed_by=actor.user_id,
        placed_at=move.now,
    )
    return recorded | {"monitored_household": str(household.id)}


AMOUNT_CEILING = "decision_amount_ceiling"


def _check_amount_ceiling(view: TenantView, item: str, amount: Decimal | None) -> None:
    """The largest amount one decision may grant: the item's parameter, else the tenant's. The
    seeds give none, so it binds only where a tenant sets it (null: the input bound alone)."""
    if amount is None:
        return
    spec = view.specs.get(item)
    declared = [
        *(spec.parameters if spec is not None else []),
        *(view.config.parameters if view.config is not None else []),
    ]
    ceiling = next(
        (p.value for p in declared if p.key == AMOUNT_CEILING and p.value is not None), None
    )
    if ceiling is None:
        return
    try:
        limit = Decimal(str(ceiling))
    except InvalidOperation:
        raise DomainError(
            f"参数 {AMOUNT_CEILING} 不是金额，请租户管理员更正", code=ErrorCode.CONFLICT
        ) from None
    if amount > limit:
        raise DomainError(f"金额超过本事项单次救助上限 {ceiling} 元", path=["amount"])


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
        return render_notice(kind, values, notice_templates(view))
    except MissingNoticeValueError:
        if not automatic:
            raise
        # A grant nobody wrote has no amount or period for the tenant's template to cite.
        return render_notice(kind, values)


# ---------------------------------------------------------------- what the decision sets off


async def _apply_decision_effects(
    session: AsyncSession,
    move: Move,
    view: TenantView,
    actor: Principal,
    decided: ApplicationCase,
    made: Decision,
    notice: RenderedNotice,
) -> list[dict[str, Any]]:
    """Carry out what planning says the decision sets off; returns them for the audit record."""
    application = move.application
    cases = [c if c.id != decided.id else decided for c in move.cases]
    by_code = {c.item_code: c for c in cases}
    effects = on_decision(
        [as_case(c) for c in cases], decided.item_code, made, auto_granted=auto_granted_refs(view)
    )
    emergency = None
    calendar = WorkingCalendar()
    if any(isinstance(e, ReleaseCase) for e in effects):
        emergency = await emergency_for(session, application, move.tenant, move.now)
        calendar = await calendar_for(session, move.tenant)
    pending: dict[str, dict[str, Any]] = {}

    def change(case: ApplicationCase, **values: Any) -> None:
        pending.setdefault(case.item_code, {}).update(values)

    def current(case: ApplicationCase, key: str) -> Any:
        return pending.get(case.item_code, {}).get(key, getattr(case, key))

    log: list[dict[str, Any]] = []
    for effect in effects:
        if isinstance(effect, ForwardDecision):
            target = by_code[effect.item]
            received = (
                *current(target, "received"),
                ReceivedDecision(
                    predecessor=effect.predecessor,
                    decision=decided.decision,
                    notice=notice.text,
                    documents=effect.decision.documents,
                    at=move.now,
                ),
            )
            change(target, received=received)
            move.add_event(
                TimelineKind.CASE_DECISION_RECEIVED,
                actor.user_id,
                case=target,
                summary=f"收到前置事项“{decided.item_name}”的决定",
                data={"predecessor": effect.predecessor, "outcome": made.outcome.value},
            )
            log.append({"effect": "forward", "item": effect.item})
        elif isinstance(effect, ReleaseCase):
            target = by_code[effect.item]
            state = transition(Machine.CASE, current(target, "state"), effect.event)
            days = target.item_ref.promised_working_days
            due = deadlines.case_deadline(calendar, move.now, days, emergency)
            change(
                target,
                state=state,
                waiting_on=[],  # released: it waits on nothing any more
                clock_started_at=move.now,
                due_at=None if due is None else due.at,
                due_provisional=due is not None and due.provisional,
            )
            move.add_event(
                TimelineKind.CASE_RELEASED,
                actor.user_id,
                case=target,
                summary=f"前置事项已办结，{target.department_name}开始办理{target.item_name}",
            )
            log.append({"effect": "release", "item": effect.item})
        elif isinstance(effect, CloseCase):
            target = by_code[effect.item]
            state = transition(Machine.CASE, current(target, "state"), effect.event)
            change(target, state=state, waiting_on=[], closed_reason=effect.reason)
            move.add_event(
                TimelineKind.CASE_CLOSED,
                actor.user_id,
                case=target,
                summary=effect.reason,
                data={"predecessors": list(effect.predecessors)},
            )
            log.append({"effect": "close", "item": effect.item})
        elif isinstance(effect, GrantAutomatically):
            log.append(await _grant(session, move, view, actor, effect, by_code, change, current))
    for code, values in pending.items():
        await save(session, by_code[code], **values, updated_at=move.now)
    return log


async def _grant(
    session: AsyncSession,
    move: Move,
    view: TenantView,
    actor: Principal,
    effect: GrantAutomatically,
    by_code: dict[str, ApplicationCase],
    change: Any,
    current: Any,
) -> dict[str, Any]:
    """免申即享: approve an auto_granted item, creating its case if the applicant did not select it."""
    application = move.application
    ref = effect.item
    spec = view.specs.get(ref.code)
    basis = legal_basis_text(spec) if spec is not None else None
    made = Decision(
        outcome=Outcome.APPROVED,
        basis=item_basis(application, ref.code) or basis,
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
            issued_on=move.now.date(),
        ),
        view,
        automatic=True,
    )
    stored = DecisionRecord.of(
        made, decided_by="system", decided_at=move.now, automatic=True, trigger=effect.trigger
    )
    if effect.case_exists:
        state = transition(Machine.CASE, current(target, "state"), effect.event)
        change(target, state=state, waiting_on=[], decision=stored, notice=NoticeRecord.of(notice))
    else:
        planned = PlannedCase(item=ref, state=CaseState.APPROVED)
        # Approved at once: no clock runs, so no calendar is read.
        target = new_case(
            move,
            planned,
            ref.department,
            department_name,
            None,
            calendar=WorkingCalendar(),
            state=CaseState.APPROVED,
        )
        target.item_ref = ItemRefRecord.of(ref, basis=basis)
        target.decision = stored
        target.notice = NoticeRecord.of(notice)
        session.add(target)
        move.cases.append(target)
        by_code[ref.code] = target
    move.add_event(
        TimelineKind.CASE_GRANTED_AUTOMATICALLY,
        actor.user_id,
        case=target,
        summary=f"免申即享：“{ref.label}”随前置事项获准自动准予",
        data={"trigger": effect.trigger, "notice": notice.text},
    )
    await session.flush()  # a created case is in the table before its review refers to it
    review = await schedule_granted_review(
        session, move, view, target, by_code.get(effect.trigger), actor=actor.user_id
    )
    return {"effect": "grant", "item": ref.code, "created": not effect.case_exists} | (
        {} if review is None else {"reverification": review}
    )


async def _complete_if_done(session: AsyncSession, move: Move, actor: Principal) -> bool:
    application = move.application
    if application.state != ApplicationState.ACCEPTED:
        return False
    await session.flush()
    states = await session.execute(
        select(col(ApplicationCase.state)).where(
            col(ApplicationCase.tenant_id) == application.tenant_id,
            col(ApplicationCase.application_id) == application.id,
        )
    )
    if not all(state in CASE_FINAL_STATES for state in states.scalars()):
        return False
    after = transition(Machine.APPLICATION, ApplicationState.ACCEPTED, AppEvent.COMPLETE)
    await save(session, application, state=after, updated_at=move.now)
    move.add_event(TimelineKind.APPLICATION_COMPLETED, actor.user_id, summary="全部事项已办结")
    return True
