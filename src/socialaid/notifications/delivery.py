"""Delivering the outbox: claim what is due, send it through the first channel that takes it,
record the outcome; a message no channel took is tried again with exponential backoff, and
given up (FAILED) after MAX_ATTEMPTS.

Claiming and recording are short transactions of their own; the sending happens between them,
outside any transaction, so a slow gateway holds no row lock and no connection. A claim pushes
the row's next attempt CLAIM_LEASE ahead: a worker that dies mid-send leaves the message to be
claimed again then. Two workers claim different rows (FOR UPDATE SKIP LOCKED), and never
two steps of one application at once, so they reach the applicant in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import text

from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from socialaid.notifications.channels import DeliveryError, Message, Sender

BATCH = 100
MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=1)
CLAIM_LEASE = timedelta(minutes=5)

# An applicant hears of the steps of one application in the order they happened: a message
# waits while an earlier one of its application, never yet refused, is still to be sent and is
# not in this claim (another worker holds it). Once an earlier one has failed it backs off alone.
_CLAIM = text(
    """
    WITH due AS (
        SELECT tenant_id, id, application_id FROM notification
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED
    ), ready AS (
        SELECT d.tenant_id, d.id FROM due d
        WHERE d.application_id IS NULL OR NOT EXISTS (
            SELECT 1 FROM notification e
            WHERE e.tenant_id = d.tenant_id AND e.application_id = d.application_id
              AND e.id < d.id AND e.status = 'pending' AND e.last_error IS NULL
              AND NOT EXISTS (
                  SELECT 1 FROM due o WHERE o.tenant_id = e.tenant_id AND o.id = e.id))
    )
    UPDATE notification n SET attempts = n.attempts + 1,
           next_attempt_at = now() + make_interval(secs => :lease)
    FROM ready
    WHERE n.tenant_id = ready.tenant_id AND n.id = ready.id
    RETURNING n.tenant_id, n.id, n.application_id, n.recipient, n.kind, n.text, n.attempts
    """
)
_SENT = text(
    "UPDATE notification SET status = 'sent', channel = :channel, sent_at = now(),"
    " last_error = NULL WHERE tenant_id = :tenant AND id = :id"
)
_NOT_SENT = text(
    "UPDATE notification SET status = :status, last_error = :error,"
    " next_attempt_at = now() + make_interval(secs => :delay)"
    " WHERE tenant_id = :tenant AND id = :id"
)


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt."""
    delay: timedelta = FIRST_RETRY * 2 ** (attempts - 1)
    return min(delay, LONGEST_RETRY)


@dataclass(frozen=True)
class Claimed:
    message: Message
    attempts: int


async def deliver_due(db: Database, senders: Sequence[Sender]) -> int:
    """Send every message due now; the number sent."""
    sent = 0
    while True:
        claimed = await _claim(db)
        if not claimed:
            return sent
        outcomes = [await _send(item.message, senders) for item in claimed]
        await _record(db, claimed, outcomes)
        sent += sum(1 for channel, _ in outcomes if channel is not None)


async def _claim(db: Database) -> list[Claimed]:
    async with db.session() as session, session.begin():
        await set_every_tenant_scope(session)
        rows = await session.execute(_CLAIM, {"lease": CLAIM_LEASE.total_seconds(), "batch": BATCH})
        claimed = [
            Claimed(
                Message(
                    notification_id=row.id,
                    tenant_id=row.tenant_id,
                    application_id="" if row.application_id is None else str(row.application_id),
                    recipient=row.recipient,
                    kind=row.kind,
                    text=row.text,
                ),
                row.attempts,
            )
            for row in rows
        ]
    return sorted(claimed, key=lambda item: item.message.notification_id)


async def _send(message: Message, senders: Sequence[Sender]) -> tuple[str | None, str | None]:
    """(the channel that took it, None) or (None, what every channel said)."""
    errors = []
    for sender in senders:
        try:
            await sender.send(message)
        except DeliveryError as error:
            errors.append(str(error))
            continue
        return sender.channel.value, None
    return None, "; ".join(errors) or "no channel configured"


async def _record(
    db: Database, claimed: Sequence[Claimed], outcomes: Sequence[tuple[str | None, str | None]]
) -> None:
    async with db.session() as session, session.begin():
        await set_every_tenant_scope(session)
        for item, (channel, error) in zip(claimed, outcomes, strict=True):
            key = {"tenant": item.message.tenant_id, "id": item.message.notification_id}
            if channel is not None:
                await session.execute(_SENT, {**key, "channel": channel})
                continue
            given_up = item.attempts >= MAX_ATTEMPTS
            await session.execute(
                _NOT_SENT,
                {
                    **key,
                    "status": "failed" if given_up else "pending",
                    "error": error,
                    "delay": retry_delay(item.attempts).total_seconds(),
                },
            )
