"""主动报告 (001 三（二）4): a change the family reports itself opens its benefits' reviews at once;
a member starting work, under Shanghai's 收入豁免、救助渐退 rule (003 一), keeps the benefit for
the tenant's taper period — the period and the disregard are parameters the test sets, the
seeds give neither — and with them unset the review decides now."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api.flows import SHANGHAI_FAMILY
from tests.graphql_client import principal
from tests.reverification.helpers import (
    ADVISER,
    CHANGNING,
    CITIZEN,
    START,
    Clock,
    accepted_application,
    approve,
    bearer,
    graphql,
    report,
    reviews,
    run_job_on,
    told,
)
from tests.webhooks.helpers import deliveries, subscribe

pytestmark = pytest.mark.usefixtures("clock")
STABLE = "stable_economic_situation"
UNSTABLE = "unstable_income_with_labour_capacity"
SET = """mutation($i: TenantParameterSetInput!) { tenantParameterSet(input: $i) {
  errors { code message path } } }"""


async def set_parameter(client: httpx.AsyncClient, key: str, value: Any) -> None:
    values = {
        "tenant": CHANGNING,
        "key": key,
        "value": value,
        "effectiveFrom": START.date().isoformat(),
        "source": "测试用取值（非政策事实）",
        "reason": "测试",
    }
    admin = bearer("admin-310105", Role.TENANT_ADMIN)
    assert (await graphql(client, SET, {"i": values}, admin))["tenantParameterSet"]["errors"] == []


async def test_a_family_reporting_a_change_is_reviewed_now_and_the_street_is_told(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    system = await principal(
        db,
        user="mz-system",
        tenant=CHANGNING,
        roles=[Role.INTEGRATION],
        departments=["civil_affairs"],
    )
    listening, _ = await subscribe(
        db, system, CHANGNING, "http://127.0.0.1:9/hook", ["REVERIFICATION_DUE"]
    )
    application = await accepted_application(db, SHANGHAI_FAMILY)
    await approve(db, client, application, "dibao", reverificationPeriod=STABLE)
    [scheduled] = await reviews(client, ADVISER)
    assert scheduled["dueOn"] == "2027-12-01"

    clock.on(date(2027, 1, 15))
    reported = await report(
        client,
        application,
        CITIZEN,
        kind="HOUSEHOLD_CHANGED",
        occurredOn="2027-01-10",
        description="女儿出嫁迁出户籍",
    )
    assert reported["errors"] == []
    assert [
        (r["itemCode"], r["state"], r["trigger"], r["dueOn"]) for r in reported["reverifications"]
    ] == [("dibao", "DUE", "SELF_REPORT", "2027-01-15")]
    [due] = await reviews(client, ADVISER, states=["DUE"])
    assert due["id"] == scheduled["id"]
    seen = await told(client, application)
    assert [t["kind"] for t in seen["timeline"]][-2:] == ["HOUSEHOLD_CHANGE_REPORTED", "REVIEW_DUE"]
    assert "REVIEW_DUE" in [n["kind"] for n in seen["notifications"]]
    [delivery] = await deliveries(db, system, listening)
    assert delivery["event"] == "REVERIFICATION_DUE"
    # The opened review is not opened twice by the job on its old date.
    assert await run_job_on(db, clock, date(2027, 12, 1)) == 0


async def test_a_family_without_a_benefit_under_review_has_nothing_to_report_to(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    refused = await report(
        client, application, CITIZEN, kind="OTHER", occurredOn="2026-12-01", description="搬家"
    )
    assert [(e["code"], e["path"]) for e in refused["errors"]] == [
        ("INVALID_INPUT", ["application"])
    ]


async def test_a_member_starting_work_keeps_the_benefit_through_the_taper_period(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    await set_parameter(client, "dibao_taper_months", 6)
    await set_parameter(client, "dibao_income_disregard", 500)
    application = await accepted_application(db, SHANGHAI_FAMILY)
    await approve(db, client, application, "dibao", reverificationPeriod=UNSTABLE)

    clock.on(date(2026, 12, 20))
    reported = await report(
        client,
        application,
        CITIZEN,
        kind="EMPLOYMENT_STARTED",
        occurredOn="2026-12-15",
        description="户主在社区便民服务点就业",
        monthlyIncome="2600.00",
    )
    assert reported["errors"] == []
    [review] = reported["reverifications"]
    assert (review["state"], review["trigger"], review["dueOn"]) == (
        "SCHEDULED",
        "TAPER",
        "2027-06-15",
    )
    assert review["taper"] == {
        "startedOn": "2026-12-15",
        "continuesUntil": "2027-06-15",  # six months of taper, set by the test
        "earnedIncome": "2600.00",
        "countedIncome": "2100.00",  # 2600 less the 500 disregarded
        "missingParameters": [],
        "steps": None,  # no step-down set: 1510 a month until the review
        "stepsParameterUnset": "dibao_taper_steps",
    }
    assert await run_job_on(db, clock, date(2027, 6, 1)) == 0  # its 6-month date has moved
    assert await run_job_on(db, clock, date(2027, 6, 15)) == 1
    [due] = await reviews(client, ADVISER, states=["DUE"])
    assert due["taper"]["countedIncome"] == "2100.00"


async def test_with_the_taper_parameters_unset_the_review_decides_now_and_says_what_is_missing(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    await approve(db, client, application, "dibao", reverificationPeriod=UNSTABLE)
    clock.on(date(2026, 12, 20))
    reported = await report(
        client,
        application,
        CITIZEN,
        kind="EMPLOYMENT_STARTED",
        occurredOn="2026-12-15",
        description="户主就业",
        monthlyIncome="2600.00",
    )
    [review] = reported["reverifications"]
    assert (review["state"], review["trigger"], review["dueOn"]) == (
        "DUE",
        "SELF_REPORT",
        "2026-12-20",
    )
    assert review["taper"]["continuesUntil"] is None
    assert review["taper"]["countedIncome"] is None
    assert review["taper"]["missingParameters"] == ["dibao_taper_months", "dibao_income_disregard"]
    assert review["taper"]["steps"] is None


async def test_the_taper_steps_down_as_the_tenant_set_its_steps(
    db: Database, client: httpx.AsyncClient, clock: Clock
) -> None:
    await set_parameter(client, "dibao_taper_months", 4)
    await set_parameter(client, "dibao_taper_steps", "100,80,60")
    application = await accepted_application(db, SHANGHAI_FAMILY)
    await approve(db, client, application, "dibao", reverificationPeriod=UNSTABLE)  # 1510 a month

    clock.on(date(2026, 12, 20))
    reported = await report(
        client,
        application,
        CITIZEN,
        kind="EMPLOYMENT_STARTED",
        occurredOn="2026-12-15",
        description="户主就业",
    )
    [review] = reported["reverifications"]
    assert (review["state"], review["dueOn"]) == ("SCHEDULED", "2027-04-15")
    assert review["taper"]["stepsParameterUnset"] is None
    assert review["taper"]["steps"] == [
        {"monthFrom": "2026-12-15", "percent": "100", "amount": "1510.00"},
        {"monthFrom": "2027-01-15", "percent": "80", "amount": "1208.00"},  # 1510 × 80%
        {"monthFrom": "2027-02-15", "percent": "60", "amount": "906.00"},  # 1510 × 60%
        {"monthFrom": "2027-03-15", "percent": "60", "amount": "906.00"},  # the last step holds
    ]
