"""`statistics` over HTTP on a known set of applications built through the API: every measure per
dimension against tables written by hand, small cells suppressed, a department head held to their
department, applicants and caseworkers refused, bad ranges INVALID_INPUT with a path.

The set (Changning 310105, under Shanghai 310000; the services' clock moved per step):
- A1, Mon 2026-11-30, ONLINE: accepted; dibao approved Wed 12-02 (2 working days), 1510.00/month
- A2, Mon 2026-11-30, ONLINE: accepted; dibao denied Thu 12-03 (3 working days)
- A3, Tue 2026-12-01, ONLINE: submitted, not triaged
Each accepted application has three cases: dibao (civil_affairs) and two other items.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import httpx
import pytest

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.applications import moves, submission
from socialaid.clock import CHINA
from socialaid.db.database import Database
from socialaid.statistics.fold import fold_dirty_days
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    shanghai_answers,
    window_clerk,
)
from tests.conftest import test_settings
from tests.identity_numbers import id_number

CHANGNING = "310105"
SHANGHAI = "310000"
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=CHINA)
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=CHINA)
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=CHINA)
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=CHINA)

STATISTICS = """query($t: String!, $from: Date!, $to: Date!, $g: [StatisticsDimension!]!,
  $f: StatisticsFilterInput) { statistics(tenant: $t, from: $from, to: $to, groupBy: $g,
  filter: $f) { asOf minCell departments rows { tenantCode department item channel period
  outcome applications cases accepted rejectedAtDoor escalated approved denied closed pending
  overdue supplementsRequested decisions medianWorkingDays p90WorkingDays amountGrantedPerMonth
  suppressed } } }"""


def at(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(moves, "now_in_china", lambda: moment)
    monkeypatch.setattr(submission, "now_in_china", lambda: moment)


async def known_applications(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    at(monkeypatch, MONDAY)
    accepted = []
    for n, user in enumerate(("citizen-1", "citizen-2")):
        citizen = await applicant(db, CHANGNING, user)
        answers = shanghai_answers(id_number("310105", datetime(1980, 1, 2 + n).date(), 11 + n))
        filed = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
        accepted.append(await accept(db, clerk, filed))
    first = await acknowledge(db, civil, case_of(accepted[0], "dibao"))
    second = await acknowledge(db, civil, case_of(accepted[1], "dibao"))
    at(monkeypatch, TUESDAY)
    citizen = await applicant(db, CHANGNING, "citizen-3")
    answers = shanghai_answers(id_number("310105", datetime(1981, 3, 4).date(), 21))
    await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    at(monkeypatch, WEDNESDAY)
    approved = await decide(db, civil, first, "APPROVED")
    assert approved["errors"] == [], approved
    at(monkeypatch, THURSDAY)
    denied = await decide(db, civil, second, "DENIED")
    assert denied["errors"] == [], denied
    assert await fold_dirty_days(db) >= 2


def bearer(role: Role, tenant: str = SHANGHAI, departments: tuple[str, ...] = ()) -> str:
    token = mint_token(
        test_settings(),
        user=f"u-{role.value}",
        tenant=tenant,
        roles=[role],
        departments=departments,
    )
    return f"Bearer {token}"


@pytest.fixture
async def http(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(db, test_settings(statistics_min_cell=1))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://socialaid"
    ) as client:
        yield client


async def ask(
    client: httpx.AsyncClient,
    group_by: list[str],
    *,
    role: Role = Role.ANALYST,
    departments: tuple[str, ...] = (),
    row_filter: dict[str, Any] | None = None,
    first: str = "2026-11-01",
    last: str = "2026-12-31",
) -> dict[str, Any]:
    variables = {"t": SHANGHAI, "from": first, "to": last, "g": group_by, "f": row_filter}
    response = await client.post(
        "/graphql",
        json={"query": STATISTICS, "variables": variables},
        headers={"authorization": bearer(role, departments=departments)},
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def measures(row: dict[str, Any], *names: str) -> tuple[Any, ...]:
    return tuple(row[name] for name in names)


@pytest.fixture
async def built(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    await known_applications(db, monkeypatch)


@pytest.mark.usefixtures("built")
async def test_every_measure_of_the_known_set_per_dimension(http: httpx.AsyncClient) -> None:
    total = (await ask(http, []))["data"]["statistics"]
    assert total["minCell"] == 1
    [row] = total["rows"]
    names = ("applications", "cases", "accepted", "rejectedAtDoor", "escalated", "approved")
    assert measures(row, *names) == (3, 6, 2, 0, 0, 1)
    names = ("denied", "closed", "pending", "overdue", "supplementsRequested", "decisions")
    assert measures(row, *names) == (1, 0, 4, 0, 0, 2)
    assert measures(row, "medianWorkingDays", "p90WorkingDays") == (2, 3)
    assert row["amountGrantedPerMonth"] == "1510.00"

    by_day = (await ask(http, ["DAY"]))["data"]["statistics"]["rows"]
    assert [measures(r, "period", "applications", "accepted", "cases") for r in by_day] == [
        ("2026-11-30", 2, 2, 6),
        ("2026-12-01", 1, 0, 0),
    ]
    by_tenant = (await ask(http, ["TENANT", "CHANNEL"]))["data"]["statistics"]["rows"]
    assert [measures(r, "tenantCode", "channel", "applications") for r in by_tenant] == [
        (CHANGNING, "online", 3)
    ]

    by_department = (await ask(http, ["DEPARTMENT"]))["data"]["statistics"]["rows"]
    civil = next(r for r in by_department if r["department"] == "civil_affairs")
    per_department = ("applications", "cases", "accepted", "approved", "denied", "pending")
    assert measures(civil, *per_department) == (2, 2, 2, 1, 1, 0)
    assert civil["decisions"] == 2
    assert civil["rejectedAtDoor"] is None
    assert sum(r["cases"] for r in by_department) == 6

    by_outcome = (await ask(http, ["OUTCOME"]))["data"]["statistics"]["rows"]
    assert [measures(r, "outcome", "cases", "applications") for r in by_outcome] == [
        ("APPROVED", 1, None),
        ("DENIED", 1, None),
        ("PENDING", 4, None),
    ]
    by_item = (await ask(http, ["ITEM", "OUTCOME"]))["data"]["statistics"]["rows"]
    dibao = [
        measures(r, "outcome", "cases", "medianWorkingDays")
        for r in by_item
        if r["item"] == "dibao"
    ]
    assert dibao == [("APPROVED", 1, 2), ("DENIED", 1, 3)]


@pytest.mark.usefixtures("built")
async def test_counts_below_the_threshold_are_suppressed_and_named(db: Database) -> None:
    app = create_app(db, test_settings())  # the default threshold, 5
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://socialaid"
    ) as client:
        [row] = (await ask(client, []))["data"]["statistics"]["rows"]
    assert measures(row, "applications", "cases", "approved", "pending") == (None, 6, None, None)
    assert row["rejectedAtDoor"] == 0  # zero identifies nobody
    assert row["medianWorkingDays"] is None and row["amountGrantedPerMonth"] is None
    assert set(row["suppressed"]) >= {
        "APPLICATIONS",
        "APPROVED",
        "PENDING",
        "DECISIONS",
        "MEDIAN_WORKING_DAYS",
        "AMOUNT_GRANTED",
    }
    assert "CASES" not in row["suppressed"]


@pytest.mark.usefixtures("built")
async def test_a_department_head_sees_only_their_department(http: httpx.AsyncClient) -> None:
    mine = await ask(
        http, ["DEPARTMENT"], role=Role.DEPARTMENT_HEAD, departments=("civil_affairs",)
    )
    statistics = mine["data"]["statistics"]
    assert statistics["departments"] == ["civil_affairs"]
    assert [measures(r, "department", "cases", "applications") for r in statistics["rows"]] == [
        ("civil_affairs", 2, 2)
    ]
    other = await ask(
        http,
        [],
        role=Role.DEPARTMENT_HEAD,
        departments=("civil_affairs",),
        row_filter={"departments": ["education"]},
    )
    assert other["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.CASEWORKER])
async def test_applicants_and_caseworkers_are_refused(http: httpx.AsyncClient, role: Role) -> None:
    answer = await ask(http, [], role=role, departments=("civil_affairs",))
    assert answer["data"] is None
    assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize(
    ("first", "last", "group_by", "path"),
    [
        ("2026-12-02", "2026-12-01", [], ["statistics", "to"]),
        ("2020-01-01", "2026-12-01", [], ["statistics", "from"]),
        ("2026-12-01", "2026-12-02", ["DAY", "MONTH"], ["statistics", "groupBy"]),
        ("2026-12-01", "2026-12-02", ["AREA", "AREA"], ["statistics", "groupBy"]),
    ],
)
async def test_bad_ranges_are_invalid_input_with_a_path(
    http: httpx.AsyncClient, first: str, last: str, group_by: list[str], path: list[str]
) -> None:
    answer = await ask(http, group_by, first=first, last=last)
    [error] = answer["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT"
    assert error["path"][0] == "statistics"
    assert error["extensions"].get("path", error["path"][1:]) in (path[1:], path)
