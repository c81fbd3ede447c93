"""Issue 19's defect and its cure, over HTTP: on 2026-12-01 a 补正 of 40 working days reaches into
2027, which nobody has published. It succeeds, counted on weekends alone and marked provisional;
publishing 2027 counts it again, final. With 2027 published, a deadline across the Spring
Festival skips the holidays and counts the make-up Saturday.

The 2027 schedule here is FICTIONAL (the package and the seeds hold none): New Year's Day on Fri
1 Jan, a Spring Festival from Sat 6 to Sun 14 Feb and a make-up Saturday on 20 Feb, chosen by the
test. Every expected date is counted by hand in the comments.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.applications import moves, submission
from socialaid.catalogue import admin
from socialaid.clock import CHINA
from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    shanghai_answers,
    window_clerk,
)
from tests.conftest import test_settings
from tests.graphql_client import principal, query_data
from tests.identity_numbers import id_number

CHANGNING = "310105"
SHANGHAI = "310000"
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=CHINA)  # Tuesday

FICTIONAL_2027 = {
    "tenant": SHANGHAI,
    "year": 2027,
    "holidays": [{"date": "2027-01-01", "name": "元旦（测试用虚构安排）"}]
    + [{"date": f"2027-02-{day:02d}", "name": "春节（测试用虚构安排）"} for day in range(6, 15)],
    "adjustedWorkdays": ["2027-02-20"],
}

SUPPLEMENT = """mutation($i: CaseSupplementRequestInput!) { caseSupplementRequest(input: $i) {
  errors { code message path } case { id supplement { deadline provisional } } } }"""
PUBLISH = """mutation($i: WorkingCalendarPublishInput!) { workingCalendarPublish(input: $i) {
  errors { code message path } recountedCases recountedSupplements
  workingCalendar { tenantCode year published source holidays { date name } adjustedWorkdays } } }"""
CASE = """query($id: ID!) { application(id: $id) { cases { itemCode dueAt dueAtProvisional
  supplement { deadline provisional } } } }"""
CALENDAR = """query($t: String!, $y: Int!) { workingCalendar(tenant: $t, year: $y) {
  tenantCode year published source holidays { date name } adjustedWorkdays } }"""
OVERRIDE = """mutation($i: CatalogueOverrideSetInput!) { catalogueOverrideSet(input: $i) {
  errors { code path } } }"""


@pytest.fixture
def clock_at_2026_12_01(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The services' clock reads 2026-12-01 10:00 in China."""
    monkeypatch.setattr(moves, "now_in_china", lambda: NOW)
    monkeypatch.setattr(submission, "now_in_china", lambda: NOW)
    monkeypatch.setattr(admin, "today_in_china", lambda: NOW.date())
    yield


@pytest.fixture
async def client(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        yield http


def bearer(user: str, tenant: str, role: Role, departments: tuple[str, ...] = ()) -> dict[str, str]:
    token = mint_token(
        test_settings(), user=user, tenant=tenant, roles=[role], departments=departments
    )
    return {"authorization": f"Bearer {token}"}


CIVIL_AFFAIRS = bearer("civil-310105", CHANGNING, Role.CASEWORKER, ("civil_affairs",))
SHANGHAI_ADMIN = bearer("admin-sh", SHANGHAI, Role.TENANT_ADMIN)
CHANGNING_ADMIN = bearer("admin-cn", CHANGNING, Role.TENANT_ADMIN)


async def graphql(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], headers: dict[str, str]
) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"])


async def changning_promises_dibao_in(db: Database, working_days: int) -> None:
    admin_cn = await principal(db, user="admin", tenant=CHANGNING, roles=[Role.TENANT_ADMIN])
    patch = {"time_limits": {"statutory_working_days": None, "promised_working_days": working_days}}
    values = {
        "tenant": CHANGNING,
        "code": "dibao",
        "patch": patch,
        "effectiveFrom": NOW.date().isoformat(),
        "reason": "本区承诺办结时限",
    }
    payload = await query_data(db, OVERRIDE, {"i": values}, actor=admin_cn)
    assert payload["catalogueOverrideSet"]["errors"] == []


async def acknowledged_dibao(db: Database) -> dict[str, Any]:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", datetime(1982, 4, 2).date(), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    worker = await caseworker(db, CHANGNING, "civil_affairs")
    return await acknowledge(db, worker, case_of(accepted, "dibao"))


async def dibao_now(client: httpx.AsyncClient, application_id: str) -> dict[str, Any]:
    data = await graphql(client, CASE, {"id": application_id}, CIVIL_AFFAIRS)
    return next(c for c in data["application"]["cases"] if c["itemCode"] == "dibao")


@pytest.mark.usefixtures("clock_at_2026_12_01")
async def test_a_supplement_into_an_unpublished_year_is_provisional_until_the_year_is_published(
    db: Database, client: httpx.AsyncClient
) -> None:
    await changning_promises_dibao_in(db, 40)
    dibao = await acknowledged_dibao(db)
    request = {
        "id": dibao["id"],
        "lockVersion": dibao["lockVersion"],
        "materials": ["hukou_booklet.household"],
        "workingDays": 40,
    }

    data = await graphql(client, SUPPLEMENT, {"i": request}, CIVIL_AFFAIRS)

    # Tue 1 Dec 2026: December holds 22 working days (2–4, 7–11, 14–18, 21–25, 28–31); the other
    # 18 fall in 2027, unpublished, so weekends alone: Fri 1 Jan (23), 4–8 (28), 11–15 (33),
    # 18–22 (38), Mon 25 (39), Tue 26 Jan (40).
    payload = data["caseSupplementRequest"]
    assert payload["errors"] == []
    assert payload["case"]["supplement"] == {"deadline": "2027-01-26", "provisional": True}
    before = await dibao_now(client, dibao["applicationId"])
    # The case's own 40 working days from the same morning: the same day, to its last second.
    assert datetime.fromisoformat(before["dueAt"]) == datetime(
        2027, 1, 26, 23, 59, 59, tzinfo=CHINA
    )
    assert before["dueAtProvisional"] is True

    published = await graphql(client, PUBLISH, {"i": FICTIONAL_2027}, SHANGHAI_ADMIN)

    result = published["workingCalendarPublish"]
    assert result["errors"] == []
    assert (result["recountedCases"], result["recountedSupplements"]) == (1, 1)
    # New Year's Day is off now: 4–8 Jan (27), 11–15 (32), 18–22 (37), 25, 26, Wed 27 Jan (40).
    after = await dibao_now(client, dibao["applicationId"])
    assert after["supplement"] == {"deadline": "2027-01-27", "provisional": False}
    assert datetime.fromisoformat(after["dueAt"]) == datetime(2027, 1, 27, 23, 59, 59, tzinfo=CHINA)
    assert after["dueAtProvisional"] is False


@pytest.mark.usefixtures("clock_at_2026_12_01")
async def test_with_2027_published_a_deadline_skips_the_spring_festival_and_counts_the_make_up_day(
    db: Database, client: httpx.AsyncClient
) -> None:
    published = await graphql(client, PUBLISH, {"i": FICTIONAL_2027}, SHANGHAI_ADMIN)
    assert published["workingCalendarPublish"]["errors"] == []
    dibao = await acknowledged_dibao(db)
    request = {
        "id": dibao["id"],
        "lockVersion": dibao["lockVersion"],
        "materials": ["hukou_booklet.household"],
        "workingDays": 60,
    }

    data = await graphql(client, SUPPLEMENT, {"i": request}, CIVIL_AFFAIRS)

    # December 2026: 22. January 2027 without New Year's Day: 4–8 (27), 11–15 (32), 18–22 (37),
    # 25–29 (42). February: 1–5 (47); 6–14 off; 15–19 (52); Sat 20 make-up (53); 22–26 (58);
    # March: Mon 1 (59), Tue 2 (60). On weekends alone it would be Tue 23 Feb.
    payload = data["caseSupplementRequest"]
    assert payload["errors"] == []
    assert payload["case"]["supplement"] == {"deadline": "2027-03-02", "provisional": False}


async def test_the_calendar_is_public_and_a_district_reads_its_province(
    client: httpx.AsyncClient,
) -> None:
    data = await graphql(client, CALENDAR, {"t": CHANGNING, "y": 2025}, {})
    calendar = data["workingCalendar"]
    assert (calendar["tenantCode"], calendar["published"]) == (SHANGHAI, True)
    assert calendar["source"].startswith("chinese-calendar")
    # 国务院办公厅 2025 安排: 10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班.
    national_day = [h for h in calendar["holidays"] if h["date"].startswith("2025-10")]
    assert [h["date"] for h in national_day] == [f"2025-10-{d:02d}" for d in range(1, 9)]
    assert {"2025-09-28", "2025-10-11"} <= set(calendar["adjustedWorkdays"])
    assert {h["name"] for h in national_day} <= {"国庆节", "中秋"}
    unpublished = (await graphql(client, CALENDAR, {"t": SHANGHAI, "y": 2027}, {}))[
        "workingCalendar"
    ]
    assert (unpublished["published"], unpublished["holidays"]) == (False, [])


async def test_a_district_admin_is_refused_and_a_bad_schedule_is_invalid_input_with_paths(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/graphql",
        json={"query": PUBLISH, "variables": {"i": FICTIONAL_2027}},
        headers=CHANGNING_ADMIN,
    )
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["FORBIDDEN"]

    bad = {
        **FICTIONAL_2027,
        "holidays": [
            {"date": "2028-01-01", "name": "元旦"},  # another year
            {"date": "2027-02-06", "name": " "},  # no name
        ],
        "adjustedWorkdays": ["2027-02-06", "2027-02-22"],  # a holiday; a Monday
    }
    data = await graphql(client, PUBLISH, {"i": bad}, SHANGHAI_ADMIN)
    errors = data["workingCalendarPublish"]["errors"]
    assert {e["code"] for e in errors} == {"INVALID_INPUT"}
    assert sorted(tuple(e["path"]) for e in errors) == [
        ("adjustedWorkdays", "0"),
        ("adjustedWorkdays", "1"),
        ("holidays", "0", "date"),
        ("holidays", "1", "name"),
    ]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e["message"]) for e in errors)
    unpublished = await graphql(client, CALENDAR, {"t": SHANGHAI, "y": 2027}, {})
    assert unpublished["workingCalendar"]["published"] is False
