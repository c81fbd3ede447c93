"""Subscribing through GraphQL: the secret shown once and kept sealed, URL rules, department
limits, listing, deleting and rotating the secret."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from socialaid.db.database import Database
from tests.graphql_client import execute
from tests.webhooks.helpers import (
    LATER,
    admin,
    create,
    deliveries,
    department_system,
    envelope,
    hmac_sha256,
    send,
    subscribe,
)
from tests.webhooks.receiver import running_receiver
from tests.webhooks.test_deliveries import CHANGNING, SHANGHAI, submitted_family

LIST = """query($t: String!) { webhookSubscriptions(tenant: $t) {
  id url events departments createdBy tenant { code } } }"""
DELETE = """mutation($i: WebhookSubscriptionRefInput!) { webhookSubscriptionDelete(input: $i) {
  deleted errors { code path } } }"""
ROTATE = """mutation($i: WebhookSubscriptionRefInput!) { webhookSubscriptionRotateSecret(input: $i) {
  secret errors { code path } } }"""
RECEIVER = "https://esb.example.cn/socialaid"


async def test_the_secret_is_shown_once_and_stored_only_sealed(db: Database) -> None:
    shanghai = await admin(db, SHANGHAI)
    subscription, secret = await subscribe(db, shanghai, SHANGHAI, RECEIVER, ["CASE_DECIDED"])

    data, errors = await execute(db, LIST, {"t": SHANGHAI}, actor=shanghai)
    async with db.owner_session() as session:
        stored = await session.scalar(text("SELECT secret_sealed FROM webhook_subscription"))

    assert errors == [] and data is not None
    assert data["webhookSubscriptions"] == [
        {
            "id": subscription,
            "url": RECEIVER,
            "events": ["CASE_DECIDED"],
            "departments": [],
            "createdBy": "admin-310000",
            "tenant": {"code": SHANGHAI},
        }
    ]
    assert secret.startswith("whsec_") and len(secret) > 40
    assert secret.encode() not in bytes(stored)


async def test_urls_that_are_not_https_are_refused_with_the_url_as_path(db: Database) -> None:
    shanghai = await admin(db, SHANGHAI)
    for url in (
        "http://esb.example.cn/hook",  # plain http leaves the machine
        "ftp://esb.example.cn/hook",
        "https://user:pw@esb.example.cn/hook",  # credentials in the URL
        "esb.example.cn/hook",
        "https://esb.example.cn/\x00hook",  # refused by the bounds every string has
    ):
        payload = await create(db, shanghai, tenant=SHANGHAI, url=url, events=["CASE_READY"])
        assert [(e["code"], e["path"]) for e in payload["errors"]] == [
            ("INVALID_INPUT", ["url"])
        ], url
        assert payload["secret"] is None


async def test_a_subscription_without_events_is_refused(db: Database) -> None:
    payload = await create(db, await admin(db, SHANGHAI), tenant=SHANGHAI, url=RECEIVER, events=[])
    assert [(e["code"], e["path"]) for e in payload["errors"]] == [("INVALID_INPUT", ["events"])]


async def test_a_department_system_subscribes_to_its_own_departments_only(db: Database) -> None:
    system = await department_system(db, CHANGNING, "civil_affairs")

    own = await create(db, system, tenant=CHANGNING, url=RECEIVER, events=["CASE_READY"])
    other = await create(
        db,
        system,
        tenant=CHANGNING,
        url=RECEIVER,
        events=["CASE_READY"],
        departments=["education"],
    )

    assert own["subscription"]["departments"] == ["civil_affairs"]
    assert [(e["code"], e["path"]) for e in other["errors"]] == [("INVALID_INPUT", ["departments"])]


async def test_a_districts_admin_cannot_subscribe_for_the_province(db: Database) -> None:
    _, errors = await execute(
        db,
        """mutation($i: WebhookSubscriptionCreateInput!) { webhookSubscriptionCreate(input: $i) {
        secret } }""",
        {"i": {"tenant": SHANGHAI, "url": RECEIVER, "events": ["CASE_READY"]}},
        actor=await admin(db, CHANGNING),
    )
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]


async def test_a_deleted_subscription_takes_its_pending_deliveries_with_it(db: Database) -> None:
    shanghai = await admin(db, SHANGHAI)
    with running_receiver() as receiver:
        subscription, _ = await subscribe(
            db, shanghai, SHANGHAI, receiver.url, ["APPLICATION_SUBMITTED"]
        )
        await submitted_family(db)
        data, errors = await execute(db, DELETE, {"i": {"id": subscription}}, actor=shanghai)
        sent = await send(db)

    assert errors == [] and data is not None
    assert data["webhookSubscriptionDelete"] == {"deleted": True, "errors": []}
    assert (sent.claimed, receiver.requests) == (0, [])
    gone, errors = await execute(db, DELETE, {"i": {"id": subscription}}, actor=shanghai)
    assert gone is not None
    assert gone["webhookSubscriptionDelete"]["errors"] == [{"code": "NOT_FOUND", "path": ["id"]}]


async def test_a_retry_after_rotation_is_signed_with_the_new_secret(db: Database) -> None:
    shanghai = await admin(db, SHANGHAI)
    with running_receiver(500) as receiver:
        subscription, old = await subscribe(
            db, shanghai, SHANGHAI, receiver.url, ["APPLICATION_SUBMITTED"]
        )
        await submitted_family(db)
        await send(db)
        data, errors = await execute(db, ROTATE, {"i": {"id": subscription}}, actor=shanghai)
        assert errors == [] and data is not None
        new = data["webhookSubscriptionRotateSecret"]["secret"]
        await send(db, at=datetime.now(UTC) + LATER)

    [first, retry] = receiver.requests
    assert new != old
    assert first.headers["X-Socialaid-Signature"] == hmac_sha256(old, first.body)
    assert retry.headers["X-Socialaid-Signature"] == hmac_sha256(new, retry.body)
    assert envelope(retry.body)["id"] == envelope(first.body)["id"]
    assert [d["status"] for d in await deliveries(db, shanghai, subscription)] == ["DELIVERED"]


async def test_another_provinces_admin_cannot_read_the_deliveries(db: Database) -> None:
    subscription, _ = await subscribe(
        db, await admin(db, SHANGHAI), SHANGHAI, RECEIVER, ["CASE_READY"]
    )
    _, errors = await execute(
        db,
        "query($s: ID!) { webhookDeliveries(subscription: $s) { totalCount } }",
        {"s": subscription},
        actor=await admin(db, "140000"),
    )
    # Not even whether it exists: the same answer as for an id that names nothing.
    assert [e["extensions"]["code"] for e in errors] == ["NOT_FOUND"]
