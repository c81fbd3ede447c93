"""reformEffect from the per-application counts the fold keeps (ADR 0035): the same answer as
counting every application's rows, and a write after the fold counted at once (the application
is marked and counted live until the next fold).

The expected numbers are the generated month's own (tests/reform/test_reform_reports_api.py: 14
finished applications, 10 dibao decisions within the promised 10 working days); a decision made
here adds one of each.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from socialaid.kernel.global_id import encode_global_id
from socialaid.reform.fold import fold_reform_dirty
from tests.applications_api.flows import APPLICATION, case_of, caseworker, decide
from tests.conftest import test_settings
from tests.graphql_client import query_data
from tests.reform.test_reform_reports_api import (
    CHANGNING,
    DIBAO,
    REFORM,
    bearer,
    by_measure,
    report,
)

OPEN_DIBAO_ALONE = """
SELECT k.application_id FROM application_case k
WHERE k.item_code = 'dibao' AND k.state NOT IN ('approved', 'denied', 'closed', 'withdrawn')
  AND NOT EXISTS (SELECT 1 FROM application_case o
                  WHERE o.application_id = k.application_id AND o.item_code <> 'dibao')
"""


@pytest.fixture
async def client(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        yield http


async def this_month(client: httpx.AsyncClient) -> dict[str, Any]:
    today = today_in_china()
    effect = await report(
        client,
        REFORM,
        bearer(Role.ANALYST),
        f=today.replace(day=1).isoformat(),
        to=today.isoformat(),
    )
    del effect["asOf"]
    return effect


async def marked(db: Database) -> int:
    async with db.owner_session() as session:
        return int((await session.execute(text("SELECT count(*) FROM reform_dirty"))).scalar_one())


def dibao_times(effect: dict[str, Any]) -> tuple[int, int]:
    dibao = next(t for t in effect["itemTimes"] if t["item"] == DIBAO)
    return dibao["decided"], dibao["withinPromised"]


async def decide_the_open_dibao_alone(db: Database) -> None:
    async with db.owner_session() as session:
        application_id = (await session.execute(text(OPEN_DIBAO_ALONE))).scalar_one()
    worker = await caseworker(db, CHANGNING, "civil_affairs")
    application = (
        await query_data(
            db,
            APPLICATION,
            {"id": encode_global_id("Application", str(application_id))},
            actor=worker,
        )
    )["application"]
    decided = await decide(db, worker, case_of(application, DIBAO), "APPROVED")
    assert decided["errors"] == [], decided


@pytest.mark.usefixtures("generated_month")
async def test_the_folded_counts_answer_as_the_applications_rows_do(
    db: Database, client: httpx.AsyncClient
) -> None:
    from_rows = await this_month(client)

    assert await fold_reform_dirty(db) == 20
    assert await marked(db) == 0
    folded = await this_month(client)

    assert folded == from_rows
    assert (folded["applications"], folded["timedApplications"]) == (20, 14)
    assert dibao_times(folded) == (10, 10)
    assert by_measure(folded)["TRIPS"]["itemByItem"] == 35  # PLAN's items, one visit each


@pytest.mark.usefixtures("generated_month")
async def test_a_decision_after_the_fold_is_counted_before_the_next_fold(
    db: Database, client: httpx.AsyncClient
) -> None:
    await fold_reform_dirty(db)

    await decide_the_open_dibao_alone(db)

    assert await marked(db) == 1
    before_fold = await this_month(client)
    assert (before_fold["applications"], before_fold["timedApplications"]) == (20, 15)
    assert dibao_times(before_fold) == (11, 11)
    assert await fold_reform_dirty(db) == 1
    assert await this_month(client) == before_fold
