"""The moved project clock and the HTTP client of the re-verification tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from socialaid.api.app import create_app
from socialaid.applications import moves, submission
from socialaid.catalogue import parameter_setting
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.reverification.helpers import Clock


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    """The services' project clock, moved by the test (the job gets it as its own clock)."""
    frozen = Clock()
    monkeypatch.setattr(moves, "now_in_china", frozen)
    monkeypatch.setattr(submission, "now_in_china", frozen)
    monkeypatch.setattr(parameter_setting, "today_in_china", lambda: frozen().date())
    yield frozen


@pytest.fixture
async def client(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        yield http
