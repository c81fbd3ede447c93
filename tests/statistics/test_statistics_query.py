"""`statistics` over HTTP on a known set of applications built through the API: every measure per
dimension against tables written by hand, small cells suppressed, a department head held to their
department, applicants and caseworkers refused, bad ranges INVALID_INPUT with a path.

The set (Changning 310105, under Shanghai 310000; the services' clock moved per step):
- A1, Mon 2026-11-30, ONLINE: accepted; dibao approved Wed 12-02 (2 working days), 1510.00/month
- A2, Mon 2026-11-30, ONLINE: accepted; dibao denied Thu 12-03 (3 working days)
- A3, Tue 2026-12-01, ONLINE: rejected at the door
- A4, Tue 2026-12-01, ONLINE: escalated to the joint meeting
Each accepted application has three cases: dibao (civil_affairs) and two other items.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import httpx
import pytest

from socialaid.access.principal import Principal
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
from tests.graphql_client import query_data
from tests.identity_numbers import id_number
from tests.statistics.min_cell import set_min_cell

CHANGNING = "310105"
SHANGHAI = "310000"
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=CHINA)
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=CHINA)
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=CHINA)
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=CHINA)

STATISTICS = """query($t: String!, $from: Date!, $to: Date!, $g: [StatisticsDimension!]!,
  $f: StatisticsFilterInput) { statistics(tenant: $t, from: $from, to: $to, groupBy: $g,
  filter: $f) { asOf minCell departments rows { tenantCode area department item channel period
  targetGroup
  outcome applications cases accepted rejectedAtDoor escalated approved denied closed pending
  overdue supplementsRequested decisions medianWorkingDays p90WorkingDays amountGrantedPerMonth
  suppressed } } }"""


REJECT = """mutation($i: ApplicationRejectInput!) { applicationTriageReject(input: $i) {
  errors { code message } } }"""
ESCALATE = """mutation($i: ApplicationEscalateInput!) { applicationTriageEscalate(input: $i) {
  errors { code message } } }"""


async def triage_with(
    db: Database, clerk: Principal, mutation: str, application: dict[str, Any]
) -> None:
    values: dict[str, Any] = {"id": application["id"], "lockVersion": application["lockVersion"]}
    if mutation is REJECT:
        values["reasons"] = ["申请人户籍不在本区"]
    else:
        values["reason"] = "本区无对应救助政策，提请联席会议研究"
    data = await query_data(db, mutation, {"i": values}, actor=clerk)
    [payload] = data.values()
    assert payload["errors"] == [], payload


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
    for n, (user, triage) in enumerate((("citizen-3", REJECT), ("citizen-4", ESCALATE))):
        citizen = await applicant(db, CHANGNING, user)
        answers = shanghai_answers(id_number("310105", datetime(1981, 3, 4 + n).date(), 21 + n))
        filed = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
        await triage_with(db, clerk, triage, filed)
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
    await set_min_cell(db, "310000", 1)  # every count shown: the test checks them all
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
    tenant: str = SHANGHAI,
) -> dict[str, Any]:
    variables = {"t": tenant, "from": first, "to": last, "g": group_by, "f": row_filter}
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
    assert measures(row, *names) == (4, 6, 2, 1, 1, 1)
    names = ("denied", "closed", "pending", "overdue", "supplementsRequested", "decisions")
    assert measures(row, *names) == (1, 0, 4, 0, 0, 2)
    assert measures(row, "medianWorkingDays", "p90WorkingDays") == (2, 3)
    assert row["amountGrantedPerMonth"] == "1510.00"

    by_day = (await ask(http, ["DAY"]))["data"]["statistics"]["rows"]
    day_measures = ("period", "applications", "accepted", "rejectedAtDoor", "escalated", "cases")
    assert [measures(r, *day_measures) for r in by_day] == [
        ("2026-11-30", 2, 2, 0, 0, 6),
        ("2026-12-01", 2, 0, 1, 1, 0),
    ]
    by_month = (await ask(http, ["MONTH"]))["data"]["statistics"]["rows"]
    assert [measures(r, "period", "applications", "approved", "denied") for r in by_month] == [
        ("2026-11-01", 2, 1, 1),
        ("2026-12-01", 2, 0, 0),
    ]
    by_week = (await ask(http, ["WEEK", "AREA"]))["data"]["statistics"]["rows"]
    assert [measures(r, "period", "area", "applications", "cases") for r in by_week] == [
        ("2026-11-30", "huayanglu", 4, 6)
    ]
    by_group = (await ask(http, ["TARGET_GROUP"]))["data"]["statistics"]["rows"]
    assert [measures(r, "targetGroup", "cases", "approved") for r in by_group] == [("", 6, 1)]
    by_tenant = (await ask(http, ["TENANT", "CHANNEL"]))["data"]["statistics"]["rows"]
    assert [measures(r, "tenantCode", "channel", "applications") for r in by_tenant] == [
        (CHANGNING, "online", 4)
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
    assert row["overdue"] == 0  # zero identifies nobody
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


async def download(
    client: httpx.AsyncClient, suffix: str, params: dict[str, str], role: Role = Role.ANALYST
) -> httpx.Response:
    return await client.get(
        f"/exports/statistics.{suffix}",
        params={"tenant": SHANGHAI, "from": "2026-11-01", "to": "2026-12-31"} | params,
        headers={"authorization": bearer(role, departments=("civil_affairs",))},
    )


@pytest.mark.usefixtures("built")
async def test_the_csv_and_xlsx_exports_carry_the_same_rows_as_the_query(
    http: httpx.AsyncClient,
) -> None:
    import csv
    import io

    import openpyxl

    response = await download(http, "csv", {"groupBy": "DAY"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][:6] == ["日", "申请数", "案件数", "受理数", "不予受理数", "提交联席会议数"]
    assert [row[:6] for row in table[1:]] == [
        ["2026-11-30", "2", "6", "2", "0", "0"],
        ["2026-12-01", "2", "0", "0", "1", "1"],
    ]

    response = await download(
        http, "xlsx", {"groupBy": "DEPARTMENT", "departments": "civil_affairs"}
    )
    assert response.status_code == 200, response.text
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["部门", "申请数", "案件数"]
    assert rows[1][:3] == ["civil_affairs", 2, 2]


@pytest.mark.usefixtures("built")
async def test_an_export_is_authorized_and_checked_as_the_query(http: httpx.AsyncClient) -> None:
    refused = await download(http, "csv", {}, role=Role.CASEWORKER)
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["code"] == "FORBIDDEN"
    backwards = await download(http, "xlsx", {"from": "2026-12-31", "to": "2026-11-01"})
    assert backwards.status_code == 400
    assert backwards.json()["errors"][0] == {
        "code": "INVALID_INPUT",
        "message": "结束日期不能早于开始日期",
        "path": ["to"],
    }
