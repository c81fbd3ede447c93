"""The example operations run against the served API over HTTP (and WebSocket for the subscription)
with a token of the role whose folder holds them, and answer without errors: they are working
examples, not only valid ones. Each step names the example file when it fails."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect

from socialaid.access.tokens import mint_token
from socialaid.api.app import create_app
from socialaid.applications.notifications import ApplicationUpdates
from socialaid.clock import today_in_china
from socialaid.db.database import Database
from tests.applications_api.flows import SHANGHAI_FAMILY, shanghai_answers
from tests.conftest import test_settings
from tests.examples.example_operations import operation
from tests.identity_numbers import id_number
from tests.materials.files import pdf, sha256
from tests.test_http import on_loopback

CHANGNING = "310105"
AREA = "huayanglu"
APPLICANT_ID_NUMBER = id_number("310105", date(1982, 4, 2), 131)


@dataclass(frozen=True)
class Served:
    http: str
    ws: str


@pytest.fixture
async def served(db: Database) -> AsyncIterator[Served]:
    updates = ApplicationUpdates()
    await updates.start(db.owner_url)
    app = create_app(db, test_settings(), application_updates=updates)
    async with on_loopback(app) as address:
        yield Served(f"http://{address}/graphql", f"ws://{address}/graphql")
    await updates.stop()


def token(role: str, user: str, departments: tuple[str, ...] = (), area: str | None = None) -> str:
    return mint_token(
        test_settings(),
        user=user,
        tenant=CHANGNING,
        roles=[role],
        departments=departments,
        area=area,
    )


class Frontend:
    """A frontend of one role: sends example operations by name, as written in examples/."""

    def __init__(self, client: httpx.AsyncClient, url: str, bearer: str | None) -> None:
        self.client, self.url, self.bearer = client, url, bearer

    async def run(self, name: str, **variables: Any) -> dict[str, Any]:
        example = operation(name)
        headers = {"Authorization": f"Bearer {self.bearer}"} if self.bearer else {}
        body = {"query": example.document, "variables": variables, "operationName": name}
        response = await self.client.post(self.url, json=body, headers=headers)
        answer = response.json()
        assert response.status_code == 200 and not answer.get("errors"), (
            f"{example.where} answered {response.status_code}: {answer}"
        )
        data: dict[str, Any] = answer["data"]
        # A mutation's own refusals are in its payload, not in `errors`.
        for field, payload in data.items():
            if isinstance(payload, dict):
                refused = payload.get("errors") or payload.get("fieldErrors")
                assert not refused, f"{example.where}: {field} refused: {refused}"
        return data


def ids(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in connection["edges"]]


async def uploads(frontend: Frontend, items: list[str], answers: dict[str, Any]) -> list[Any]:
    """The form and the check, as a frontend runs them: an upload for every material asked for."""
    form = (await frontend.run("ApplicationForm", tenant=CHANGNING, items=items))["applicationForm"]
    check = (await frontend.run("ApplicationFormCheck", hash=form["hash"], answers=answers))[
        "applicationFormCheck"
    ]
    assert check["ok"] is True
    return [
        {
            "material": m["material"],
            "subject": m["subjectPath"],
            "reference": await upload(frontend, f"{m['material']} {m['subjectPath']}"),
        }
        for m in check["materials"]
        if m["status"] == "UPLOAD_REQUIRED"
    ]


async def upload(frontend: Frontend, text: str) -> str:
    """A scan (a one-page PDF) staged as a frontend does it: create, PUT, complete."""
    data = pdf(text)
    declared = {
        "tenant": CHANGNING,
        "fileName": "扫描件.pdf",
        "contentType": "application/pdf",
        "byteSize": len(data),
        "sha256": sha256(data),
    }
    staged = (await frontend.run("MaterialUploadCreate", input=declared))["materialUploadCreate"]
    put = await frontend.client.put(
        staged["upload"]["url"], content=data, headers=staged["upload"]["headers"]
    )
    assert put.status_code == 200, put.text
    completed = (
        await frontend.run("MaterialUploadComplete", input={"id": staged["upload"]["id"]})
    )["materialUploadComplete"]
    assert completed["upload"]["state"] == "COMPLETE"
    upload_id: str = completed["upload"]["id"]
    return upload_id


async def applicant_submits(client: httpx.AsyncClient, served: Served) -> dict[str, Any]:
    """The applicant's examples in order: the form, the check, the submission."""
    citizen = Frontend(client, served.http, token("applicant", "citizen-1"))
    answers = shanghai_answers(APPLICANT_ID_NUMBER)
    submission = {
        "tenant": CHANGNING,
        "channel": "ONLINE",
        "items": SHANGHAI_FAMILY,
        "answers": answers,
        "idempotencyKey": "examples-1",
        "materials": await uploads(citizen, SHANGHAI_FAMILY, answers),
        "area": AREA,
    }
    submitted = (await citizen.run("ApplicationSubmit", input=submission))["applicationSubmit"]
    application: dict[str, Any] = submitted["application"]
    assert submitted["replayed"] is False
    assert application["state"] == "SUBMITTED"
    assert set(application["items"]) >= set(SHANGHAI_FAMILY)
    return application


async def test_the_applicant_examples_run_from_the_catalogue_to_the_subscription(
    served: Served,
) -> None:
    async with httpx.AsyncClient(timeout=60) as client:
        anonymous = Frontend(client, served.http, None)
        tenants = (await anonymous.run("Tenants"))["tenants"]
        assert CHANGNING in {t["code"] for t in tenants}
        changning = (await anonymous.run("TenantDetail", code=CHANGNING))["tenant"]
        assert AREA in {a["code"] for a in changning["areas"]}
        catalogue = (await anonymous.run("Catalogue", tenant=CHANGNING))["catalogue"]
        assert set(SHANGHAI_FAMILY) <= {item["code"] for item in catalogue["items"]}
        found = await anonymous.run("Catalogue", tenant=CHANGNING, filter={"keyword": "最低生活"})
        assert "dibao" in {item["code"] for item in found["catalogue"]["items"]}
        guide = (await anonymous.run("CatalogueItemDetail", tenant=CHANGNING, code="dibao"))["item"]
        assert guide["code"] == "dibao" and guide["materials"]
        # 2025 from the chinese-calendar package: 国庆节 1-8 October, 28 September worked.
        calendar = await anonymous.run("WorkingCalendar", tenant=CHANGNING, year=2025)
        national_day = [h["date"] for h in calendar["workingCalendar"]["holidays"]]
        assert "2025-10-08" in national_day and "2025-09-28" not in national_day
        assert "2025-09-28" in calendar["workingCalendar"]["adjustedWorkdays"]

        application = await applicant_submits(client, served)

        citizen = Frontend(client, served.http, token("applicant", "citizen-1"))
        me = (await citizen.run("Me"))["me"]
        assert (me["userId"], me["roles"]) == ("citizen-1", ["APPLICANT"])
        mine = (await citizen.run("MyApplications", tenant=CHANGNING))["applications"]
        assert ids(mine) == [application["id"]]
        detail = (await citizen.run("ApplicationDetail", id=application["id"]))["application"]
        assert detail["id"] == application["id"] and detail["cases"] == []

    subscription = operation("ApplicationUpdated")
    bearer = f"Bearer {token('applicant', 'citizen-1')}"
    # As a browser must: the token in connection_init's payload, no header on the upgrade.
    async with connect(
        served.ws,
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": bearer}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "connection_ack"
        variables = {"id": application["id"]}
        payload = {"query": subscription.document, "variables": variables}
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        pushed = json.loads(await asyncio.wait_for(ws.recv(), 10))
    assert pushed["type"] == "next" and not pushed["payload"].get("errors"), (
        f"{subscription.where}: {pushed}"
    )
    assert pushed["payload"]["data"]["applicationUpdated"]["state"] == "SUBMITTED"


async def test_the_office_roles_examples_run_from_the_one_door_to_the_audit(
    served: Served,
) -> None:
    async with httpx.AsyncClient(timeout=60) as client:
        application = await applicant_submits(client, served)

        def frontend(bearer: str) -> Frontend:
            return Frontend(client, served.http, bearer)

        adviser = frontend(token("adviser", "adviser-1", area=AREA))
        open_here = (await adviser.run("AreaApplications", tenant=CHANGNING))["applications"]
        assert application["id"] in ids(open_here)

        clerk = frontend(token("window_clerk", "clerk-1", area=AREA))
        queue = (await clerk.run("TriageQueue", tenant=CHANGNING))["applications"]
        assert application["id"] in ids(queue)
        version = {"id": application["id"], "lockVersion": application["lockVersion"]}
        accepted = (await clerk.run("ApplicationTriageAccept", input=version))[
            "applicationTriageAccept"
        ]["application"]
        assert accepted["state"] == "ACCEPTED"

        worker = frontend(token("caseworker", "civil-1", departments=("civil_affairs",)))
        filter = {"tenant": CHANGNING, "department": "civil_affairs", "status": ["READY"]}
        ready = (await worker.run("DepartmentCases", filter=filter))["cases"]
        dibao = next(e["node"] for e in ready["edges"] if e["node"]["itemCode"] == "dibao")
        case_file = (await worker.run("CaseFile", id=application["id"]))["application"]
        assert case_file["answers"]["applicant"]["id_number"] == APPLICANT_ID_NUMBER
        taken = (
            await worker.run(
                "CaseAcknowledge", input={"id": dibao["id"], "lockVersion": dibao["lockVersion"]}
            )
        )["caseAcknowledge"]["case"]
        assert taken["state"] == "ACKNOWLEDGED"

        approver = frontend(token("approver", "approver-1", departments=("civil_affairs",)))
        queues = await approver.run("ApprovalQueue", tenant=CHANGNING, department="civil_affairs")
        assert ids(queues["awaiting"]) == [dibao["id"]]
        decision = {
            "id": dibao["id"],
            "lockVersion": taken["lockVersion"],
            "outcome": "APPROVED",
            "amount": "1510.00",
            "periodMonths": 12,
            "startsOn": "2027-01-01",
        }
        decided = (await approver.run("CaseDecide", input=decision))["caseDecide"]
        assert decided["case"]["state"] == "APPROVED"
        assert decided["case"]["decision"]["amount"] == "1510.00"

        analyst = frontend(token("analyst", "analyst-1"))
        load = (await analyst.run("CaseLoad", tenant=CHANGNING))["cases"]
        assert dibao["id"] in ids(load)
        apps = (await analyst.run("ApplicationLoad", tenant=CHANGNING))["applications"]
        assert ids(apps) == [application["id"]]
        saved = await analyst.run("FormReduction", tenant=CHANGNING, items=SHANGHAI_FAMILY)
        reduction = saved["applicationForm"]["reduction"]
        assert reduction["fieldsAfter"] < reduction["fieldsBefore"]

        auditor = frontend(token("auditor", "auditor-1"))
        filter = {"tenant": CHANGNING, "application": application["id"]}
        events = (await auditor.run("AuditEvents", filter=filter))["auditEvents"]
        assert events["edges"]
        history = (await auditor.run("ApplicationHistory", id=application["id"]))[
            "applicationHistory"
        ]
        assert history["applicationId"] == application["databaseId"]
        assert history["eventsConnection"]["edges"]
        person = (await auditor.run("PersonHistory", idNumber=APPLICANT_ID_NUMBER))["personHistory"]
        assert application["databaseId"] in {
            edge["node"]["applicationId"] for edge in person["applicationsConnection"]["edges"]
        }
        verified = (await auditor.run("AuditVerify", tenant=CHANGNING))["auditVerify"]
        assert verified["ok"] is True

        admin = frontend(token("tenant_admin", "admin-1"))
        grant = {"tenant": CHANGNING, "userId": "analyst-2", "role": "ANALYST"}
        granted = (await admin.run("RoleGrant", input=grant))["roleGrant"]["assignment"]
        assert (granted["userId"], granted["role"]) == ("analyst-2", "ANALYST")
        assignments = (await admin.run("RoleAssignments", tenant=CHANGNING))["roleAssignments"]
        assert ("analyst-2", "ANALYST") in {
            (e["node"]["userId"], e["node"]["role"]) for e in assignments["edges"]
        }
        diff = (await admin.run("CatalogueDiff", tenant=CHANGNING))["catalogueDiff"]
        assert diff["tenant"]["code"] == CHANGNING
        await admin.run("EmergencyProvisions", tenant=CHANGNING)

        meeting = frontend(token("joint_meeting", "meeting-1"))
        escalated = (await meeting.run("EscalatedApplications", tenant=CHANGNING))["applications"]
        assert ids(escalated) == []

        system = frontend(token("integration", "system-1"))
        record = {
            "tenant": CHANGNING,
            "evidence": "hukou_booklet",
            "subjectIdNumber": APPLICANT_ID_NUMBER,
            "issuer": "公安机关户籍管理",
        }
        pushed = (await system.run("SharedRecordUpsert", input=record))["sharedRecordUpsert"]
        assert pushed["record"]["subjectHint"] == APPLICANT_ID_NUMBER[-4:]
        followed = (await system.run("IntegrationCases", tenant=CHANGNING))["cases"]
        assert dibao["id"] in ids(followed)
        hook = {
            "tenant": CHANGNING,
            "url": "https://mz.example.cn/socialaid",
            "events": ["CASE_READY"],
        }
        created = await system.run("WebhookSubscriptionCreate", input=hook)
        subscribed = created["webhookSubscriptionCreate"]
        assert subscribed["errors"] == [] and subscribed["secret"].startswith("whsec_")
        subscription = subscribed["subscription"]["id"]
        sent = await system.run("WebhookDeliveries", subscription=subscription)
        assert sent["webhookDeliveries"]["totalCount"] == 0  # subscribed after the case was ready


async def test_the_supplement_withdrawal_override_and_hotline_examples_run(
    served: Served,
) -> None:
    async with httpx.AsyncClient(timeout=60) as client:
        application = await applicant_submits(client, served)
        citizen = Frontend(client, served.http, token("applicant", "citizen-1"))
        clerk = Frontend(client, served.http, token("window_clerk", "clerk-1", area=AREA))
        version = {"id": application["id"], "lockVersion": application["lockVersion"]}
        accepted = (await clerk.run("ApplicationTriageAccept", input=version))[
            "applicationTriageAccept"
        ]["application"]
        dibao = next(c for c in accepted["cases"] if c["itemCode"] == "dibao")

        worker = Frontend(
            client, served.http, token("caseworker", "civil-1", departments=("civil_affairs",))
        )
        taken = (
            await worker.run(
                "CaseAcknowledge", input={"id": dibao["id"], "lockVersion": dibao["lockVersion"]}
            )
        )["caseAcknowledge"]["case"]
        request = {
            "id": taken["id"],
            "lockVersion": taken["lockVersion"],
            "materials": ["hukou_booklet.household"],
            "deadline": "2027-02-01",
        }
        asked = (await worker.run("CaseSupplementRequest", input=request))["caseSupplementRequest"][
            "case"
        ]
        assert asked["state"] == "SUPPLEMENT_REQUESTED"
        assert asked["supplement"]["deadline"] == "2027-02-01"
        provided = (
            await citizen.run(
                "CaseSupplementProvide",
                input={
                    "id": asked["id"],
                    "lockVersion": asked["lockVersion"],
                    "references": [await upload(citizen, "hukou page 2")],
                },
            )
        )["caseSupplementProvide"]["case"]
        assert provided["state"] == "ACKNOWLEDGED"

        detail = (await citizen.run("ApplicationDetail", id=application["id"]))["application"]
        withdrawal = {
            "id": detail["id"],
            "lockVersion": detail["lockVersion"],
            "reason": "情况好转",
        }
        withdrawn = (await citizen.run("ApplicationWithdraw", input=withdrawal))[
            "applicationWithdraw"
        ]["application"]
        assert withdrawn["state"] == "WITHDRAWN"

        admin = Frontend(client, served.http, token("tenant_admin", "admin-1"))
        override = {
            "tenant": CHANGNING,
            "code": "dibao",
            "patch": {"time_limits": {"statutory_working_days": None, "promised_working_days": 12}},
            "effectiveFrom": today_in_china().isoformat(),
            "reason": "本区承诺办结时限",
        }
        await admin.run("CatalogueOverrideSet", input=override)
        diff = (await admin.run("CatalogueDiff", tenant=CHANGNING))["catalogueDiff"]
        assert "dibao" in {o["code"] for o in diff["overrides"]}
        anonymous = Frontend(client, served.http, None)
        guide = (await anonymous.run("CatalogueItemDetail", tenant=CHANGNING, code="dibao"))["item"]
        assert guide["timeLimit"]["promisedWorkingDays"] == 12

        hotline = Frontend(client, served.http, token("integration", "hotline-12345"))
        caller_id = id_number("310105", date(1979, 6, 1), 257)
        answers = shanghai_answers(caller_id, members=1)
        call = {
            "tenant": CHANGNING,
            "channel": "HOTLINE_12345",
            "items": ["legal_aid"],
            "answers": answers,
            "materials": await uploads(hotline, ["legal_aid"], answers),
            "idempotencyKey": "hotline-1",
            "onBehalfOf": "citizen-3",
            "area": AREA,
        }
        filed = (await hotline.run("HotlineApplicationSubmit", input=call))["applicationSubmit"][
            "application"
        ]
        assert filed["state"] == "SUBMITTED"


async def test_the_parameter_and_screening_examples_run(served: Served) -> None:
    """Changning's admin sets its dibao standard (1510 元/人·月, a TEST VALUE), anyone reads it,
    an adviser screens a family with it and asks what to ask next."""
    async with httpx.AsyncClient(timeout=60) as client:
        admin = Frontend(client, served.http, token("tenant_admin", "admin-1"))
        values = {
            "tenant": CHANGNING,
            "key": "dibao_standard",
            "value": 1510,
            "effectiveFrom": today_in_china().isoformat(),
            "source": "测试用取值（非政策事实）",
            "reason": "示例",
        }
        set_ = (await admin.run("TenantParameterSet", input=values))["tenantParameterSet"]
        assert set_["parameter"]["valueOrigin"] == "SET"
        anonymous = Frontend(client, served.http, None)
        listed = (await anonymous.run("Parameters", tenant=CHANGNING))["parameters"]
        assert next(p for p in listed if p["key"] == "dibao_standard")["value"] == 1510
        adviser = Frontend(client, served.http, token("adviser", "adviser-1", area=AREA))
        family = {
            "applicant": {"shanghai_hukou": True},
            "household": {"size": 3, "per_capita_monthly_income": 800},
        }
        [dibao] = (
            await adviser.run(
                "EligibilityScreen", tenant=CHANGNING, answers=family, items=["dibao"]
            )
        )["eligibilityScreen"]
        assert (dibao["outcome"], dibao["estimate"]["amount"]) == ("LIKELY", 2130)  # (1510−800)×3
        asked = (await adviser.run("ScreeningQuestions", tenant=CHANGNING, answers={}, first=3))[
            "screeningQuestions"
        ]
        assert asked[0]["key"] == "applicant.shanghai_hukou"
