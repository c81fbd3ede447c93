"""Emptying the outbox: `deliver_due` claims due deliveries, POSTs them signed, and records each
attempt — delivered on a 2xx, otherwise tried again after a backoff, or given up after the last.

A claim is a lease, not a lock held across the network: one short transaction takes due rows
with FOR UPDATE SKIP LOCKED (so several processes never take the same row), counts the attempt
and moves `next_attempt_at` past the POSTs' timeout; the POSTs run with no transaction open;
a second transaction records the outcomes. A process that dies in between leaves its rows to be
claimed again when the lease ends: a receiver may see a delivery twice (at least once, never
lost), and recognises it by its id. Runs as the owner, across every tenant, like the audit
checkpoints: the outbox is the system's own work, not a caller's.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from cryptography.exceptions import InvalidTag
from sqlalchemy import text

from socialaid.config import ConfigurationError, Settings
from socialaid.db.database import Database
from socialaid.webhooks.addresses import UrlPolicy
from socialaid.webhooks.backoff import RetryPolicy
from socialaid.webhooks.destination import refusal
from socialaid.webhooks.envelope import Envelope, signed_headers
from socialaid.webhooks.events import DeliveryStatus
from socialaid.webhooks.secret_box import unseal

log = logging.getLogger("socialaid.webhooks")
MAX_ERROR_CHARS = 500


@dataclass(frozen=True)
class DeliveryOptions:
    signing_key: str
    policy: UrlPolicy
    retry: RetryPolicy
    timeout: float
    batch_size: int

    @classmethod
    def of(cls, settings: Settings) -> DeliveryOptions:
        return cls(
            signing_key=settings.signing_key,
            policy=url_policy(settings),
            retry=RetryPolicy(
                settings.webhook_max_attempts,
                settings.webhook_backoff_base_seconds,
                settings.webhook_backoff_max_seconds,
            ),
            timeout=settings.webhook_timeout_seconds,
            batch_size=settings.webhook_batch_size,
        )

    @property
    def lease(self) -> timedelta:
        """Longer than a round's POSTs can take, so a live process's rows are not re-claimed."""
        return timedelta(seconds=2 * self.timeout + 30)


def url_policy(settings: Settings) -> UrlPolicy:
    """The URL rules the settings give; ConfigurationError naming an entry that is neither a
    host name nor a network (serve stops with it at start-up)."""
    try:
        return UrlPolicy.parse(
            production=settings.is_production,
            allow_http_localhost=settings.webhook_allow_http_localhost,
            allowed=settings.webhook_allowed_hosts,
        )
    except ValueError as error:
        raise ConfigurationError(
            f"{error}: 应为主机名或 CIDR 网段 / a host name or a CIDR network"
        ) from error


@dataclass(frozen=True)
class Round:
    """What one call of `deliver_due` did."""

    claimed: int = 0
    delivered: int = 0
    retrying: int = 0
    failed: int = 0


@dataclass(frozen=True)
class _Claimed:
    tenant_id: str
    id: uuid.UUID
    subscription_id: uuid.UUID
    url: str
    secret_sealed: bytes
    attempt: int
    envelope: Envelope


@dataclass(frozen=True)
class _Outcome:
    delivered: bool
    response_status: int | None = None
    error: str | None = None


CLAIM = text(
    "UPDATE webhook_delivery d"
    " SET attempts = d.attempts + 1, last_attempt_at = :now, next_attempt_at = :lease_until"
    " FROM webhook_subscription s"
    " WHERE (d.tenant_id, d.id) IN ("
    "   SELECT tenant_id, id FROM webhook_delivery"
    "   WHERE status = 'pending' AND next_attempt_at <= :now"
    "   ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
    " AND s.tenant_id = d.tenant_id AND s.id = d.subscription_id"
    " RETURNING d.tenant_id, d.id, d.subscription_id, d.event, d.event_tenant, d.occurred_at,"
    " d.data, d.attempts, s.url, s.secret_sealed"
)
RECORD = text(
    "UPDATE webhook_delivery SET status = :status, next_attempt_at = :next_attempt_at,"
    " delivered_at = :delivered_at, response_status = :response_status, last_error = :last_error"
    " WHERE tenant_id = :tenant_id AND id = :id"
)


async def _claim(db: Database, options: DeliveryOptions, now: datetime) -> list[_Claimed]:
    async with db.owner_session() as session, session.begin():
        rows = await session.execute(
            CLAIM, {"now": now, "lease_until": now + options.lease, "limit": options.batch_size}
        )
        return [
            _Claimed(
                tenant_id=r.tenant_id,
                id=r.id,
                subscription_id=r.subscription_id,
                url=r.url,
                secret_sealed=bytes(r.secret_sealed),
                attempt=r.attempts,
                envelope=Envelope(str(r.id), r.event, r.occurred_at, r.event_tenant, r.data),
            )
            for r in rows
        ]


def _short(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:MAX_ERROR_CHARS]


async def _post(
    client: httpx.AsyncClient, claimed: _Claimed, options: DeliveryOptions, now: datetime
) -> _Outcome:
    refused = await refusal(claimed.url, options.policy)
    if refused is not None:
        return _Outcome(False, error=refused[:MAX_ERROR_CHARS])
    try:
        secret = unseal(options.signing_key, str(claimed.subscription_id), claimed.secret_sealed)
    except InvalidTag:
        return _Outcome(
            False, error="无法解密签名密钥（SOCIALAID_SECRET 已更换？）：请轮换该订阅的密钥"
        )
    body = claimed.envelope.body(sent_at=now, attempt=claimed.attempt)
    headers = signed_headers(claimed.envelope, body, secret, now)
    try:
        response = await client.post(claimed.url, content=body, headers=headers)
    except httpx.HTTPError as error:
        return _Outcome(False, error=_short(error))
    if 200 <= response.status_code < 300:
        return _Outcome(True, response.status_code)
    return _Outcome(False, response.status_code, f"HTTP {response.status_code}")


def _recorded(
    claimed: _Claimed,
    outcome: _Outcome,
    retry: RetryPolicy,
    now: datetime,
    draw: Callable[[], float],
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "tenant_id": claimed.tenant_id,
        "id": claimed.id,
        "response_status": outcome.response_status,
        "last_error": outcome.error,
        "delivered_at": now if outcome.delivered else None,
        "next_attempt_at": None,
    }
    if outcome.delivered:
        return values | {"status": DeliveryStatus.DELIVERED.value}
    delay = retry.delay(claimed.attempt, draw)
    if delay is None:
        return values | {"status": DeliveryStatus.FAILED.value}
    return values | {"status": DeliveryStatus.PENDING.value, "next_attempt_at": now + delay}


async def deliver_due(
    db: Database,
    options: DeliveryOptions,
    *,
    client: httpx.AsyncClient | None = None,
    now: datetime | None = None,
    draw: Callable[[], float] = random.random,
) -> Round:
    """Send the deliveries due at `now` (default: the present), at most a batch; what happened.

    `client`: an httpx client to reuse across rounds (it must not follow redirects: a receiver
    could redirect to an address the SSRF guard refuses); one is made for the round otherwise.
    """
    given = now
    now = given or datetime.now(UTC)
    claimed = await _claim(db, options, now)
    if not claimed:
        return Round()
    own_client = client is None
    client = client or new_client(options)
    try:
        outcomes = await asyncio.gather(*(_post(client, c, options, now) for c in claimed))
    finally:
        if own_client:
            await client.aclose()
    # Backoff counts from when the answer came (a timeout takes seconds), unless time is given.
    finished = given or datetime.now(UTC)
    records = [
        _recorded(c, o, options.retry, finished, draw)
        for c, o in zip(claimed, outcomes, strict=True)
    ]
    async with db.owner_session() as session, session.begin():
        await session.execute(RECORD, records)
    statuses = [r["status"] for r in records]
    for c, o in zip(claimed, outcomes, strict=True):
        if not o.delivered:
            log.warning("webhook delivery %s to %s failed: %s", c.id, c.url, o.error)
    return Round(
        claimed=len(claimed),
        delivered=statuses.count(DeliveryStatus.DELIVERED.value),
        retrying=statuses.count(DeliveryStatus.PENDING.value),
        failed=statuses.count(DeliveryStatus.FAILED.value),
    )


def new_client(options: DeliveryOptions) -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=options.timeout, follow_redirects=False)
