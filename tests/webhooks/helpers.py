"""Subscribing and reading deliveries through GraphQL, and sending the outbox, for the tests."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from socialaid.webhooks.backoff import RetryPolicy
from socialaid.webhooks.delivery import DeliveryOptions, Round, deliver_due
from tests.conftest import test_settings
from tests.graphql_client import execute, principal

CREATE = """mutation($i: WebhookSubscriptionCreateInput!) { webhookSubscriptionCreate(input: $i) {
  errors { code message path } secret
  subscription { id databaseId url events departments tenant { code } } } }"""
DELIVERIES = """query($s: ID!, $after: String) { webhookDeliveries(subscription: $s, first: 10,
  after: $after) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { id event status attempts lastError responseStatus nextAttemptAt deliveredAt
  occurredAt tenantCode data } } } }"""
# A day later than any retry the tests' policy schedules: every pending delivery is due then.
LATER = timedelta(days=1)


async def admin(db: Database, tenant: str) -> Principal:
    return await principal(db, user=f"admin-{tenant}", tenant=tenant, roles=[Role.TENANT_ADMIN])


async def department_system(db: Database, tenant: str, *departments: str) -> Principal:
    return await principal(
        db,
        user=f"system-{'-'.join(departments)}",
        tenant=tenant,
        roles=[Role.INTEGRATION],
        departments=departments,
    )


async def create(db: Database, actor: Principal, **input: Any) -> dict[str, Any]:
    """webhookSubscriptionCreate's payload, errors included."""
    data, errors = await execute(db, CREATE, {"i": input}, actor=actor)
    assert errors == [] and data is not None, errors
    return dict(data["webhookSubscriptionCreate"])


async def subscribe(
    db: Database, actor: Principal, tenant: str, url: str, events: list[str], **extra: Any
) -> tuple[str, str]:
    """A new subscription's id and its secret."""
    payload = await create(db, actor, tenant=tenant, url=url, events=events, **extra)
    assert payload["errors"] == [], payload
    return payload["subscription"]["id"], payload["secret"]


async def deliveries(db: Database, actor: Principal, subscription: str) -> list[dict[str, Any]]:
    data, errors = await execute(db, DELIVERIES, {"s": subscription}, actor=actor)
    assert errors == [] and data is not None, errors
    return [edge["node"] for edge in data["webhookDeliveries"]["edges"]]


def options(max_attempts: int = 5) -> DeliveryOptions:
    """The test settings' options with a retry policy of seconds, so `LATER` passes them all."""
    return replace(
        DeliveryOptions.of(test_settings()),
        retry=RetryPolicy(max_attempts=max_attempts, base_seconds=10, max_seconds=60),
    )


async def send(db: Database, *, at: datetime | None = None, attempts: int = 5) -> Round:
    return await deliver_due(db, options(attempts), now=at or datetime.now(UTC))


def hmac_sha256(secret: str, body: bytes) -> str:
    """The signature as a receiver computes it, independently of socialaid's code."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def envelope(body: bytes) -> dict[str, Any]:
    return dict(json.loads(body))
