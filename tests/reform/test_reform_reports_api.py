"""reformEffect and completionSummary over HTTP with real tokens, on a generated month of Changning
applications filed, accepted and decided through the real GraphQL operations.

The expected numbers come from the test's own reading of what each family met: the catalogue's
process steps and fields of each item (`item`), and the material statuses the answer check gave
(`applicationFormCheck`); the completion counts are written by hand from the plan below.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.applications_api.flows import (
    CHECK,
    FORM,
    accept,
    applicant,
    case_of,
    caseworker,
    decide,
    shanghai_answers,
    submission,
    submit,
    window_clerk,
)
from tests.applications_api.test_lists_deadlines_and_masking import changning_promises_dibao_in
from tests.conftest import test_settings
from tests.graphql_client import query_data
from tests.identity_numbers import id_number
from tests.materials.stored_uploads import completed_upload
from tests.statistics.min_cell import set_min_cell
from tests.tokens import bearer_header, token

if TYPE_CHECKING:
    from tests.reform.conftest import GeneratedMonth

SHANGHAI = "310000"
CHANGNING = "310105"
DIBAO, EDUCATION, LEGAL = "dibao", "education_aid.compulsory", "legal_aid"
DEPARTMENT = {DIBAO: "civil_affairs", EDUCATION: "education", LEGAL: "justice"}
ONE_DOOR = {"APPLICANT", "ADVISER", "WINDOW_CLERK", "SYSTEM"}
A, D = "APPROVED", "DENIED"

# (items, the decision each item gets, in order; an item not named stays pending)
PLAN: list[tuple[list[str], dict[str, str]]] = [
    *[([DIBAO], {DIBAO: A})] * 3,
    ([DIBAO], {DIBAO: D}),
    ([DIBAO], {}),
    *[([DIBAO, LEGAL], {DIBAO: A, LEGAL: A})] * 2,
    ([DIBAO, LEGAL], {DIBAO: D, LEGAL: A}),
    *[([DIBAO, LEGAL], {})] * 2,
    *[([DIBAO, EDUCATION, LEGAL], {DIBAO: A, EDUCATION: A, LEGAL: A})] * 2,
    ([DIBAO, EDUCATION, LEGAL], {DIBAO: D, EDUCATION: A, LEGAL: D}),
    *[([DIBAO, EDUCATION, LEGAL], {})] * 2,
    *[([LEGAL], {LEGAL: A})] * 4,
    ([LEGAL], {}),
]

REFORM = """query($t: String!, $f: Date, $to: Date) { reformEffect(tenant: $t, from: $f, to: $to) {
  tenant from to applications timedApplications asOf
  checks { measure itemByItem merged saved reductionPercent met arithmetic
           target { name statement reductionPercent comparison tenant source { seed section quote } } }
  itemTimes { item decided medianWorkingDays totalWorkingDays promisedWorkingDays withinPromised
              statutoryWorkingDays withinStatutory } } }"""
SUMMARY_FIELDS = """department departmentName received decided approved denied closed withdrawn
  concluded pending overdue withinLimit late"""
SUMMARY = f"""query($t: String!, $f: Date, $to: Date) {{
  completionSummary(tenant: $t, from: $f, to: $to) {{
    tenant from to asOf minCell departments {{ {SUMMARY_FIELDS} suppressed }}
    total {{ {SUMMARY_FIELDS} suppressed }} }} }}"""
ITEM = """query($t: String!, $c: String!) { item(tenant: $t, code: $c) {
  processSteps { actor } fields { key } } }"""
CHECK_WITH_REQUIREMENTS = CHECK.replace("status }", "status requiredBy }")


@dataclass
class Month:
    """What the families met, counted by the test."""

    steps: tuple[int, int]
    fields: tuple[int, int]
    materials: tuple[int, int]
    applications: int


def reduction(pair: tuple[int, int]) -> float:
    item_by_item, merged = pair
    return round((item_by_item - merged) * 100 / item_by_item, 2)


@pytest.fixture
async def client(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        yield http


def bearer(role: Role, tenant: str = SHANGHAI, departments: tuple[str, ...] = ()) -> dict[str, str]:
    return bearer_header(
        token(role, user=f"{role.value}-{tenant}", tenant=tenant, departments=departments)
    )


async def post(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], headers: dict[str, str]
) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def report(
    client: httpx.AsyncClient, query: str, headers: dict[str, str], **variables: Any
) -> dict[str, Any]:
    body = await post(client, query, {"t": SHANGHAI, **variables}, headers)
    assert "errors" not in body, body
    return dict(next(iter(body["data"].values())))


async def steps_and_fields(db: Database, items: list[str]) -> tuple[list[str], list[set[str]]]:
    actors: list[str] = []
    fields: list[set[str]] = []
    for code in items:
        item = (await query_data(db, ITEM, {"t": CHANGNING, "c": code}))["item"]
        actors += [step["actor"] for step in item["processSteps"]]
        fields.append({field["key"] for field in item["fields"]})
    return actors, fields


async def generate_month(db: Database) -> Month:
    """File, accept and decide PLAN; count what each family met on the way."""
    await changning_promises_dibao_in(db, 10)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    steps = [0, 0]
    fields = [0, 0]
    materials = [0, 0]
    for n, (items, outcomes) in enumerate(PLAN):
        citizen = await applicant(db, CHANGNING, user=f"citizen-{n}")
        answers = shanghai_answers(id_number("310105", date(1980, 1, 1 + n), 100 + n))
        form = (await query_data(db, FORM, {"t": CHANGNING, "items": items}))["applicationForm"]
        check = (
            await query_data(
                db, CHECK_WITH_REQUIREMENTS, {"h": form["hash"], "a": answers}, actor=citizen
            )
        )["applicationFormCheck"]
        assert check["ok"], check["errors"]
        met = [m for m in check["materials"] if m["requiredBy"] and m["status"] != "NOT_APPLICABLE"]
        materials[0] += sum(len(m["requiredBy"]) for m in met)
        materials[1] += sum(m["status"] in {"UPLOAD_REQUIRED", "DEFERRED"} for m in met)
        actors, asked = await steps_and_fields(db, items)
        steps[0] += len(actors)
        steps[1] += len({a for a in actors if a in ONE_DOOR}) + sum(
            a not in ONE_DOOR for a in actors
        )
        fields[0] += sum(len(keys) for keys in asked)
        fields[1] += len(set().union(*asked))
        uploads = [
            {
                "material": m["material"],
                "subject": m["subjectPath"],
                "reference": await completed_upload(db, tenant=CHANGNING, owner=citizen.user_id),
            }
            for m in check["materials"]
            if m["status"] == "UPLOAD_REQUIRED"
        ]
        submitted = await submit(
            db, citizen, submission(CHANGNING, items, answers, f"k{n}", uploads, area="huayanglu")
        )
        application = await accept(db, clerk, submitted)
        for item, outcome in outcomes.items():
            worker = await caseworker(db, CHANGNING, DEPARTMENT[item])
            decided = await decide(db, worker, case_of(application, item), outcome)
            assert decided["errors"] == [], decided
            application = decided["application"]
    return Month(
        (steps[0], steps[1]), (fields[0], fields[1]), (materials[0], materials[1]), len(PLAN)
    )


def by_measure(effect: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {check["measure"]: check for check in effect["checks"]}


async def test_a_month_of_shanghai_applications_shows_each_reduction_against_its_target(
    generated_month: GeneratedMonth, client: httpx.AsyncClient
) -> None:
    month = generated_month.month
    today = today_in_china()

    effect = await report(
        client,
        REFORM,
        bearer(Role.ANALYST),
        f=today.replace(day=1).isoformat(),
        to=today.isoformat(),
    )

    assert effect["applications"] == month.applications == 20
    checks = by_measure(effect)
    materials, steps = checks["MATERIALS"], checks["STEPS"]
    assert (materials["itemByItem"], materials["merged"]) == month.materials
    assert materials["saved"] == month.materials[0] - month.materials[1]
    assert materials["reductionPercent"] == reduction(month.materials)
    assert materials["met"] is (reduction(month.materials) >= 40)
    assert materials["target"]["name"] == "减材料"
    assert materials["target"]["reductionPercent"] == 40
    assert materials["target"]["tenant"] == SHANGHAI
    assert materials["target"]["source"]["section"] == "四（三）"
    assert (steps["itemByItem"], steps["merged"]) == month.steps
    assert steps["reductionPercent"] == reduction(month.steps)
    assert steps["met"] is (reduction(month.steps) >= 20)
    assert f"= {reduction(month.steps):.2f}%，目标 20%左右" in steps["arithmetic"]
    assert (checks["FIELDS"]["itemByItem"], checks["FIELDS"]["merged"]) == month.fields
    assert checks["FIELDS"]["target"] is None and checks["FIELDS"]["met"] is None
    # 减跑动 has no number in 000 四（四）: whether it is met is not said.
    assert checks["TRIPS"]["target"]["reductionPercent"] is None
    assert checks["TRIPS"]["met"] is None
    assert checks["TRIPS"]["arithmetic"].endswith("目标“减跑动”未给出比例，不作判断")
    # Every family applied online: one visit avoided per item; decided today, no day elapsed.
    items_filed = sum(len(items) for items, _ in PLAN)
    assert (checks["TRIPS"]["itemByItem"], checks["TRIPS"]["merged"]) == (items_filed, 0)
    assert checks["TIME"]["target"]["reductionPercent"] == 30
    assert (checks["TIME"]["itemByItem"], checks["TIME"]["merged"], checks["TIME"]["met"]) == (
        0,
        0,
        None,
    )
    # Finished applications: every case decided (3+1 dibao, 3 dibao+legal, 3 families, 4 legal).
    assert effect["timedApplications"] == 14
    dibao = next(t for t in effect["itemTimes"] if t["item"] == DIBAO)
    assert (dibao["decided"], dibao["promisedWorkingDays"], dibao["withinPromised"]) == (10, 10, 10)


@pytest.fixture
async def every_count_shown(db: Database) -> AsyncIterator[httpx.AsyncClient]:
    """Small-cell protection off (threshold 1 for Shanghai, no floor): the exact counts."""
    await set_min_cell(db, SHANGHAI, 1)
    app = create_app(db, test_settings(statistics_min_cell=1))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://socialaid") as http:
        yield http


@pytest.mark.usefixtures("generated_month")
async def test_the_completion_summary_counts_each_departments_results(
    db: Database, every_count_shown: httpx.AsyncClient
) -> None:

    summary = await report(every_count_shown, SUMMARY, bearer(Role.WINDOW_CLERK))

    rows = {
        row["department"]: (
            row["received"],
            row["approved"],
            row["denied"],
            row["decided"],
            row["closed"],
            row["pending"],
            row["overdue"],
            row["withinLimit"],
            row["late"],
        )
        for row in summary["departments"]
    }
    # received, approved, denied, decided, closed, pending, overdue, within limit, late
    assert rows == {
        # 15 dibao cases: 3+2+2 approved, 1+1+1 denied, 1+2+2 pending; 10 working days promised.
        "civil_affairs": (15, 7, 3, 10, 0, 5, 0, 10, 0),
        # 5 education cases: 2+1 approved, 2 waiting for dibao; no limit promised.
        "education": (5, 3, 0, 3, 0, 2, 0, 0, 0),
        # 15 legal aid cases: 2+1+2+4 approved, 1 denied, 2+2+1 pending.
        "justice": (15, 9, 1, 10, 0, 5, 0, 0, 0),
    }
    assert summary["total"]["received"] == 35
    assert summary["total"]["concluded"] == 23


# The month's exact table (the test above), and the sums a reader could subtract along.
EXACT = {
    "civil_affairs": (15, 10, 7, 3, 0, 0, 10, 5, 0, 10, 0),
    "education": (5, 3, 3, 0, 0, 0, 3, 2, 0, 0, 0),
    "justice": (15, 10, 9, 1, 0, 0, 10, 5, 0, 0, 0),
    "": (35, 23, 19, 4, 0, 0, 23, 12, 0, 10, 0),
}
COLUMNS = (
    *("received", "decided", "approved", "denied", "closed", "withdrawn", "concluded"),
    *("pending", "overdue", "withinLimit", "late"),
)
ROW_SUMS = (
    ("decided", "approved", "denied"),
    ("concluded", "decided", "closed", "withdrawn"),
    ("received", "concluded", "pending"),
)


@pytest.mark.usefixtures("generated_month")
async def test_the_completion_summary_hides_small_counts_and_what_would_give_them_back(
    db: Database, client: httpx.AsyncClient
) -> None:

    summary = await report(client, SUMMARY, bearer(Role.WINDOW_CLERK))

    assert summary["minCell"] == 5
    rows = {row["department"]: row for row in [*summary["departments"], summary["total"]]}
    for department, exact in EXACT.items():
        row = rows[department]
        hidden = {name for name in COLUMNS if row[name] is None}
        assert hidden == set(row["suppressed"]), department  # every null is marked, no other
        for name, value in zip(COLUMNS, exact, strict=True):
            assert row[name] in (None, value), (department, name)
            if 0 < value < 5:
                assert row[name] is None, (department, name)
        for line in ROW_SUMS:  # no lone hidden count in a sum the row shows
            assert sum(row[name] is None for name in line) != 1, (department, line)
    for name in COLUMNS:  # nor in a column under its total
        assert sum(row[name] is None for row in rows.values()) != 1, name


async def test_applicants_and_caseworkers_are_refused_both_reports(
    client: httpx.AsyncClient,
) -> None:
    for headers in (
        bearer(Role.APPLICANT),
        bearer(Role.CASEWORKER, departments=("civil_affairs",)),
    ):
        for query in (REFORM, SUMMARY):
            body = await post(client, query, {"t": SHANGHAI}, headers)
            assert body["data"] is None
            assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_a_period_ending_before_it_starts_is_invalid_input_with_its_path(
    client: httpx.AsyncClient,
) -> None:
    for query in (REFORM, SUMMARY):
        body = await post(
            client,
            query,
            {"t": SHANGHAI, "f": "2026-11-30", "to": "2026-11-01"},
            bearer(Role.AUDITOR),
        )
        (error,) = body["errors"]
        assert error["extensions"]["code"] == "INVALID_INPUT"
        assert error["extensions"]["path"] == ["from"]
        assert "起始日期" in error["message"]


async def test_a_tenant_that_does_not_exist_is_not_found(client: httpx.AsyncClient) -> None:
    body = await post(client, SUMMARY, {"t": "999999"}, bearer(Role.AUDITOR))

    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"]


async def test_a_quiet_period_reports_nothing_met_and_zero_counts(
    client: httpx.AsyncClient,
) -> None:
    effect = await report(
        client, REFORM, bearer(Role.TENANT_ADMIN), f="2020-01-01", to="2020-01-31"
    )
    summary = await report(client, SUMMARY, bearer(Role.ANALYST), f="2020-01-01", to="2020-01-31")

    assert effect["applications"] == 0
    assert {c["met"] for c in effect["checks"]} == {None}
    assert summary["departments"] == [] and summary["total"]["received"] == 0


async def test_a_province_whose_documents_set_no_targets_has_none(
    client: httpx.AsyncClient,
) -> None:
    effect = await report(client, REFORM, bearer(Role.ANALYST, tenant="140000"), t="140000")

    assert effect["tenant"] == "140000"
    assert [c["target"] for c in effect["checks"]] == [None] * 5
