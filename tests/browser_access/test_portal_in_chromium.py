"""The issue's done-when: a page served from another origin, in headless Chromium, queries the
catalogue, submits an application and is pushed its updates over a WebSocket authenticated by
connection_init; the same page served from an origin not allowed is stopped by CORS."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import AsyncIterator, Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright

from socialaid.access.tokens import mint_token
from socialaid.db.database import Database
from tests.applications_api.flows import (
    ACCEPT,
    SHANGHAI_FAMILY,
    applicant,
    shanghai_answers,
    submission,
    uploads_for,
)
from tests.browser_access.served import (
    PORTAL,
    PORTAL_PORT,
    STRANGER,
    STRANGER_PORT,
    Served,
    serving,
)
from tests.conftest import test_settings
from tests.identity_numbers import id_number

CHANGNING = "310105"
PAGE = Path(__file__).parent / "portal"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture(scope="module")
def page_servers() -> Iterator[None]:
    """The portal page from two origins: the allowed one and a stranger's."""
    servers = [
        ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(QuietHandler, directory=str(PAGE))
        )
        for port in (PORTAL_PORT, STRANGER_PORT)
    ]
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    yield
    for server in servers:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "chromium is missing: `python3 dev.py test` installs it (Debian's chromium)"
    return found


@pytest.fixture
async def browser(page_servers: None) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox"], headless=True
        )
        yield browser
        await browser.close()


@pytest.fixture
async def served(db: Database) -> AsyncIterator[Served]:
    async with serving(db, test_settings(cors_origins=PORTAL)) as s:
        yield s


async def portal_page(browser: Browser, origin: str) -> tuple[Page, list[str]]:
    page = await browser.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    await page.goto(f"{origin}/index.html")
    return page, console


async def family_submission(db: Database) -> dict[str, Any]:
    """The input a frontend builds: answers, and the uploads the form check asks for."""
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    materials = await uploads_for(
        db, CHANGNING, SHANGHAI_FAMILY, answers, await applicant(db, CHANGNING)
    )
    return submission(CHANGNING, SHANGHAI_FAMILY, answers, "portal-1", materials, area="huayanglu")


async def wait_for_pushes(page: Page, count: int) -> list[dict[str, Any]]:
    await page.wait_for_function(f"window.portal.pushes.length >= {count}", timeout=15_000)
    pushes: list[dict[str, Any]] = await page.evaluate("window.portal.pushes")
    return pushes


async def test_a_portal_on_an_allowed_origin_applies_and_is_pushed_the_one_doors_decision(
    db: Database, served: Served, browser: Browser
) -> None:
    page, console = await portal_page(browser, PORTAL)
    citizen = mint_token(test_settings(), user="citizen-1", tenant=CHANGNING, roles=["applicant"])

    catalogue = await page.evaluate(
        "([api, t]) => portal.catalogue(api, t)", [served.url, CHANGNING]
    )
    assert catalogue.get("status") == 200, (catalogue, console)
    codes = {item["code"] for item in catalogue["body"]["data"]["catalogue"]["items"]}
    assert set(SHANGHAI_FAMILY) <= codes
    assert catalogue["requestId"], "X-Request-ID is exposed to the page"

    submitted = await page.evaluate(
        "([api, token, input]) => portal.submit(api, token, input)",
        [served.url, citizen, await family_submission(db)],
    )
    assert submitted.get("status") == 200, (submitted, console)
    payload = submitted["body"]["data"]["applicationSubmit"]
    assert payload["errors"] == [], payload
    application = payload["application"]
    assert application["state"] == "SUBMITTED"

    opened = await page.evaluate(
        "([api, token, id]) => portal.subscribe(api, token, id)",
        [served.url, citizen, application["id"]],
    )
    assert opened == {"acknowledged": True}, (opened, console)
    first = (await wait_for_pushes(page, 1))[0]
    assert first["type"] == "next", first
    assert first["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED"

    await accept_as_the_one_door(served, application)

    pushed = (await wait_for_pushes(page, 2))[1]
    assert pushed["type"] == "next", pushed
    assert pushed["payload"]["data"]["applicationUpdated"]["state"] == "ACCEPTED"


async def test_the_same_page_on_an_origin_not_allowed_is_stopped_by_cors(
    served: Served, browser: Browser
) -> None:
    page, console = await portal_page(browser, STRANGER)
    citizen = mint_token(test_settings(), user="citizen-1", tenant=CHANGNING, roles=["applicant"])

    catalogue = await page.evaluate(
        "([api, t]) => portal.catalogue(api, t)", [served.url, CHANGNING]
    )
    opened = await page.evaluate(
        "([api, token, id]) => portal.subscribe(api, token, id)",
        [served.url, citizen, "00000000-0000-0000-0000-000000000000"],
    )

    assert "status" not in catalogue and "Failed to fetch" in catalogue["error"], catalogue
    assert any("CORS policy" in line for line in console), console
    assert "acknowledged" not in opened, opened  # the handshake is refused (403)


async def test_the_portal_streams_the_updates_as_server_sent_events_too(
    db: Database, served: Served, browser: Browser
) -> None:
    page, console = await portal_page(browser, PORTAL)
    citizen = mint_token(test_settings(), user="citizen-1", tenant=CHANGNING, roles=["applicant"])
    submitted = await page.evaluate(
        "([api, token, input]) => portal.submit(api, token, input)",
        [served.url, citizen, await family_submission(db)],
    )
    application = submitted["body"]["data"]["applicationSubmit"]["application"]

    await page.evaluate(
        "([api, token, id]) => { portal.streamUpdates(api, token, id); }",
        [served.url, citizen, application["id"]],
    )
    await page.wait_for_function("window.portal.streamed.length >= 1", timeout=15_000)
    await accept_as_the_one_door(served, application)
    await page.wait_for_function("window.portal.streamed.length >= 2", timeout=15_000)

    streamed = await page.evaluate("window.portal.streamed")
    states = [r["data"]["applicationUpdated"]["state"] for r in streamed]
    assert states == ["SUBMITTED", "ACCEPTED"], (streamed, console)


async def accept_as_the_one_door(served: Served, application: dict[str, Any]) -> None:
    """The window clerk accepts the application, through the API from elsewhere."""
    clerk = mint_token(
        test_settings(),
        user="clerk-310105",
        tenant=CHANGNING,
        roles=["window_clerk"],
        area="huayanglu",
    )
    async with httpx.AsyncClient(base_url=served.url) as client:
        accepted = await client.post(
            "/graphql",
            json={
                "query": ACCEPT,
                "variables": {
                    "i": {"id": application["id"], "lockVersion": application["lockVersion"]}
                },
            },
            headers={"Authorization": f"Bearer {clerk}"},
        )
    assert accepted.json()["data"]["applicationTriageAccept"]["errors"] == [], accepted.json()
