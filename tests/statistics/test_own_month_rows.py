"""Grouped by tenant, or by street × channel, whole months are read from the month rows that keep
only those keys (`statistics_case_month_total`, `statistics_*_month_street`; issue 23, I23FAST)
and part months from the day rows: both must give the answers written here by hand, medians and
p90 included, before and after a change the fold recounts.

The set: test_subtree_summaries.py's two counties under Shanghai — Changning (A1–A4 of
test_statistics_query.py) and Xuhui (copies of A1 and A2), all submitted online in huayanglu.
After Xuhui's approved dibao is closed, Xuhui holds one decision (denied after 3 working days)
and Changning two (approved after 2, denied after 3).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from socialaid.api.app import create_app
from socialaid.db.database import Database
from socialaid.statistics.fold import fold_dirty_days
from tests.conftest import test_settings
from tests.statistics.min_cell import set_min_cell
from tests.statistics.test_statistics_query import CHANGNING, ask, measures
from tests.statistics.test_subtree_summaries import (
    XUHUI,
    close_xuhuis_approved_dibao,
    two_counties,  # noqa: F401 (the fixture)
)

# Whole months (November and December: the month rows) and a range of part months (the same
# days read from the day rows only).
WHOLE_MONTHS = ("2026-11-01", "2026-12-31")
PART_MONTHS = ("2026-11-29", "2026-12-30")


@pytest.fixture
async def http(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    await set_min_cell(db, "310000", 1)  # every count shown: the test checks them all
    app = create_app(db, test_settings(statistics_min_cell=1))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://socialaid"
    ) as client:
        yield client


COUNTS = ("applications", "cases", "accepted", "rejectedAtDoor", "escalated", "approved")
DECISIONS = ("denied", "closed", "pending", "decisions", "medianWorkingDays", "p90WorkingDays")


async def rows(
    http: httpx.AsyncClient,
    group_by: list[str],
    period: tuple[str, str],
    row_filter: dict[str, Any] | None = None,
) -> list[tuple[Any, ...]]:
    answer = await ask(
        http, group_by, tenant="310000", first=period[0], last=period[1], row_filter=row_filter
    )
    keys = ("tenantCode", "area", "channel")
    return [
        measures(row, *keys, *COUNTS, *DECISIONS, "amountGrantedPerMonth")
        for row in answer["data"]["statistics"]["rows"]
    ]


@pytest.mark.usefixtures("two_counties")
@pytest.mark.parametrize("period", [WHOLE_MONTHS, PART_MONTHS])
async def test_by_tenant_each_county_counts_its_own_applications(
    db: Database, http: httpx.AsyncClient, period: tuple[str, str]
) -> None:
    changning = (CHANGNING, None, None, 4, 6, 2, 1, 1, 1, 1, 0, 4, 2, 2, 3, "1510.00")
    assert await rows(http, ["TENANT"], period) == [
        (XUHUI, None, None, 2, 6, 2, 0, 0, 1, 1, 0, 4, 2, 2, 3, "1510.00"),
        changning,
    ]
    await close_xuhuis_approved_dibao(db)
    assert await fold_dirty_days(db) == 1
    assert await rows(http, ["TENANT"], period) == [
        (XUHUI, None, None, 2, 6, 2, 0, 0, 0, 1, 1, 4, 1, 3, 3, "0.00"),
        changning,
    ]


@pytest.mark.usefixtures("two_counties")
@pytest.mark.parametrize("period", [WHOLE_MONTHS, PART_MONTHS])
async def test_by_street_and_channel_the_counties_add_up(
    db: Database, http: httpx.AsyncClient, period: tuple[str, str]
) -> None:
    assert await rows(http, ["AREA", "CHANNEL"], period) == [
        (None, "huayanglu", "online", 6, 12, 4, 1, 1, 2, 2, 0, 8, 4, 2, 3, "3020.00")
    ]
    await close_xuhuis_approved_dibao(db)
    assert await fold_dirty_days(db) == 1
    assert await rows(http, ["TENANT", "CHANNEL"], period) == [
        (XUHUI, None, "online", 2, 6, 2, 0, 0, 0, 1, 1, 4, 1, 3, 3, "0.00"),
        (CHANGNING, None, "online", 4, 6, 2, 1, 1, 1, 1, 0, 4, 2, 2, 3, "1510.00"),
    ]
    filtered = await rows(http, ["AREA"], period, row_filter={"channels": ["online"]})
    assert filtered == [(None, "huayanglu", None, 6, 12, 4, 1, 1, 1, 2, 1, 8, 3, 3, 3, "1510.00")]
    assert await rows(http, ["AREA"], period, row_filter={"channels": ["window"]}) == []


async def by_tenant_and_department(
    http: httpx.AsyncClient, period: tuple[str, str]
) -> dict[tuple[str, str], tuple[Any, ...]]:
    answer = await ask(
        http, ["TENANT", "DEPARTMENT"], tenant="310000", first=period[0], last=period[1]
    )
    per_department = ("applications", "cases", "accepted", "approved", "denied", "closed")
    return {
        (row["tenantCode"], row["department"]): (
            *measures(
                row, *per_department, "pending", "decisions", "medianWorkingDays", "p90WorkingDays"
            ),
            row["amountGrantedPerMonth"],
        )
        for row in answer["data"]["statistics"]["rows"]
    }


@pytest.mark.usefixtures("two_counties")
@pytest.mark.parametrize("period", [WHOLE_MONTHS, PART_MONTHS])
async def test_by_tenant_and_department_each_countys_civil_affairs_counts_its_own_cases(
    db: Database, http: httpx.AsyncClient, period: tuple[str, str]
) -> None:
    # Each county's dibao: one approved after 2 working days (1510.00), one denied after 3.
    civil = (2, 2, 2, 1, 1, 0, 0, 2, 2, 3, "1510.00")
    found = await by_tenant_and_department(http, period)
    assert found[(XUHUI, "civil_affairs")] == civil
    assert found[(CHANGNING, "civil_affairs")] == civil
    assert sum(cells[1] for (tenant, _), cells in found.items() if tenant == XUHUI) == 6
    assert sum(cells[1] for (tenant, _), cells in found.items() if tenant == CHANGNING) == 6

    await close_xuhuis_approved_dibao(db)
    assert await fold_dirty_days(db) == 1
    found = await by_tenant_and_department(http, period)
    assert found[(XUHUI, "civil_affairs")] == (2, 2, 2, 0, 1, 1, 0, 1, 3, 3, "0.00")
    assert found[(CHANGNING, "civil_affairs")] == civil
