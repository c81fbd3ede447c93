"""Rows stored as plain JSON before the columns were typed read back as records, and through the
API as they always did."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.notices import NoticeKind, TemplateOrigin
from socialaid.applications.planning import Decision, DependencyRef, ItemRef, Outcome
from socialaid.applications.records import (
    MaterialRecordState,
    ReceivedDecision,
    ReceivedNote,
    TriageOutcome,
)
from socialaid.applications.states import ApplicationState, CaseState
from socialaid.catalogue.files import Exemption, Mode
from socialaid.db.database import Database
from tests.applications_api.flows import window_clerk
from tests.graphql_client import query_data

CHANGNING = "310105"
AT = "2027-01-05T09:30:12.345678+08:00"
LATER = "2027-01-06T10:00:00+08:00"
DIBAO_REF = {
    "code": "dibao",
    "department": "civil_affairs",
    "mode": "on_application",
    "requires_decision_of": [],
    "promised_working_days": 20,
    "name": "最低生活保障",
    "basis": "《社会救助暂行办法》",
}
# Stored before `approved_as` existed (no key in the group) and before `basis` was kept.
EDUCATION_REF = {
    "code": "education_aid.compulsory",
    "department": "education",
    "mode": "on_application",
    "requires_decision_of": [{"items": ["dibao"], "on_denied": "close"}],
    "promised_working_days": None,
    "name": "义务教育阶段资助",
}
MATERIAL = {
    "material": "id_proof.applicant",
    "evidence": "id_proof",
    "subject": "applicant",
    "subject_path": "applicant",
    "status": "exempt",
    "reason": "已通过共享数据核验",
    "required_by": ["dibao"],
    "reference": "gov-record-1",
    "exempt_via": "shared_data",
    "issuer": "public_security",
}
TRIAGE = {
    "outcome": "escalated",
    "reason": "需多部门共同研究",
    "by": "clerk-310105",
    "at": AT,
    "assigned_by": "joint-meeting",
}
NOTICE = {"kind": "approve", "text": "准予救助", "origin": "platform_default", "label": "默认"}
DECISION = {
    "outcome": "approved",
    "reasons": [],
    "amount": "1510.00",
    "period": "自2027年1月1日起12个月",
    "basis": "《社会救助暂行办法》",
    "documents": [],
    "reference": "case-dibao",
    "recognised_as": ["dibao_family"],
    "starts_on": "2027-01-01",
    "period_months": 12,
    "decided_by": "civil_affairs-310105",
    "decided_at": AT,
    "automatic": False,
    "trigger": None,
}
# A decision stored before `recognised_as` existed.
OLD_DECISION = {key: value for key, value in DECISION.items() if key != "recognised_as"}
RECEIVED = [
    {"note": "前置事项未在本申请中", "items": ["dibao"]},
    {
        "predecessor": "dibao",
        "decision": OLD_DECISION,
        "notice": "准予救助",
        "documents": [],
        "at": LATER,
    },
]
SUPPLEMENT = {
    "materials": ["在读证明"],
    "deadline": "2027-02-01",
    "notice": {"kind": "supplement", "text": "请补正", "origin": "tenant", "label": None},
    "requested_by": "education-310105",
    "requested_at": AT,
    "supplied": ["upload://school"],
    "supplied_at": LATER,
}


async def store_as_before(db: Database) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """An application and two cases written as plain JSON, the way rows were stored so far."""
    application, dibao, education = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    as_json = json.dumps
    async with db.owner_session() as session, session.begin():
        area = await session.scalar(
            text("SELECT path FROM area WHERE tenant_id = :t AND code = 'huayanglu'"),
            {"t": CHANGNING},
        )
        await session.execute(
            text(
                "INSERT INTO application (tenant_id, id, idempotency_key, request_hash, channel,"
                " state, lock_version, owner, submitted_by, applicant_name, area_path, items,"
                " item_refs, form_hash, answers, materials, personal_commitment,"
                " emergency_provisions, lead_department, triage) VALUES (:t, :id, 'legacy',"
                " :hash, 'window', 'accepted', 3, 'citizen-1', 'clerk-310105', '王强', :area,"
                " ARRAY['dibao', 'education_aid.compulsory'], CAST(:refs AS jsonb), :hash,"
                " CAST('{}' AS jsonb), CAST(:materials AS jsonb), false, ARRAY[]::varchar[],"
                " 'civil_affairs', CAST(:triage AS jsonb))"
            ),
            {
                "t": CHANGNING,
                "id": application,
                "hash": "0" * 64,
                "area": area,
                "refs": as_json([DIBAO_REF, EDUCATION_REF]),
                "materials": as_json([MATERIAL]),
                "triage": as_json(TRIAGE),
            },
        )
        insert_case = text(
            "INSERT INTO application_case (tenant_id, id, application_id, item_code, item_name,"
            " item_ref, department, department_name, owner, area_path, state, lock_version,"
            " waiting_on, decision, notice, received, supplement) VALUES (:t, :id, :app, :code,"
            " :name, CAST(:ref AS jsonb), :department, :department_name,"
            " 'citizen-1', :area, :state, 2,"
            " ARRAY[]::varchar[], CAST(:decision AS jsonb), CAST(:notice AS jsonb),"
            " CAST(:received AS jsonb), CAST(:supplement AS jsonb))"
        )
        common = {"t": CHANGNING, "app": application, "area": area}
        await session.execute(
            insert_case,
            {
                **common,
                "id": dibao,
                "code": "dibao",
                "name": "最低生活保障",
                "ref": as_json(DIBAO_REF),
                "department": "civil_affairs",
                "department_name": "长宁区民政局",
                "state": "approved",
                "decision": as_json(DECISION),
                "notice": as_json(NOTICE),
                "received": "[]",
                "supplement": "null",  # what an ORM insert of None stored
            },
        )
        await session.execute(
            insert_case,
            {
                **common,
                "id": education,
                "code": "education_aid.compulsory",
                "name": "义务教育阶段资助",
                "ref": as_json(EDUCATION_REF),
                "department": "education",
                "department_name": "长宁区教育局",
                "state": "supplement_requested",
                "decision": None,  # SQL NULL
                "notice": "null",
                "received": as_json(RECEIVED),
                "supplement": as_json(SUPPLEMENT),
            },
        )
    return application, dibao, education


async def test_a_row_stored_as_plain_json_reads_back_as_records(db: Database) -> None:
    application_id, dibao_id, education_id = await store_as_before(db)
    async with db.owner_session() as session:
        application = await session.get_one(Application, (CHANGNING, application_id))
        dibao = await session.get_one(ApplicationCase, (CHANGNING, dibao_id))
        education = await session.get_one(ApplicationCase, (CHANGNING, education_id))
    china = timezone(timedelta(hours=8))
    at = datetime(2027, 1, 5, 9, 30, 12, 345678, tzinfo=china)

    assert application.state is ApplicationState.ACCEPTED
    assert [ref.item_ref() for ref in application.item_refs] == [
        ItemRef("dibao", "civil_affairs", Mode.ON_APPLICATION, (), 20, "最低生活保障"),
        ItemRef(
            "education_aid.compulsory",
            "education",
            Mode.ON_APPLICATION,
            (DependencyRef(items=("dibao",), on_denied="close", approved_as=None),),
            None,
            "义务教育阶段资助",
        ),
    ]
    assert [ref.basis for ref in application.item_refs] == ["《社会救助暂行办法》", None]
    [material] = application.materials
    assert material.status is MaterialRecordState.EXEMPT
    assert material.exempt_via is Exemption.SHARED_DATA
    assert application.triage is not None
    assert application.triage.outcome is TriageOutcome.ESCALATED
    assert (application.triage.at, application.triage.assigned_by) == (at, "joint-meeting")

    assert dibao.state is CaseState.APPROVED
    assert dibao.decision is not None
    assert dibao.decision.decision() == Decision(
        outcome=Outcome.APPROVED,
        amount=Decimal("1510.00"),
        period="自2027年1月1日起12个月",
        basis="《社会救助暂行办法》",
        reference="case-dibao",
        recognised_as=("dibao_family",),
    )
    assert (dibao.decision.starts_on, dibao.decision.decided_at) == (date(2027, 1, 1), at)
    assert dibao.notice is not None
    assert (dibao.notice.kind, dibao.notice.origin) == (
        NoticeKind.APPROVE,
        TemplateOrigin.PLATFORM_DEFAULT,
    )
    assert (dibao.received, dibao.supplement) == ((), None)

    assert education.state is CaseState.SUPPLEMENT_REQUESTED
    assert (education.decision, education.notice) == (None, None)
    note, forwarded = education.received
    assert isinstance(note, ReceivedNote) and note.items == ("dibao",)
    assert isinstance(forwarded, ReceivedDecision) and forwarded.decision is not None
    assert forwarded.decision.recognised_as == ()  # not stored then: none
    assert education.supplement is not None
    assert education.supplement.deadline == date(2027, 2, 1)
    assert education.supplement.supplied_at == datetime(2027, 1, 6, 10, tzinfo=china)

    # Written again, each reads as it was stored (what was absent comes back at its default).
    assert [ref.to_json() for ref in application.item_refs] == [
        DIBAO_REF,
        {
            **EDUCATION_REF,
            "requires_decision_of": [
                {"items": ["dibao"], "on_denied": "close", "approved_as": None}
            ],
            "basis": None,
        },
    ]
    assert [m.to_json() for m in application.materials] == [MATERIAL]
    assert application.triage.to_json() == TRIAGE
    assert (dibao.decision.to_json(), dibao.notice.to_json()) == (DECISION, NOTICE)
    assert [entry.to_json() for entry in education.received] == [
        RECEIVED[0],
        {**RECEIVED[1], "decision": {**OLD_DECISION, "recognised_as": []}},
    ]
    assert education.supplement.to_json() == SUPPLEMENT


APPLICATION = """query($id: ID!) { application(id: $id) { state
  triage { outcome reason reasons notice { kind } by at assignedBy }
  materials { material status exemptVia subjectPath requiredBy }
  cases { itemCode state
    received { __typename ... on ReceivedNote { note items }
      ... on ReceivedDecision { predecessor notice documents at decision { outcome amount } } }
    decision { outcome amount startsOn periodMonths decidedAt recognisedAs automatic trigger }
    notice { kind text origin label }
    supplement { materials deadline supplied notice { kind text } } } } }"""


async def test_a_row_stored_as_plain_json_reads_through_the_api_as_it_was_stored(
    db: Database,
) -> None:
    application_id, _, _ = await store_as_before(db)
    clerk = await window_clerk(db, CHANGNING, "huayanglu")
    data = await query_data(db, APPLICATION, {"id": str(application_id)}, actor=clerk)
    read: dict[str, Any] = data["application"]
    assert (read["state"], read["triage"]) == (
        "ACCEPTED",
        {
            "outcome": "ESCALATED",
            "reason": "需多部门共同研究",
            "reasons": None,
            "notice": None,
            "by": "clerk-310105",
            "at": AT,
            "assignedBy": "joint-meeting",
        },
    )
    assert read["materials"] == [
        {
            "material": "id_proof.applicant",
            "status": "EXEMPT",
            "exemptVia": "SHARED_DATA",
            "subjectPath": "applicant",
            "requiredBy": ["dibao"],
        }
    ]
    dibao, education = read["cases"]
    assert dibao == {
        "itemCode": "dibao",
        "state": "APPROVED",
        "received": [],
        "decision": {
            "outcome": "APPROVED",
            "amount": "1510.00",
            "startsOn": "2027-01-01",
            "periodMonths": 12,
            "decidedAt": AT,
            "recognisedAs": ["dibao_family"],
            "automatic": False,
            "trigger": None,
        },
        "notice": {
            "kind": "APPROVE",
            "text": "准予救助",
            "origin": "PLATFORM_DEFAULT",
            "label": "默认",
        },
        "supplement": None,
    }
    assert education["received"] == [
        {"__typename": "ReceivedNote", "note": "前置事项未在本申请中", "items": ["dibao"]},
        {
            "__typename": "ReceivedDecision",
            "predecessor": "dibao",
            "notice": "准予救助",
            "documents": [],
            "at": LATER,
            "decision": {"outcome": "APPROVED", "amount": "1510.00"},
        },
    ]
    assert education["supplement"] == {
        "materials": ["在读证明"],
        "deadline": "2027-02-01",
        "supplied": ["upload://school"],
        "notice": {"kind": "SUPPLEMENT", "text": "请补正"},
    }
