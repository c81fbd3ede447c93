"""Moves the state machines forbid, attempted through GraphQL by the actor entitled to make them.

Each situation builds a real application (a Changning family applying for dibao, compulsory
education aid, which waits for the dibao decision, and legal aid; for a closed case, the family
applying for dibao and a 低收入困难家庭 recognition, which an approved dibao rules out); each move is
made by the right role with the current lockVersion, so the only thing wrong with it is the state
it meets. The refusal must be ILLEGAL_TRANSITION and must leave the application exactly as it was.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import pytest

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api import flows
from tests.graphql_client import execute, principal
from tests.identity_numbers import id_number
from tests.materials.stored_uploads import completed_upload

CHANGNING = "310105"
AREA = "huayanglu"
DIBAO = "dibao"
EDUCATION = "education_aid.compulsory"  # waits for the dibao decision
LEGAL_AID = "legal_aid"
LOW_INCOME = "low_income_recognition"  # waits for the dibao decision, closed by an approval

Application = dict[str, Any]
Situation = Callable[[Database], Awaitable[Application]]
Move = Callable[[Database, Application], Awaitable[list[str]]]


# ---------------------------------------------------------------- who acts


async def citizen(db: Database) -> Principal:
    return await flows.applicant(db, CHANGNING)


async def clerk(db: Database) -> Principal:
    return await flows.window_clerk(db, CHANGNING, AREA)


async def joint_meeting(db: Database) -> Principal:
    return await principal(db, user="jm", tenant=CHANGNING, roles=[Role.JOINT_MEETING])


async def department_of(db: Database, case: dict[str, Any]) -> Principal:
    return await flows.caseworker(db, CHANGNING, case["department"]["code"])


# ---------------------------------------------------------------- situations


def states(application: Application) -> tuple[str, dict[str, str]]:
    return application["state"], {c["itemCode"]: c["state"] for c in application["cases"]}


async def reread(db: Database, application: Application) -> Application:
    return await flows.read(db, await citizen(db), application["id"])


async def submitted(db: Database) -> Application:
    answers = flows.shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    application = await flows.apply(
        db, await citizen(db), CHANGNING, flows.SHANGHAI_FAMILY, answers, area=AREA
    )
    assert application["state"] == "SUBMITTED"
    return application


async def accepted(db: Database) -> Application:
    application = await flows.accept(db, await clerk(db), await submitted(db))
    assert states(application) == (
        "ACCEPTED",
        {DIBAO: "READY", EDUCATION: "WAITING", LEGAL_AID: "READY"},
    )
    return application


async def escalated(db: Database) -> Application:
    application = await submitted(db)
    assert await escalate(db, application) == []
    return await reread(db, application)


async def withdrawn(db: Database) -> Application:
    application = await submitted(db)
    assert await withdraw(db, application) == []
    return await reread(db, application)


async def rejected(db: Database) -> Application:
    application = await submitted(db)
    assert await triage_reject(db, application) == []
    return await reread(db, application)


async def dibao_acknowledged(db: Database) -> Application:
    application = await accepted(db)
    assert await acknowledge(DIBAO)(db, application) == []
    return await reread(db, application)


async def dibao_supplement_requested(db: Database) -> Application:
    application = await dibao_acknowledged(db)
    assert await request_supplement(DIBAO)(db, application) == []
    return await reread(db, application)


async def dibao_approved(db: Database) -> Application:
    application = await accepted(db)
    assert await decide(DIBAO, "APPROVED")(db, application) == []
    application = await reread(db, application)
    assert states(application)[1] == {DIBAO: "APPROVED", EDUCATION: "READY", LEGAL_AID: "READY"}
    return application


async def dibao_denied(db: Database) -> Application:
    application = await accepted(db)
    assert await decide(DIBAO, "DENIED")(db, application) == []
    application = await reread(db, application)
    # Education aid's targets are open-ended (低保、特困、低收入等): a dibao denial releases it.
    assert states(application)[1] == {DIBAO: "DENIED", EDUCATION: "READY", LEGAL_AID: "READY"}
    return application


async def low_income_closed(db: Database) -> Application:
    answers = flows.shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    answers["situation"] = {"receiving_dibao": False}
    submitted_ = await flows.apply(
        db, await citizen(db), CHANGNING, [DIBAO, LOW_INCOME], answers, area=AREA
    )
    application = await flows.accept(db, await clerk(db), submitted_)
    assert await decide(DIBAO, "APPROVED")(db, application) == []
    application = await reread(db, application)
    assert states(application) == ("COMPLETED", {DIBAO: "APPROVED", LOW_INCOME: "CLOSED"})
    return application


async def completed(db: Database) -> Application:
    application = await dibao_denied(db)
    assert await decide(LEGAL_AID, "APPROVED")(db, application) == []
    application = await reread(db, application)
    assert await decide(EDUCATION, "DENIED")(db, application) == []
    application = await reread(db, application)
    assert application["state"] == "COMPLETED"
    return application


# ---------------------------------------------------------------- moves


async def attempt(
    db: Database, name: str, input_type: str, input: dict[str, Any], actor: Principal
) -> list[str]:
    """The payload's error codes for `name(input)`."""
    query = f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ errors {{ code message }} }} }}"
    data, errors = await execute(db, query, {"i": input}, actor=actor)
    # A GraphQL error here (FORBIDDEN, a bad input) would mean the move was refused for
    # something other than the state it met, which these tests are not about.
    assert errors == [] and data is not None, errors
    return [e["code"] for e in data[name]["errors"]]


def version(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "lockVersion": row["lockVersion"]}


async def triage_accept(db: Database, application: Application) -> list[str]:
    return await attempt(
        db, "applicationTriageAccept", "ApplicationActInput", version(application), await clerk(db)
    )


async def triage_reject(db: Database, application: Application) -> list[str]:
    input = version(application) | {"reasons": ["户籍不在本区，请向户籍地申请"]}
    return await attempt(
        db, "applicationTriageReject", "ApplicationRejectInput", input, await clerk(db)
    )


async def escalate(db: Database, application: Application) -> list[str]:
    input = version(application) | {"reason": "需民政、司法共同会商"}
    return await attempt(
        db, "applicationTriageEscalate", "ApplicationEscalateInput", input, await clerk(db)
    )


async def joint_meeting_assign(db: Database, application: Application) -> list[str]:
    input = version(application) | {"lead": "civil_affairs"}
    return await attempt(
        db,
        "applicationJointMeetingAssign",
        "JointMeetingAssignInput",
        input,
        await joint_meeting(db),
    )


async def joint_meeting_reject(db: Database, application: Application) -> list[str]:
    input = version(application) | {"reasons": ["不属社会救助范围"]}
    return await attempt(
        db,
        "applicationJointMeetingReject",
        "ApplicationRejectInput",
        input,
        await joint_meeting(db),
    )


async def withdraw(db: Database, application: Application) -> list[str]:
    input = version(application) | {"reason": "情况好转"}
    return await attempt(
        db, "applicationWithdraw", "ApplicationWithdrawInput", input, await citizen(db)
    )


def acknowledge(item: str) -> Move:
    async def move(db: Database, application: Application) -> list[str]:
        case = flows.case_of(application, item)
        return await attempt(
            db, "caseAcknowledge", "CaseActInput", version(case), await department_of(db, case)
        )

    return move


def request_supplement(item: str) -> Move:
    async def move(db: Database, application: Application) -> list[str]:
        case = flows.case_of(application, item)
        input = version(case) | {"materials": ["hukou_booklet.household"], "workingDays": 10}
        return await attempt(
            db,
            "caseSupplementRequest",
            "CaseSupplementRequestInput",
            input,
            await department_of(db, case),
        )

    return move


def provide_supplement(item: str) -> Move:
    async def move(db: Database, application: Application) -> list[str]:
        case = flows.case_of(application, item)
        applicant = await citizen(db)
        upload = await completed_upload(db, tenant=CHANGNING, owner=applicant.user_id)
        input = version(case) | {"references": [upload]}
        return await attempt(
            db, "caseSupplementProvide", "CaseSupplementProvideInput", input, applicant
        )

    return move


def decide(item: str, outcome: str) -> Move:
    async def move(db: Database, application: Application) -> list[str]:
        case = flows.case_of(application, item)
        payload = await flows.decide(db, await department_of(db, case), case, outcome)
        return [e["code"] for e in payload["errors"]]

    return move


# ---------------------------------------------------------------- the moves refused


def refused(situation: Situation, move: Move, why: str) -> Any:
    return pytest.param(situation, move, id=why)


ILLEGAL_MOVES = [
    # A case waiting for another department's decision cannot be worked on or decided.
    refused(accepted, decide(EDUCATION, "APPROVED"), "approve-a-waiting-case"),
    refused(accepted, decide(EDUCATION, "DENIED"), "deny-a-waiting-case"),
    refused(accepted, acknowledge(EDUCATION), "acknowledge-a-waiting-case"),
    refused(accepted, request_supplement(EDUCATION), "ask-a-waiting-case-for-materials"),
    # A case closed by another's decision has no decision of its own to make.
    refused(low_income_closed, acknowledge(LOW_INCOME), "acknowledge-a-closed-case"),
    refused(low_income_closed, decide(LOW_INCOME, "APPROVED"), "approve-a-closed-case"),
    # A decision is final.
    refused(dibao_approved, decide(DIBAO, "APPROVED"), "approve-an-approved-case"),
    refused(dibao_approved, decide(DIBAO, "DENIED"), "deny-an-approved-case"),
    refused(dibao_denied, decide(DIBAO, "APPROVED"), "approve-a-denied-case"),
    refused(dibao_approved, request_supplement(DIBAO), "ask-an-approved-case-for-materials"),
    refused(dibao_denied, request_supplement(DIBAO), "ask-a-denied-case-for-materials"),
    refused(dibao_approved, acknowledge(DIBAO), "acknowledge-an-approved-case"),
    # Taking a case up happens once.
    refused(dibao_acknowledged, acknowledge(DIBAO), "acknowledge-an-acknowledged-case"),
    # Materials come only when they were asked for.
    refused(accepted, provide_supplement(DIBAO), "provide-materials-to-a-ready-case"),
    refused(dibao_acknowledged, provide_supplement(DIBAO), "provide-unrequested-materials"),
    refused(dibao_approved, provide_supplement(DIBAO), "provide-materials-to-a-decided-case"),
    # Asking twice before the first answer.
    refused(
        dibao_supplement_requested, request_supplement(DIBAO), "ask-again-before-materials-came"
    ),
    # The one door triages once, and only what is still waiting for it.
    refused(accepted, triage_accept, "accept-an-accepted-application"),
    refused(withdrawn, triage_accept, "accept-a-withdrawn-application"),
    refused(rejected, triage_accept, "accept-a-rejected-application"),
    refused(escalated, triage_accept, "accept-an-escalated-application"),
    refused(accepted, triage_reject, "reject-an-accepted-application"),
    refused(withdrawn, triage_reject, "reject-a-withdrawn-application"),
    refused(completed, triage_reject, "reject-a-completed-application"),
    refused(accepted, escalate, "escalate-an-accepted-application"),
    refused(escalated, escalate, "escalate-an-escalated-application"),
    refused(rejected, escalate, "escalate-a-rejected-application"),
    # The joint meeting only assigns what was sent to it.
    refused(submitted, joint_meeting_assign, "assign-a-submitted-application"),
    refused(accepted, joint_meeting_assign, "assign-an-accepted-application"),
    refused(withdrawn, joint_meeting_assign, "assign-a-withdrawn-application"),
    refused(accepted, joint_meeting_reject, "joint-meeting-rejects-an-accepted-application"),
    refused(
        submitted,
        joint_meeting_reject,
        "joint-meeting-rejects-an-application-never-escalated",
    ),
    # Once escalated, the application is the joint meeting's to decide (002 §5.3).
    refused(escalated, triage_reject, "one-door-rejects-an-escalated-application"),
    # Nothing is left to withdraw from once the application has ended.
    refused(completed, withdraw, "withdraw-a-completed-application"),
    refused(rejected, withdraw, "withdraw-a-rejected-application"),
    refused(withdrawn, withdraw, "withdraw-a-withdrawn-application"),
]


@pytest.mark.parametrize(("situation", "move"), ILLEGAL_MOVES)
async def test_an_illegal_move_is_refused_as_such_and_changes_nothing(
    db: Database, situation: Situation, move: Move
) -> None:
    before = await reread(db, await situation(db))

    codes = await move(db, before)

    assert codes == ["ILLEGAL_TRANSITION"]
    # The whole application as the applicant sees it: states, lock versions, decisions, timeline.
    assert await reread(db, before) == before


# ---------------------------------------------------------------- the same moves, where legal


def allowed(situation: Situation, move: Move, item: str | None, after: str, why: str) -> Any:
    return pytest.param(situation, move, item, after, id=why)


LEGAL_MOVES = [
    allowed(submitted, triage_accept, None, "ACCEPTED", "accept-a-submitted-application"),
    allowed(submitted, triage_reject, None, "REJECTED", "reject-a-submitted-application"),
    allowed(submitted, escalate, None, "ESCALATED", "escalate-a-submitted-application"),
    allowed(escalated, joint_meeting_assign, None, "ACCEPTED", "assign-an-escalated-application"),
    allowed(escalated, joint_meeting_reject, None, "REJECTED", "reject-an-escalated-application"),
    allowed(accepted, withdraw, None, "WITHDRAWN", "withdraw-an-accepted-application"),
    allowed(accepted, acknowledge(DIBAO), DIBAO, "ACKNOWLEDGED", "acknowledge-a-ready-case"),
    allowed(
        dibao_acknowledged,
        request_supplement(DIBAO),
        DIBAO,
        "SUPPLEMENT_REQUESTED",
        "ask-an-acknowledged-case-for-materials",
    ),
    allowed(
        dibao_supplement_requested,
        provide_supplement(DIBAO),
        DIBAO,
        "ACKNOWLEDGED",
        "provide-requested-materials",
    ),
    allowed(
        dibao_supplement_requested,
        decide(DIBAO, "DENIED"),
        DIBAO,
        "DENIED",
        "deny-when-materials-did-not-come",
    ),
    allowed(
        dibao_approved,
        decide(EDUCATION, "APPROVED"),
        EDUCATION,
        "APPROVED",
        "approve-a-released-case",
    ),
]


@pytest.mark.parametrize(("situation", "move", "item", "after"), LEGAL_MOVES)
async def test_the_same_moves_go_through_where_the_state_allows_them(
    db: Database, situation: Situation, move: Move, item: str | None, after: str
) -> None:
    # Shows that the refusals above come from the state met, not from a move that never works.
    before = await reread(db, await situation(db))

    assert await move(db, before) == []

    application = await reread(db, before)
    state = application["state"] if item is None else flows.case_of(application, item)["state"]
    assert state == after
