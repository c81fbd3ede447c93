"""Leads raised in bulk (one INSERT … SELECT of audit events per batch) still go through the
tenant's hash chain one event at a time: after a run raising several leads the chain verifies,
and every lead has its one `lead.create` event and outbox message, one per family."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.clock import CHINA, today_in_china
from socialaid.db.database import Database
from socialaid.discovery.scan import run_discovery
from tests.access.people import person
from tests.discovery.http import PUSH, hospital_bill
from tests.discovery.stage import SET, SYSTEM
from tests.graphql_client import query_data
from tests.identity_numbers import id_number

VERIFY = """query { auditVerify(tenant: "310105") { ok checked brokenLink { problem } } }"""
AUDITOR = person("310000", Role.AUDITOR, user="auditor-sh")
# Three residents of three households, each with a bill over the line.
RESIDENTS = [id_number("310105", date(1950 + n, 1, 2), 10 + n) for n in range(3)]


async def set_bill_line(db: Database) -> None:
    admin = person("310000", Role.TENANT_ADMIN, user="admin-sh")
    line = {
        "tenant": "310000",
        "key": "discovery_large_medical_bill_amount",
        "value": 30000,
        "effectiveFrom": today_in_china().isoformat(),
        "source": "测试用取值（非政策事实）",
        "reason": "测试",
    }
    found = await query_data(db, SET, {"i": line}, actor=admin)
    assert found["tenantParameterSet"]["errors"] == []


async def push_bill(db: Database, resident: str, household: str) -> None:
    tag = hospital_bill(60000, id_number=resident) | {"householdNumber": household}
    pushed = await query_data(db, PUSH, {"i": tag}, actor=SYSTEM)
    assert pushed["livelihoodTagUpsert"]["errors"] == []


async def count(db: Database, sql: str) -> int:
    async with db.owner_session() as session:
        return int(await session.scalar(text(sql)) or 0)


async def test_the_chain_verifies_after_a_run_raises_several_leads(db: Database) -> None:
    await set_bill_line(db)
    for n, resident in enumerate(RESIDENTS):
        await push_bill(db, resident, f"HY-{n}")
    # A second member of the first household: the same family, no second lead.
    await push_bill(db, id_number("310105", date(1949, 5, 6), 77), "HY-0")

    raised = await run_discovery(db, lambda: datetime.now(CHINA))

    assert raised.evaluated == 4 and len(raised.leads) == 3
    assert await count(db, "SELECT count(*) FROM audit_event WHERE action = 'lead.create'") == 3
    assert await count(db, "SELECT count(*) FROM notification WHERE lead_id IS NOT NULL") == 3
    verified = (await query_data(db, VERIFY, {}, actor=AUDITOR))["auditVerify"]
    assert verified["ok"] is True and verified["brokenLink"] is None
    assert verified["checked"] >= 3 + 4  # the leads' events and the pushes' events
