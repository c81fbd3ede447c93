"""Issue 19's "done when", with the real worker on the test database: the deadline job reminds a
case's department before the deadline and marks the case overdue after it (the 补正 it waits on
lapsed on the way); the applicant's notifications reach the development sink and
`Application.notifications` in the order the steps happened. The job's clock is set by the test;
nothing waits for a real deadline.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.applications.jobs import DEADLINE_SCAN
from socialaid.clock import CHINA
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.notifications.channels import read_sink
from socialaid.worker_jobs import job_registry
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    shanghai_answers,
    window_clerk,
)
from tests.conftest import test_settings
from tests.graphql_client import principal, query_data
from tests.identity_numbers import id_number
from tests.jobs.worker import eventually, make_due_now, running_worker
from tests.today import TODAY_ISO
from tests.webhooks.helpers import deliveries, subscribe

CHANGNING = "310105"
APPLICANT_ID = id_number("310105", date(1982, 4, 2), 131)

OVERRIDE = """mutation($i: CatalogueOverrideSetInput!) { catalogueOverrideSet(input: $i) {
  errors { code path } } }"""
SUPPLEMENT = """mutation($i: CaseSupplementRequestInput!) { caseSupplementRequest(input: $i) {
  errors { code message path } case { supplement { deadline } } } }"""
NOTIFICATIONS = """query($id: ID!) { application(id: $id) {
  notifications { channel kind text status sentAt } } }"""
DIBAO = """query($id: ID!) { application(id: $id) {
  cases { itemCode itemName dueAt overdueMarkedAt deadlineRemindedAt supplement { deadline lapsedAt } }
  timeline { kind item department } } }"""


def sink_settings(tmp_path: Path) -> Settings:
    return test_settings(notification_sink_file=tmp_path / "sink.jsonl")


async def dibao_promised_in(db: Database, working_days: int) -> None:
    admin = await principal(db, user="admin", tenant=CHANGNING, roles=[Role.TENANT_ADMIN])
    values = {
        "tenant": CHANGNING,
        "code": "dibao",
        "patch": {"time_limits": {"promised_working_days": working_days}},
        "effectiveFrom": TODAY_ISO,
        "reason": "本区承诺办结时限",
    }
    payload = await query_data(db, OVERRIDE, {"i": values}, actor=admin)
    assert payload["catalogueOverrideSet"]["errors"] == []


async def dibao_waiting_for_a_supplement(db: Database) -> tuple[Principal, dict[str, Any]]:
    """An application whose 低保 case is acknowledged and waits for a 补正 of 2 working days."""
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(APPLICANT_ID)
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    worker = await caseworker(db, CHANGNING, "civil_affairs")
    dibao = await acknowledge(db, worker, case_of(accepted, "dibao"))
    request = {
        "id": dibao["id"],
        "lockVersion": dibao["lockVersion"],
        "materials": ["户口簿"],
        "workingDays": 2,
    }
    payload = (await query_data(db, SUPPLEMENT, {"i": request}, actor=worker))[
        "caseSupplementRequest"
    ]
    assert payload["errors"] == []
    return citizen, accepted


async def dibao_now(db: Database, application_id: str) -> dict[str, Any]:
    worker = await caseworker(db, CHANGNING, "civil_affairs")
    data = (await query_data(db, DIBAO, {"id": application_id}, actor=worker))["application"]
    return {"case": case_of(data, "dibao"), "timeline": data["timeline"]}


async def all_delivered(db: Database) -> bool:
    async with db.owner_session() as session:
        count = await session.scalar(
            text("SELECT count(*) FROM notification WHERE status <> 'sent'")
        )
    return bool(count == 0)


async def case_marked(db: Database, column: str) -> bool:
    async with db.owner_session() as session:
        found = await session.scalar(
            text(f"SELECT count(*) FROM application_case WHERE {column} IS NOT NULL")
        )
    return bool(found)


def at_ten(day: date) -> datetime:
    return datetime.combine(day, time(10), tzinfo=CHINA)


async def test_the_worker_reminds_the_department_then_marks_the_case_overdue_and_tells_the_applicant(
    db: Database, tmp_path: Path
) -> None:
    settings = sink_settings(tmp_path)
    registry = job_registry(settings)
    await dibao_promised_in(db, 5)
    citizen, accepted = await dibao_waiting_for_a_supplement(db)
    application_id = accepted["id"]
    # Changning's civil-affairs system listens for overdue cases (delivered or not, the job
    # queues the event in the transaction that marks the case).
    system = await principal(
        db,
        user="mz-system",
        tenant=CHANGNING,
        roles=[Role.INTEGRATION],
        departments=["civil_affairs"],
    )
    listening, _ = await subscribe(
        db, system, CHANGNING, "http://127.0.0.1:9/hook", ["CASE_OVERDUE"]
    )
    before = await dibao_now(db, application_id)
    due = datetime.fromisoformat(before["case"]["dueAt"])
    supplement_deadline = date.fromisoformat(before["case"]["supplement"]["deadline"])
    assert supplement_deadline < due.date()
    # The job's clock: the morning of the due day (within 3 working days of it, the default
    # reminder), then the morning after it.
    now = [at_ten(due.date())]

    await make_due_now(db, registry, DEADLINE_SCAN)
    async with running_worker(db, settings, lambda: now[0], registry):
        await eventually(lambda: case_marked(db, "reminded_at"), "remind the department")
        await eventually(lambda: all_delivered(db), "deliver the notifications")

    reminded = await dibao_now(db, application_id)
    assert reminded["case"]["overdueMarkedAt"] is None
    assert datetime.fromisoformat(reminded["case"]["deadlineRemindedAt"]) == now[0]
    # The 补正 of 2 working days ended before the due day: it lapsed, nothing else.
    assert datetime.fromisoformat(reminded["case"]["supplement"]["lapsedAt"]) == now[0]
    assert {"kind": "CASE_DEADLINE_REMINDER", "item": "dibao", "department": "civil_affairs"} in (
        reminded["timeline"]
    )

    now[0] = at_ten(due.date() + timedelta(days=1))
    await make_due_now(db, registry, DEADLINE_SCAN)
    async with running_worker(db, settings, lambda: now[0], registry):
        await eventually(lambda: case_marked(db, "overdue_at"), "mark the case overdue")
        await eventually(lambda: all_delivered(db), "deliver the apology")

    overdue = await dibao_now(db, application_id)
    assert datetime.fromisoformat(overdue["case"]["overdueMarkedAt"]) == now[0]
    told = await deliveries(db, system, listening)
    assert [(d["event"], d["data"]["item"], d["data"]["dueAt"]) for d in told] == [
        ("CASE_OVERDUE", "dibao", due.isoformat())
    ]
    assert {"kind": "CASE_OVERDUE", "item": "dibao", "department": "civil_affairs"} in (
        overdue["timeline"]
    )
    dibao_name = overdue["case"]["itemName"]
    expected_kinds = ["SUBMITTED", "ACCEPTED", "SUPPLEMENT_REQUESTED", "OVERDUE"]

    sink = [m for m in read_sink(settings.sink_file) if m["to"] == citizen.user_id]
    assert [m["kind"] for m in sink] == [k.lower() for k in expected_kinds]
    read = (await query_data(db, NOTIFICATIONS, {"id": application_id}, actor=citizen))[
        "application"
    ]["notifications"]
    assert [n["kind"] for n in read] == expected_kinds
    assert [n["text"] for n in read] == [m["text"] for m in sink]
    assert {(n["channel"], n["status"]) for n in read} == {("SINK", "SENT")}
    assert all(n["sentAt"] is not None for n in read)
    assert read[2]["text"] == (
        f"您申请的“{dibao_name}”需补正材料：户口簿。请于{supplement_deadline.isoformat()}前提交。"
    )
    assert read[3]["text"] == (
        f"您申请的“{dibao_name}”未能在承诺时限内办结，我们深表歉意，区民政局正在抓紧办理。"
    )
    assert all(APPLICANT_ID not in n["text"] for n in read)
