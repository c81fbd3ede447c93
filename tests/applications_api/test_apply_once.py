"""A family applies once; one door accepts; departments work in parallel and in series; one result.

Given/when/then through the real GraphQL schema on the real database, with real principals.
"""

from __future__ import annotations

from datetime import date

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    read,
    shanghai_answers,
    shanxi_answers,
    window_clerk,
)
from tests.graphql_client import principal, query_data
from tests.identity_numbers import id_number

CHANGNING = "310105"
XIAODIAN = "140105"


async def shanghai_family_accepted(db: Database) -> dict:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    return await accept(db, clerk, submitted)


async def test_a_submission_is_one_application_with_no_cases_until_the_one_door_accepts(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))

    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")

    assert submitted["state"] == "SUBMITTED"
    assert sorted(submitted["items"]) == sorted(SHANGHAI_FAMILY)
    assert submitted["cases"] == [] and submitted["owner"] == "citizen-1"
    assert [e["kind"] for e in submitted["timeline"]] == ["APPLICATION_SUBMITTED"]


async def test_accepted_dibao_and_legal_aid_start_at_once_and_education_aid_waits_for_dibao(
    db: Database,
) -> None:
    accepted = await shanghai_family_accepted(db)

    assert accepted["state"] == "ACCEPTED"
    states = {c["itemCode"]: (c["state"], c["waitingOn"]) for c in accepted["cases"]}
    assert states == {
        "dibao": ("READY", []),
        "legal_aid": ("READY", []),
        "education_aid.compulsory": ("WAITING", ["dibao"]),
    }
    departments = {c["itemCode"]: c["department"]["code"] for c in accepted["cases"]}
    assert departments == {
        "dibao": "civil_affairs",
        "legal_aid": "justice",
        "education_aid.compulsory": "education",
    }
    # 沪民救发〔2021〕10号 sets no time limits: no deadline until a tenant configures one.
    assert {c["dueAt"] for c in accepted["cases"]} == {None}


async def test_education_aid_proceeds_after_the_recognition_and_the_family_sees_one_result(
    db: Database,
) -> None:
    accepted = await shanghai_family_accepted(db)
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    justice = await caseworker(db, CHANGNING, "justice")
    education = await caseworker(db, CHANGNING, "education")

    legal = await decide(db, justice, case_of(accepted, "legal_aid"), "APPROVED")
    assert legal["errors"] == [] and legal["case"]["state"] == "APPROVED"
    waiting = case_of(legal["application"], "education_aid.compulsory")
    assert waiting["state"] == "WAITING"  # legal aid is not its predecessor

    dibao = await acknowledge(db, civil, case_of(accepted, "dibao"))
    dibao_decided = await decide(db, civil, dibao, "APPROVED")
    released = case_of(dibao_decided["application"], "education_aid.compulsory")
    assert released["state"] == "READY"
    assert "dibao" in str(released["received"])
    assert dibao_decided["case"]["notice"]["kind"] == "APPROVE"

    final = await decide(db, education, released, "APPROVED")
    assert final["errors"] == []

    family = await read(db, await applicant(db, CHANGNING), accepted["id"])
    assert family["state"] == "COMPLETED"
    assert family["result"] == {
        "finished": True,
        "approved": sorted(SHANGHAI_FAMILY),
        "denied": [],
        "closed": [],
        "open": [],
    }
    timeline = family["timeline"]
    assert [e["at"] for e in timeline] == sorted(e["at"] for e in timeline)
    assert {e["department"] for e in timeline} >= {"civil_affairs", "justice", "education"}
    kinds = [(e["kind"], e["item"]) for e in timeline]
    assert (
        kinds.index(("CASE_APPROVED", "dibao"))
        < kinds.index(("CASE_RELEASED", "education_aid.compulsory"))
        < kinds.index(("CASE_APPROVED", "education_aid.compulsory"))
    )
    assert kinds[-1] == ("APPLICATION_COMPLETED", None)


async def test_a_dibao_denial_releases_education_aid_whose_targets_are_open_ended(
    db: Database,
) -> None:
    accepted = await shanghai_family_accepted(db)
    civil = await caseworker(db, CHANGNING, "civil_affairs")

    denied = await decide(db, civil, case_of(accepted, "dibao"), "DENIED")

    assert denied["errors"] == [] and denied["case"]["notice"]["kind"] == "DENY"
    # 000 一（七）: 低保、特困、低收入等困难家庭学生 — the school may still find the student another
    # hardship status, so the case goes to the education department instead of closing.
    released = case_of(denied["application"], "education_aid.compulsory")
    assert released["state"] == "READY" and released["closedReason"] is None
    assert case_of(denied["application"], "legal_aid")["state"] == "READY"  # runs on regardless
    result = denied["application"]["result"]
    assert result["denied"] == ["dibao"] and result["closed"] == []
    assert result["open"] == ["education_aid.compulsory", "legal_aid"]
    assert result["finished"] is False


async def test_a_department_cannot_decide_another_departments_case(db: Database) -> None:
    accepted = await shanghai_family_accepted(db)
    education = await caseworker(db, CHANGNING, "education")

    from tests.applications_api.flows import DECIDE
    from tests.graphql_client import execute

    dibao = case_of(accepted, "dibao")
    _, errors = await execute(
        db,
        DECIDE,
        {"i": {"id": dibao["id"], "lockVersion": dibao["lockVersion"], "outcome": "APPROVED"}},
        actor=education,
    )
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]
    still = await read(db, await caseworker(db, CHANGNING, "civil_affairs"), accepted["id"])
    assert case_of(still, "dibao")["state"] == "READY"


async def test_a_shanxi_low_income_recognition_ends_with_medical_aid_granted_without_applying(
    db: Database,
) -> None:
    citizen = await applicant(db, XIAODIAN, user="citizen-sx")
    answers = shanxi_answers(id_number("140105", date(1961, 8, 30), 248))
    submitted = await apply(
        db, citizen, XIAODIAN, ["low_income_recognition"], answers, area="wucheng"
    )
    accepted = await accept(db, await window_clerk(db, XIAODIAN, "wucheng"), submitted)
    civil = await caseworker(db, XIAODIAN, "civil_affairs")

    decided = await decide(
        db,
        civil,
        case_of(accepted, "low_income_recognition"),
        "APPROVED",
        recognisedAs=["dibao_family"],
    )

    application = decided["application"]
    medical = case_of(application, "medical_aid")
    assert medical["state"] == "APPROVED"
    assert medical["department"]["code"] == "healthcare_security"
    assert medical["decision"]["automatic"] is True
    assert medical["decision"]["trigger"] == "low_income_recognition"
    assert application["state"] == "COMPLETED"
    seen = await read(db, citizen, accepted["id"])
    assert ("CASE_GRANTED_AUTOMATICALLY", "medical_aid") in {
        (e["kind"], e["item"]) for e in seen["timeline"]
    }


async def shanxi_recognition_accepted(db: Database) -> dict:
    citizen = await applicant(db, XIAODIAN, user="citizen-sx")
    answers = shanxi_answers(id_number("140105", date(1961, 8, 30), 248))
    submitted = await apply(
        db, citizen, XIAODIAN, ["low_income_recognition"], answers, area="wucheng"
    )
    return await accept(db, await window_clerk(db, XIAODIAN, "wucheng"), submitted)


async def test_a_shanxi_recognition_as_dibao_edge_family_grants_no_medical_aid(
    db: Database,
) -> None:
    accepted = await shanxi_recognition_accepted(db)
    civil = await caseworker(db, XIAODIAN, "civil_affairs")

    decided = await decide(
        db,
        civil,
        case_of(accepted, "low_income_recognition"),
        "APPROVED",
        recognisedAs=["dibao_edge_family"],
    )

    assert decided["errors"] == []
    assert [c["itemCode"] for c in decided["application"]["cases"]] == ["low_income_recognition"]
    assert decided["case"]["decision"]["recognisedAs"] == ["dibao_edge_family"]


async def test_a_recognition_must_say_what_it_recognises_among_its_target_groups(
    db: Database,
) -> None:
    accepted = await shanxi_recognition_accepted(db)
    civil = await caseworker(db, XIAODIAN, "civil_affairs")
    recognition = case_of(accepted, "low_income_recognition")

    unsaid = await decide(db, civil, recognition, "APPROVED")
    unknown = await decide(db, civil, recognition, "APPROVED", recognisedAs=["disaster_victims"])

    assert [(e["code"], e["path"]) for e in unsaid["errors"]] == [
        ("INVALID_INPUT", ["recognisedAs"])
    ]
    assert [(e["code"], e["path"]) for e in unknown["errors"]] == [
        ("INVALID_INPUT", ["recognisedAs"])
    ]


async def test_an_auditor_finds_a_decision_under_the_department_whose_case_it_was(
    db: Database,
) -> None:
    accepted = await shanghai_family_accepted(db)
    # A caseworker working for two departments decides the civil-affairs case.
    both = await principal(
        db,
        user="cw-2",
        tenant=CHANGNING,
        roles=[Role.CASEWORKER],
        departments=["education", "civil_affairs"],
    )
    await decide(db, both, case_of(accepted, "dibao"), "APPROVED")
    auditor = await principal(db, user="auditor", tenant="310000", roles=[Role.AUDITOR])

    found = await query_data(
        db,
        """query($f: AuditEventFilter!) { auditEvents(filter: $f, first: 10) {
          edges { node { action department actor } } } }""",
        {
            "f": {
                "tenant": "310000",
                "includeDescendants": True,
                "department": "civil_affairs",
                "action": "case.decide.approved",
            }
        },
        actor=auditor,
    )

    nodes = [e["node"] for e in found["auditEvents"]["edges"]]
    assert nodes == [
        {"action": "case.decide.approved", "department": "civil_affairs", "actor": "cw-2"}
    ]
