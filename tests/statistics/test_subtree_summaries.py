"""A city's statistics are its counties' summed: the fold keeps each ancestor's month summary
(ADR 0034, issue 23 part 4), recounted from its children whenever one of their days changes.

Asked without a tenant, street or channel grouping, a city reads its own summaries (month rows,
and day rows without street and channel). The known set of test_statistics_query.py (Changning: A1–A4) and a second Shanghai county,
Xuhui (310104, made for the test), holding copies of A1 and A2 — the two Monday applications,
accepted, three cases each, dibao approved after 2 working days (1510.00) and denied after 3.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from socialaid.api.app import create_app
from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from socialaid.statistics.fold import fold_dirty_days
from tests.conftest import test_settings
from tests.statistics.min_cell import set_min_cell
from tests.statistics.test_statistics_query import (
    CHANGNING,
    TUESDAY,
    ask,
    known_applications,
    measures,
)

XUHUI = "310104"
TOTALS = ("applications", "cases", "accepted", "rejectedAtDoor", "escalated", "approved")
DECISIONS = ("denied", "closed", "pending", "decisions", "medianWorkingDays", "p90WorkingDays")


async def copy_mondays_into_xuhui(db: Database) -> None:
    """Xuhui under Shanghai, and Changning's Monday applications and their cases copied into
    it as the same rows of another tenant (the marking triggers fire on the inserts)."""
    async with db.owner_session() as session, session.begin():
        await set_every_tenant_scope(session)
        await session.execute(
            text(
                "INSERT INTO tenant (tenant_id, name, level, parent_id, path, source)"
                " VALUES (:x, '徐汇区', 'county', '310000', :path, '{}')"
            ),
            {"x": XUHUI, "path": f"310000/{XUHUI}"},
        )
        for table, monday in (
            ("application", "a.submitted_at < :tuesday"),
            (
                "application_case",
                "a.application_id IN (SELECT id FROM application WHERE tenant_id = :c"
                " AND submitted_at < :tuesday)",
            ),
        ):
            await session.execute(
                text(
                    f"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table},"
                    f" to_jsonb(a) || jsonb_build_object('tenant_id', CAST(:x AS text)))).*"
                    f" FROM {table} a WHERE a.tenant_id = :c AND {monday}"
                ),
                {"x": XUHUI, "c": CHANGNING, "tuesday": TUESDAY},
            )


async def close_xuhuis_approved_dibao(db: Database) -> None:
    async with db.owner_session() as session, session.begin():
        await set_every_tenant_scope(session)
        await session.execute(
            text(
                "UPDATE application_case SET state = 'closed' WHERE tenant_id = :x"
                " AND item_code = 'dibao' AND state = 'approved'"
            ),
            {"x": XUHUI},
        )


@pytest.fixture
async def http(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    await set_min_cell(db, "310000", 1)  # every count shown: the test checks them all
    app = create_app(db, test_settings(statistics_min_cell=1))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://socialaid"
    ) as client:
        yield client


@pytest.fixture
async def two_counties(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    await known_applications(db, monkeypatch)
    await copy_mondays_into_xuhui(db)
    assert await fold_dirty_days(db) == 1  # Xuhui's Monday


async def ask_tenant(
    http: httpx.AsyncClient, tenant: str, group_by: list[str]
) -> list[dict[str, Any]]:
    answer = await ask(http, group_by, tenant=tenant)
    return list(answer["data"]["statistics"]["rows"])


@pytest.mark.usefixtures("two_counties")
async def test_a_city_total_is_the_sum_of_its_counties(http: httpx.AsyncClient) -> None:
    [city] = await ask_tenant(http, "310000", [])
    assert measures(city, *TOTALS) == (6, 12, 4, 1, 1, 2)
    assert measures(city, *DECISIONS) == (2, 0, 8, 4, 2, 3)
    assert city["amountGrantedPerMonth"] == "3020.00"

    [changning] = await ask_tenant(http, CHANGNING, [])
    assert measures(changning, *TOTALS) == (4, 6, 2, 1, 1, 1)
    [xuhui] = await ask_tenant(http, XUHUI, [])
    assert measures(xuhui, *TOTALS) == (2, 6, 2, 0, 0, 1)

    by_tenant = await ask_tenant(http, "310000", ["TENANT"])
    assert [measures(r, "tenantCode", "applications", "cases") for r in by_tenant] == [
        (XUHUI, 2, 6),
        (CHANGNING, 4, 6),
    ]
    by_month = await ask_tenant(http, "310000", ["MONTH", "DEPARTMENT"])
    civil = [
        measures(r, "period", "applications", "approved", "denied", "medianWorkingDays")
        for r in by_month
        if r["department"] == "civil_affairs"
    ]
    assert civil == [("2026-11-01", 4, 2, 2, 2)]


@pytest.mark.usefixtures("two_counties")
async def test_a_city_by_day_and_over_part_months_sums_its_counties(
    http: httpx.AsyncClient,
) -> None:
    by_day = await ask_tenant(http, "310000", ["DAY"])
    assert [measures(r, "period", "applications", "cases", "accepted") for r in by_day] == [
        ("2026-11-30", 4, 12, 4),
        ("2026-12-01", 2, 0, 0),
    ]
    # 15 November to 31 December: December from the month summary, the days from the day one.
    part = await ask(http, [], tenant="310000", first="2026-11-15")
    [city] = part["data"]["statistics"]["rows"]
    assert measures(city, *TOTALS) == (6, 12, 4, 1, 1, 2)
    assert measures(city, *DECISIONS) == (2, 0, 8, 4, 2, 3)


@pytest.mark.usefixtures("two_counties")
async def test_a_change_in_one_county_is_recounted_into_the_city(
    db: Database, http: httpx.AsyncClient
) -> None:
    await close_xuhuis_approved_dibao(db)
    assert await fold_dirty_days(db) == 1

    [city] = await ask_tenant(http, "310000", [])
    assert measures(city, *TOTALS) == (6, 12, 4, 1, 1, 1)
    assert measures(city, *DECISIONS) == (2, 1, 8, 3, 3, 3)
    assert city["amountGrantedPerMonth"] == "1510.00"
    by_week = await ask_tenant(http, "310000", ["WEEK", "DEPARTMENT"])
    civil = [
        measures(r, "period", "cases", "approved", "denied", "closed", "medianWorkingDays")
        for r in by_week
        if r["department"] == "civil_affairs"
    ]
    assert civil == [("2026-11-30", 4, 1, 2, 1, 3)]
