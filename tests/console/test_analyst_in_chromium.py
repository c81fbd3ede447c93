"""The analysts' dashboards in headless Chromium: the reform's effect and 办结汇总 per department,
drawn by ECharts from an application the test made and worked on, each with its numbers in a
table; axe-core finds nothing serious; screenshots written."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, expect

from socialaid.db.database import Database
from tests.browser_access.served import Served, serving
from tests.conftest import test_settings
from tests.console.browser import built_console, check_screen, launched, signed_in
from tests.console.test_auditor_in_chromium import worked_on_by_two_departments

ANALYST = "长宁区 · 统计分析员"


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
    names = {case["department"]["name"] for case in application["cases"]}
    page = await signed_in(browser, served.url, ANALYST)
    await page.get_by_role("navigation", name="主导航").get_by_role("link", name="统计看板").click()

    completion = page.get_by_test_id("completion-table")
    for name in names:
        await expect(completion).to_contain_text(name)
    # 合计 · 收件: every case of the application, one per department it went to.
    total = completion.get_by_role("row").last
    await expect(total.locator("td").first).to_have_text(str(len(application["cases"])))
    await expect(page.get_by_test_id("reform-table")).to_contain_text("环节")
    charts = page.get_by_test_id("chart")
    await expect(charts).to_have_count(2)
    for chart in await charts.all():
        await expect(chart.locator("canvas")).to_have_count(1)
    await check_screen(page, "analyst-dashboards")
