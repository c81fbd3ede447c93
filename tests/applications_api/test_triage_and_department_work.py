"""One-door triage, the joint meeting, 补正, withdrawal and the state machine through GraphQL."""

from __future__ import annotations

from datetime import date
from typing import Any

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api.flows import (
    APPLICATION_FIELDS,
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
    window_clerk,
)
from tests.graphql_client import execute, principal
from tests.identity_numbers import id_number
from tests.materials.stored_uploads import completed_upload

CHANGNING = "310105"
PAYLOAD = f"errors {{ code message path }} application {{ {APPLICATION_FIELDS} }}"


def mutation(name: str, input_type: str) -> str:
    return f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ {PAYLOAD} }} }}"


REJECT = mutation("applicationTriageReject", "ApplicationRejectInput")
ESCALATE = mutation("applicationTriageEscalate", "ApplicationEscalateInput")
ASSIGN = mutation("applicationJointMeetingAssign", "JointMeetingAssignInput")
WITHDRAW = mutation("applicationWithdraw", "ApplicationWithdrawInput")
SUPPLEMENT = """mutation($i: CaseSupplementRequestInput!) { caseSupplementRequest(input: $i) {
  errors { code path } case { id state lockVersion supplement { materials deadline notice { text } } } } }"""
PROVIDE = """mutation($i: CaseSupplementProvideInput!) { caseSupplementProvide(input: $i) {
  errors { code path } case { id state lockVersion } } }"""


async def call(
    db: Database, query: str, variables: dict[str, Any], actor: Principal
) -> dict[str, Any]:
    data, errors = await execute(db, query, {"i": variables}, actor=actor)
    assert errors == [] and data is not None, errors
    return next(iter(data.values()))


def version(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "lockVersion": row["lockVersion"]}


async def submitted_family(db: Database) -> dict[str, Any]:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    return await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")


async def test_the_one_door_rejects_with_reasons_and_the_applicant_is_told_why(
    db: Database,
) -> None:
    submitted = await submitted_family(db)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")

    rejected = await call(
        db, REJECT, version(submitted) | {"reasons": ["户籍不在本区，请向户籍地申请"]}, clerk
    )

    assert rejected["errors"] == []
    application = rejected["application"]
    assert application["state"] == "REJECTED" and application["cases"] == []
    seen = await read(db, await applicant(db, CHANGNING), submitted["id"])
    assert seen["triage"]["reasons"] == ["户籍不在本区，请向户籍地申请"]
    assert "户籍不在本区" in seen["triage"]["notice"]["text"]
    assert seen["timeline"][-1]["kind"] == "APPLICATION_REJECTED"


async def test_a_rejection_without_reasons_is_refused_and_changes_nothing(db: Database) -> None:
    submitted = await submitted_family(db)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")

    refused = await call(db, REJECT, version(submitted) | {"reasons": ["  "]}, clerk)

    assert [e["code"] for e in refused["errors"]] == ["INVALID_INPUT"]
    assert (await read(db, clerk, submitted["id"]))["state"] == "SUBMITTED"


async def test_the_joint_meeting_assigns_departments_and_a_lead_to_an_escalated_application(
    db: Database,
) -> None:
    submitted = await submitted_family(db)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    escalated = await call(
        db, ESCALATE, version(submitted) | {"reason": "需民政、司法共同会商"}, clerk
    )
    assert escalated["application"]["state"] == "ESCALATED"
    office = await principal(db, user="jm", tenant=CHANGNING, roles=[Role.JOINT_MEETING])

    assigned = await call(
        db,
        ASSIGN,
        version(escalated["application"])
        | {
            "lead": "civil_affairs",
            "departments": [{"item": "legal_aid", "department": "civil_affairs"}],
        },
        office,
    )

    assert assigned["errors"] == []
    application = assigned["application"]
    assert application["state"] == "ACCEPTED"
    assert case_of(application, "legal_aid")["department"]["code"] == "civil_affairs"
    assert case_of(application, "dibao")["department"]["code"] == "civil_affairs"


async def test_a_window_clerk_cannot_do_the_joint_meetings_work(db: Database) -> None:
    submitted = await submitted_family(db)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    escalated = await call(db, ESCALATE, version(submitted) | {"reason": "会商"}, clerk)

    _, errors = await execute(
        db,
        ASSIGN,
        {"i": version(escalated["application"]) | {"lead": "civil_affairs"}},
        actor=clerk,
    )

    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]


async def test_a_supplement_request_pauses_a_case_until_the_materials_come(db: Database) -> None:
    submitted = await submitted_family(db)
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    dibao = await acknowledge(db, civil, case_of(accepted, "dibao"))

    asked = await call(
        db,
        SUPPLEMENT,
        version(dibao) | {"materials": ["hukou_booklet.household"], "deadline": "2027-02-01"},
        civil,
    )

    assert asked["errors"] == []
    assert asked["case"]["state"] == "SUPPLEMENT_REQUESTED"
    assert asked["case"]["supplement"]["deadline"] == "2027-02-01"
    assert asked["case"]["supplement"]["notice"]["text"]
    citizen = await applicant(db, CHANGNING)
    provided = await call(
        db,
        PROVIDE,
        version(asked["case"])
        | {"references": [await completed_upload(db, tenant=CHANGNING, owner=citizen.user_id)]},
        citizen,
    )
    assert provided["errors"] == [] and provided["case"]["state"] == "ACKNOWLEDGED"


async def test_withdrawal_by_the_applicant_withdraws_every_open_case_and_nothing_after(
    db: Database,
) -> None:
    submitted = await submitted_family(db)
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    citizen = await applicant(db, CHANGNING)

    withdrawn = await call(db, WITHDRAW, version(accepted) | {"reason": "情况好转"}, citizen)

    application = withdrawn["application"]
    assert application["state"] == "WITHDRAWN"
    assert {c["state"] for c in application["cases"]} == {"WITHDRAWN"}
    late = await decide(
        db,
        await caseworker(db, CHANGNING, "civil_affairs"),
        case_of(application, "dibao"),
        "APPROVED",
    )
    assert [e["code"] for e in late["errors"]] == ["ILLEGAL_TRANSITION"]


async def test_another_citizen_can_neither_read_nor_withdraw_the_application(db: Database) -> None:
    submitted = await submitted_family(db)
    stranger = await applicant(db, CHANGNING, user="citizen-2")

    _, read_errors = await execute(
        db,
        "query($id: ID!) { application(id: $id) { id } }",
        {"id": submitted["id"]},
        actor=stranger,
    )
    _, withdraw_errors = await execute(
        db, WITHDRAW, {"i": version(submitted) | {"reason": "x"}}, actor=stranger
    )

    assert [e["extensions"]["code"] for e in read_errors] == ["FORBIDDEN"]
    assert [e["extensions"]["code"] for e in withdraw_errors] == ["FORBIDDEN"]


async def test_a_stale_lock_version_is_a_conflict(db: Database) -> None:
    submitted = await submitted_family(db)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    await accept(db, clerk, submitted)

    again = await call(db, REJECT, version(submitted) | {"reasons": ["重复操作"]}, clerk)

    assert [e["code"] for e in again["errors"]] == ["CONFLICT"]
