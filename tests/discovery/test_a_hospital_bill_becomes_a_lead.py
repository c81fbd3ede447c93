"""Issue 22's "done when", over HTTP with minted tokens: the medical-insurance bureau pushes a
large hospital bill for a resident who has never applied; the discovery job raises a lead for the
adviser of her street (and tells the adviser station and the departments' systems); the adviser
takes it and converts it into an application with the suggested items; the next run, after
another push for her, raises nothing again."""

from __future__ import annotations

from datetime import datetime

import httpx
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.clock import CHINA
from socialaid.db.database import Database
from socialaid.discovery.scan import run_discovery
from tests.applications_api.flows import uploads_for
from tests.discovery.http import (
    ASSIGN,
    CONVERT,
    RESIDENT_ID,
    adviser,
    call,
    client,
    hospital_bill,
    leads,
    push,
)
from tests.discovery.stage import SUGGESTED, her_answers
from tests.graphql_client import principal
from tests.screening.api import set_parameter
from tests.webhooks.helpers import deliveries, subscribe

__all__ = ["client"]


def now() -> datetime:
    return datetime.now(CHINA)


async def outbox(db: Database) -> list[tuple[str, str]]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text("SELECT kind, recipient FROM notification WHERE lead_id IS NOT NULL ORDER BY id")
        )
        return [(r.kind, r.recipient) for r in rows]


async def audited(db: Database) -> list[str]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT action FROM audit_event WHERE subject_type = 'lead' ORDER BY occurred_at, sequence"
            )
        )
        return [r.action for r in rows]


async def test_a_hospital_bill_raises_one_lead_the_adviser_converts_and_it_does_not_return(
    db: Database, client: httpx.AsyncClient
) -> None:
    await set_parameter(client, "310000", "discovery_large_medical_bill_amount", 30000)
    system = await principal(
        db,
        user="yb-system",
        tenant="310105",
        roles=[Role.INTEGRATION],
        departments=["healthcare_security"],
    )
    subscription, _ = await subscribe(
        db, system, "310105", "https://yb.example.cn/hook", ["LEAD_CREATED"]
    )
    assert (await push(client, hospital_bill(56000)))["errors"] == []

    assert await leads(client, adviser()) == []  # nothing before the job runs
    first = await run_discovery(db, now)
    assert first.evaluated == 1 and len(first.leads) == 1

    [lead] = await leads(client, adviser())
    assert lead["state"] == "OPEN"
    assert lead["suggestedItems"] == SUGGESTED
    assert lead["subjectHint"] == RESIDENT_ID[-4:]
    assert lead["rule"]["code"] == "large_medical_bills"
    assert lead["rule"]["source"]["seed"] == "003_2610f75d9152240d.txt"
    assert lead["tags"] == [
        {
            "kind": "LARGE_MEDICAL_BILLS",
            "facts": {"amount": 56000, "year": 2026},
            "sourceDepartment": "healthcare_security",
        }
    ]
    assert await leads(client, adviser("jiangsulu")) == []  # another street's adviser
    assert await outbox(db) == [("lead_created", "adviser-station:huayanglu")]
    [delivery] = await deliveries(db, system, subscription)
    assert delivery["event"] == "LEAD_CREATED"

    taken = (await call(client, ASSIGN, {"i": {"id": lead["id"], "lockVersion": 1}}, adviser()))[
        "leadAssign"
    ]
    assert taken["errors"] == []
    assert taken["lead"] == {
        "state": "ASSIGNED",
        "lockVersion": 2,
        "assignedTo": "adviser-huayanglu",
    }

    helper = await principal(
        db, user="adviser-huayanglu", tenant="310105", roles=[Role.ADVISER], area="huayanglu"
    )
    answers = her_answers()
    materials = await uploads_for(db, "310105", SUGGESTED, answers, helper)
    converted = (
        await call(
            client,
            CONVERT,
            {
                "i": {
                    "id": lead["id"],
                    "lockVersion": 2,
                    "answers": answers,
                    "idempotencyKey": "lead-1",
                    "materials": materials,
                }
            },
            adviser(),
        )
    )["leadConvert"]
    assert converted["errors"] == []
    assert converted["lead"]["state"] == "CONVERTED"
    application = converted["application"]
    assert set(SUGGESTED) <= set(application["items"])
    assert application["channel"] == "ADVISER"
    assert application["state"] == "SUBMITTED"
    assert converted["lead"]["applicationId"] == application["id"]

    assert (await push(client, hospital_bill(61000)))["errors"] == []
    again = await run_discovery(db, now)
    assert again.evaluated == 1 and again.leads == []
    assert [lead["state"] for lead in await leads(client, adviser())] == ["CONVERTED"]
    assert await audited(db) == ["lead.create", "lead.assign", "lead.convert"]
