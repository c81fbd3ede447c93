"""Re-verification of approved benefits (定期核查, 001 三（二）4) and families' own reports of a change
(主动报告), issue 22.

An approval schedules the benefit's first review from its item's `reverification` data: the item's
single period, or the period code the caseworker chose among the item's periods (the street's
judgement); neither known, the review stays unscheduled until a report opens it. The periodic job
(`review_scan`) opens a review on its date; the department completes it (CONTINUE, ADJUST, STOP)
with a notice, as a decision, and a continuing benefit gets its next review. A report of a change
opens the family's reviews at once — except a member starting work where the item has a
收入豁免、救助渐退 rule: the benefit continues for the tenant's taper period and is reviewed at its
end, or at once when the tenant has not set the period (no value is made up).

Every step is a `Move` of the application, so its timeline, the applicant's notifications, the
webhook events and the audit event go through `moves.finish`, once.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import allowed_somewhere, authorize
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications.models import ApplicationCase
from socialaid.applications.moves import (
    Move,
    application_move,
    application_target,
    case_move,
    case_target,
    finish,
    notice_templates,
)
from socialaid.applications.notices import NoticeKind, NoticeValues, render_notice
from socialaid.applications.notifying import values_for
from socialaid.applications.review_models import HouseholdChangeReport, Reverification
from socialaid.applications.review_schedule import (
    OPEN_STATES,
    ChangeKind,
    Period,
    PeriodChoiceError,
    ReviewOutcome,
    ReviewState,
    ReviewTrigger,
    TaperTerms,
    choose_period,
    cleaned_reasons,
    next_review_on,
    plan_as_data,
    taper_plan,
)
from socialaid.applications.timeline import TimelineKind
from socialaid.catalogue.files import ItemFile
from socialaid.catalogue.parameter_values import percent_steps
from socialaid.catalogue.service import (
    CatalogueCaches,
    TenantView,
    notification_templates_of,
    tenant_view,
)
from socialaid.clock import CHINA
from socialaid.errors import DomainError, ErrorCode, NotFoundError
from socialaid.kernel.global_id import raw_key
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.notifications.kinds import NotificationKind
from socialaid.notifications.outbox import Outgoing, queue_notifications
from socialaid.notifications.templates import message

NODE_TYPE = "Reverification"
_OPEN = sorted(s.value for s in OPEN_STATES)


def _period(spec: ItemFile | None, chosen: str | None, path: list[str]) -> Period | None:
    rule = spec.reverification if spec is not None else None
    if rule is None:
        if chosen is not None:
            raise DomainError("本事项没有定期核查，不需选择核查周期", path=path)
        return None
    try:
        return choose_period(
            rule.period_months, {p.code: p.period_months for p in rule.periods}, chosen
        )
    except PeriodChoiceError as error:
        raise DomainError(str(error), path=path) from None


def _new_review(
    case: ApplicationCase,
    *,
    trigger: ReviewTrigger,
    period: Period | None,
    start: date,
    amount: Decimal | None,
) -> Reverification:
    due = next_review_on(start, period)
    return Reverification(
        tenant_id=case.tenant_id,
        id=uuid.uuid4(),
        application_id=case.application_id,
        case_id=case.id,
        item_code=case.item_code,
        department=case.department,
        owner=case.owner,
        area_path=case.area_path,
        state=(ReviewState.UNSCHEDULED if due is None else ReviewState.SCHEDULED).value,
        trigger=trigger.value,
        period_code=None if period is None else period.code,
        period_months=None if period is None else period.months,
        due_on=due,
        amount=amount,
        reasons=[],
        lock_version=1,
    )


def _scheduled_summary(case: ApplicationCase, review: Reverification) -> str:
    if review.due_on is None:
        return f"{case.item_name}的定期核查周期待定（由街镇核查时选定）"
    return (
        f"{case.item_name}下次定期核查：{review.due_on.isoformat()}（每{review.period_months}个月）"
    )


def schedule_first_review(
    session: AsyncSession,
    move: Move,
    view: TenantView,
    case: ApplicationCase,
    *,
    actor: str,
    period_code: str | None,
    amount: Decimal | None,
) -> dict[str, Any] | None:
    """The approved benefit's first review, from its item's re-verification data (None: the item
    has none). For the decision's audit record: what was scheduled."""
    spec = view.specs.get(case.item_code)
    period = _period(spec, period_code, ["reverificationPeriod"])
    if spec is None or spec.reverification is None:
        return None
    review = _new_review(
        case, trigger=ReviewTrigger.APPROVAL, period=period, start=move.now.date(), amount=amount
    )
    session.add(review)
    move.add_event(
        TimelineKind.REVIEW_SCHEDULED,
        actor,
        case=case,
        summary=_scheduled_summary(case, review),
        data=_review_data(review),
    )
    return _review_data(review)


async def schedule_granted_review(
    session: AsyncSession,
    move: Move,
    view: TenantView,
    case: ApplicationCase,
    trigger: ApplicationCase | None,
    *,
    actor: str,
) -> dict[str, Any] | None:
    """免申即享: an automatically granted benefit is reviewed as an approved one — from its own
    item's re-verification data where it has some, else on its trigger's schedule (the benefit
    holds because the trigger's does, so it is checked when the trigger is). None: neither has
    a review."""
    spec = view.specs.get(case.item_code)
    if spec is not None and spec.reverification is not None:
        return schedule_first_review(
            session, move, view, case, actor=actor, period_code=None, amount=None
        )
    if trigger is None:
        return None
    followed = await session.scalar(
        select(Reverification).where(
            col(Reverification.tenant_id) == trigger.tenant_id,
            col(Reverification.case_id) == trigger.id,
            col(Reverification.state).in_(_OPEN),
        )
    )
    if followed is None:
        return None
    period = None if followed.period_months is None else Period(followed.period_months)
    review = _new_review(
        case, trigger=ReviewTrigger.APPROVAL, period=period, start=move.now.date(), amount=None
    )
    review.due_on = followed.due_on
    session.add(review)
    move.add_event(
        TimelineKind.REVIEW_SCHEDULED,
        actor,
        case=case,
        summary=_scheduled_summary(case, review) + f"（随前置事项“{trigger.item_name}”核查）",
        data=_review_data(review) | {"follows": str(trigger.id)},
    )
    return _review_data(review)


def _next_period(
    spec: ItemFile | None, review: Reverification, chosen: str | None
) -> Period | None:
    """The next review's period: the item's (or the one chosen), or, for an automatically granted
    benefit whose item has no re-verification data, the period it followed from its trigger."""
    if (spec is None or spec.reverification is None) and chosen is None:
        return None if review.period_months is None else Period(review.period_months)
    return _period(spec, chosen, ["periodCode"])


def _review_data(review: Reverification) -> dict[str, Any]:
    return {
        "reverification": str(review.id),
        "state": review.state,
        "periodCode": review.period_code,
        "periodMonths": review.period_months,
        "dueOn": None if review.due_on is None else review.due_on.isoformat(),
    }


def _due_data(review: Reverification) -> dict[str, Any]:
    """A REVIEW_DUE entry's data: the webhook tells its dueAt (the China day's start)."""
    assert review.due_on is not None
    due_at = datetime.combine(review.due_on, time(), tzinfo=CHINA)
    return _review_data(review) | {"dueAt": due_at.isoformat(), "trigger": review.trigger}


def open_review(
    move: Move,
    review: Reverification,
    case: ApplicationCase,
    *,
    actor: str,
    trigger: ReviewTrigger | None = None,
) -> None:
    """Open `review` now (DUE): its timeline entry tells the applicant and the subscribers."""
    review.state = ReviewState.DUE.value
    review.opened_at = move.now
    if review.due_on is None or review.due_on > move.now.date():
        review.due_on = move.now.date()
    if trigger is not None:
        review.trigger = trigger.value
    review.lock_version += 1
    why = {
        ReviewTrigger.SELF_REPORT.value: "因主动报告提前核查",
        ReviewTrigger.SPOT_CHECK.value: "被抽中不定期抽查，提前核查",
    }.get(review.trigger, "已到定期核查时间")
    move.add_event(
        TimelineKind.REVIEW_DUE,
        actor,
        case=case,
        summary=f"{case.item_name}{why}",
        data=_due_data(review),
    )


async def notify_adviser(
    session: AsyncSession, move: Move, cases: Sequence[ApplicationCase]
) -> None:
    """The adviser who filed the application for the family (帮办代办) is told of its opened
    reviews as the applicant is; a family that filed itself has no adviser on record, and the
    street office finds the review in `reverifications` and the REVERIFICATION_DUE webhook."""
    application = move.application
    if not cases or application.submitted_by == application.owner:
        return
    templates = await notification_templates_of(session, move.tenant.path)
    await queue_notifications(
        session,
        tenant_id=application.tenant_id,
        application_id=application.id,
        recipient=application.submitted_by,
        messages=[
            Outgoing(
                NotificationKind.REVIEW_DUE,
                message(
                    NotificationKind.REVIEW_DUE,
                    templates,
                    values_for(case, move.cases, application, move.tenant),
                ),
                case.id,
            )
            for case in cases
        ],
    )


# ---------------------------------------------------------------- completing a review


@dataclass(frozen=True)
class Completion:
    outcome: ReviewOutcome
    amount: Decimal | None = None
    reasons: Sequence[str] = ()
    period_code: str | None = None  # the next reviews' period, for an item with several


def parse_review_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw_key(str(value), NODE_TYPE))
    except ValueError:
        raise NotFoundError("没有这项核查", path=["id"]) from None


async def _review(session: AsyncSession, review_id: uuid.UUID) -> Reverification:
    found = await session.scalar(
        select(Reverification).where(col(Reverification.id) == review_id).with_for_update()
    )
    if found is None:
        raise NotFoundError("没有这项核查", path=["id"])
    return found


def _check_completion(completion: Completion) -> tuple[str, ...]:
    reasons = cleaned_reasons(completion.reasons)
    amount = completion.amount
    if amount is not None and amount < 0:
        raise DomainError("救助金额不能为负", path=["amount"])
    match completion.outcome:
        case ReviewOutcome.STOP:
            if not reasons:
                raise DomainError("停止救助须写明理由", path=["reasons"])
            if amount is not None:
                raise DomainError("停止救助不写金额", path=["amount"])
        case ReviewOutcome.ADJUST:
            if amount is None:
                raise DomainError("调整救助须写明调整后的金额", path=["amount"])
        case ReviewOutcome.CONTINUE:
            if amount is not None:
                raise DomainError("继续救助不改变金额；改变金额请用 ADJUST", path=["amount"])
    return reasons


async def complete_review(
    uow: UnitOfWork, *, review_id: str, completion: Completion
) -> Reverification:
    """The department's result of a due review, with its notice: the benefit continues (and is
    reviewed again after its period), continues with another amount, or stops."""
    session = uow.session
    actor = allowed_somewhere(uow.actor, Resource.CASE, Action.DECIDE)
    wanted = parse_review_id(review_id)
    located = await session.scalar(
        select(col(Reverification.case_id)).where(col(Reverification.id) == wanted)
    )
    if located is None:
        raise NotFoundError("没有这项核查", path=["id"])
    move, case = await case_move(session, str(located))
    authorize(actor, Resource.CASE, Action.DECIDE, case_target(case, move.tenant))
    review = await _review(session, wanted)
    if review.state != ReviewState.DUE.value:
        raise DomainError(
            "这项核查未到期或已完成，不能填写结果", code=ErrorCode.CONFLICT, path=["id"]
        )
    reasons = _check_completion(completion)
    today = move.now.date()
    view = await tenant_view(
        session, uow.caches.of(CatalogueCaches), tenant=move.tenant.tenant_id, as_of=today
    )
    outcome = completion.outcome
    stopping = outcome is ReviewOutcome.STOP
    amount = completion.amount if outcome is ReviewOutcome.ADJUST else review.amount
    next_review = None
    if not stopping:
        period = _next_period(
            view.specs.get(case.item_code), review, completion.period_code or review.period_code
        )
        next_review = _new_review(
            case, trigger=ReviewTrigger.REVIEW, period=period, start=today, amount=amount
        )
    notice = render_notice(
        NoticeKind.STOP if stopping else NoticeKind.REVIEW,
        NoticeValues(
            applicant=move.application.applicant_name,
            item=case.item_name,
            department=case.department_name,
            amount=None if stopping else amount,
            reasons=reasons,
            issued_on=today,
        ),
        notice_templates(view),
    )
    before = {"state": review.state, "amount": _money(review.amount)}
    review.state = ReviewState.COMPLETED.value
    review.outcome = outcome.value
    review.new_amount = completion.amount
    review.reasons = list(reasons)
    review.notice = {
        "kind": notice.kind.value,
        "text": notice.text,
        "origin": notice.origin.value,
        "label": notice.label,
    }
    review.completed_by = actor.user_id
    review.completed_at = move.now
    review.lock_version += 1
    await session.flush()  # the completed row leaves the open-review index before the next one
    after: dict[str, Any] = {
        "state": review.state,
        "outcome": outcome.value,
        "amount": _money(amount) if not stopping else None,
    }
    if next_review is not None:
        session.add(next_review)
        after["next"] = _review_data(next_review)
    summary = {
        ReviewOutcome.CONTINUE: "核查后继续救助",
        ReviewOutcome.ADJUST: "核查后调整救助金额",
        ReviewOutcome.STOP: "核查后停止救助",
    }[outcome]
    move.add_event(
        TimelineKind.REVIEW_COMPLETED,
        actor.user_id,
        case=case,
        summary=f"{case.department_name}{summary}" + (f"：{'；'.join(reasons)}" if reasons else ""),
        data=_review_data(review)
        | {"outcome": outcome.value, "notice": notice.text, "next": after.get("next")},
    )
    await finish(
        session,
        move,
        actor=actor,
        action=f"reverification.complete.{outcome.value}",
        subject_type="reverification",
        subject_id=str(review.id),
        department=case.department,
        before=before,
        after=after,
        reason="；".join(reasons) or None,
        request_id=uow.request_id,
    )
    return review


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


# ---------------------------------------------------------------- 主动报告


@dataclass(frozen=True)
class ChangeReport:
    kind: ChangeKind
    occurred_on: date
    description: str
    monthly_income: Decimal | None = None  # the new monthly income, where the change is one


@dataclass(frozen=True)
class Reported:
    report: HouseholdChangeReport
    reviews: list[Reverification]


def _taper_terms(view: TenantView, spec: ItemFile) -> TaperTerms | None:
    rule = spec.taper
    if rule is None:
        return None

    def value(key: str | None) -> Any:
        resolved = view.parameters.get(key) if key is not None else None
        return None if resolved is None else resolved.value

    months = value(rule.period_parameter)
    disregard = value(rule.disregard_parameter)
    steps = value(rule.steps_parameter)
    return TaperTerms(
        period_key=rule.period_parameter,
        period_months=None if months is None else int(months),
        disregard_key=rule.disregard_parameter,
        disregard=None if disregard is None else Decimal(str(disregard)),
        steps_key=rule.steps_parameter,
        steps=percent_steps(steps) if isinstance(steps, str) else None,
    )


async def report_change(uow: UnitOfWork, *, application_id: str, change: ChangeReport) -> Reported:
    """主动报告: record the family's change and open its benefits' reviews (early), or, for a
    member starting work under an item's taper rule, schedule the review at the taper's end."""
    session = uow.session
    actor = allowed_somewhere(uow.actor, Resource.APPLICATION, Action.UPDATE)
    move = await application_move(session, application_id)
    authorize(
        actor,
        Resource.APPLICATION,
        Action.UPDATE,
        application_target(move.application, move.tenant),
    )
    today = move.now.date()
    description = change.description.strip()
    if not description:
        raise DomainError("请说明发生了什么变化", path=["description"])
    if change.occurred_on > today:
        raise DomainError("变化发生日期不能晚于今天", path=["occurredOn"])
    if change.monthly_income is not None and change.monthly_income < 0:
        raise DomainError("月收入不能为负", path=["monthlyIncome"])
    application = move.application
    reviews = list(
        (
            await session.execute(
                select(Reverification)
                .where(
                    col(Reverification.tenant_id) == application.tenant_id,
                    col(Reverification.application_id) == application.id,
                    col(Reverification.state).in_(_OPEN),
                )
                .order_by(col(Reverification.item_code))
                .with_for_update()
            )
        ).scalars()
    )
    if not reviews:
        raise DomainError("这份申请没有正在享受、需要核查的救助", path=["application"])
    report = HouseholdChangeReport(
        tenant_id=application.tenant_id,
        id=uuid.uuid4(),
        application_id=application.id,
        kind=change.kind.value,
        occurred_on=change.occurred_on,
        description=description,
        monthly_income=change.monthly_income,
        reported_by=actor.user_id,
    )
    session.add(report)
    view = await tenant_view(
        session, uow.caches.of(CatalogueCaches), tenant=move.tenant.tenant_id, as_of=today
    )
    move.add_event(
        TimelineKind.HOUSEHOLD_CHANGE_REPORTED,
        actor.user_id,
        summary=f"主动报告：{description}",
        data={"report": str(report.id), "kind": change.kind.value},
    )
    by_id = {c.id: c for c in move.cases}
    opened: list[ApplicationCase] = []
    effects: list[dict[str, Any]] = []
    for review in reviews:
        case = by_id[review.case_id]
        spec = view.specs.get(review.item_code)
        terms = _taper_terms(view, spec) if spec is not None else None
        if change.kind is ChangeKind.EMPLOYMENT_STARTED and terms is not None:
            plan = taper_plan(
                terms,
                started_on=change.occurred_on,
                amount=review.amount,
                earned_income=change.monthly_income,
            )
            review.taper = plan_as_data(plan)
            until = plan.continues_until
            if until is not None and until > today and review.state != ReviewState.DUE.value:
                review.state = ReviewState.SCHEDULED.value
                review.trigger = ReviewTrigger.TAPER.value
                review.due_on = until
                review.lock_version += 1
                move.add_event(
                    TimelineKind.REVIEW_SCHEDULED,
                    actor.user_id,
                    case=case,
                    summary=f"家庭成员就业，{case.item_name}在渐退期内继续发放，"
                    f"{until.isoformat()}核查",
                    data=_review_data(review) | {"taper": review.taper},
                )
                effects.append({"case": str(case.id), "taper_until": until.isoformat()})
                continue
        if review.state == ReviewState.DUE.value:
            effects.append({"case": str(case.id), "already_due": True})
            continue
        open_review(move, review, case, actor=actor.user_id, trigger=ReviewTrigger.SELF_REPORT)
        opened.append(case)
        effects.append({"case": str(case.id), "opened": True, "taper": review.taper})
    await notify_adviser(session, move, opened)
    await finish(
        session,
        move,
        actor=actor,
        action="household.change_report",
        subject_type="household_change_report",
        subject_id=str(report.id),
        before=None,
        after={
            "kind": change.kind.value,
            "occurred_on": change.occurred_on.isoformat(),
            "reviews": effects,
        },
        reason=None,
        request_id=uow.request_id,
    )
    return Reported(report, reviews)
