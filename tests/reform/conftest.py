"""One generated month of Shanghai applications per test process (filing, accepting and deciding
twenty families through the API takes most of a test's time): a test that asks for
`generated_month` gets a database copied from it, and the month's own counts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from sqlalchemy.engine import URL

from socialaid.db.bootstrap import drop_database
from tests.conftest import derived_template
from tests.reform.test_reform_reports_api import Month, generate_month


@dataclass(frozen=True)
class GeneratedMonth:
    template: str
    month: Month


@pytest.fixture(scope="session")
async def generated_month(server_url: URL, template_url: URL) -> AsyncIterator[GeneratedMonth]:
    name, month = await derived_template(server_url, template_url, generate_month)
    yield GeneratedMonth(name, month)
    await drop_database(server_url, name)


@pytest.fixture
def db_template(request: pytest.FixtureRequest, template_url: URL) -> str:
    if "generated_month" in request.fixturenames:
        generated: GeneratedMonth = request.getfixturevalue("generated_month")
        return generated.template
    return str(template_url.database)
