"""Setting the stage in-process: a lead raised for a resident's hospital bill, and the answers and
uploads an adviser converts it with (for the tests that need a lead, not its making)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.clock import CHINA, today_in_china
from socialaid.db.database import Database
from socialaid.discovery.scan import run_discovery
from tests.access.people import person
from tests.applications_api.flows import uploads_for
from tests.applications_api.test_person_living_alone import living_alone
from tests.discovery.http import PUSH, RESIDENT_ID, hospital_bill
from tests.graphql_client import query_data

SUGGESTED = ["expenditure_poverty", "medical_aid.inpatient"]
ADVISER = person("310105", Role.ADVISER, user="adviser-huayanglu", area="huayanglu")
SYSTEM = person("310105", Role.INTEGRATION, user="yb-system", departments=("healthcare_security",))
SET = """mutation($i: TenantParameterSetInput!) { tenantParameterSet(input: $i) { errors { code } } }"""
LEAD_IDS = """query { leads(filter: {tenant: "310105"}) { edges { node { id lockVersion } } } }"""


def her_answers() -> dict[str, Any]:
    answers = living_alone(RESIDENT_ID)
    answers["household"] |= {"main_expenditure": ["medical"], "necessary_expenditure_monthly": 4500}
    return answers


async def a_lead(db: Database) -> dict[str, Any]:
    """{id, lockVersion} of an open lead for RESIDENT_ID in Changning's 华阳路街道."""
    admin = person("310000", Role.TENANT_ADMIN, user="admin-sh")
    threshold = {
        "tenant": "310000",
        "key": "discovery_large_medical_bill_amount",
        "value": 30000,
        "effectiveFrom": today_in_china().isoformat(),
        "source": "测试用取值（非政策事实）",
        "reason": "测试",
    }
    assert (await query_data(db, SET, {"i": threshold}, actor=admin))["tenantParameterSet"][
        "errors"
    ] == []
    pushed = await query_data(db, PUSH, {"i": hospital_bill(56000)}, actor=SYSTEM)
    assert pushed["livelihoodTagUpsert"]["errors"] == []
    await run_discovery(db, lambda: datetime.now(CHINA))
    [edge] = (await query_data(db, LEAD_IDS, {}, actor=ADVISER))["leads"]["edges"]
    return dict(edge["node"])


async def conversion(
    db: Database, lead: dict[str, Any], adviser: Principal = ADVISER
) -> dict[str, Any]:
    """leadConvert's input for `lead`: her answers and an upload for every material asked for."""
    answers = her_answers()
    return {
        "id": lead["id"],
        "lockVersion": lead["lockVersion"],
        "answers": answers,
        "idempotencyKey": "lead-1",
        "materials": await uploads_for(db, "310105", SUGGESTED, answers, adviser),
    }
