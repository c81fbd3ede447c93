"""Issue 21's "done when" for 分类审核认定 (004 三（二）1): a Shanxi 模糊选择 application for
低收入人口认定, made without a category, is classified by its facts into each of the five
categories, and one that fits none ends under monitoring (纳入监测范围).

TEST VALUES: the thresholds set below are values chosen for the test, not Shanxi's standards
(the seed states none; the catalogue keeps the parameters without a value).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api.flows import (
    accept,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    shanxi_answers,
    window_clerk,
)
from tests.graphql_client import principal, query_data
from tests.identity_numbers import id_number
from tests.screening.api import client, set_parameter

__all__ = ["client"]

SHANXI = "140000"
XIAODIAN = "140105"
TEST_THRESHOLDS = {  # 元/人·月, test values
    "dibao_standard": 600,
    "extremely_poor_income_limit": 600,
    "dibao_edge_income_limit": 900,
    "illness_poverty_income_limit": 1200,
    "rigid_expenditure_income_limit": 1200,
}
PROPOSAL = """query($id: ID!) { node(id: $id) { ... on Case { itemCode
  proposedRecognition { kind category reasons
    checks { category outcome reason missingAnswers missingParameters source { seed section } } }
} } }"""
MONITORED = """query($t: String!, $n: Int!, $a: String) { monitoredHouseholds(tenant: $t, first: $n, after: $a) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { tenantCode itemCode department applicantName idNumberMasked householdSize
    reasons checks { category outcome reason } placedBy } } } }"""


def facts(
    *,
    income: float,
    size: int,
    applying_extremely_poor: bool = False,
    health: str = "healthy",
    expenditure: tuple[str, ...] = ("other",),
) -> dict[str, Any]:
    """A Shanxi family applying for 低收入人口认定 without saying which kind (模糊选择)."""
    answers = shanxi_answers(id_number("140105", date(1961, 8, 30), 248))
    answers["household"] |= {
        "size": size,
        "income_monthly": income,
        "main_expenditure": list(expenditure),
    }
    answers["applicant"]["health_status"] = health
    answers["situation"]["applying_extremely_poor"] = applying_extremely_poor
    return answers


async def set_thresholds(http: httpx.AsyncClient) -> None:
    for key, value in TEST_THRESHOLDS.items():
        payload = await set_parameter(http, SHANXI, key, value)
        assert payload["errors"] == [], payload


async def accepted_recognition(db: Database, answers: dict[str, Any]) -> dict[str, Any]:
    citizen = await applicant(db, XIAODIAN, user="citizen-sx")
    submitted = await apply(
        db, citizen, XIAODIAN, ["low_income_recognition"], answers, area="wucheng"
    )
    accepted = await accept(db, await window_clerk(db, XIAODIAN, "wucheng"), submitted)
    return case_of(accepted, "low_income_recognition")


async def proposal(db: Database, case: dict[str, Any], role: Role = Role.CASEWORKER) -> Any:
    if role is Role.APPLICANT:
        reader = await applicant(db, XIAODIAN, user="citizen-sx")
    else:
        reader = await principal(
            db,
            user=f"{role.value}-sx",
            tenant=XIAODIAN,
            roles=[role],
            departments=["civil_affairs"],
        )
    found = await query_data(db, PROPOSAL, {"id": case["id"]}, actor=reader)
    return found["node"]["proposedRecognition"]


# Per capita income is income_monthly / size; the thresholds are TEST_THRESHOLDS.
CLASSIFIED = [
    pytest.param(
        facts(income=500, size=1, applying_extremely_poor=True), "extremely_poor", id="特困人员"
    ),
    pytest.param(facts(income=1000, size=2), "dibao_family", id="低保对象"),
    pytest.param(facts(income=1600, size=2), "dibao_edge_family", id="低保边缘家庭成员"),
    pytest.param(
        facts(income=2000, size=2, health="serious_illness", expenditure=("medical",)),
        "illness_poverty_patient",
        id="因病致贫重病患者",
    ),
    pytest.param(
        facts(income=2000, size=2, expenditure=("education",)),
        "rigid_expenditure_family",
        id="刚性支出困难家庭成员",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), CLASSIFIED)
async def test_an_uncategorised_application_is_proposed_the_category_its_facts_meet_and_confirmed(
    db: Database, client: httpx.AsyncClient, answers: dict[str, Any], expected: str
) -> None:
    await set_thresholds(client)
    case = await accepted_recognition(db, answers)

    proposed = await proposal(db, case)
    decided = await decide(
        db,
        await caseworker(db, XIAODIAN, "civil_affairs"),
        case,
        "APPROVED",
        recognisedAs=[proposed["category"]],
    )

    assert (proposed["kind"], proposed["category"]) == ("CATEGORY", expected)
    assert decided["errors"] == []
    assert decided["case"]["decision"]["recognisedAs"] == [expected]


async def test_the_proposal_gives_each_categorys_reason_with_its_facts_and_source(
    db: Database, client: httpx.AsyncClient
) -> None:
    await set_thresholds(client)
    case = await accepted_recognition(db, facts(income=1600, size=2))

    proposed = await proposal(db, case)

    by_category = {c["category"]: c for c in proposed["checks"]}
    assert [c["category"] for c in proposed["checks"]] == [
        "extremely_poor",
        "dibao_family",
        "dibao_edge_family",
        "illness_poverty_patient",
        "rigid_expenditure_family",
    ]
    assert by_category["dibao_family"]["outcome"] == "NOT_MET"
    assert by_category["dibao_family"]["reason"] == (
        "最低生活保障家庭（低保对象）：不符合家庭月收入 ÷ 家庭人口数 低于 当地最低生活保障标准"
        "（家庭月收入：1600；家庭人口数：2；当地最低生活保障标准：600 元/人·月）"
    )
    assert by_category["dibao_edge_family"]["outcome"] == "MET"
    assert by_category["dibao_family"]["source"] == {
        "seed": "000_140f49d7d74dd147.txt",
        "section": "一（一）",
    }
    assert len(proposed["reasons"]) == 5


async def test_without_the_local_standards_no_category_is_guessed_and_none_is_sent_to_monitoring(
    db: Database,
) -> None:
    case = await accepted_recognition(db, facts(income=1000, size=2))

    proposed = await proposal(db, case)

    assert (proposed["kind"], proposed["category"]) == ("UNDECIDED", None)
    dibao = next(c for c in proposed["checks"] if c["category"] == "dibao_family")
    assert (dibao["outcome"], dibao["missingParameters"]) == ("UNDECIDED", ["dibao_standard"])
    assert "当地最低生活保障标准（尚未设定）" in dibao["reason"]


async def test_a_family_that_fits_no_category_is_denied_and_placed_under_monitoring(
    db: Database, client: httpx.AsyncClient
) -> None:
    await set_thresholds(client)
    case = await accepted_recognition(db, facts(income=3000, size=2))
    civil = await caseworker(db, XIAODIAN, "civil_affairs")

    proposed = await proposal(db, case)
    decided = await decide(db, civil, case, "DENIED", reasons=["家庭人均收入高于各类认定标准"])
    listed = await query_data(db, MONITORED, {"t": XIAODIAN, "n": 10}, actor=civil)

    assert (proposed["kind"], proposed["category"]) == ("MONITORING", None)
    assert decided["errors"] == []
    page = listed["monitoredHouseholds"]
    assert page["totalCount"] == 1
    [household] = [e["node"] for e in page["edges"]]
    assert household["tenantCode"] == XIAODIAN
    assert household["itemCode"] == "low_income_recognition"
    assert household["applicantName"] == "张秀英"
    assert household["idNumberMasked"].startswith("1401") and "*" in household["idNumberMasked"]
    assert household["householdSize"] == 2
    assert household["reasons"] == ["家庭人均收入高于各类认定标准"]
    assert {c["outcome"] for c in household["checks"]} == {"NOT_MET"}


async def test_an_approved_recognition_places_no_one_under_monitoring(
    db: Database, client: httpx.AsyncClient
) -> None:
    await set_thresholds(client)
    case = await accepted_recognition(db, facts(income=1000, size=2))
    civil = await caseworker(db, XIAODIAN, "civil_affairs")

    await decide(db, civil, case, "APPROVED", recognisedAs=["dibao_family"])
    listed = await query_data(db, MONITORED, {"t": XIAODIAN, "n": 10}, actor=civil)

    assert listed["monitoredHouseholds"]["totalCount"] == 0


async def test_monitored_households_are_seen_by_the_deciding_department_not_by_others(
    db: Database, client: httpx.AsyncClient
) -> None:
    await set_thresholds(client)
    case = await accepted_recognition(db, facts(income=3000, size=2))
    await decide(db, await caseworker(db, XIAODIAN, "civil_affairs"), case, "DENIED")
    housing = await caseworker(db, XIAODIAN, "housing")

    listed = await query_data(db, MONITORED, {"t": XIAODIAN, "n": 10}, actor=housing)

    assert listed["monitoredHouseholds"]["totalCount"] == 0


async def test_the_proposal_is_shown_to_deciding_staff_but_not_to_the_applicant(
    db: Database,
) -> None:
    case = await accepted_recognition(db, facts(income=1000, size=2))

    assert await proposal(db, case, Role.APPROVER) is not None
    assert await proposal(db, case, Role.APPLICANT) is None


async def decision_events(db: Database) -> list[tuple[str, dict[str, Any]]]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text("SELECT action, after FROM audit_event WHERE action LIKE 'case.decide.%'")
        )
        return [(action, after) for action, after in rows]


async def test_the_one_decision_event_records_the_proposal_and_the_monitoring_placement(
    db: Database, client: httpx.AsyncClient
) -> None:
    await set_thresholds(client)
    case = await accepted_recognition(db, facts(income=3000, size=2))
    civil = await caseworker(db, XIAODIAN, "civil_affairs")

    await decide(db, civil, case, "DENIED")
    listed = await query_data(db, MONITORED, {"t": XIAODIAN, "n": 10}, actor=civil)

    [(action, after)] = await decision_events(db)
    assert action == "case.decide.denied"
    assert after["proposed_recognition"] == {"kind": "MONITORING", "category": None}
    assert listed["monitoredHouseholds"]["totalCount"] == 1
    assert isinstance(after["monitored_household"], str)
