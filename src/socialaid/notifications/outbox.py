"""Writing notifications into the outbox, in the transaction of the change they tell about: a
rolled-back change leaves no row and no delivery job."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.jobs.enqueue import enqueue
from socialaid.notifications.kinds import NotificationKind, NotificationStatus
from socialaid.notifications.models import Notification

DELIVER_JOB = "notifications.deliver"

# A mainland resident identity number (18 characters, or the old 15 digits) anywhere in a text:
# templates have no placeholder for one, and this catches one typed into a template or a value.
_ID_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])")
REDACTED = "＊＊＊"


def without_id_numbers(text: str) -> str:
    return _ID_NUMBER.sub(REDACTED, text)


@dataclass(frozen=True)
class Outgoing:
    kind: NotificationKind
    text: str
    case_id: uuid.UUID | None = None


async def queue_notifications(
    session: AsyncSession,
    *,
    tenant_id: str,
    application_id: uuid.UUID,
    recipient: str,
    messages: Sequence[Outgoing],
) -> None:
    """Add `messages` to the outbox in order, and a delivery job, in the session's transaction."""
    if not messages:
        return
    session.add_all(
        Notification(
            tenant_id=tenant_id,
            application_id=application_id,
            case_id=message.case_id,
            kind=message.kind.value,
            recipient=recipient,
            text=without_id_numbers(message.text),
            status=NotificationStatus.PENDING.value,
        )
        for message in messages
    )
    await session.flush()
    await enqueue(session, DELIVER_JOB)
