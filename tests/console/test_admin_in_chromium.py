"""Issue 24's done-when for admins, in headless Chromium against the served API and console with
the seed tenants: a Changning admin overrides an inherited item's time limit, sees the diff and
the preview, publishes, and the public catalogue shows it. axe-core finds nothing serious on
each screen; each screen's screenshot is written."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from socialaid.db.database import Database
from tests.browser_access.served import Served, serving
from tests.conftest import test_settings
from tests.console.browser import built_console, check_screen, launched, signed_in

CHANGNING_ADMIN = "长宁区 · 区级管理员"
PUBLIC_ITEM = """{ item(tenant: "310105", code: "legal_aid") {
  timeLimit { promisedWorkingDays } provenance { origin overriddenBy } } }"""


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


async def public_legal_aid(served: Served) -> dict[str, object]:
    """Changning's 法律援助 (inherited from Shanghai) as anyone reads it: no token."""
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{served.url}/graphql", json={"query": PUBLIC_ITEM})
    item: dict[str, object] = response.json()["data"]["item"]
    return item


async def open_override_editor(page: Page, url: str) -> None:
    await page.goto(f"{url}/console/admin/tenants/310105")
    row = page.locator("tr[data-item='legal_aid']")
    await expect(row).to_contain_text("继承")
    await check_screen(page, "admin-catalogue")
    await row.get_by_role("link").click()
    await expect(page.get_by_test_id("promised-days")).to_have_text("未规定")
    await check_screen(page, "admin-item")
    await page.get_by_role("link", name="覆盖此事项").click()
    await page.get_by_role("heading", name="覆盖：法律援助").wait_for()


async def test_a_changning_admin_overrides_an_inherited_time_limit_and_the_public_sees_it(
    served: Served, browser: Browser
) -> None:
    assert (await public_legal_aid(served))["timeLimit"] == {"promisedWorkingDays": None}
    page = await signed_in(browser, served.url, CHANGNING_ADMIN)
    await check_screen(page, "home-admin")
    await open_override_editor(page, served.url)

    # The locked elements are shown as locked: 名称 cannot be edited here.
    await expect(page.get_by_label("名称")).to_be_disabled()
    await page.get_by_label("承诺办理时限（工作日）").fill("15")
    await page.get_by_label("覆盖理由（记入审计）").fill("长宁区承诺 15 个工作日办结")
    await page.get_by_role("button", name="预览（差异、检查与影响）").click()

    diff = page.get_by_test_id("override-diff")
    await expect(diff).to_contain_text("time_limits")
    await expect(diff).to_contain_text('"promised_working_days":15')
    await expect(page.get_by_test_id("lint-result")).to_contain_text("发布检查通过")
    await expect(page.get_by_test_id("preview-selections")).to_be_visible()
    await check_screen(page, "admin-override-preview")
    # Previewing changed nothing.
    assert (await public_legal_aid(served))["timeLimit"] == {"promisedWorkingDays": None}

    await page.get_by_role("button", name="发布覆盖").click()
    await expect(page.get_by_role("status")).to_contain_text("已发布")

    assert await public_legal_aid(served) == {
        "timeLimit": {"promisedWorkingDays": 15},
        "provenance": {"origin": "OVERRIDDEN", "overriddenBy": ["310105"]},
    }
    await page.goto(f"{served.url}/console/admin/tenants/310105/items/legal_aid")
    await expect(page.get_by_test_id("promised-days")).to_have_text("15 个工作日")
    await page.goto(f"{served.url}/console/admin/tenants/310105")
    await expect(page.locator("tr[data-item='legal_aid']")).to_contain_text("已覆盖")


async def test_a_locked_element_in_the_patch_is_refused_before_anything_is_sent(
    served: Served, browser: Browser
) -> None:
    page = await signed_in(browser, served.url, CHANGNING_ADMIN)
    await open_override_editor(page, served.url)
    await page.get_by_text("其他要素（RFC 7386 合并补丁，JSON）").click()
    await page.get_by_label("其他要素的合并补丁").fill('{"legal_basis": []}')
    await expect(page.get_by_role("alert")).to_contain_text("锁定要素不可覆盖：legal_basis")
    await expect(page.get_by_role("button", name="预览（差异、检查与影响）")).to_be_disabled()


@pytest.mark.parametrize(
    ("path", "heading", "screen"),
    [
        ("/console/admin/drafts", "草稿与发布", "admin-drafts"),
        ("/console/admin/parameters", "参数", "admin-parameters"),
        ("/console/admin/calendar", "工作日历", "admin-calendar"),
        ("/console/admin/grants", "角色授权", "admin-grants"),
    ],
)
async def test_each_admin_screen_renders_without_serious_accessibility_problems(
    served: Served, browser: Browser, path: str, heading: str, screen: str
) -> None:
    page = await signed_in(browser, served.url, CHANGNING_ADMIN)
    await page.goto(f"{served.url}{path}")
    await page.get_by_role("heading", name=heading, exact=True).wait_for()
    await page.wait_for_load_state("networkidle")
    await check_screen(page, screen)


async def test_a_grant_refused_by_separation_of_duties_is_explained(
    served: Served, browser: Browser
) -> None:
    page = await signed_in(browser, served.url, CHANGNING_ADMIN)
    await page.goto(f"{served.url}/console/admin/grants")
    await page.get_by_label("用户").fill("admin-310105")
    await page.get_by_label("角色").select_option("AUDITOR")
    await page.get_by_role("button", name="授予").click()
    refusal = page.get_by_role("alert")
    await expect(refusal).to_contain_text("不能给自己授予角色")
    await expect(refusal).to_contain_text("职责分离规则")
    await check_screen(page, "admin-grant-refused")


async def test_the_catalogue_fits_a_phone(served: Served, browser: Browser) -> None:
    page = await signed_in(browser, served.url, CHANGNING_ADMIN, phone=True)
    await page.goto(f"{served.url}/console/admin/tenants/310105")
    await expect(page.locator("tr[data-item='legal_aid']")).to_be_visible()
    # Nothing wider than the phone but the table's own scrolling box.
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390
    await page.get_by_role("button", name="菜单").click()
    await expect(page.get_by_role("link", name="参数")).to_be_visible()
    await check_screen(page, "phone-admin-catalogue")


CALENDAR_2031 = '{ workingCalendar(tenant: "310000", year: 2031) { published holidays { date name } adjustedWorkdays } }'


async def test_a_provincial_admin_publishes_a_years_working_calendar(
    served: Served, browser: Browser
) -> None:
    page = await signed_in(browser, served.url, "上海市 · 市级管理员")
    await page.goto(f"{served.url}/console/admin/calendar")
    await page.get_by_label("年份").fill("2031")
    await page.get_by_role("heading", name="发布 2031 年日历").wait_for()
    holidays = page.get_by_label("法定节假日（每行“日期 名称”，如 2031-01-01 元旦）")
    await holidays.fill("2031-01-01 元旦\n2031 元旦")
    await expect(page.get_by_role("alert")).to_contain_text("节假日第 2 行")
    await expect(page.get_by_role("button", name="发布日历")).to_be_disabled()

    await holidays.fill("2031-01-01 元旦\n2031-01-02 元旦")
    # 2031-01-04 is a Saturday worked in exchange.
    await page.get_by_label("调休上班日（每行一个日期）").fill("2031-01-04")
    await page.get_by_role("button", name="发布日历").click()
    await expect(page.get_by_role("status").filter(has_text="已发布")).to_contain_text(
        "已发布 2031 年日历"
    )
    await page.wait_for_load_state("networkidle")
    await check_screen(page, "admin-calendar-published")

    async with httpx.AsyncClient() as client:
        response = await client.post(f"{served.url}/graphql", json={"query": CALENDAR_2031})
    assert response.json()["data"]["workingCalendar"] == {
        "published": True,
        "holidays": [
            {"date": "2031-01-01", "name": "元旦"},
            {"date": "2031-01-02", "name": "元旦"},
        ],
        "adjustedWorkdays": ["2031-01-04"],
    }
