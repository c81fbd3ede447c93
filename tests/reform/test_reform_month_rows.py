"""reformEffect over whole months reads the fold's month rows (`reform_month`,
`reform_case_time_month`; issue 23, I23FAST) and must answer what the applications' rows answer:
with no bounds, over the calendar month and over a part month, before and after a decision the
next fold has not counted yet (that application is taken out of the month rows and counted live,
once).

Expected numbers: the generated month's own (tests/reform/test_reform_reports_api.py: 20
applications, 14 finished, 10 dibao decisions within the promised 10 working days, 35 window
visits item by item); the decision made here adds one finished application and one dibao
decision.
"""

from __future__ import annotations

import calendar
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from socialaid.reform.fold import fold_reform_dirty
from tests.conftest import test_settings
from tests.reform.test_reform_counts_fold import decide_the_open_dibao_alone, dibao_times
from tests.reform.test_reform_reports_api import REFORM, bearer, by_measure, report


@pytest.fixture
async def client(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        yield http


def periods() -> dict[str, dict[str, str]]:
    """No bounds and the calendar month (whole months: the month rows), and this month so far
    (a part month: the applications' rows)."""
    today = today_in_china()
    last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    return {
        "unbounded": {},
        "calendar month": {"f": today.replace(day=1).isoformat(), "to": last.isoformat()},
        "month so far": {"f": today.replace(day=1).isoformat(), "to": today.isoformat()},
    }


async def effects(client: httpx.AsyncClient) -> dict[str, tuple[Any, ...]]:
    answers = {}
    for name, bounds in periods().items():
        effect = await report(client, REFORM, bearer(Role.ANALYST), **bounds)
        measures = by_measure(effect)
        answers[name] = (
            effect["applications"],
            effect["timedApplications"],
            dibao_times(effect),
            measures["TRIPS"]["itemByItem"],
            {m: (v["itemByItem"], v["merged"]) for m, v in measures.items()},
        )
    return answers


async def month_rows(db: Database) -> tuple[int, int]:
    async with db.owner_session() as session:
        found = await session.execute(
            text(
                "SELECT (SELECT coalesce(sum(applications), 0) FROM reform_month),"
                " (SELECT coalesce(sum(cases), 0) FROM reform_case_time_month)"
            )
        )
        applications, cases = found.one()
        return int(applications), int(cases)


@pytest.mark.usefixtures("generated_month")
async def test_whole_months_from_the_month_rows_answer_as_the_rows_do(
    db: Database, client: httpx.AsyncClient
) -> None:
    from_rows = await effects(client)  # nothing folded: every application counted live
    assert await fold_reform_dirty(db) == 20
    assert (await month_rows(db))[0] == 20

    folded = await effects(client)

    assert folded == from_rows
    for name in periods():
        assert folded[name][:4] == (20, 14, (10, 10), 35), name


@pytest.mark.usefixtures("generated_month")
async def test_a_marked_application_in_a_whole_month_is_counted_once(
    db: Database, client: httpx.AsyncClient
) -> None:
    await fold_reform_dirty(db)
    before_decision = await effects(client)

    await decide_the_open_dibao_alone(db)

    marked = await effects(client)
    for name in periods():
        assert marked[name][:4] == (20, 15, (11, 11), 35), name
        assert marked[name][4]["STEPS"] == before_decision[name][4]["STEPS"], name
    assert await fold_reform_dirty(db) == 1
    assert await effects(client) == marked
    assert (await month_rows(db))[0] == 20
