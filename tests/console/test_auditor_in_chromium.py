"""Issue 24's done-when for auditors, in headless Chromium against the served API and console: an
auditor finds a person's history across two departments, opens one application's history with
its field changes, and verifies the chain. The ID number typed in never reaches the URL or the
browser's storage. axe-core finds nothing serious on each screen; screenshots are written."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest
from playwright.async_api import Browser, expect

from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    shanghai_answers,
    window_clerk,
)
from tests.browser_access.served import Served, serving
from tests.conftest import test_settings
from tests.console.browser import built_console, check_screen, launched, signed_in
from tests.identity_numbers import id_number

CHANGNING = "310105"
AUDITOR = "长宁区 · 审计员"
PERSON = id_number(CHANGNING, date(1982, 4, 2), 131)


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


async def worked_on_by_two_departments(db: Database) -> tuple[dict[str, Any], list[str]]:
    """The family's application, accepted at the window, its 低保 and 法律援助 cases taken up by
    their two departments: the application and the names of those departments."""
    citizen = await applicant(db, CHANGNING)
    submitted = await apply(
        db, citizen, CHANGNING, SHANGHAI_FAMILY, shanghai_answers(PERSON), area="huayanglu"
    )
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    departments = []
    for item in ("dibao", "legal_aid"):
        case = case_of(accepted, item)
        await acknowledge(db, await caseworker(db, CHANGNING, case["department"]["code"]), case)
        departments.append(case["department"]["code"])
    assert len(set(departments)) == 2
    return accepted, departments


async def test_an_auditor_finds_a_persons_history_across_two_departments_and_verifies_the_chain(
    db: Database, served: Served, browser: Browser
) -> None:
    application, departments = await worked_on_by_two_departments(db)
    page = await signed_in(browser, served.url, AUDITOR)
    nav = page.get_by_role("navigation", name="主导航")
    await check_screen(page, "home-auditor")

    await nav.get_by_role("link", name="个人历史").click()
    await page.get_by_label("身份证号", exact=False).fill(PERSON)
    await page.get_by_role("button", name="查询").click()
    applications = page.get_by_test_id("person-applications")
    await expect(applications).to_contain_text(application["databaseId"])
    for department in departments:
        await expect(applications).to_contain_text(department)
    await expect(page.get_by_role("heading", name=f"{PERSON[:4]}", exact=False)).to_contain_text(
        "**********"
    )
    await check_screen(page, "audit-person-history")

    # The number is in neither the address, the history entries nor any storage.
    stored = await page.evaluate(
        "JSON.stringify([location.href, history.state, {...sessionStorage}, {...localStorage},"
        " document.cookie, document.body.innerText])"
    )
    assert PERSON not in stored

    await applications.get_by_role("link", name=application["databaseId"]).click()
    across = page.get_by_test_id("application-departments")
    for department in departments:
        await expect(across).to_contain_text(department)
    await expect(page.get_by_role("cell", name="state：", exact=False).first).to_be_visible()
    await check_screen(page, "audit-application-history")

    await nav.get_by_role("link", name="审计链校验").click()
    await page.get_by_role("button", name="校验").click()
    await expect(page.get_by_test_id("verify-result")).to_contain_text("审计链完整")
    await check_screen(page, "audit-verify")

    await nav.get_by_role("link", name="审计导出").click()
    async with page.expect_download() as download:
        await page.get_by_role("button", name="导出").click()
    exported = await (await download.value).path()
    header = exported.read_text(encoding="utf-8").splitlines()[0]
    assert "previous_hash" in header and "hash" in header
    await check_screen(page, "audit-export")
