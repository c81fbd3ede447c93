"""Issue 22, needs assessment (001 三（六）18; 003 五): an adviser assesses a Changning household
over HTTP; the assessment proposes items and departments from the district's weights and
thresholds; the departments it concerns read that same assessment, others are refused; without
the parameters it says it cannot propose.

TEST VALUES: the weights and thresholds below are chosen for the test, not Changning's (the seed
states none; the catalogue keeps the parameters without a value).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.needs.api import (
    CHANGNING,
    PARAMETER_KEYS,
    READ,
    REVISE,
    THROUGH_CASES,
    adviser,
    caseworker,
    household,
    record,
    scores,
    staff,
)
from tests.screening.api import client, post, set_parameter

__all__ = ["client"]

TEST_WEIGHTS = {
    "material": 0.3,
    "health": 0.2,
    "education": 0.1,
    "employment": 0.2,
    "social_support": 0.1,
    "children_share": 0.1,
}
TEST_THRESHOLD = 0.5  # every dimension's, and the composite's
FAMILY_SCORES = scores(
    material=0.7, health=0.8, education=0.2, employment=0.6, social_support=0.3, children_share=0.5
)


async def set_test_parameters(http: httpx.AsyncClient) -> None:
    for dimension, weight in TEST_WEIGHTS.items():
        for key, value in (
            (f"needs_weight_{dimension}", weight),
            (f"needs_threshold_{dimension}", TEST_THRESHOLD),
        ):
            payload = await set_parameter(http, CHANGNING, key, value)
            assert payload["errors"] == [], payload
    payload = await set_parameter(http, CHANGNING, "needs_composite_threshold", TEST_THRESHOLD)
    assert payload["errors"] == [], payload


async def read_events(db: Database, assessment: str) -> list[tuple[str, str]]:
    """(who, via) of every audited read of the assessment with this database id."""
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT actor, after->>'via' FROM audit_event WHERE action = 'needs_assessment.read'"
                " AND subject_id = :s ORDER BY sequence"
            ),
            {"s": assessment},
        )
        return [(r[0], r[1]) for r in rows.all()]


async def write_actions(db: Database) -> list[str]:
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT action FROM audit_event WHERE subject_type = 'needs_assessment'"
                " AND action <> 'needs_assessment.read' ORDER BY sequence"
            )
        )
        return list(rows.scalars())


async def database_id(db: Database) -> str:
    async with db.owner_session() as session:
        return str(await session.scalar(text("SELECT id FROM needs_assessment")))


async def test_the_assessment_proposes_items_and_departments_from_the_districts_parameters(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await household(db)
    await set_test_parameters(client)
    body = await record(client, application["id"], FAMILY_SCORES, adviser(), notes="入户走访")
    payload = body["data"]["needsAssessmentRecord"]
    assert payload["errors"] == []
    found = payload["needsAssessment"]
    assert found["outcome"] == "PROPOSED"
    assert found["missingParameters"] == [] and found["cannotProposeReason"] is None
    reached = [d["code"] for d in found["dimensions"] if d["reached"]]
    # 0.7, 0.8, 0.6 and 0.5 reach 0.5; education 0.2 and social support 0.3 do not
    assert reached == ["material", "health", "employment", "children_share"]
    assert [i["code"] for i in found["proposedItems"]] == [
        "dibao",
        "extremely_poor_support",
        "expenditure_poverty",
        "medical_aid",
        "employment_assistance",
    ]
    assert found["referredDepartments"] == ["civil_affairs", "healthcare_security", "hrss"]
    # 0.7×0.3 + 0.8×0.2 + 0.2×0.1 + 0.6×0.2 + 0.3×0.1 + 0.5×0.1 = 0.59
    assert found["composite"] == pytest.approx(0.59)
    assert found["compositeReached"] is True
    assert found["dimensions"][0]["source"] == {
        "seed": "001_02dcbafffb41dcb7.txt",
        "section": "三（六）18",
    }
    assert {p["key"]: p["value"] for p in found["parameters"]}["needs_weight_health"] == 0.2
    assert found["notes"] == "入户走访" and found["revision"] == 1


async def test_referred_departments_and_the_case_department_read_the_same_assessment(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await household(db)
    await set_test_parameters(client)
    body = await record(client, application["id"], FAMILY_SCORES, adviser())
    recorded = body["data"]["needsAssessmentRecord"]["needsAssessment"]
    for department in ("hrss", "healthcare_security"):  # referred, no case of the household
        seen = await post(client, READ, {"id": recorded["id"]}, caseworker(department))
        assert "errors" not in seen, seen
        assert seen["data"]["needsAssessment"] == recorded
    # civil affairs holds the dibao case: it reads the same assessment through the case
    through = await post(
        client, THROUGH_CASES, {"id": application["id"]}, caseworker("civil_affairs")
    )
    assert "errors" not in through, through
    (case,) = through["data"]["application"]["cases"]
    assert case["needsAssessment"]["id"] == recorded["id"]
    assert through["data"]["application"]["needsAssessment"]["id"] == recorded["id"]
    # one audited read each; the application's and its case's fields resolve side by side
    assert sorted(await read_events(db, await database_id(db))) == [
        ("caseworker-civil_affairs", "Application"),
        ("caseworker-civil_affairs", "Case"),
        ("caseworker-healthcare_security", "needsAssessment"),
        ("caseworker-hrss", "needsAssessment"),
    ]


async def test_a_department_it_does_not_concern_is_refused(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await household(db)
    await set_test_parameters(client)
    body = await record(client, application["id"], FAMILY_SCORES, adviser())
    recorded = body["data"]["needsAssessmentRecord"]["needsAssessment"]
    # education: 0.2 is below the threshold, and the household has no education case
    refused = await post(client, READ, {"id": recorded["id"]}, caseworker("education"))
    assert refused["data"] is None
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    assert await read_events(db, await database_id(db)) == []


async def test_an_adviser_of_another_street_may_not_assess_the_household(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await household(db)
    body = await record(client, application["id"], FAMILY_SCORES, adviser("jiangsulu"))
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_without_the_parameters_the_assessment_is_recorded_and_says_it_cannot_propose(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await household(db)
    body = await record(client, application["id"], FAMILY_SCORES, adviser())
    assert "errors" not in body, body
    payload = body["data"]["needsAssessmentRecord"]
    assert payload["errors"] == []
    found = payload["needsAssessment"]
    assert found["outcome"] == "CANNOT_PROPOSE"
    assert found["missingParameters"] == PARAMETER_KEYS
    assert found["proposedItems"] == [] and found["referredDepartments"] == []
    assert found["composite"] is None
    assert "不能提出" in found["cannotProposeReason"]
    assert "需求评估权重：物质（needs_weight_material）" in found["cannotProposeReason"]


async def test_a_revision_after_the_parameters_are_set_proposes_and_supersedes(
    db: Database, client: httpx.AsyncClient
) -> None:
    application = await household(db)
    first = (await record(client, application["id"], FAMILY_SCORES, adviser()))["data"][
        "needsAssessmentRecord"
    ]["needsAssessment"]
    await set_test_parameters(client)
    revised = await post(
        client, REVISE, {"i": {"id": first["id"], "scores": FAMILY_SCORES}}, adviser()
    )
    payload = revised["data"]["needsAssessmentRevise"]
    assert payload["errors"] == []
    assert payload["needsAssessment"]["outcome"] == "PROPOSED"
    assert (payload["needsAssessment"]["revision"], payload["needsAssessment"]["supersedes"]) == (
        2,
        first["id"],
    )
    assert await write_actions(db) == ["needs_assessment.record", "needs_assessment.revise"]
    again = await post(
        client, REVISE, {"i": {"id": first["id"], "scores": FAMILY_SCORES}}, adviser()
    )
    assert [e["code"] for e in again["data"]["needsAssessmentRevise"]["errors"]] == ["CONFLICT"]


CALM = scores(material=0, health=0, education=0, employment=0, social_support=0, children_share=0)


@pytest.mark.parametrize(
    ("given", "path"),
    [
        ([{**CALM[0], "score": 1.5}, *CALM[1:]], ["input", "scores", "material"]),
        (CALM[1:], ["input", "scores", "material"]),
        ([{"dimension": "housing", "score": 0.1}, *CALM], ["input", "scores", "housing"]),
        ([*CALM, CALM[0]], ["input", "scores", "material"]),
    ],
    ids=["above one", "missing", "unknown", "twice"],
)
async def test_bad_scores_are_invalid_input_at_their_dimension(
    db: Database, client: httpx.AsyncClient, given: list[dict[str, Any]], path: list[str]
) -> None:
    application = await household(db)
    body = await record(client, application["id"], given, adviser())
    errors = body["data"]["needsAssessmentRecord"]["errors"]
    assert [(e["code"], e["path"]) for e in errors] == [("INVALID_INPUT", path)]


async def test_an_unknown_application_is_not_found(db: Database, client: httpx.AsyncClient) -> None:
    body = await record(client, "00000000-0000-0000-0000-000000000000", FAMILY_SCORES, adviser())
    errors = body["data"]["needsAssessmentRecord"]["errors"]
    assert [(e["code"], e["path"]) for e in errors] == [("NOT_FOUND", ["input", "application"])]


async def test_an_analyst_may_not_read_an_assessment(
    db: Database, client: httpx.AsyncClient
) -> None:

    application = await household(db)
    body = await record(client, application["id"], FAMILY_SCORES, adviser())
    recorded = body["data"]["needsAssessmentRecord"]["needsAssessment"]
    refused = await post(client, READ, {"id": recorded["id"]}, staff(Role.ANALYST))
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]
