"""A Changning family with an approved benefit, the project clock the test moves, and the street
office's calls over HTTP with real tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import httpx

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.applications.review_scan import open_due_reviews
from socialaid.clock import CHINA
from socialaid.db.database import Database
from tests.applications_api.flows import (
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
from tests.identity_numbers import id_number

CHANGNING = "310105"
STREET = "huayanglu"
START = datetime(2026, 12, 1, 10, 0, tzinfo=CHINA)  # the day the benefit is approved

DECIDE = """mutation($i: CaseDecideInput!) { caseDecide(input: $i) {
  errors { code message path } case { id state } } }"""
REVIEWS = """query($f: ReverificationFilterInput!, $first: Int, $after: String) {
  reverifications(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id databaseId state trigger itemCode department periodCode periodMonths dueOn
      amount outcome newAmount reasons noticeText
      taper { startedOn continuesUntil earnedIncome countedIncome missingParameters }
      case { itemCode applicationId } } } } }"""
COMPLETE = """mutation($i: ReverificationCompleteInput!) { reverificationComplete(input: $i) {
  errors { code message path }
  reverification { state outcome amount newAmount reasons noticeText }
  next { state trigger periodCode periodMonths dueOn amount } } }"""
REPORT = """mutation($i: HouseholdChangeReportInput!) { householdChangeReport(input: $i) {
  errors { code message path } reportId
  reverifications { state trigger dueOn itemCode
    taper { startedOn continuesUntil earnedIncome countedIncome missingParameters
      steps { monthFrom percent amount } stepsParameterUnset } } } }"""
NOTIFICATIONS = """query($id: ID!) { application(id: $id) {
  notifications { kind text } timeline { kind item summary } } }"""


@dataclass
class Clock:
    now: datetime = START

    def on(self, day: date) -> None:
        self.now = datetime.combine(day, time(10), tzinfo=CHINA)

    def __call__(self) -> datetime:
        return self.now


def bearer(
    user: str,
    role: Role,
    *,
    departments: tuple[str, ...] = (),
    area: str | None = None,
    tenant: str = CHANGNING,
) -> dict[str, str]:
    token = mint_token(
        test_settings(), user=user, tenant=tenant, roles=[role], departments=departments, area=area
    )
    return {"authorization": f"Bearer {token}"}


CIVIL_AFFAIRS = bearer("civil_affairs-310105", Role.CASEWORKER, departments=("civil_affairs",))
ADVISER = bearer("adviser-huayanglu", Role.ADVISER, area=STREET)
CITIZEN = bearer("citizen-1", Role.APPLICANT)


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


async def accepted_application(
    db: Database,
    items: list[str],
    situation: dict[str, Any] | None = None,
    *,
    person: dict[str, Any] | None = None,
    serial: int = 131,
) -> dict[str, Any]:
    """A Changning family's application, accepted at the door of its street; `person` adds to
    the applicant's answers, `serial` makes another family's id number."""
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), serial))
    if situation:
        answers["situation"] = answers.get("situation", {}) | situation
    if person:
        answers["applicant"] = answers["applicant"] | person
    submitted = await apply(
        db, citizen, CHANGNING, items, answers, area=STREET, key=f"key-{serial}"
    )
    return await accept(db, await window_clerk(db, CHANGNING, STREET), submitted)


async def approve(
    db: Database,
    client: httpx.AsyncClient,
    application: dict[str, Any],
    item: str,
    **extra: Any,
) -> dict[str, Any]:
    """The department approves `item` over HTTP (1510 yuan a month), with `extra` input."""
    worker = await caseworker(db, CHANGNING, "civil_affairs")
    case = await acknowledge(db, worker, case_of(application, item))
    decision = {
        "id": case["id"],
        "lockVersion": case["lockVersion"],
        "outcome": "APPROVED",
        "amount": "1510.00",
    }
    data = await graphql(client, DECIDE, {"i": decision | extra}, CIVIL_AFFAIRS)
    return dict(data["caseDecide"])


async def reviews(
    client: httpx.AsyncClient, headers: dict[str, str], **filter: Any
) -> list[dict[str, Any]]:
    data = await graphql(client, REVIEWS, {"f": {"tenant": CHANGNING} | filter}, headers)
    return [edge["node"] for edge in data["reverifications"]["edges"]]


async def run_job_on(db: Database, clock: Clock, day: date) -> int:
    """The periodic job as the worker runs it, on `day` (10:00 China time): how many it opened."""
    clock.on(day)
    return len(await open_due_reviews(db, clock))


async def complete(
    client: httpx.AsyncClient, review: dict[str, Any], outcome: str, **extra: Any
) -> dict[str, Any]:
    variables = {"i": {"id": review["id"], "outcome": outcome} | extra}
    data = await graphql(client, COMPLETE, variables, CIVIL_AFFAIRS)
    return dict(data["reverificationComplete"])


async def report(
    client: httpx.AsyncClient, application: dict[str, Any], headers: dict[str, str], **change: Any
) -> dict[str, Any]:
    data = await graphql(
        client, REPORT, {"i": {"application": application["id"]} | change}, headers
    )
    return dict(data["householdChangeReport"])


async def told(client: httpx.AsyncClient, application: dict[str, Any]) -> dict[str, Any]:
    data = await graphql(client, NOTIFICATIONS, {"id": application["id"]}, CITIZEN)
    return dict(data["application"])
