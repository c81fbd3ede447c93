"""Issue 22's statistics hooks as reporting views (ADR 0040): a BI login counts the leads raised
and handled and the reviews scheduled, opened and completed, per street, rule or item and day,
without personal data — checked here against the flows' own counts, worked out by hand."""

from __future__ import annotations

from datetime import date, datetime

import httpx

from socialaid.clock import CHINA
from socialaid.db.database import Database
from socialaid.discovery.scan import run_discovery
from tests.applications_api.flows import SHANGHAI_FAMILY
from tests.discovery.http import DISMISS, adviser, call, client, hospital_bill, leads, push
from tests.reporting.logins import reporting_login
from tests.reverification.helpers import accepted_application, approve
from tests.screening.api import set_parameter
from tests.statistics.min_cell import set_min_cell

__all__ = ["client"]
CHANGNING = "310105"


def today() -> date:
    return datetime.now(CHINA).date()


def a_year_after(day: date) -> date:
    return (
        day.replace(year=day.year + 1)
        if (day.month, day.day) != (2, 29)
        else date(day.year + 1, 2, 28)
    )


async def test_a_dismissed_lead_is_counted_by_rule_street_and_day(
    db: Database, client: httpx.AsyncClient
) -> None:
    await set_parameter(client, "310000", "discovery_large_medical_bill_amount", 30000)
    await set_min_cell(db, CHANGNING, 1)  # the one lead shown: the test checks its count
    assert (await push(client, hospital_bill(56000)))["errors"] == []
    await run_discovery(db, lambda: datetime.now(CHINA))
    [lead] = await leads(client, adviser())
    dismissed = await call(
        client,
        DISMISS,
        {"i": {"id": lead["id"], "lockVersion": lead["lockVersion"], "reason": "已享受医疗救助"}},
        adviser(),
    )
    assert dismissed["leadDismiss"]["errors"] == []

    async with reporting_login(db, [CHANGNING]) as bi:
        rows = await bi.fetch(
            "SELECT tenant_id, street_code, rule_code, lead_state, raised_on, handled_on, leads"
            " FROM reporting.leads_daily"
        )
    assert [tuple(r) for r in rows] == [
        (CHANGNING, "huayanglu", lead["rule"]["code"], "dismissed", today(), today(), 1)
    ]


async def test_a_scheduled_review_is_counted_by_item_street_and_due_day(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    decided = await approve(
        db, client, application, "dibao", reverificationPeriod="stable_economic_situation"
    )
    assert decided["errors"] == []

    assert await review_rows(db) == [scheduled_review(None)]  # 1 < 5: hidden (GB/T 37973)
    await set_min_cell(db, CHANGNING, 1)
    assert await review_rows(db) == [scheduled_review(1)]


async def review_rows(db: Database) -> list[tuple[object, ...]]:
    async with reporting_login(db, [CHANGNING]) as bi:
        rows = await bi.fetch(
            "SELECT tenant_id, street_code, item_code, department_code, review_state,"
            " review_trigger, outcome, due_on, opened_on, completed_on, reviews"
            " FROM reporting.reverifications_daily"
        )
    return [tuple(r) for r in rows]


def scheduled_review(count: int | None) -> tuple[object, ...]:
    return (
        CHANGNING,
        "huayanglu",
        "dibao",
        "civil_affairs",
        "scheduled",
        "approval",
        None,
        a_year_after(today()),  # 短期内经济状况变化不大: yearly (001 三（二）4)
        None,
        None,
        count,
    )


async def test_a_login_without_scope_sees_none_of_them(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await accepted_application(db, SHANGHAI_FAMILY)
    await approve(
        db, client, application, "dibao", reverificationPeriod="stable_economic_situation"
    )
    async with reporting_login(db) as bi:
        assert await bi.fetch("SELECT * FROM reporting.reverifications_daily") == []
    async with reporting_login(db, ["320281"]) as jiangyin:
        assert await jiangyin.fetch("SELECT * FROM reporting.reverifications_daily") == []
