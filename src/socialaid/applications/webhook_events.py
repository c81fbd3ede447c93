"""Which webhook events a move's timeline entries are, and what a subscriber is told of each.

The timeline is what every application use case records (`Move.add_event`), so `finish` turns
its entries into webhook events once, for submission, triage, the joint meeting, casework and
decisions alike. A subscriber is told ids, codes and states only (ADR 0026): never the
applicant's name, ID number or answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.applications.models import ApplicationEvent
from socialaid.applications.notifications import change_notice
from socialaid.applications.timeline import TimelineKind
from socialaid.clock import CHINA
from socialaid.kernel.global_id import encode_global_id
from socialaid.webhooks.emit import Occurrence, emit_webhook_events
from socialaid.webhooks.events import WebhookEvent

if TYPE_CHECKING:
    from socialaid.applications.moves import Move

_K = TimelineKind
_W = WebhookEvent
APPLICATION_EVENTS: Mapping[TimelineKind, WebhookEvent] = {
    _K.APPLICATION_SUBMITTED: _W.APPLICATION_SUBMITTED,
    _K.APPLICATION_ACCEPTED: _W.APPLICATION_ACCEPTED,
    _K.APPLICATION_ASSIGNED: _W.APPLICATION_ACCEPTED,  # accepted through the joint meeting
}
# A case's event and the state the case is in once the entry is recorded (None: the entry leaves
# the state as it was, and the subscriber is told the deadline that passed instead).
CASE_EVENTS: Mapping[TimelineKind, tuple[WebhookEvent, str | None]] = {
    _K.CASE_OPENED: (_W.CASE_READY, "ready"),
    _K.CASE_RELEASED: (_W.CASE_READY, "ready"),
    _K.CASE_SUPPLEMENT_REQUESTED: (_W.CASE_SUPPLEMENT_REQUESTED, "supplement_requested"),
    _K.CASE_APPROVED: (_W.CASE_DECIDED, "approved"),
    _K.CASE_DENIED: (_W.CASE_DECIDED, "denied"),
    _K.CASE_GRANTED_AUTOMATICALLY: (_W.CASE_DECIDED, "approved"),
    _K.CASE_OVERDUE: (_W.CASE_OVERDUE, None),  # marked by the deadline job (deadline_scan.py)
    # the review's due date is told as dueAt (review_scan.py, reviews.py)
    _K.REVIEW_DUE: (_W.REVERIFICATION_DUE, None),
}


def occurrences(move: Move) -> list[Occurrence]:
    """The webhook events among the move's timeline entries, in the order they were recorded."""
    application = move.application
    ids = {
        "application": encode_global_id("Application", str(application.id)),
        "applicationDatabaseId": str(application.id),
    }
    case_departments = frozenset(e.department for e in move.events if e.department)
    found: list[Occurrence] = []
    for entry in move.events:
        kind = TimelineKind(entry.kind)
        if kind in APPLICATION_EVENTS:
            # Accepted: the departments its cases went to; submitted: those its items name.
            departments = case_departments or frozenset(r.department for r in application.item_refs)
            data = ids | {
                "state": application.state.value,
                "items": list(application.items),
                "channel": application.channel,
            }
            found.append(Occurrence(APPLICATION_EVENTS[kind], departments, data))
        elif kind in CASE_EVENTS and entry.case_id is not None:
            event, state = CASE_EVENTS[kind]
            found.append(Occurrence(event, _departments(entry), _case_data(ids, entry, state)))
    return found


def _departments(entry: ApplicationEvent) -> frozenset[str]:
    return frozenset({entry.department}) if entry.department else frozenset()


def _case_data(ids: dict[str, str], entry: ApplicationEvent, state: str | None) -> dict[str, Any]:
    told = ids | {
        "case": encode_global_id("Case", str(entry.case_id)),
        "caseDatabaseId": str(entry.case_id),
        "item": entry.item,
        "department": entry.department,
    }
    if state:
        return told | {"state": state}
    due = entry.data.get("dueAt")
    return told | {
        "dueAt": datetime.fromisoformat(due).astimezone(CHINA).isoformat() if due else None
    }


async def emit_move_events(session: AsyncSession, move: Move) -> None:
    """Queue the move's webhook events in its transaction, and tell every server process that the
    application changed (pg_notify, delivered at commit) in the same statement."""
    await emit_webhook_events(
        session,
        occurrences(move),
        tenant_path=move.tenant.path,
        occurred_at=move.now,
        also_notify=change_notice(str(move.application.id)),
    )
