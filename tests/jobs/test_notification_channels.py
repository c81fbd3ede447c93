"""Delivery through the configured channels, against real HTTP gateways on localhost: SMS with
its bearer token, WeChat falling back to SMS, a failed attempt retried after its backoff, and
a message every attempt failed for given up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.notifications.channels import Sender, read_sink
from socialaid.notifications.delivery import MAX_ATTEMPTS, deliver_due
from socialaid.notifications.senders import senders_from
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    applicant,
    apply,
    shanghai_answers,
    window_clerk,
)
from tests.conftest import test_settings
from tests.identity_numbers import id_number
from tests.jobs.gateway import gateway

CHANGNING = "310105"
APPLICANT_ID = id_number("310105", date(1982, 4, 2), 131)


@asynccontextmanager
async def senders(settings: Settings) -> AsyncIterator[list[Sender]]:
    async with httpx.AsyncClient(timeout=5) as client:
        yield senders_from(settings, client)


async def submitted(db: Database) -> str:
    """One application submitted: one `submitted` notification waits in the outbox."""
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(APPLICANT_ID)
    await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    return citizen.user_id


async def outbox(db: Database) -> list[dict[str, Any]]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT kind, status, channel, attempts, last_error, sent_at IS NOT NULL AS sent,"
                " next_attempt_at > now() AS later FROM notification ORDER BY id"
            )
        )
        return [dict(row._mapping) for row in rows]


async def make_due(db: Database) -> None:
    """The retry's backoff over, without waiting it out."""
    async with db.owner_session() as session, session.begin():
        await session.execute(text("UPDATE notification SET next_attempt_at = now()"))


async def test_sms_gateway_gets_the_message_with_its_token_and_no_identity_number(
    db: Database,
) -> None:
    owner = await submitted(db)
    with gateway() as sms:
        settings = test_settings(
            notification_channels="sms", sms_gateway_url=sms.url, sms_gateway_token="sms-token"
        )
        async with senders(settings) as configured:
            assert await deliver_due(db, configured) == 1

    assert sms.authorizations == ["Bearer sms-token"]
    [message] = sms.received
    assert (message["to"], message["kind"]) == (owner, "submitted")
    assert message["text"].startswith("您的社会救助申请（")
    assert APPLICANT_ID not in message["text"]
    [row] = await outbox(db)
    assert (row["status"], row["channel"], row["attempts"], row["sent"]) == ("sent", "sms", 1, True)


async def test_a_refused_attempt_is_retried_after_its_backoff(db: Database) -> None:
    await submitted(db)
    with gateway(fail_first=1) as sms:
        settings = test_settings(notification_channels="sms", sms_gateway_url=sms.url)
        async with senders(settings) as configured:
            assert await deliver_due(db, configured) == 0
            [waiting] = await outbox(db)
            assert (waiting["status"], waiting["attempts"]) == ("pending", 1)
            assert waiting["last_error"] == "sms: HTTP 503"
            assert waiting["later"] is True  # not before its backoff
            assert await deliver_due(db, configured) == 0  # still backing off

            await make_due(db)
            assert await deliver_due(db, configured) == 1

    assert sms.attempts == 2
    [row] = await outbox(db)
    assert (row["status"], row["channel"], row["attempts"]) == ("sent", "sms", 2)


async def test_wechat_refusing_falls_back_to_sms(db: Database) -> None:
    await submitted(db)
    with gateway(always_fail=True) as wechat, gateway() as sms:
        settings = test_settings(
            notification_channels="wechat,sms",
            wechat_gateway_url=wechat.url,
            wechat_template_id="tmpl-1",
            sms_gateway_url=sms.url,
        )
        async with senders(settings) as configured:
            assert await deliver_due(db, configured) == 1

    assert wechat.attempts == 1
    assert [m["kind"] for m in sms.received] == ["submitted"]
    [row] = await outbox(db)
    assert (row["status"], row["channel"]) == ("sent", "sms")


async def test_a_message_no_attempt_delivered_is_given_up_as_failed(db: Database) -> None:
    await submitted(db)
    with gateway(always_fail=True) as sms:
        settings = test_settings(notification_channels="sms", sms_gateway_url=sms.url)
        async with senders(settings) as configured:
            for _ in range(MAX_ATTEMPTS):
                await make_due(db)
                await deliver_due(db, configured)
            await make_due(db)
            await deliver_due(db, configured)  # nothing left to try

    assert sms.attempts == MAX_ATTEMPTS
    [row] = await outbox(db)
    assert (row["status"], row["attempts"], row["channel"]) == ("failed", MAX_ATTEMPTS, None)


async def test_the_sink_is_the_default_channel(tmp_path: Path) -> None:
    async with senders(test_settings(notification_sink_file=tmp_path / "s.jsonl")) as configured:
        assert [s.channel.value for s in configured] == ["sink"]


async def test_a_later_step_waits_while_another_worker_holds_an_earlier_one(
    db: Database, tmp_path: Path
) -> None:
    """Two deliverers at once must not tell the applicant 'accepted' before 'submitted'."""
    citizen = await applicant(db, CHANGNING)
    application = await apply(
        db, citizen, CHANGNING, SHANGHAI_FAMILY, shanghai_answers(APPLICANT_ID), area="huayanglu"
    )
    await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), application)
    sink = tmp_path / "sink.jsonl"
    settings = test_settings(notification_sink_file=sink)
    async with senders(settings) as configured, db.owner_session() as other_worker:
        async with other_worker.begin():
            # The other worker has claimed the first message and not yet recorded it.
            await other_worker.execute(
                text("SELECT id FROM notification WHERE kind = 'submitted' FOR UPDATE")
            )
            assert await deliver_due(db, configured) == 0
        assert await deliver_due(db, configured) == 2

    assert [m["kind"] for m in read_sink(sink)] == ["submitted", "accepted"]


async def test_a_step_that_failed_once_does_not_hold_back_the_next(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    application = await apply(
        db, citizen, CHANGNING, SHANGHAI_FAMILY, shanghai_answers(APPLICANT_ID), area="huayanglu"
    )
    with gateway(fail_first=1) as sms:
        settings = test_settings(notification_channels="sms", sms_gateway_url=sms.url)
        async with senders(settings) as configured:
            assert await deliver_due(db, configured) == 0  # 'submitted' refused, backing off
            await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), application)
            assert await deliver_due(db, configured) == 1

    assert [m["kind"] for m in sms.received] == ["accepted"]
