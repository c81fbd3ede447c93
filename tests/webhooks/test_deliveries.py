"""Webhooks end to end: a real receiver on localhost, subscriptions made through GraphQL, events
written by the application mutations and sent by `deliver_due`."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from socialaid.access.sessions import scoped_session
from socialaid.cli import app
from socialaid.db.database import Database
from socialaid.webhooks.emit import emit_webhook_event
from socialaid.webhooks.events import WebhookEvent
from socialaid.webhooks.running import delivering_while_serving
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    shanghai_answers,
    window_clerk,
)
from tests.conftest import TEST_SECRET, test_settings
from tests.eventually import eventually
from tests.identity_numbers import id_number
from tests.webhooks.helpers import (
    LATER,
    admin,
    deliveries,
    department_system,
    envelope,
    hmac_sha256,
    send,
    subscribe,
)
from tests.webhooks.receiver import Receiver, running_receiver

SHANGHAI, CHANGNING, SHANXI = "310000", "310105", "140000"
APPLICANT_ID = id_number("310105", date(1982, 4, 2), 131)


async def submitted_family(db: Database) -> dict[str, Any]:
    answers = shanghai_answers(APPLICANT_ID)
    citizen = await applicant(db, CHANGNING)
    return await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")


async def test_a_submission_is_posted_signed_and_a_failed_first_attempt_is_retried(
    db: Database,
) -> None:
    shanghai = await admin(db, SHANGHAI)
    with running_receiver(500) as receiver:
        subscription, secret = await subscribe(
            db, shanghai, SHANGHAI, receiver.url, ["APPLICATION_SUBMITTED"]
        )
        application = await submitted_family(db)

        first = await send(db)
        after_first = await deliveries(db, shanghai, subscription)
        second = await send(db, at=datetime.now(UTC) + LATER)

    assert (first.claimed, first.retrying, second.delivered) == (1, 1, 1)
    [failed, retried] = receiver.requests
    for request in (failed, retried):
        assert request.path == "/hooks/socialaid"
        assert request.headers["X-Socialaid-Signature"] == hmac_sha256(secret, request.body)
    body = envelope(retried.body)
    assert body["id"] == envelope(failed.body)["id"] == failed.headers["X-Socialaid-Delivery"]
    assert (body["event"], body["tenant"], body["attempt"]) == (
        "APPLICATION_SUBMITTED",
        CHANGNING,
        2,
    )
    assert body["occurredAt"].endswith("+08:00") and body["sentAt"].endswith("+08:00")
    assert body["data"]["application"] == application["id"]
    assert body["data"]["state"] == "submitted"
    assert sorted(body["data"]["items"]) == sorted(SHANGHAI_FAMILY)
    for private in (APPLICANT_ID, "王强", "13812345678"):  # the applicant's ID number, name, phone
        assert private not in retried.body.decode()
    [pending] = after_first
    assert (pending["status"], pending["attempts"]) == ("PENDING", 1)
    assert (pending["responseStatus"], pending["lastError"]) == (500, "HTTP 500")
    assert pending["nextAttemptAt"] is not None and pending["deliveredAt"] is None
    [delivered] = await deliveries(db, shanghai, subscription)
    assert (delivered["status"], delivered["attempts"], delivered["responseStatus"]) == (
        "DELIVERED",
        2,
        200,
    )
    assert delivered["nextAttemptAt"] is None and delivered["lastError"] is None


async def test_a_subscriber_of_another_province_receives_nothing(db: Database) -> None:
    shanxi, shanghai = await admin(db, SHANXI), await admin(db, SHANGHAI)
    with running_receiver() as theirs, running_receiver() as ours:
        other, _ = await subscribe(db, shanxi, SHANXI, theirs.url, ["APPLICATION_SUBMITTED"])
        own, _ = await subscribe(db, shanghai, SHANGHAI, ours.url, ["APPLICATION_SUBMITTED"])
        await submitted_family(db)

        await send(db)

    assert theirs.requests == []
    assert await deliveries(db, shanxi, other) == []
    assert len(ours.requests) == 1  # the same event did go to the jurisdiction it happened in
    assert len(await deliveries(db, shanghai, own)) == 1


async def test_a_department_system_is_told_only_of_its_own_departments_cases(
    db: Database,
) -> None:
    # The Shanghai catalogue gives dibao to civil_affairs and compulsory-education aid to
    # education (tenants/310000-shanghai/items/*.yaml, seed 000 一); education aid waits for the
    # dibao decision, so its case becomes ready only when civil affairs approves.
    civil = await department_system(db, CHANGNING, "civil_affairs")
    education = await department_system(db, CHANGNING, "education")
    with running_receiver() as civil_end, running_receiver() as education_end:
        await subscribe(db, civil, CHANGNING, civil_end.url, ["CASE_READY"])
        await subscribe(db, education, CHANGNING, education_end.url, ["CASE_READY"])
        clerk = await window_clerk(db, CHANGNING, "huayanglu")
        accepted = await accept(db, clerk, await submitted_family(db))
        await send(db)
        told_at_acceptance = {"civil": told(civil_end), "education": told(education_end)}
        worker = await caseworker(db, CHANGNING, "civil_affairs")
        decided = await decide(db, worker, case_of(accepted, "dibao"), "APPROVED")
        assert decided["errors"] == []
        await send(db)

    assert told_at_acceptance == {"civil": [("civil_affairs", "dibao")], "education": []}
    assert told(civil_end) == [("civil_affairs", "dibao")]
    assert told(education_end) == [("education", "education_aid.compulsory")]


def told(end: Receiver) -> list[tuple[str, str]]:
    """(department, item) of each case a receiver was told about."""
    return sorted(
        (envelope(r.body)["data"]["department"], envelope(r.body)["data"]["item"])
        for r in end.requests
    )


async def test_a_delivery_is_given_up_after_the_last_attempt(db: Database) -> None:
    shanghai = await admin(db, SHANGHAI)
    with running_receiver(500, 503, 500) as receiver:
        subscription, _ = await subscribe(
            db, shanghai, SHANGHAI, receiver.url, ["APPLICATION_SUBMITTED"]
        )
        await submitted_family(db)
        rounds = [await send(db, at=datetime.now(UTC) + LATER * n, attempts=2) for n in range(3)]

    assert [(r.retrying, r.failed) for r in rounds] == [(1, 0), (0, 1), (0, 0)]
    assert len(receiver.requests) == 2
    [gave_up] = await deliveries(db, shanghai, subscription)
    assert (gave_up["status"], gave_up["attempts"], gave_up["responseStatus"]) == ("FAILED", 2, 503)
    assert gave_up["nextAttemptAt"] is None


async def test_the_delivery_is_written_in_the_submissions_own_transaction(db: Database) -> None:
    shanghai = await admin(db, SHANGHAI)
    await subscribe(
        db, shanghai, SHANGHAI, "https://esb.example.cn/hooks", ["APPLICATION_SUBMITTED"]
    )
    application = await submitted_family(db)

    async with db.owner_session() as session:
        delivery = await session.scalar(text("SELECT xmin::text FROM webhook_delivery"))
        written = await session.scalar(
            text("SELECT xmin::text FROM application WHERE id = CAST(:id AS uuid)"),
            {"id": application["databaseId"]},
        )
    assert delivery is not None and delivery == written


async def test_a_districts_subscriber_is_not_told_of_its_provinces_own_applications(
    db: Database,
) -> None:
    changning, shanghai = await admin(db, CHANGNING), await admin(db, SHANGHAI)
    with running_receiver() as district, running_receiver() as province:
        await subscribe(db, changning, CHANGNING, district.url, ["APPLICATION_SUBMITTED"])
        await subscribe(db, shanghai, SHANGHAI, province.url, ["APPLICATION_SUBMITTED"])
        citizen = await applicant(db, SHANGHAI)
        answers = shanghai_answers(APPLICANT_ID)
        await apply(db, citizen, SHANGHAI, SHANGHAI_FAMILY, answers, area="putuo")

        await send(db)

    assert district.requests == []
    assert [envelope(r.body)["tenant"] for r in province.requests] == [SHANGHAI]


async def test_the_command_line_sends_one_round(db: Database) -> None:
    url = db.owner_url.set(drivername="postgresql").render_as_string(hide_password=False)
    environment = {"DATABASE_URL": url, "SOCIALAID_SECRET": TEST_SECRET}
    with running_receiver() as receiver:
        await subscribe(
            db, await admin(db, SHANGHAI), SHANGHAI, receiver.url, ["APPLICATION_SUBMITTED"]
        )
        await submitted_family(db)
        # typer runs its own event loop: off this test's loop, in a thread.
        result = await asyncio.to_thread(
            CliRunner().invoke, app, ["webhooks", "deliver"], env=environment
        )

    assert result.exit_code == 0, result.output
    assert result.output.strip() == "claimed 1, delivered 1, retrying 0, failed 0"
    assert len(receiver.requests) == 1


async def test_a_job_emits_an_overdue_case_through_a_session_of_its_own(db: Database) -> None:
    # How the deadline job (issue 19, job queue) tells department systems: its own transaction.
    system = await department_system(db, CHANGNING, "civil_affairs")
    with running_receiver() as receiver:
        await subscribe(db, system, CHANGNING, receiver.url, ["CASE_OVERDUE"])
        async with db.owner_session() as session, session.begin():
            queued = await emit_webhook_event(
                session,
                WebhookEvent.CASE_OVERDUE,
                tenant_path="310000/310105",
                occurred_at=datetime(2026, 12, 1, 1, 0, tzinfo=UTC),
                departments={"civil_affairs"},
                data={"case": "Q2FzZTox", "state": "overdue"},
            )
            other = await emit_webhook_event(
                session,
                WebhookEvent.CASE_OVERDUE,
                tenant_path="310000/310105",
                occurred_at=datetime(2026, 12, 1, 1, 0, tzinfo=UTC),
                departments={"education"},
                data={"case": "Q2FzZToy", "state": "overdue"},
            )
        await send(db)

    assert (queued, other) == (1, 0)
    [request] = receiver.requests
    body = envelope(request.body)
    assert (body["event"], body["occurredAt"], body["data"]) == (
        "CASE_OVERDUE",
        "2026-12-01T09:00:00+08:00",
        {"case": "Q2FzZTox", "state": "overdue"},
    )


async def test_serve_s_loop_sends_what_is_due_without_being_asked(db: Database) -> None:
    shanghai = await admin(db, SHANGHAI)
    settings = test_settings(webhook_poll_interval=0.05)
    with running_receiver() as receiver:
        await subscribe(db, shanghai, SHANGHAI, receiver.url, ["APPLICATION_SUBMITTED"])
        async with delivering_while_serving(db, settings):
            await submitted_family(db)
            await eventually(lambda: bool(receiver.requests), "the loop sent the delivery")

    assert [envelope(r.body)["event"] for r in receiver.requests] == ["APPLICATION_SUBMITTED"]


async def test_the_application_role_cannot_emit_for_a_tenant_outside_its_scope(
    db: Database,
) -> None:
    clerk = await window_clerk(db, CHANGNING, "huayanglu")

    with pytest.raises(DBAPIError, match="outside this transaction's scope"):
        async with scoped_session(db, clerk) as session:
            await emit_webhook_event(
                session,
                WebhookEvent.APPLICATION_SUBMITTED,
                tenant_path=SHANXI,
                occurred_at=datetime(2026, 12, 1, tzinfo=UTC),
                departments=(),
                data={},
            )
