"""Who may file an item and what a decision on one item does to another, as the seeds have it,
through GraphQL with real principals: the grassroots union files 工会困难职工帮扶 for its member
(000 一（十二））; a migrant worker applies for the 2022 temporary aid, by phone too (003 二、四);
an approved dibao rules out a 低收入困难家庭 recognition (000 一（二））; a dibao denial does not
end education aid, whose targets are open-ended (000 一（七））."""

from __future__ import annotations

from datetime import date
from typing import Any

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.applications_api.flows import (
    SUBMIT,
    accept,
    applicant,
    apply,
    bank_card,
    case_of,
    caseworker,
    decide,
    read,
    shanghai_answers,
    submission,
    uploads_for,
    window_clerk,
)
from tests.graphql_client import principal, query_data
from tests.identity_numbers import id_number

CHANGNING = "310105"
AREA = "huayanglu"
UNION_AID = "union_hardship_assistance"
MIGRANT_AID = "uninsured_unemployed_temporary_aid"


async def submit_payload(db: Database, actor: Principal, input: dict[str, Any]) -> dict[str, Any]:
    """applicationSubmit's payload, errors included."""
    return (await query_data(db, SUBMIT, {"i": input}, actor=actor))["applicationSubmit"]


# ---------------------------------------------------------------- fact 5: the union files


def member_answers(member_id: str) -> dict[str, Any]:
    """A union member in hardship, as the grassroots union enters her in 申工通."""
    return {
        "applicant": {
            "name": "陈静",
            "id_number": member_id,
            "phone": "13912340000",
            "employer": "上海某纺织有限公司",
            "current_address": "上海市长宁区华阳路街道安西路2号",
            "application_reason": "配偶重病，家庭收入骤减",
        },
        "household": {
            "size": 2,
            "per_capita_monthly_income": 900,
            "members": [
                {
                    "name": "周伟",
                    "id_number": id_number("310105", date(1978, 6, 1), 215),
                    "relation": "spouse",
                    "monthly_income": 0,
                }
            ],
        },
        "bank": {
            "account_holder": "陈静",
            "holder_id_number": member_id,
            "account_number": bank_card(),
            "bank_name": "中国工商银行",
        },
    }


async def grassroots_union(db: Database) -> Principal:
    """申工通, the unions' system, calling the API for a grassroots union."""
    return await principal(
        db,
        user="shengongtong",
        tenant=CHANGNING,
        roles=[Role.INTEGRATION],
        departments=["trade_union"],
    )


async def test_a_worker_cannot_file_union_hardship_assistance_himself(db: Database) -> None:
    member = await applicant(db, CHANGNING, user="member-1")
    answers = member_answers(id_number("310105", date(1980, 5, 6), 122))
    materials = await uploads_for(db, CHANGNING, [UNION_AID], answers, member)

    payload = await submit_payload(
        db, member, submission(CHANGNING, [UNION_AID], answers, "k1", materials, area=AREA)
    )

    assert payload["application"] is None
    [error] = payload["errors"]
    assert error["code"] == "INVALID_INPUT" and error["path"] == ["items"]
    assert "基层工会" in error["message"] and "申工通" in error["message"]


async def test_the_grassroots_union_files_for_its_member_who_then_owns_the_application(
    db: Database,
) -> None:
    union = await grassroots_union(db)
    answers = member_answers(id_number("310105", date(1980, 5, 6), 122))
    materials = await uploads_for(db, CHANGNING, [UNION_AID], answers, union)
    filing = submission(
        CHANGNING, [UNION_AID], answers, "k1", materials, area=AREA, onBehalfOf="member-1"
    )

    payload = await submit_payload(db, union, filing | {"channel": "ORGANISATION"})

    assert payload["errors"] == []
    filed = payload["application"]
    assert (filed["owner"], filed["submittedBy"]) == ("member-1", "shengongtong")
    member = await applicant(db, CHANGNING, user="member-1")
    assert (await read(db, member, filed["id"]))["items"] == [UNION_AID]


async def test_only_the_union_files_through_the_organisation_channel(db: Database) -> None:
    clerk = await window_clerk(db, CHANGNING, AREA)
    answers = member_answers(id_number("310105", date(1980, 5, 6), 122))
    materials = await uploads_for(db, CHANGNING, [UNION_AID], answers, clerk)
    filing = submission(
        CHANGNING, [UNION_AID], answers, "k1", materials, area=AREA, onBehalfOf="member-1"
    )

    payload = await submit_payload(db, clerk, filing | {"channel": "ORGANISATION"})

    assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    assert "基层工会" in payload["errors"][0]["message"]


# ---------------------------------------------------------------- fact 8: the 2022 temporary aid


def migrant_worker_answers(worker_id: str) -> dict[str, Any]:
    return {
        "applicant": {
            "name": "刘建国",
            "id_number": worker_id,
            "phone": "13612345678",
            "employer": "上海某餐饮管理有限公司",
            "current_address": "上海市长宁区华阳路街道安西路3号",
            "application_reason": "受疫情影响无法返岗，三个月无收入",
            "months_without_income": 3,
            "shanghai_residence_document": "residence_permit",
        },
        "situation": {
            "epidemic_unable_to_return_to_work": True,
            "covered_by_unemployment_insurance": False,
        },
    }


async def test_a_migrant_worker_with_a_residence_permit_applies_for_the_2022_temporary_aid(
    db: Database,
) -> None:
    worker = await applicant(db, CHANGNING, user="worker-1")
    answers = migrant_worker_answers(id_number("510104", date(1990, 2, 3), 331))

    submitted = await apply(db, worker, CHANGNING, [MIGRANT_AID], answers, area=AREA)
    accepted = await accept(db, await window_clerk(db, CHANGNING, AREA), submitted)

    case = case_of(accepted, MIGRANT_AID)
    assert case["state"] == "READY" and case["department"]["code"] == "civil_affairs"


async def test_an_application_taken_by_phone_is_recorded_as_such(db: Database) -> None:
    clerk = await window_clerk(db, CHANGNING, AREA)
    answers = migrant_worker_answers(id_number("510104", date(1990, 2, 3), 331))
    materials = await uploads_for(db, CHANGNING, [MIGRANT_AID], answers, clerk)
    call = submission(
        CHANGNING, [MIGRANT_AID], answers, "k1", materials, area=AREA, onBehalfOf="worker-1"
    )

    payload = await submit_payload(db, clerk, call | {"channel": "PHONE"})

    assert payload["errors"] == []
    query = "query($id: ID!) { application(id: $id) { channel owner } }"
    found = await query_data(db, query, {"id": payload["application"]["id"]}, actor=clerk)
    assert found["application"] == {"channel": "PHONE", "owner": "worker-1"}


# ---------------------------------------------------------------- fact 9: what a dibao decision does

RECOGNITIONS = ["dibao", "low_income_recognition"]


async def dibao_and_low_income_accepted(db: Database) -> dict[str, Any]:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    answers["situation"] = {"receiving_dibao": False}
    submitted = await apply(db, citizen, CHANGNING, RECOGNITIONS, answers, area=AREA)
    return await accept(db, await window_clerk(db, CHANGNING, AREA), submitted)


def states(application: dict[str, Any]) -> dict[str, str]:
    return {c["itemCode"]: c["state"] for c in application["cases"]}


async def test_a_low_income_recognition_waits_for_the_dibao_decision_filed_with_it(
    db: Database,
) -> None:
    accepted = await dibao_and_low_income_accepted(db)

    recognition = case_of(accepted, "low_income_recognition")
    assert (recognition["state"], recognition["waitingOn"]) == ("WAITING", ["dibao"])


async def test_an_approved_dibao_closes_the_low_income_recognition_filed_with_it(
    db: Database,
) -> None:
    accepted = await dibao_and_low_income_accepted(db)
    civil = await caseworker(db, CHANGNING, "civil_affairs")

    approved = await decide(db, civil, case_of(accepted, "dibao"), "APPROVED")

    assert approved["errors"] == []
    assert states(approved["application"]) == {
        "dibao": "APPROVED",
        "low_income_recognition": "CLOSED",
    }
    reason = case_of(approved["application"], "low_income_recognition")["closedReason"]
    assert "最低生活保障" in reason and "已获准予" in reason
    assert approved["application"]["result"]["finished"] is True


async def test_a_denied_dibao_lets_the_low_income_recognition_go_ahead(db: Database) -> None:
    accepted = await dibao_and_low_income_accepted(db)
    civil = await caseworker(db, CHANGNING, "civil_affairs")

    denied = await decide(db, civil, case_of(accepted, "dibao"), "DENIED")

    assert states(denied["application"]) == {"dibao": "DENIED", "low_income_recognition": "READY"}
