"""The analysts' dashboards in headless Chromium: the reform's effect, 办结汇总 per department and
the `statistics` query's volume over time, per department, per type of assistance and overdue
queue, drawn by ECharts from an application the test made and worked on (the statistics fold run
directly), each with its numbers in a table; a suppressed cell reads "已隐藏", never zero; axe-core
finds nothing serious; screenshots written."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.async_api import Browser, Locator, Page, expect
from sqlalchemy import text

from socialaid.applications.deadline_scan import scan_deadlines
from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from socialaid.statistics.fold import fold_dirty_days
from tests.applications_api.flows import case_of
from tests.browser_access.served import Served, serving
from tests.conftest import test_settings
from tests.console.browser import built_console, check_screen, launched, signed_in
from tests.console.test_auditor_in_chromium import worked_on_by_two_departments
from tests.statistics.min_cell import set_min_cell

ANALYST = "长宁区 · 统计分析员"
CHINA = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module", autouse=True)
def console_built() -> None:
    built_console()


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async for b in launched():
        yield b


@pytest.fixture
async def served(db: Database) -> AsyncIterator[Served]:
    async with serving(db, test_settings()) as s:
        yield s


async def test_the_dashboards_chart_the_applications_the_test_made_with_their_numbers(
    db: Database, served: Served, browser: Browser
) -> None:
    application, _ = await worked_on_by_two_departments(db)
    await fold_dirty_days(db)
    names = {case["department"]["name"] for case in application["cases"]}
    page = await dashboards(browser, served.url)

    completion = page.get_by_test_id("completion-table")
    for name in names:
        await expect(completion).to_contain_text(name)
    # 合计 · 收件: every case of the application, one per department it went to — fewer than the
    # default small-cell threshold (5), so hidden, as every count of its departments.
    assert 0 < len(application["cases"]) < 5
    total = completion.get_by_role("row").last
    await expect(total.locator("td").first).to_have_text("已隐藏")
    await expect(page.get_by_test_id("reform-table")).to_contain_text("环节")
    # Served with the default small-cell threshold (5): the one application's cases are hidden.
    first_department = application["cases"][0]["department"]["code"]
    await expect(cell(page, "department", first_department, "CASES")).to_have_text("已隐藏")
    await expect_charts(page, 6)
    await check_screen(page, "analyst-dashboards-small-cells")


async def test_the_statistics_dashboards_show_the_counts_of_the_applications_the_test_made(
    db: Database, browser: Browser
) -> None:
    application, _ = await worked_on_by_two_departments(db)
    late = case_of(application, "dibao")
    await past_its_deadline(db, late["databaseId"])
    await fold_dirty_days(db)
    cases = application["cases"]
    per_department = Counter(case["department"]["code"] for case in cases)
    per_item = Counter(case["itemCode"] for case in cases)
    today = datetime.now(CHINA).date()
    await set_min_cell(db, "310000", 1)  # every count shown: the test checks them all
    async with serving(db, test_settings(statistics_min_cell=1)) as served:
        page = await dashboards(browser, served.url)

        await expect(cell(page, "volume", today.isoformat(), "APPLICATIONS")).to_have_text("1")
        await expect(cell(page, "volume", today.isoformat(), "CASES")).to_have_text(str(len(cases)))
        for department, count in per_department.items():
            await expect(cell(page, "department", department, "CASES")).to_have_text(str(count))
            await expect(cell(page, "department", department, "APPLICATIONS")).to_have_text("1")
            overdue = 1 if department == late["department"]["code"] else 0
            await expect(cell(page, "overdue", department, "OVERDUE")).to_have_text(str(overdue))
        await expect(page.get_by_test_id("department-table").locator("tbody tr")).to_have_count(
            len(per_department)
        )
        for item, count in per_item.items():
            await expect(cell(page, "item", item, "CASES")).to_have_text(str(count))
        await expect(page.get_by_test_id("item-table").locator("tbody tr")).to_have_count(
            len(per_item)
        )
        await expect(page.get_by_test_id("overdue-cases-count")).to_have_text("1")
        listed = page.get_by_test_id("overdue-cases-table").locator("tbody tr")
        await expect(listed).to_have_count(1)
        await expect(listed).to_have_attribute("data-key", late["id"])
        await expect(listed).to_contain_text(late["department"]["name"])
        await expect_charts(page, 6)
        await check_screen(page, "analyst-dashboards")

        await page.get_by_label("时间粒度").select_option("MONTH")
        month = today.replace(day=1).isoformat()
        await expect(cell(page, "volume", month, "CASES")).to_have_text(str(len(cases)))


async def past_its_deadline(db: Database, case_id: str) -> None:
    """The case's deadline moved to yesterday, then the deadline job's scan (run directly) marks
    it overdue as it would once that day had passed."""
    async with db.session() as session, session.begin():
        await set_every_tenant_scope(session)
        moved = await session.execute(
            text("UPDATE application_case SET due_at = now() - interval '1 day' WHERE id = :id"),
            {"id": case_id},
        )
        assert moved.rowcount == 1  # type: ignore[attr-defined]
    result = await scan_deadlines(db, lambda: datetime.now(CHINA), 3)
    assert [str(marked) for marked in result.overdue] == [case_id], result


async def dashboards(browser: Browser, url: str) -> Page:
    """The analyst's 统计看板, signed in through the role picker."""
    page = await signed_in(browser, url, ANALYST)
    await page.get_by_role("navigation", name="主导航").get_by_role("link", name="统计看板").click()
    return page


def cell(page: Page, table: str, key: str, measure: str) -> Locator:
    """One count in a dashboard's table: the row of `key` (a period, department or item code)."""
    return page.get_by_test_id(f"{table}-table").locator(
        f'tr[data-key="{key}"] td[data-measure="{measure}"]'
    )


async def expect_charts(page: Page, count: int) -> None:
    charts = page.get_by_test_id("chart")
    await expect(charts).to_have_count(count)
    for chart in await charts.all():
        await expect(chart.locator("canvas")).to_have_count(1)
