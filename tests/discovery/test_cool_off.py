"""A lead is raised once per family and rule within the cool-off: while the tenant has not set
`discovery_lead_cool_off_months`, a dismissed lead never comes back; once the period is set and
has passed, the next change raises a new one. The second resident of the same household is the
same family."""

from __future__ import annotations

from datetime import date, datetime

from socialaid.access.vocabulary import Role
from socialaid.clock import CHINA, today_in_china
from socialaid.db.database import Database
from socialaid.discovery.scan import run_discovery
from tests.access.people import person
from tests.discovery.http import DISMISS, PUSH, hospital_bill
from tests.discovery.stage import ADVISER, SET, SYSTEM, a_lead
from tests.graphql_client import query_data
from tests.identity_numbers import id_number

STATES = """query { leads(filter: {tenant: "310105"}) { edges { node { state } } } }"""
HER_HUSBAND = id_number("310105", date(1956, 2, 3), 57)


def now() -> datetime:
    return datetime.now(CHINA)


async def states(db: Database) -> list[str]:
    found = await query_data(db, STATES, {}, actor=ADVISER)
    return [edge["node"]["state"] for edge in found["leads"]["edges"]]


async def push_and_run(db: Database, amount: int, id_number: str | None = None) -> int:
    tag = hospital_bill(amount) if id_number is None else hospital_bill(amount, id_number=id_number)
    pushed = await query_data(db, PUSH, {"i": tag}, actor=SYSTEM)
    assert pushed["livelihoodTagUpsert"]["errors"] == []
    return len((await run_discovery(db, now)).leads)


async def test_a_family_gets_one_lead_per_rule_until_the_tenant_sets_a_cool_off(
    db: Database,
) -> None:
    lead = await a_lead(db)
    assert await push_and_run(db, 70000, HER_HUSBAND) == 0  # same household, lead still open
    dismissed = await query_data(
        db, DISMISS, {"i": {**lead, "reason": "已走访，医疗费用已由商业保险报销"}}, actor=ADVISER
    )
    assert dismissed["leadDismiss"]["errors"] == []
    assert await push_and_run(db, 80000) == 0  # no period set: once per family and rule
    assert await states(db) == ["DISMISSED"]

    admin = person("310000", Role.TENANT_ADMIN, user="admin-sh")
    period = {
        "tenant": "310000",
        "key": "discovery_lead_cool_off_months",
        "value": 0,
        "effectiveFrom": today_in_china().isoformat(),
        "source": "测试用取值（非政策事实）",
        "reason": "测试",
    }
    assert (await query_data(db, SET, {"i": period}, actor=admin))["tenantParameterSet"][
        "errors"
    ] == []
    assert await push_and_run(db, 80000) == 1  # the period (none at all) has passed
    assert await states(db) == ["OPEN", "DISMISSED"]
