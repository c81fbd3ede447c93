"""Operations that name a row by id: the row's tenant, street and department decide, not the role.

The permission matrix checks these fields with ids that name nothing, so only the caller's role;
here real rows of a Changning application meet callers whose role fits but whose place does not.
(Another department deciding a case and another citizen reading an application are tested in
tests/applications_api.)
"""

from __future__ import annotations

from datetime import date
from typing import Any

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api.flows import (
    ACCEPT,
    APPLICATION,
    DECIDE,
    SHANGHAI_FAMILY,
    accept,
    applicant,
    apply,
    case_of,
    read,
    shanghai_answers,
    window_clerk,
)
from tests.conftest import test_settings
from tests.graphql_client import execute
from tests.identity_numbers import id_number

SHANGHAI, CHANGNING, SHANXI = "310000", "310105", "140000"
# Rows of another region are hidden by row-level security: for its staff they do not exist.
OUT_OF_REACH = (["FORBIDDEN"], ["NOT_FOUND"])
ESCALATE = """mutation($i: ApplicationEscalateInput!) { applicationTriageEscalate(input: $i) {
  errors { code } application { id lockVersion } } }"""
ASSIGN = """mutation($i: JointMeetingAssignInput!) { applicationJointMeetingAssign(input: $i) {
  errors { code } application { id state cases { id itemCode lockVersion } } } }"""


def bearer(
    role: Role, tenant: str, *, departments: tuple[str, ...] = (), area: str | None = None
) -> str:
    return mint_token(
        test_settings(),
        user=f"{role.value}-{tenant}-{area or '-'.join(departments)}",
        tenant=tenant,
        roles=[role],
        departments=departments,
        area=area,
    )


async def refusals(db: Database, query: str, variables: dict[str, Any], token: str) -> list[str]:
    """The codes of the GraphQL errors and of the payload's user errors."""
    data, errors = await execute(db, query, variables, token=token)
    payload = next(iter((data or {}).values()), None) or {}
    return [str(e["extensions"]["code"]) for e in errors] + [
        e["code"] for e in payload.get("errors") or []
    ]


def version(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "lockVersion": row["lockVersion"]}


async def submitted_at_huayanglu(db: Database) -> dict[str, Any]:
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    citizen = await applicant(db, CHANGNING)
    return await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")


async def reading(db: Database, application: dict[str, Any], token: str) -> list[str]:
    return await refusals(db, APPLICATION, {"id": application["id"]}, token)


async def test_the_window_and_adviser_of_another_street_can_neither_read_nor_accept_it(
    db: Database,
) -> None:
    submitted = await submitted_at_huayanglu(db)
    clerk = bearer(Role.WINDOW_CLERK, CHANGNING, area="xinhualu")
    adviser = bearer(Role.ADVISER, CHANGNING, area="xinhualu")

    accepting = await refusals(db, ACCEPT, {"i": version(submitted)}, clerk)

    assert accepting == ["FORBIDDEN"]
    assert await reading(db, submitted, clerk) == ["FORBIDDEN"]
    assert await reading(db, submitted, adviser) == ["FORBIDDEN"]
    assert await reading(db, submitted, bearer(Role.ADVISER, CHANGNING, area="huayanglu")) == []
    home_clerk = await window_clerk(db, CHANGNING, "huayanglu")
    assert (await read(db, home_clerk, submitted["id"]))["state"] == "SUBMITTED"


async def test_a_department_reaches_a_changning_case_from_shanghai_but_not_from_shanxi(
    db: Database,
) -> None:
    submitted = await submitted_at_huayanglu(db)
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    dibao = case_of(accepted, "dibao")
    shanxi = bearer(Role.CASEWORKER, SHANXI, departments=("civil_affairs",))
    shanghai = bearer(Role.CASEWORKER, SHANGHAI, departments=("civil_affairs",))
    decision = version(dibao) | {"outcome": "DENIED", "reasons": ["家庭人均收入高于标准"]}

    assert await reading(db, accepted, shanxi) in OUT_OF_REACH
    assert await refusals(db, DECIDE, {"i": decision}, shanxi) in OUT_OF_REACH
    assert await reading(db, accepted, shanghai) == []


async def test_the_joint_meeting_assigns_in_its_own_region_and_decides_no_case(
    db: Database,
) -> None:
    submitted = await submitted_at_huayanglu(db)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    data, errors = await execute(
        db, ESCALATE, {"i": version(submitted) | {"reason": "需多部门会商"}}, actor=clerk
    )
    assert errors == [] and data is not None
    escalated = data["applicationTriageEscalate"]["application"]
    assignment = {"i": version(escalated) | {"lead": "civil_affairs"}}

    elsewhere = bearer(Role.JOINT_MEETING, SHANXI)
    assert await refusals(db, ASSIGN, assignment, elsewhere) in OUT_OF_REACH

    office = bearer(Role.JOINT_MEETING, CHANGNING)
    data, errors = await execute(db, ASSIGN, assignment, token=office)
    assert errors == [] and data is not None
    assigned = data["applicationJointMeetingAssign"]["application"]
    assert assigned["state"] == "ACCEPTED"
    # Coordination ends at naming the departments: the decision stays theirs (seed 002 5.4).
    dibao = case_of(assigned, "dibao")
    decision = version(dibao) | {"outcome": "DENIED", "reasons": ["家庭人均收入高于标准"]}
    assert await refusals(db, DECIDE, {"i": decision}, office) == ["FORBIDDEN"]
