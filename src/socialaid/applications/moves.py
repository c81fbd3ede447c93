"""What every use case shares to change an application or one of its cases.

A move locks the application row first, so the cascade a decision sets off and the application's
completion see one consistent set of cases; the client's `lock_version` must still be the row's,
or CONFLICT. It authorizes once, checks the transition against the state machine, saves rows only
if nobody changed them meanwhile, and ends (`finish`) with its timeline events, one audit event and
a notification for `applicationUpdated`, all in the caller's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col

from socialaid.access.decisions import allowed_somewhere, authorize
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications import deadlines
from socialaid.applications.models import Application, ApplicationCase, ApplicationEvent
from socialaid.applications.notifying import notify_applicant
from socialaid.applications.planning import Case, ItemRef, PlannedCase
from socialaid.applications.records import ItemRefRecord, ReceivedNote
from socialaid.applications.states import ApplicationEvent as AppEvent
from socialaid.applications.states import (
    ApplicationState,
    CaseEvent,
    CaseState,
    Machine,
    transition,
)
from socialaid.applications.timeline import TimelineKind
from socialaid.applications.webhook_events import emit_move_events
from socialaid.audit.writer import write_event
from socialaid.calendars.working_calendar import WorkingCalendar
from socialaid.catalogue.files import Mode
from socialaid.catalogue.service import TenantView
from socialaid.errors import ConflictError, DomainError, NotFoundError
from socialaid.kernel.global_id import raw_key
from socialaid.kernel.unit_of_work import now_in_china
from socialaid.tenancy.models import Tenant
from socialaid.tenancy.service import get_tenant


def stale(kind: str) -> ConflictError:
    return ConflictError(f"{kind}已被他人更新，请刷新后重试", path=["lockVersion"])


@dataclass
class Move:
    """What one operation works on: the locked application, its tenant and its cases, the time
    it happens, and the timeline events it adds."""

    application: Application
    tenant: Tenant
    cases: list[ApplicationCase]
    now: datetime
    events: list[ApplicationEvent] = field(default_factory=list)

    def add_event(
        self,
        kind: TimelineKind,
        actor: str,
        *,
        case: ApplicationCase | None = None,
        summary: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> None:
        """A timeline entry, written by `finish`."""
        self.events.append(
            ApplicationEvent(
                tenant_id=self.application.tenant_id,
                application_id=self.application.id,
                case_id=case.id if case else None,
                item=case.item_code if case else None,
                department=case.department if case else None,
                kind=kind,
                summary=summary,
                data=dict(data or {}),
                actor=actor,
            )
        )


# ---------------------------------------------------------------- loading and authorizing


# What a global id's type is named for each kind of row an id may name here.
_NODE_TYPES = {"申请": "Application", "案件": "Case"}


def _parse_id(value: str, what: str) -> uuid.UUID:
    """The row id in `value`: the node's global id or (during deprecation) the raw UUID."""
    try:
        return uuid.UUID(raw_key(str(value), _NODE_TYPES[what]))
    except ValueError:
        raise NotFoundError(f"没有这个{what}", path=["id"]) from None


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


async def application_move(session: AsyncSession, application_id: str) -> Move:
    application = await _lock_application(session, _parse_id(application_id, "申请"))
    tenant = await get_tenant(session, code=application.tenant_id)
    return Move(application, tenant, await _cases_of(session, application), now_in_china())


async def case_move(session: AsyncSession, case_id: str) -> tuple[Move, ApplicationCase]:
    wanted = _parse_id(case_id, "案件")
    application_id = await session.scalar(
        select(col(ApplicationCase.application_id)).where(col(ApplicationCase.id) == wanted)
    )
    if application_id is None:
        raise NotFoundError("没有这个案件", path=["caseId"])
    move = await application_move(session, str(application_id))
    case = next(c for c in move.cases if c.id == wanted)
    return move, case


def application_target(application: Application, tenant: Tenant) -> Target:
    return Target(tenant_path=tenant.path, area_path=application.area_path, owner=application.owner)


def case_target(case: ApplicationCase, tenant: Tenant) -> Target:
    return Target(
        tenant_path=tenant.path,
        department=case.department,
        area_path=case.area_path,
        owner=case.owner,
    )


def _check_version(row: Application | ApplicationCase, lock_version: int) -> None:
    if row.lock_version != lock_version:
        raise stale("申请" if isinstance(row, Application) else "案件")


async def application_transition(
    session: AsyncSession,
    *,
    actor: Principal | None,
    application_id: str,
    lock_version: int,
    resource: Resource,
    action: Action,
    event: AppEvent,
) -> tuple[Principal, Move, ApplicationState, ApplicationState]:
    actor = allowed_somewhere(actor, resource, action)
    move = await application_move(session, application_id)
    authorize(actor, resource, action, application_target(move.application, move.tenant))
    _check_version(move.application, lock_version)
    before = move.application.state
    return actor, move, before, transition(Machine.APPLICATION, before, event)


async def case_transition(
    session: AsyncSession,
    *,
    actor: Principal | None,
    case_id: str,
    lock_version: int,
    resource: Resource,
    action: Action,
    event: CaseEvent,
    use_case_target: bool = True,
) -> tuple[Principal, Move, ApplicationCase, CaseState, CaseState]:
    actor = allowed_somewhere(actor, resource, action)
    move, case = await case_move(session, case_id)
    target = (
        case_target(case, move.tenant)
        if use_case_target
        else application_target(move.application, move.tenant)
    )
    authorize(actor, resource, action, target)
    _check_version(case, lock_version)
    before = case.state
    return actor, move, case, before, transition(Machine.CASE, before, event)


# ---------------------------------------------------------------- writing


async def save(session: AsyncSession, row: Application | ApplicationCase, **changes: Any) -> None:
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
        raise stale("申请" if model is Application else "案件")
    for key, value in {**changes, "lock_version": expected + 1}.items():
        set_committed_value(row, key, value)


async def finish(
    session: AsyncSession,
    move: Move,
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
    templates: Mapping[str, str] | None = None,
    every_case: Sequence[ApplicationCase] | None = None,
) -> None:
    """Timeline events, the applicant's notifications and the webhook deliveries (outboxes), the
    audit event and the change notification: the end of every mutation.

    `department`: the department whose case was acted on (default: the actor's departments).
    `templates`, `every_case`: what the caller already holds, passed on to `notify_applicant`.
    """
    session.add_all(move.events)
    await notify_applicant(
        session,
        application=move.application,
        tenant=move.tenant,
        events=move.events,
        templates=templates,
        cases=every_case,
    )
    # With the webhook events goes the change notification (pg_notify): PostgreSQL delivers it at
    # commit whatever its place in the transaction; sent before the audit event, it is not one
    # more round trip made while the tenant's audit chain head is locked (every other mutation of
    # the tenant waits on that lock until this commits).
    await emit_move_events(session, move)
    await session.flush()
    await write_event(
        session,
        actor=actor,
        action=action,
        tenant_id=move.application.tenant_id,
        subject_type=subject_type,
        subject_id=subject_id,
        before=before,
        after=after,
        reason=reason,
        request_id=request_id,
        application_id=str(move.application.id),
        person_key=move.application.person_key,
        department=department,
    )


def new_case(
    move: Move,
    planned: PlannedCase,
    department: str,
    department_name: str,
    emergency: deadlines.EmergencyMode | None,
    *,
    calendar: WorkingCalendar,
    state: CaseState | None = None,
) -> ApplicationCase:
    application = move.application
    state = state or planned.state
    ref = next(
        (r for r in application.item_refs if r.code == planned.code),
        ItemRefRecord.of(planned.item),
    )
    started = move.now if state is CaseState.READY else None
    due = (
        deadlines.case_deadline(calendar, started, planned.item.promised_working_days, emergency)
        if started is not None
        else None
    )
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
        state=state,
        lock_version=1,
        waiting_on=list(planned.waiting_on),
        clock_started_at=started,
        due_at=None if due is None else due.at,
        due_provisional=due is not None and due.provisional,
        received=tuple(ReceivedNote(note=n.message, items=n.items) for n in planned.notes),
        created_at=move.now,
        updated_at=move.now,
    )


# ---------------------------------------------------------------- what is stored, read back


def as_case(case: ApplicationCase) -> Case:
    return Case(
        item=case.item_ref.item_ref(),
        state=case.state,
        decision=None if case.decision is None else case.decision.decision(),
    )


def item_refs(application: Application) -> list[ItemRef]:
    return [ref.item_ref() for ref in application.item_refs]


def item_basis(application: Application, item: str) -> str | None:
    found = next((r for r in application.item_refs if r.code == item), None)
    return None if found is None else found.basis


def clean_reasons(reasons: Sequence[str], path: str = "reasons") -> tuple[str, ...]:
    cleaned = tuple(r.strip() for r in reasons if r.strip())
    if not cleaned:
        raise DomainError("请写明理由", path=[path])
    return cleaned


def notice_templates(view: TenantView) -> Sequence[Any]:
    return view.config.notice_templates if view.config is not None else ()


def auto_granted_refs(view: TenantView) -> list[ItemRef]:
    """The tenant's 免申即享 items: planning must know which may still join an application."""
    return [
        ItemRef.from_item(spec) for spec in view.specs.values() if spec.mode is Mode.AUTO_GRANTED
    ]
