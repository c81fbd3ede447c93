"""A timeline entry's details are typed per kind (TimelineDetails), and the deprecated JSON `data`
still says the same for one release."""

from __future__ import annotations

from datetime import date
from typing import Any

from socialaid.applications.graphql.timeline_details import details_of
from socialaid.applications.timeline import TimelineKind
from socialaid.db.database import Database
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    shanghai_answers,
    window_clerk,
)
from tests.applications_api.flows import accept as accept_by
from tests.graphql_client import query_data
from tests.identity_numbers import id_number

CHANGNING = "310105"
TIMELINE = """query($id: ID!) { application(id: $id) { timeline { kind item data details {
  __typename
  ... on TimelineSubmitted { channel items }
  ... on TimelineCaseOpened { waitingOn }
  ... on TimelineDecided { notice decision { outcome amount periodMonths } }
  ... on TimelineDecisionReceived { predecessor outcome }
} } } }"""


async def timeline_after_dibao_approved(db: Database) -> list[dict[str, Any]]:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    accepted = await accept_by(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    dibao = await acknowledge(db, civil, case_of(accepted, "dibao"))
    assert (await decide(db, civil, dibao, "APPROVED"))["errors"] == []
    data = await query_data(db, TIMELINE, {"id": accepted["id"]}, actor=citizen)
    timeline: list[dict[str, Any]] = data["application"]["timeline"]
    return timeline


def entry(timeline: list[dict[str, Any]], kind: str, item: str | None) -> dict[str, Any]:
    return next(e for e in timeline if e["kind"] == kind and e["item"] == item)


async def test_each_kind_that_records_details_reads_them_as_its_own_type(db: Database) -> None:
    timeline = await timeline_after_dibao_approved(db)

    assert entry(timeline, "APPLICATION_SUBMITTED", None)["details"] == {
        "__typename": "TimelineSubmitted",
        "channel": "ONLINE",
        "items": ["dibao", "education_aid.compulsory", "legal_aid"],
    }
    assert entry(timeline, "CASE_OPENED", "dibao")["details"] == {
        "__typename": "TimelineCaseOpened",
        "waitingOn": [],
    }
    assert entry(timeline, "CASE_WAITING", "education_aid.compulsory")["details"] == {
        "__typename": "TimelineCaseOpened",
        "waitingOn": ["dibao"],
    }
    approved = entry(timeline, "CASE_APPROVED", "dibao")["details"]
    assert approved["__typename"] == "TimelineDecided"
    assert approved["decision"] == {"outcome": "APPROVED", "amount": "1510.00", "periodMonths": 12}
    assert approved["notice"]
    assert entry(timeline, "CASE_DECISION_RECEIVED", "education_aid.compulsory")["details"] == {
        "__typename": "TimelineDecisionReceived",
        "predecessor": "dibao",
        "outcome": "APPROVED",
    }


async def test_kinds_without_details_have_none_and_the_deprecated_data_stays(
    db: Database,
) -> None:
    timeline = await timeline_after_dibao_approved(db)

    assert entry(timeline, "APPLICATION_ACCEPTED", None)["details"] is None
    assert entry(timeline, "CASE_ACKNOWLEDGED", "dibao")["details"] is None
    assert entry(timeline, "APPLICATION_SUBMITTED", None)["data"] == {
        "channel": "online",
        "items": ["dibao", "education_aid.compulsory", "legal_aid"],
    }


def test_a_row_written_without_a_kinds_keys_has_no_details_rather_than_an_error() -> None:
    assert details_of(TimelineKind.CASE_CLOSED, {}) is None
    assert details_of(TimelineKind.CASE_SUPPLEMENT_REQUESTED, {"materials": ["x"]}) is None


def test_the_supplement_request_details_read_the_deadline_as_a_date() -> None:
    details = details_of(
        TimelineKind.CASE_SUPPLEMENT_REQUESTED,
        {"materials": ["收入证明"], "deadline": "2027-01-15"},
    )
    assert details is not None
    assert (details.materials, details.deadline) == (  # type: ignore[union-attr]
        ["收入证明"],
        date(2027, 1, 15),
    )


def test_a_joint_meeting_assignment_lists_each_item_with_its_department() -> None:
    details = details_of(
        TimelineKind.APPLICATION_ASSIGNED,
        {
            "lead": "civil_affairs",
            "departments": {"legal_aid": "justice", "dibao": "civil_affairs"},
        },
    )
    assert details is not None
    assert details.lead_department == "civil_affairs"  # type: ignore[union-attr]
    assert [(d.item, d.department) for d in details.departments] == [  # type: ignore[union-attr]
        ("dibao", "civil_affairs"),
        ("legal_aid", "justice"),
    ]
