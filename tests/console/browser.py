"""What the console's browser tests share: the built console, headless Chromium (Debian's),
signing in through the dev role picker, axe-core on each screen, and screenshots."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, Page, ViewportSize, async_playwright

from socialaid.console.build import ensure_built
from tests.conftest import REPO_ROOT

WEB = REPO_ROOT / "web"
AXE = WEB / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = ViewportSize(width=1280, height=900)
PHONE = ViewportSize(width=390, height=844)
# Written by every run; a set is committed under docs/console/.
SCREENSHOTS = Path(
    os.environ.get("SOCIALAID_CONSOLE_SCREENSHOTS", REPO_ROOT / ".data" / "console-screenshots")
)


def built_console() -> Path:
    """web/dist, built now with npm when missing or stale (what `socialaid serve` does); the
    screenshot folder made."""
    ensure_built(WEB)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return WEB / "dist"


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "chromium is missing: `python3 dev.py test` installs it (Debian's chromium)"
    return found


async def launched() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox"], headless=True
        )
        yield browser
        await browser.close()


async def signed_in(browser: Browser, url: str, preset: str, *, phone: bool = False) -> Page:
    """A page of the console signed in by clicking `preset` on the dev role picker."""
    # The console's users are in China: its "today" (the dashboards' default range) is China's,
    # which the tests' data use too — in UTC the two part from 16:00 to midnight.
    page = await browser.new_page(
        viewport=PHONE if phone else DESKTOP, locale="zh-CN", timezone_id="Asia/Shanghai"
    )
    await page.goto(f"{url}/console/signin")
    await page.get_by_role("button", name=preset).click()
    await page.get_by_role("heading", name="欢迎", exact=False).wait_for()
    return page


async def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    await page.add_script_tag(path=AXE)
    violations: list[dict[str, Any]] = await page.evaluate(
        """async () => (await axe.run(document)).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"""
    )
    return violations


async def check_screen(page: Page, name: str) -> None:
    """No serious accessibility violation on this screen; its screenshot written."""
    violations = await serious_violations(page)
    assert violations == [], f"{name}: {violations}"
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
