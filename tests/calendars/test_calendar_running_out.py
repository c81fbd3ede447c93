"""Sixty days before a province's published calendar ends, /readyz (still 200) and the
`socialaid_calendar_days_left` gauge say so; publishing the next year silences them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api import metrics
from socialaid.api.app import create_app
from socialaid.calendars import readiness
from socialaid.db.database import Database
from tests.conftest import test_settings

TODAY = date(2026, 12, 1)
ROOTS = ("140000", "310000", "320000")  # the seed provinces (上海市 a municipality at that level)
PUBLISH = """mutation($i: WorkingCalendarPublishInput!) { workingCalendarPublish(input: $i) {
  errors { code path } } }"""


@pytest.fixture
def clock_at_2026_12_01(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(readiness, "today_in_china", lambda: TODAY)
    monkeypatch.setattr(metrics, "today_in_china", lambda: TODAY)
    yield


@pytest.fixture
async def client(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        yield http


def days_left(text: str) -> dict[str, float]:
    return {
        sample.labels["tenant"]: sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "socialaid_calendar_days_left"
    }


@pytest.mark.usefixtures("clock_at_2026_12_01")
async def test_readiness_and_the_gauge_warn_until_the_next_year_is_published(
    client: httpx.AsyncClient,
) -> None:
    ready = await client.get("/readyz")
    # The seed ends with 2026 (chinese-calendar 1.11): 1 → 31 December is 30 days.
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ready",
        "calendar": [
            {"tenant": root, "daysLeft": 30, "publishedUntil": "2026-12-31"} for root in ROOTS
        ],
    }
    assert days_left((await client.get("/metrics")).text) == dict.fromkeys(ROOTS, 30)

    token = mint_token(test_settings(), user="admin-sh", tenant="310000", roles=[Role.TENANT_ADMIN])
    schedule = {"tenant": "310000", "year": 2027, "holidays": [], "adjustedWorkdays": []}
    published = await client.post(
        "/graphql",
        json={"query": PUBLISH, "variables": {"i": schedule}},
        headers={"authorization": f"Bearer {token}"},
    )
    assert published.json()["data"]["workingCalendarPublish"]["errors"] == []

    warned = [w["tenant"] for w in (await client.get("/readyz")).json()["calendar"]]
    assert warned == ["140000", "320000"]


async def test_a_province_with_todays_year_unpublished_has_run_out(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readiness, "today_in_china", lambda: date(2030, 6, 1))
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        body = (await http.get("/readyz")).json()
    assert body["calendar"][0] == {"tenant": "140000", "daysLeft": 0, "publishedUntil": None}
