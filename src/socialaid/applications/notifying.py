"""Which steps of an application the applicant is told about, and with what values: read off the
timeline events a move records, so that every operation notifies through `moves.finish`, once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.applications.models import Application, ApplicationCase, ApplicationEvent
from socialaid.applications.timeline import TimelineKind
from socialaid.catalogue.service import notification_templates_of
from socialaid.notifications.kinds import NotificationKind
from socialaid.notifications.outbox import Outgoing, queue_notifications
from socialaid.notifications.templates import message
from socialaid.tenancy.models import Tenant

# The steps issue 19 names: submitted, accepted or rejected at the door, 补正 requested, each
# decision, the overdue apology, completed.
NOTIFIED: Mapping[str, NotificationKind] = {
    TimelineKind.APPLICATION_SUBMITTED: NotificationKind.SUBMITTED,
    TimelineKind.APPLICATION_ACCEPTED: NotificationKind.ACCEPTED,
    TimelineKind.APPLICATION_REJECTED: NotificationKind.REJECTED,
    TimelineKind.CASE_SUPPLEMENT_REQUESTED: NotificationKind.SUPPLEMENT_REQUESTED,
    TimelineKind.CASE_APPROVED: NotificationKind.APPROVED,
    TimelineKind.CASE_DENIED: NotificationKind.DENIED,
    TimelineKind.CASE_OVERDUE: NotificationKind.OVERDUE,
    TimelineKind.APPLICATION_COMPLETED: NotificationKind.COMPLETED,
    TimelineKind.REVIEW_DUE: NotificationKind.REVIEW_DUE,
    TimelineKind.REVIEW_COMPLETED: NotificationKind.REVIEW_COMPLETED,
}


def values_for(
    case: ApplicationCase | None,
    cases: Sequence[ApplicationCase],
    application: Application,
    tenant: Tenant,
) -> dict[str, str]:
    """What a template may say about this step: item, department, 补正 deadline and materials."""
    values = {"tenant": tenant.name}
    if case is not None:
        values["item"] = case.item_name
        values["department"] = case.department_name
        if case.supplement is not None:
            values["deadline"] = case.supplement.deadline.isoformat()
            values["materials"] = "、".join(case.supplement.materials)
    else:
        values["item"] = "、".join(ref.name or ref.code for ref in application.item_refs)
        values["department"] = "、".join(sorted({c.department_name for c in cases}))
    return values


async def notify_applicant(
    session: AsyncSession,
    *,
    application: Application,
    tenant: Tenant,
    events: Sequence[ApplicationEvent],
    templates: Mapping[str, str] | None = None,
    cases: Sequence[ApplicationCase] | None = None,
) -> None:
    """Queue the applicant's notifications for the notified steps among `events`, in order.

    `templates` (the tenant view's, when the caller holds it) and `cases` (every case of the
    application, when the caller knows them all: none, for a new submission) spare a query each.
    """
    notified = [e for e in events if e.kind in NOTIFIED]
    if not notified:
        return
    if templates is None:
        templates = await notification_templates_of(session, tenant.path)
    if cases is None:
        cases = list(
            (
                await session.execute(
                    select(ApplicationCase).where(
                        col(ApplicationCase.tenant_id) == application.tenant_id,
                        col(ApplicationCase.application_id) == application.id,
                    )
                )
            ).scalars()
        )
    by_id = {c.id: c for c in cases}
    outgoing = []
    for event in notified:
        case = by_id.get(event.case_id) if event.case_id is not None else None
        kind = NOTIFIED[event.kind]
        text = message(kind, templates, values_for(case, cases, application, tenant))
        outgoing.append(Outgoing(kind, text, event.case_id))
    await queue_notifications(
        session,
        tenant_id=application.tenant_id,
        application_id=application.id,
        recipient=application.owner,
        messages=outgoing,
    )
