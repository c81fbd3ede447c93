"""The issue's done-when for the reference flow: in headless Chromium (Debian's), against the
real app with the seed tenants, a Changning applicant picks 低保 and 义务教育阶段资助 with the
screening's guidance beside them, fills the one merged form (a household member's school appears
only once she is said to be at school: the JSONLogic adapter at work), uploads every material
the form check asks for through the signed URLs, submits, and watches her status change live
while the window clerk accepts and the civil-affairs caseworker approves 低保. Every screen is
checked with axe-core (no serious or critical violation) at 1280 px and 390 px and its
screenshots are written (SOCIALAID_SCREENSHOT_DIR, else a temporary folder)."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import (
    Browser,
    BrowserContext,
    Page,
    ViewportSize,
    async_playwright,
    expect,
)

from socialaid.access.tokens import mint_token
from socialaid.console.build import ensure_built
from socialaid.db.database import Database
from tests.browser_access.served import Served, serving
from tests.conftest import test_settings
from tests.identity_numbers import id_number

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
AXE = WEB / "node_modules" / "axe-core" / "axe.min.js"
CHANGNING = "310105"
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
TOKEN_KEY = "socialaid.console.token"  # web/src/auth/session.ts
# A minimal PDF: the upload check reads the type from the first bytes.
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "chromium is missing: `python3 dev.py test` installs it (Debian's chromium)"
    return found


@pytest.fixture(scope="module")
def built_console() -> Path:
    """web/dist, built from the sources when stale (npm ci from the lock, then vite build)."""
    ensure_built(WEB)
    assert AXE.is_file(), "axe-core is missing from web/node_modules (npm ci in web/)"
    return WEB / "dist"


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SOCIALAID_SCREENSHOT_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
async def served(db: Database, built_console: Path) -> AsyncIterator[Served]:
    async with serving(db, test_settings()) as s:
        yield s


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox"], headless=True
        )
        yield browser
        await browser.close()


def token_for(user: str, roles: list[str], **claims: Any) -> str:
    return mint_token(test_settings(), user=user, tenant=CHANGNING, roles=roles, **claims)


async def signed_in(browser: Browser, token: str) -> tuple[BrowserContext, Page]:
    """A tab whose session holds `token`, as the sign-in page leaves it."""
    context = await browser.new_context(viewport=DESKTOP, locale="zh-CN")
    await context.add_init_script(f"sessionStorage.setItem({TOKEN_KEY!r}, {token!r})")
    page = await context.new_page()
    return context, page


async def serious_violations(page: Page) -> list[dict[str, Any]]:
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))"
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


async def screen(page: Page, folder: Path, name: str) -> None:
    """Checks the screen with axe-core and photographs it, at 1280 px and at 390 px."""
    for width, viewport in (("1280", DESKTOP), ("390", PHONE)):
        await page.set_viewport_size(viewport)
        assert await serious_violations(page) == [], f"{name} at {width} px"
        await page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
    await page.set_viewport_size(DESKTOP)


async def fill_the_form(page: Page, applicant_id: str, child_id: str) -> None:
    async def fill(path: str, value: str) -> None:
        await page.locator(f"#root_{path}").fill(value)

    async def yes_no(path: str, answer: bool) -> None:
        await page.locator(f"input[name='root_{path}']").nth(0 if answer else 1).check()

    await fill("applicant_name", "王强")
    await fill("applicant_id_number", applicant_id)
    await fill("applicant_hukou_address", "上海市长宁区华阳路街道安西路1号")
    await fill("applicant_phone", "13812345678")
    await yes_no("applicant_shanghai_hukou", True)
    await fill("household_size", "2")
    await fill("household_per_capita_monthly_income", "800")
    await fill("assets_bank_deposits", "3000")
    await fill("assets_securities", "0")
    # The group needs at least one row: the form starts with it.
    await fill("household_members_0_name", "王小明")
    await fill("household_members_0_id_number", child_id)
    await page.locator("#root_household_members_0_relation").select_option(label="子")
    await fill("household_members_0_monthly_income", "0")


async def test_an_applicant_applies_and_watches_the_clerk_and_the_caseworker_decide(
    served: Served, browser: Browser, screenshots: Path
) -> None:
    try:
        await the_flow(served, browser, screenshots)
    except Exception:
        # What each tab showed when it failed, beside the screenshots of the screens passed.
        for context in browser.contexts:
            for index, page in enumerate(context.pages):
                await page.screenshot(path=str(screenshots / f"failed-{index}.png"), full_page=True)
        raise


async def the_flow(served: Served, browser: Browser, screenshots: Path) -> None:
    citizen = token_for("citizen-310105", ["applicant"])
    _, applicant = await signed_in(browser, citizen)

    # 1. Items, with the screening's guidance beside them
    await applicant.goto(f"{served.url}/console/flow/apply")
    await expect(applicant.locator(".flow-guidance").first).to_be_visible(timeout=15_000)
    await screen(applicant, screenshots, "01-items")
    # Answering a screening question moves on to the next ones (the answer is not stored)
    hukou = applicant.locator("fieldset.flow-question", has_text="是否本市（上海市）户籍")
    await hukou.get_by_role("button", name="是").click()
    await expect(hukou).to_have_count(0, timeout=15_000)
    await applicant.locator("input[data-item='dibao']").check()
    await applicant.locator("input[data-item='education_aid.compulsory']").check()
    await applicant.get_by_role("button", name="下一步：填写申请表（已选 2 项）").click()

    # 2. The merged form: the school appears when the member is said to be a student
    await expect(applicant.locator("#root_applicant_name")).to_be_visible(timeout=15_000)
    await fill_the_form(
        applicant,
        id_number(CHANGNING, date(1982, 4, 2), 131),
        id_number(CHANGNING, date(2015, 3, 9), 311),
    )
    school = applicant.locator("#root_household_members_0_school_name")
    await expect(school).to_have_count(0)
    await (
        applicant.locator("input[name='root_household_members_0_education_aid_student']")
        .nth(0)
        .check()
    )
    await expect(school).to_be_visible()
    # An optional question nobody answered stays unanswered (no first choice filled in).
    await expect(applicant.locator("#root_household_members_0_health_status")).to_have_value("")
    await school.fill("长宁区实验小学")
    await applicant.locator("#root_household_members_0_schooling_status").select_option(
        label="在校"
    )
    await screen(applicant, screenshots, "02-form")
    await applicant.get_by_role("button", name="下一步：上传材料").click()

    # 3. Materials: a real upload (signed PUT, then complete) for each one the check asks for
    files = applicant.locator("input[type=file]")
    await expect(applicant.locator(".flow-file-button").first).to_be_visible(timeout=15_000)
    count = await files.count()
    assert count >= 3
    for index in range(count):
        await files.nth(index).set_input_files(
            {"name": f"材料{index + 1}.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        await expect(applicant.get_by_text("已上传")).to_have_count(index + 1, timeout=15_000)
    await applicant.locator("#flow-area").select_option("huayanglu")
    await screen(applicant, screenshots, "03-materials")
    await applicant.get_by_role("button", name="提交申请").click()

    # 4. The status, live
    await expect(applicant.locator("[data-state=SUBMITTED]")).to_be_visible(timeout=15_000)
    await expect(applicant.locator("[data-live=live]")).to_be_visible()
    await screen(applicant, screenshots, "04-status-submitted")

    # 5. The one door accepts it
    clerk_token = token_for("clerk-310105", ["window_clerk"], area="huayanglu")
    _, clerk = await signed_in(browser, clerk_token)
    await clerk.goto(f"{served.url}/console/flow/triage")
    accept = clerk.get_by_role("button", name="受理 王强 的申请")
    await expect(accept).to_be_visible(timeout=15_000)
    await screen(clerk, screenshots, "05-triage")
    await accept.click()
    await expect(clerk.get_by_text("已受理，已分送各事项主管部门")).to_be_visible(timeout=15_000)
    await expect(applicant.locator("[data-state=ACCEPTED]")).to_be_visible(timeout=15_000)

    # 6. Civil affairs acknowledges and approves 低保
    worker_token = token_for("civil-310105", ["caseworker"], departments=["civil_affairs"])
    _, worker = await signed_in(browser, worker_token)
    await worker.goto(f"{served.url}/console/flow/cases")
    dibao = worker.locator("article[data-case=dibao]")
    await dibao.get_by_role("button", name="接件").click(timeout=15_000)
    await expect(dibao.locator("[data-case-state=ACKNOWLEDGED]")).to_be_visible(timeout=15_000)
    await dibao.get_by_label("救助金额（元）").fill("1510.00")
    await dibao.get_by_label("起始日期").fill("2027-01-01")
    await screen(worker, screenshots, "06-decide")
    await dibao.get_by_role("button", name="作出决定").click()
    await expect(worker.get_by_text("已作出准予决定")).to_be_visible(timeout=15_000)

    # The applicant's page was pushed the decision; 义务教育阶段资助 waited for it and is released
    timeline = applicant.locator(".flow-timeline")
    await expect(timeline.locator("[data-kind=CASE_APPROVED]")).to_be_visible(timeout=15_000)
    await expect(applicant.get_by_text("准予，1510.00 元")).to_be_visible()
    await screen(applicant, screenshots, "07-status-decided")
