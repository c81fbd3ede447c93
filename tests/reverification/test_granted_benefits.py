"""免申即享 benefits are reviewed too: Shanxi grants 医疗救助 without an application when 低收入
recognition is approved (medical_aid is auto_granted). Its item has no re-verification data, so
it follows its trigger's: with Xiaodian reviewing 低收入 every 3 months (an override the test sets;
Shanxi's seeds give no period), the granted medical aid is scheduled on the same day, opened by the
job with it, and rescheduled on the same period after it is completed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from socialaid.access.vocabulary import Role
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.applications_api.flows import (
    accept,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    shanxi_answers,
    window_clerk,
)
from tests.graphql_client import principal, query_data
from tests.identity_numbers import id_number
from tests.reverification.helpers import (
    REVIEWS,
    Clock,
    bearer,
    graphql,
    run_job_on,
)

pytestmark = pytest.mark.usefixtures("clock")
XIAODIAN = "140105"
AUDITOR = bearer("auditor-140105", Role.AUDITOR, tenant=XIAODIAN)
HEALTHCARE = bearer(
    "healthcare-140105", Role.CASEWORKER, departments=("healthcare_security",), tenant=XIAODIAN
)
OVERRIDE = """mutation($i: CatalogueOverrideSetInput!) { catalogueOverrideSet(input: $i) {
  errors { code message path } } }"""
QUARTERLY = {
    "period_months": 3,
    "description": "测试用取值（非政策事实）：每季度核查",
    "source": {"seed": "001_02dcbafffb41dcb7.txt", "section": "三（二）4"},
}


async def xiaodian_reviews_low_income_quarterly(db: Database) -> None:
    admin = await principal(db, user="admin-140105", tenant=XIAODIAN, roles=[Role.TENANT_ADMIN])
    values = {
        "tenant": XIAODIAN,
        "code": "low_income_recognition",
        "patch": {"reverification": QUARTERLY},
        "effectiveFrom": today_in_china().isoformat(),
        "reason": "测试",
    }
    payload = await query_data(db, OVERRIDE, {"i": values}, actor=admin)
    assert payload["catalogueOverrideSet"]["errors"] == []


async def recognised_with_medical_aid_granted(db: Database) -> dict[str, Any]:
    citizen = await applicant(db, XIAODIAN, user="citizen-sx")
    answers = shanxi_answers(id_number("140105", date(1961, 8, 30), 248))
    submitted = await apply(
        db, citizen, XIAODIAN, ["low_income_recognition"], answers, area="wucheng"
    )
    accepted = await accept(db, await window_clerk(db, XIAODIAN, "wucheng"), submitted)
    civil = await caseworker(db, XIAODIAN, "civil_affairs")
    decided = await decide(
        db,
        civil,
        case_of(accepted, "low_income_recognition"),
        "APPROVED",
        recognisedAs=["dibao_family"],
    )
    application = decided["application"]
    assert case_of(application, "medical_aid")["decision"]["automatic"] is True
    return dict(application)


async def xiaodian_reviews(client: httpx.AsyncClient, **filter: Any) -> dict[str, dict[str, Any]]:
    data = await graphql(client, REVIEWS, {"f": {"tenant": XIAODIAN} | filter}, AUDITOR)
    return {e["node"]["itemCode"]: e["node"] for e in data["reverifications"]["edges"]}


async def test_a_granted_benefit_follows_its_triggers_review_schedule(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    # After the override takes effect (it cannot be dated before the real today).
    approved_on = today_in_china() + timedelta(days=7)
    clock.on(approved_on)
    await xiaodian_reviews_low_income_quarterly(db)
    await recognised_with_medical_aid_granted(db)

    scheduled = await xiaodian_reviews(client)
    assert {code: (r["state"], r["periodMonths"]) for code, r in scheduled.items()} == {
        "low_income_recognition": ("SCHEDULED", 3),
        "medical_aid": ("SCHEDULED", 3),
    }
    due_on = scheduled["low_income_recognition"]["dueOn"]
    assert scheduled["medical_aid"]["dueOn"] == due_on
    assert scheduled["medical_aid"]["department"] == "healthcare_security"

    assert await run_job_on(db, clock, date.fromisoformat(due_on)) == 2
    medical = (await xiaodian_reviews(client, states=["DUE"]))["medical_aid"]
    variables = {"i": {"id": medical["id"], "outcome": "CONTINUE"}}
    done = await graphql(client, COMPLETE_AS_HEALTHCARE, variables, HEALTHCARE)
    payload = done["reverificationComplete"]
    assert payload["errors"] == []
    assert (payload["next"]["state"], payload["next"]["periodMonths"]) == ("SCHEDULED", 3)


async def test_without_a_review_of_its_trigger_a_granted_benefit_has_none(
    db: Database, client: httpx.AsyncClient
) -> None:
    # Shanxi's seeds give 低收入 no re-verification period: nothing to follow, nothing invented.
    await recognised_with_medical_aid_granted(db)
    assert await xiaodian_reviews(client) == {}


COMPLETE_AS_HEALTHCARE = """mutation($i: ReverificationCompleteInput!) {
  reverificationComplete(input: $i) { errors { code message path }
    next { state periodMonths dueOn } } }"""
