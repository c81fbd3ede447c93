"""Small cells over HTTP: a cell of 3 is hidden and the next smallest of its column with it, in
the GraphQL answer and in the CSV and XLSX exports; a tenant whose admin set the threshold to 10
hides a cell of 7 that a tenant on the default 5 shows, and a query over its parent uses 10 too.

The rollup rows are written as the fold writes them (one pending case per row, at a leaf, where
a tenant's subtree summary is its own rows), so the test knows every count it asks for."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import httpx
import openpyxl
import pytest
from sqlalchemy import text

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from tests.conftest import test_settings
from tests.statistics.min_cell import set_min_cell

CHANGNING, SHANGHAI, JIANGYIN = "310105", "310000", "320281"
DAY, FIRST, LAST = "2026-11-10", "2026-11-09", "2026-11-11"
QUERY = """query($t: String!, $from: Date!, $to: Date!) {
  statistics(tenant: $t, from: $from, to: $to, groupBy: [DEPARTMENT]) {
    minCell rows { department cases pending suppressed } } }"""


async def pending_cases(db: Database, tenant: str, per_department: dict[str, int]) -> None:
    """`per_department` cases submitted on DAY, still pending, in the tenant's rollups."""
    counters = "cases, applications, escalated, approved, denied, closed, withdrawn, pending,"
    counters += " overdue, supplements_requested, amount_granted"
    async with db.owner_session() as session, session.begin():
        await set_every_tenant_scope(session)
        for department, count in per_department.items():
            values = {"t": tenant, "d": department, "n": count, "day": date.fromisoformat(DAY)}
            await session.execute(
                text(
                    "INSERT INTO statistics_case_day_subtree (tenant_id, day, department, item,"
                    f" target_group, outcome, working_days, {counters}) VALUES (:t,"
                    " :day, :d, 'dibao', '', 'pending', -1, :n, :n, 0, 0, 0, 0,"
                    " 0, :n, 0, 0, 0)"
                ),
                values,
            )


def bearer(tenant: str) -> dict[str, str]:
    token = mint_token(test_settings(), user="u-analyst", tenant=tenant, roles=[Role.ANALYST])
    return {"authorization": f"Bearer {token}"}


@pytest.fixture
async def http(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(db, test_settings(statistics_min_cell=1))  # no floor: the tenants decide
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://socialaid"
    ) as client:
        yield client


async def by_department(client: httpx.AsyncClient, tenant: str) -> dict[str, Any]:
    response = await client.post(
        "/graphql",
        json={"query": QUERY, "variables": {"t": tenant, "from": FIRST, "to": LAST}},
        headers=bearer(tenant),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"]["statistics"])


def cases(answer: dict[str, Any]) -> dict[str, int | None]:
    return {row["department"]: row["cases"] for row in answer["rows"]}


async def test_a_cell_of_three_and_its_complement_are_hidden_in_the_answer(
    db: Database, http: httpx.AsyncClient
) -> None:
    await pending_cases(db, CHANGNING, {"civil_affairs": 3, "justice": 12, "education": 20})

    answer = await by_department(http, CHANGNING)

    assert answer["minCell"] == 5
    # 35 cases in all is published by the query without grouping: 35 − 12 − 20 would give the 3
    # back, so the next smallest, 12, is hidden as well.
    assert cases(answer) == {"civil_affairs": None, "education": 20, "justice": None}
    marks = {row["department"]: set(row["suppressed"]) for row in answer["rows"]}
    assert marks["civil_affairs"] >= {"CASES", "PENDING"}
    assert marks["justice"] >= {"CASES", "PENDING"}
    assert marks["education"] == set()


async def test_the_csv_and_xlsx_exports_hide_the_same_cells(
    db: Database, http: httpx.AsyncClient
) -> None:
    await pending_cases(db, CHANGNING, {"civil_affairs": 3, "justice": 12, "education": 20})
    params = {"tenant": CHANGNING, "from": FIRST, "to": LAST, "groupBy": "DEPARTMENT"}

    response = await http.get("/exports/statistics.csv", params=params, headers=bearer(CHANGNING))
    assert response.status_code == 200, response.text
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cases_at, marks_at = table[0].index("案件数"), table[0].index("不显示的指标")
    assert {row[0]: row[cases_at] for row in table[1:]} == {
        "civil_affairs": "",
        "education": "20",
        "justice": "",
    }
    assert "cases" in table[1 + [r[0] for r in table[1:]].index("justice")][marks_at].split(",")

    response = await http.get("/exports/statistics.xlsx", params=params, headers=bearer(CHANGNING))
    assert response.status_code == 200, response.text
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    column = rows[0].index("案件数")
    assert {row[0]: row[column] for row in rows[1:]} == {
        "civil_affairs": None,
        "education": 20,
        "justice": None,
    }


async def test_a_tenant_that_set_ten_hides_a_seven_another_tenant_shows(
    db: Database, http: httpx.AsyncClient
) -> None:
    for tenant in (CHANGNING, JIANGYIN):
        await pending_cases(db, tenant, {"civil_affairs": 7, "justice": 30, "education": 40})
    await set_min_cell(db, CHANGNING, 10)

    changning = await by_department(http, CHANGNING)
    jiangyin = await by_department(http, JIANGYIN)

    assert changning["minCell"] == 10
    assert cases(changning) == {"civil_affairs": None, "education": 40, "justice": None}
    assert jiangyin["minCell"] == 5
    assert cases(jiangyin) == {"civil_affairs": 7, "education": 40, "justice": 30}
    # Shanghai itself reads the default 5, but its query covers Changning: not undercut.
    assert (await by_department(http, SHANGHAI))["minCell"] == 10


async def declare_min_cell(db: Database, tenant: str, value: int) -> None:
    """The tenant's catalogue gives its `statistics_min_cell` a value (the seeds give none)."""
    async with db.owner_session() as session, session.begin():
        await session.execute(
            text(
                "UPDATE tenant_catalogue SET document = jsonb_set(document, '{parameters}',"
                " (SELECT jsonb_agg(CASE WHEN p ->> 'key' = 'statistics_min_cell'"
                " THEN jsonb_set(p, '{value}', to_jsonb(CAST(:v AS integer))) ELSE p END"
                " ORDER BY i) FROM jsonb_array_elements(document -> 'parameters')"
                " WITH ORDINALITY AS t(p, i))) WHERE tenant_id = :t"
            ),
            {"v": value, "t": tenant},
        )


async def test_a_catalogue_value_holds_until_a_setting_of_the_chain_takes_effect(
    db: Database, http: httpx.AsyncClient
) -> None:
    await pending_cases(db, CHANGNING, {"civil_affairs": 7, "justice": 30, "education": 40})
    await declare_min_cell(db, SHANGHAI, 8)
    await set_min_cell(db, CHANGNING, 12, effective_from=today_in_china() + timedelta(days=1))

    before = await by_department(http, CHANGNING)
    await set_min_cell(db, SHANGHAI, 3)
    after = await by_department(http, CHANGNING)

    assert before["minCell"] == 8
    assert cases(before)["civil_affairs"] is None
    assert after["minCell"] == 3
    assert cases(after) == {"civil_affairs": 7, "education": 40, "justice": 30}


async def test_the_deployments_floor_raises_a_lower_tenant_threshold(
    db: Database,
) -> None:
    await pending_cases(db, JIANGYIN, {"civil_affairs": 7, "justice": 30, "education": 40})
    await set_min_cell(db, JIANGYIN, 2)
    app = create_app(db, test_settings(statistics_min_cell=8))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://socialaid"
    ) as client:
        answer = await by_department(client, JIANGYIN)

    assert answer["minCell"] == 8
    assert cases(answer)["civil_affairs"] is None
