"""Every mutation in the schema leaves audit events in its own transaction (the very transaction
of its change, where a changed row remains to compare with); a failed one refuses, never crashes,
and leaves none.

The mutations come from the schema, so a new one without an entry in MUTATION_CALLS fails here.
An entry is a valid and an invalid call: each may prepare what it needs with ordinary calls,
then makes exactly one call through `run`, which tags it with a request id and a client address
so its events can be told from the preparation's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import uuid4

import pytest
from graphql import GraphQLNonNull, get_named_type
from sqlalchemy import text
from starlette.requests import Request

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from socialaid.errors import ErrorCode
from socialaid.kernel.context import Context
from tests.access.people import person
from tests.applications_api.flows import (
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    read,
    shanghai_answers,
    submission,
    uploads_for,
    window_clerk,
)
from tests.conftest import test_settings
from tests.discovery.http import hospital_bill
from tests.discovery.stage import ADVISER as LEAD_ADVISER
from tests.discovery.stage import SYSTEM as TAG_SYSTEM
from tests.discovery.stage import a_lead, conversion
from tests.graphql_client import default_schema, principal, query_data
from tests.identity_numbers import id_number
from tests.materials.stored_uploads import PDF, completed_upload
from tests.today import THIS_MORNING, TODAY_ISO
from tests.webhooks.helpers import subscribe

CLIENT = "203.0.113.7"
SHANGHAI_ADMIN = person("310000", Role.TENANT_ADMIN, user="admin-sh")
CHANGNING_ADMIN = person("310105", Role.TENANT_ADMIN, user="admin-cn")
SHANXI_SYSTEM = person("140000", Role.INTEGRATION, user="system-sx")


def mutation_fields() -> dict[str, Any]:
    root = default_schema()._schema.mutation_type
    assert root is not None
    return dict(root.fields)


def mutation_text(name: str) -> str:
    """`name(input: $i) { errors { code message } }` for a mutation with one input argument."""
    argument = mutation_fields()[name].args["input"]
    input_type = get_named_type(argument.type).name
    bang = "!" if isinstance(argument.type, GraphQLNonNull) else ""
    return (
        f"mutation($i: {input_type}{bang}) {{ {name}(input: $i) {{ errors {{ code message }} }} }}"
    )


@dataclass
class Operation:
    """The one call under test: run through the real schema with a known request and client."""

    db: Database
    request_id: str = field(default_factory=lambda: uuid4().hex)
    calls: int = 0
    events_before: int = 0

    async def __call__(
        self, name: str, values: dict[str, Any], actor: Principal
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Run mutation `name` with input `values`; return (payload errors, GraphQL errors)."""
        self.calls += 1
        self.events_before = await event_count(self.db)
        request = Request(
            {
                "type": "http",
                "method": "POST",
                "path": "/graphql",
                "headers": [],
                "query_string": b"",
                "client": (CLIENT, 40000),
            }
        )
        context = Context(
            db=self.db,
            settings=test_settings(),
            request=request,
            principal=actor,
            request_id=self.request_id,
        )
        result = await default_schema().execute(
            mutation_text(name), variable_values={"i": values}, context_value=context
        )
        payload = (result.data or {}).get(name) or {}
        return list(payload.get("errors") or []), [e.formatted for e in result.errors or []]


async def prepare(db: Database, name: str, values: dict[str, Any], actor: Principal) -> Any:
    """An ordinary call that sets the stage (not the one under test)."""
    query = mutation_text(name).replace("errors { code message }", "__typename")
    fields = {
        "catalogueDraftNewVersion": "itemVersion { version lockVersion }",
        "catalogueDraftUpdate": "itemVersion { version lockVersion }",
        "materialUploadCreate": "upload { id }",
    }
    if name in fields:
        query = query.replace("__typename", fields[name] + " errors { code }")
    return (await query_data(db, query, {"i": values}, actor=actor))[name]


async def succeeds(run: Operation, name: str, values: dict[str, Any], actor: Principal) -> None:
    errors, graphql_errors = await run(name, values, actor)
    assert (errors, graphql_errors) == ([], []), f"{name} should have succeeded"


def crashes(graphql_errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The errors that are not refusals: a masked crash ("Unexpected error.") carries no code."""
    refusals = {code.value for code in ErrorCode}
    return [e for e in graphql_errors if (e.get("extensions") or {}).get("code") not in refusals]


async def fails(run: Operation, name: str, values: dict[str, Any], actor: Principal) -> None:
    errors, graphql_errors = await run(name, values, actor)
    assert errors or graphql_errors, f"{name} should have failed"
    # A crash also writes nothing, but it is a bug, not the refusal this call is meant to show.
    assert crashes(graphql_errors) == [], f"{name} crashed instead of refusing"


Call = Callable[[Database, Operation], Awaitable[None]]


@dataclass(frozen=True)
class MutationCalls:
    valid: Call
    invalid: Call


# -- access ---------------------------------------------------------------------------------

GRANT = {"tenant": "310105", "userId": "new-worker", "role": "CASEWORKER"}


async def role_grant_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "roleGrant", GRANT, SHANGHAI_ADMIN)


async def role_grant_invalid(db: Database, run: Operation) -> None:
    await fails(run, "roleGrant", {**GRANT, "tenant": "999999"}, SHANGHAI_ADMIN)


async def role_revoke_valid(db: Database, run: Operation) -> None:
    await prepare(db, "roleGrant", GRANT, SHANGHAI_ADMIN)
    await succeeds(run, "roleRevoke", GRANT, SHANGHAI_ADMIN)


async def role_revoke_invalid(db: Database, run: Operation) -> None:
    await fails(run, "roleRevoke", GRANT, SHANGHAI_ADMIN)  # never granted


# -- catalogue administration ---------------------------------------------------------------

LOCAL_ITEM = {
    "code": "winter_warmth",
    "name": "冬季送温暖",
    "department": "civil_affairs",
    "effective_from": "2026-01-01",
    "source": {"document": "测试", "section": "t"},
}
LEGAL_AID = {"tenant": "310000", "code": "legal_aid"}


async def draft(db: Database) -> dict[str, Any]:
    created = await prepare(db, "catalogueDraftNewVersion", LEGAL_AID, SHANGHAI_ADMIN)
    assert created["errors"] == []
    return dict(created["itemVersion"])


async def draft_create_valid(db: Database, run: Operation) -> None:
    values = {"tenant": "310105", "document": LOCAL_ITEM}
    await succeeds(run, "catalogueDraftCreate", values, CHANGNING_ADMIN)


async def draft_create_invalid(db: Database, run: Operation) -> None:
    values = {"tenant": "310105", "document": {"code": "winter_warmth"}}
    await fails(run, "catalogueDraftCreate", values, CHANGNING_ADMIN)


async def new_version_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "catalogueDraftNewVersion", LEGAL_AID, SHANGHAI_ADMIN)


async def new_version_invalid(db: Database, run: Operation) -> None:
    values = {**LEGAL_AID, "code": "no_such_item"}
    await fails(run, "catalogueDraftNewVersion", values, SHANGHAI_ADMIN)


def update_of(version: dict[str, Any], lock: int) -> dict[str, Any]:
    return {
        **LEGAL_AID,
        "version": version["version"],
        "lockVersion": lock,
        "patch": {"acceptance_conditions": "审计测试"},
    }


async def draft_update_valid(db: Database, run: Operation) -> None:
    version = await draft(db)
    values = update_of(version, version["lockVersion"])
    await succeeds(run, "catalogueDraftUpdate", values, SHANGHAI_ADMIN)


async def draft_update_invalid(db: Database, run: Operation) -> None:
    version = await draft(db)
    values = update_of(version, version["lockVersion"] + 5)
    await fails(run, "catalogueDraftUpdate", values, SHANGHAI_ADMIN)


def publish_of(version: dict[str, Any], lock: int) -> dict[str, Any]:
    return {
        **LEGAL_AID,
        "version": version["version"],
        "lockVersion": lock,
        "effectiveFrom": TODAY_ISO,
    }


async def publish_valid(db: Database, run: Operation) -> None:
    version = await draft(db)
    values = publish_of(version, version["lockVersion"])
    await succeeds(run, "catalogueDraftPublish", values, SHANGHAI_ADMIN)


async def publish_invalid(db: Database, run: Operation) -> None:
    version = await draft(db)
    values = publish_of(version, version["lockVersion"] + 5)
    await fails(run, "catalogueDraftPublish", values, SHANGHAI_ADMIN)


async def retire_valid(db: Database, run: Operation) -> None:
    values = {**LEGAL_AID, "version": 1}
    await succeeds(run, "catalogueVersionRetire", values, SHANGHAI_ADMIN)


async def retire_invalid(db: Database, run: Operation) -> None:
    values = {**LEGAL_AID, "version": 99}
    await fails(run, "catalogueVersionRetire", values, SHANGHAI_ADMIN)


def override_of(patch: dict[str, Any]) -> dict[str, Any]:
    return {
        "tenant": "310105",
        "code": "dibao",
        "patch": patch,
        "effectiveFrom": TODAY_ISO,
        "reason": "区级口径",
    }


async def override_set_valid(db: Database, run: Operation) -> None:
    values = override_of({"benefit": {"content": "长宁：按月差额发放"}})
    await succeeds(run, "catalogueOverrideSet", values, CHANGNING_ADMIN)


async def override_set_invalid(db: Database, run: Operation) -> None:
    values = override_of({"name": "长宁低保"})  # a locked element
    await fails(run, "catalogueOverrideSet", values, CHANGNING_ADMIN)


def clear_of(code: str) -> dict[str, Any]:
    return {"tenant": "310105", "code": code, "effectiveFrom": TODAY_ISO, "reason": "恢复"}


async def override_clear_valid(db: Database, run: Operation) -> None:
    values = clear_of("low_income_recognition")
    await succeeds(run, "catalogueOverrideClear", values, CHANGNING_ADMIN)


async def override_clear_invalid(db: Database, run: Operation) -> None:
    await fails(run, "catalogueOverrideClear", clear_of("no_such_item"), CHANGNING_ADMIN)


def toggle_of(code: str) -> dict[str, Any]:
    return {"tenant": "310105", "code": code, "reason": "本区不适用"}


async def disable_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "catalogueItemDisable", toggle_of("legal_aid"), CHANGNING_ADMIN)


async def disable_invalid(db: Database, run: Operation) -> None:
    await fails(run, "catalogueItemDisable", toggle_of("no_such_item"), CHANGNING_ADMIN)


async def enable_valid(db: Database, run: Operation) -> None:
    await prepare(db, "catalogueItemDisable", toggle_of("legal_aid"), CHANGNING_ADMIN)
    await succeeds(run, "catalogueItemEnable", toggle_of("legal_aid"), CHANGNING_ADMIN)


async def enable_invalid(db: Database, run: Operation) -> None:
    await fails(run, "catalogueItemEnable", toggle_of("no_such_item"), CHANGNING_ADMIN)


# -- forms: shared data ---------------------------------------------------------------------

SHARED = {
    "tenant": "140000",
    "evidence": "hukou_booklet",
    "subjectIdNumber": id_number("140105", sequence=77),
    "issuer": "公安机关户籍管理",
}


async def shared_record_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "sharedRecordUpsert", SHARED, SHANXI_SYSTEM)


async def shared_record_invalid(db: Database, run: Operation) -> None:
    await fails(run, "sharedRecordUpsert", {**SHARED, "subjectIdNumber": "123"}, SHANXI_SYSTEM)


# -- applications ---------------------------------------------------------------------------

CHANGNING = "310105"
FAMILY = shanghai_answers(id_number("310105", sequence=131))


async def submitted(db: Database) -> dict[str, Any]:
    citizen = await applicant(db, CHANGNING)
    return await apply(db, citizen, CHANGNING, ["dibao", "legal_aid"], FAMILY, area="huayanglu")


async def accepted(db: Database) -> dict[str, Any]:
    return await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), await submitted(db))


def act_on(row: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": row["id"], "lockVersion": row["lockVersion"], **extra}


async def submit_valid(db: Database, run: Operation) -> None:
    citizen = await applicant(db, CHANGNING)
    materials = await uploads_for(db, CHANGNING, ["legal_aid"], FAMILY, citizen)
    values = submission(CHANGNING, ["legal_aid"], FAMILY, "k1", materials, area="huayanglu")
    await succeeds(run, "applicationSubmit", values, citizen)


async def submit_invalid(db: Database, run: Operation) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = {**FAMILY, "applicant": {**FAMILY["applicant"], "id_number": "123"}}
    values = submission(CHANGNING, ["legal_aid"], answers, "k1", [], area="huayanglu")
    await fails(run, "applicationSubmit", values, citizen)


async def clerk(db: Database) -> Principal:
    return await window_clerk(db, CHANGNING, "huayanglu")


async def triage_accept_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "applicationTriageAccept", act_on(await submitted(db)), await clerk(db))


async def triage_accept_invalid(db: Database, run: Operation) -> None:
    stale = {**act_on(await submitted(db)), "lockVersion": 99}
    await fails(run, "applicationTriageAccept", stale, await clerk(db))


async def triage_reject_valid(db: Database, run: Operation) -> None:
    values = act_on(await submitted(db), reasons=["户籍不在本区"])
    await succeeds(run, "applicationTriageReject", values, await clerk(db))


async def triage_reject_invalid(db: Database, run: Operation) -> None:
    values = act_on(await submitted(db), reasons=[" "])
    await fails(run, "applicationTriageReject", values, await clerk(db))


async def escalate_valid(db: Database, run: Operation) -> None:
    values = act_on(await submitted(db), reason="需会商")
    await succeeds(run, "applicationTriageEscalate", values, await clerk(db))


async def escalate_invalid(db: Database, run: Operation) -> None:
    values = act_on(await submitted(db), reason="")
    await fails(run, "applicationTriageEscalate", values, await clerk(db))


async def escalated(db: Database) -> dict[str, Any]:
    application = await submitted(db)
    window = await clerk(db)
    await prepare(db, "applicationTriageEscalate", act_on(application, reason="会商"), window)
    return await read(db, window, application["id"])


async def joint_meeting(db: Database) -> Principal:
    return await principal(db, user="jm", tenant=CHANGNING, roles=[Role.JOINT_MEETING])


async def assign_valid(db: Database, run: Operation) -> None:
    values = act_on(await escalated(db), lead="civil_affairs")
    await succeeds(run, "applicationJointMeetingAssign", values, await joint_meeting(db))


async def assign_invalid(db: Database, run: Operation) -> None:
    values = act_on(await escalated(db), lead="no_such_department")
    await fails(run, "applicationJointMeetingAssign", values, await joint_meeting(db))


async def meeting_reject_valid(db: Database, run: Operation) -> None:
    values = act_on(await escalated(db), reasons=["不属社会救助范围"])
    await succeeds(run, "applicationJointMeetingReject", values, await joint_meeting(db))


async def meeting_reject_invalid(db: Database, run: Operation) -> None:
    values = act_on(await escalated(db), reasons=[])
    await fails(run, "applicationJointMeetingReject", values, await joint_meeting(db))


async def withdraw_valid(db: Database, run: Operation) -> None:
    values = act_on(await accepted(db), reason="情况好转")
    await succeeds(run, "applicationWithdraw", values, await applicant(db, CHANGNING))


async def withdraw_invalid(db: Database, run: Operation) -> None:
    values = {**act_on(await accepted(db)), "lockVersion": 99}
    await fails(run, "applicationWithdraw", values, await applicant(db, CHANGNING))


async def civil_affairs(db: Database) -> Principal:
    return await caseworker(db, CHANGNING, "civil_affairs")


async def acknowledge_valid(db: Database, run: Operation) -> None:
    dibao = case_of(await accepted(db), "dibao")
    await succeeds(run, "caseAcknowledge", act_on(dibao), await civil_affairs(db))


async def acknowledge_invalid(db: Database, run: Operation) -> None:
    dibao = {**case_of(await accepted(db), "dibao"), "lockVersion": 99}
    await fails(run, "caseAcknowledge", act_on(dibao), await civil_affairs(db))


async def acknowledged_dibao(db: Database) -> dict[str, Any]:
    return await acknowledge(db, await civil_affairs(db), case_of(await accepted(db), "dibao"))


SUPPLEMENT = {"materials": ["hukou_booklet.household"], "workingDays": 5}


async def supplement_request_valid(db: Database, run: Operation) -> None:
    values = act_on(await acknowledged_dibao(db), **SUPPLEMENT)
    await succeeds(run, "caseSupplementRequest", values, await civil_affairs(db))


async def supplement_request_invalid(db: Database, run: Operation) -> None:
    values = act_on(await acknowledged_dibao(db), materials=["hukou_booklet.household"])
    await fails(run, "caseSupplementRequest", values, await civil_affairs(db))  # no deadline


async def supplement_requested(db: Database) -> dict[str, Any]:
    dibao = await acknowledged_dibao(db)
    worker = await civil_affairs(db)
    await prepare(db, "caseSupplementRequest", act_on(dibao, **SUPPLEMENT), worker)
    return case_of(await read(db, worker, dibao["applicationId"]), "dibao")


async def supplement_provide_valid(db: Database, run: Operation) -> None:
    citizen = await applicant(db, CHANGNING)
    upload = await completed_upload(db, tenant=CHANGNING, owner=citizen.user_id)
    values = act_on(await supplement_requested(db), references=[upload])
    await succeeds(run, "caseSupplementProvide", values, citizen)


async def supplement_provide_invalid(db: Database, run: Operation) -> None:
    values = act_on(await supplement_requested(db), references=[])
    await fails(run, "caseSupplementProvide", values, await applicant(db, CHANGNING))


async def decide_valid(db: Database, run: Operation) -> None:
    values = act_on(case_of(await accepted(db), "dibao"), outcome="DENIED", reasons=["收入超标"])
    await succeeds(run, "caseDecide", values, await civil_affairs(db))


async def decide_invalid(db: Database, run: Operation) -> None:
    values = act_on(case_of(await accepted(db), "dibao"), outcome="DENIED")  # no reasons
    await fails(run, "caseDecide", values, await civil_affairs(db))


async def approved_dibao(db: Database) -> dict[str, Any]:
    """An accepted application whose 低保 is approved, reviewed every 6 months (issue 22)."""
    application = await accepted(db)
    worker = await civil_affairs(db)
    dibao = await acknowledge(db, worker, case_of(application, "dibao"))
    decision = act_on(
        dibao,
        outcome="APPROVED",
        amount="1510.00",
        reverificationPeriod="unstable_income_with_labour_capacity",
    )
    await prepare(db, "caseDecide", decision, worker)
    return application


CHANGE = {"kind": "INCOME_CHANGED", "occurredOn": TODAY_ISO, "description": "户主收入增加"}
REVIEWS = """query { reverifications(filter: {tenant: "310105", states: [DUE]}) {
  edges { node { id } } } }"""


async def report_valid(db: Database, run: Operation) -> None:
    application = await approved_dibao(db)
    values = {"application": application["id"], **CHANGE}
    await succeeds(run, "householdChangeReport", values, await applicant(db, CHANGNING))


async def report_invalid(db: Database, run: Operation) -> None:
    application = await accepted(db)  # nothing approved: no review to open
    values = {"application": application["id"], **CHANGE}
    await fails(run, "householdChangeReport", values, await applicant(db, CHANGNING))


async def due_review(db: Database) -> str:
    application = await approved_dibao(db)
    citizen = await applicant(db, CHANGNING)
    await prepare(
        db, "householdChangeReport", {"application": application["id"], **CHANGE}, citizen
    )
    data = await query_data(db, REVIEWS, actor=await civil_affairs(db))
    return str(data["reverifications"]["edges"][0]["node"]["id"])


async def review_complete_valid(db: Database, run: Operation) -> None:
    values = {"id": await due_review(db), "outcome": "CONTINUE"}
    await succeeds(run, "reverificationComplete", values, await civil_affairs(db))


async def review_complete_invalid(db: Database, run: Operation) -> None:
    values = {"id": await due_review(db), "outcome": "STOP"}  # no reasons
    await fails(run, "reverificationComplete", values, await civil_affairs(db))


EMERGENCY = {"tenant": "310000", "startsAt": THIS_MORNING}


async def emergency_valid(db: Database, run: Operation) -> None:
    values = {**EMERGENCY, "provision": "same_day_application_48h_review"}
    await succeeds(run, "emergencyModeSet", values, SHANGHAI_ADMIN)


async def emergency_invalid(db: Database, run: Operation) -> None:
    await fails(run, "emergencyModeSet", {**EMERGENCY, "provision": "no_such"}, SHANGHAI_ADMIN)


# A fictional year far ahead, so the seed (the package's years) never holds it.
CALENDAR = {
    "tenant": "310000",
    "year": 2090,
    "holidays": [{"date": "2090-01-02", "name": "测试节"}],
    "adjustedWorkdays": ["2090-01-07"],  # a Saturday
}


async def calendar_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "workingCalendarPublish", CALENDAR, SHANGHAI_ADMIN)


async def calendar_invalid(db: Database, run: Operation) -> None:
    values = {**CALENDAR, "adjustedWorkdays": ["2090-01-02"]}  # a holiday and a weekday
    await fails(run, "workingCalendarPublish", values, SHANGHAI_ADMIN)


# A test value, not a published standard (the seeds give none).
PARAMETER = {
    "tenant": "310000",
    "key": "dibao_standard",
    "value": 1510,
    "effectiveFrom": TODAY_ISO,
    "source": "测试用取值",
    "reason": "测试",
}


async def parameter_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "tenantParameterSet", PARAMETER, SHANGHAI_ADMIN)


async def parameter_invalid(db: Database, run: Operation) -> None:
    await fails(run, "tenantParameterSet", {**PARAMETER, "value": "一千五"}, SHANGHAI_ADMIN)


POLICY_QUESTION = {
    "tenant": "310000",
    "code": "dibao#1",
    "item": "dibao",
    "question": "低保金按月发放吗？",
    "answer": "按月发放最低生活保障金。",
    "source": {"seed": "000_140f49d7d74dd147.txt", "section": "一（一）"},
}


async def policy_question_set_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "policyQuestionSet", POLICY_QUESTION, SHANGHAI_ADMIN)


async def policy_question_set_invalid(db: Database, run: Operation) -> None:
    await fails(run, "policyQuestionSet", {**POLICY_QUESTION, "question": ""}, SHANGHAI_ADMIN)


async def policy_question_delete_valid(db: Database, run: Operation) -> None:
    await prepare(db, "policyQuestionSet", POLICY_QUESTION, SHANGHAI_ADMIN)
    await succeeds(
        run, "policyQuestionDelete", {"tenant": "310000", "code": "dibao#1"}, SHANGHAI_ADMIN
    )


async def policy_question_delete_invalid(db: Database, run: Operation) -> None:
    await fails(
        run, "policyQuestionDelete", {"tenant": "310000", "code": "dibao#1"}, SHANGHAI_ADMIN
    )


CHANGNING_ADVISER = person("310105", Role.ADVISER, user="adviser-cn", area="huayanglu")
NEEDS_SCORES = [
    {"dimension": d, "score": 0.5}
    for d in ("material", "health", "education", "employment", "social_support", "children_share")
]


async def needs_record_valid(db: Database, run: Operation) -> None:
    values = {"tenant": CHANGNING, "application": (await submitted(db))["id"]}
    await succeeds(
        run, "needsAssessmentRecord", values | {"scores": NEEDS_SCORES}, CHANGNING_ADVISER
    )


async def needs_record_invalid(db: Database, run: Operation) -> None:
    values = {"tenant": CHANGNING, "application": (await submitted(db))["id"]}
    await fails(run, "needsAssessmentRecord", values | {"scores": []}, CHANGNING_ADVISER)


async def recorded_needs(db: Database) -> str:
    values = {"tenant": CHANGNING, "application": (await submitted(db))["id"]}
    query = """mutation($i: NeedsAssessmentRecordInput!) { needsAssessmentRecord(input: $i) {
      needsAssessment { id } errors { code } } }"""
    payload = (
        await query_data(
            db, query, {"i": values | {"scores": NEEDS_SCORES}}, actor=CHANGNING_ADVISER
        )
    )["needsAssessmentRecord"]
    assert payload["errors"] == [], payload
    return str(payload["needsAssessment"]["id"])


async def needs_revise_valid(db: Database, run: Operation) -> None:
    values = {"id": await recorded_needs(db), "scores": NEEDS_SCORES}
    await succeeds(run, "needsAssessmentRevise", values, CHANGNING_ADVISER)


async def needs_revise_invalid(db: Database, run: Operation) -> None:
    values = {"id": await recorded_needs(db), "scores": NEEDS_SCORES[:1]}
    await fails(run, "needsAssessmentRevise", values, CHANGNING_ADVISER)


def upload_of(data: bytes, **declared: Any) -> dict[str, Any]:
    return {
        "tenant": CHANGNING,
        "fileName": "户口簿.pdf",
        "contentType": "application/pdf",
        "byteSize": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    } | declared


async def upload_create_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "materialUploadCreate", upload_of(PDF), await applicant(db, CHANGNING))


async def upload_create_invalid(db: Database, run: Operation) -> None:
    values = upload_of(PDF, byteSize=0)
    await fails(run, "materialUploadCreate", values, await applicant(db, CHANGNING))


async def staged_upload(db: Database, citizen: Principal, *, put: bytes | None) -> str:
    """A pending upload's id; with `put`, those bytes stored where the client's PUT lands."""
    created = await prepare(db, "materialUploadCreate", upload_of(PDF), citizen)
    upload_id: str = created["upload"]["id"]
    if put is not None:
        staging = test_settings().upload_root / "staging" / CHANGNING / upload_id
        staging.parent.mkdir(parents=True, exist_ok=True)
        staging.write_bytes(put)
    return upload_id


async def upload_complete_valid(db: Database, run: Operation) -> None:
    citizen = await applicant(db, CHANGNING)
    upload_id = await staged_upload(db, citizen, put=PDF)
    await succeeds(run, "materialUploadComplete", {"id": upload_id}, citizen)


async def upload_complete_invalid(db: Database, run: Operation) -> None:
    citizen = await applicant(db, CHANGNING)
    upload_id = await staged_upload(db, citizen, put=None)  # completed before the PUT
    await fails(run, "materialUploadComplete", {"id": upload_id}, citizen)


WEBHOOK = {"tenant": "310000", "url": "https://esb.example.cn/hooks", "events": ["CASE_READY"]}


async def webhook_create_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "webhookSubscriptionCreate", WEBHOOK, SHANGHAI_ADMIN)


async def webhook_create_invalid(db: Database, run: Operation) -> None:
    values = {**WEBHOOK, "url": "http://esb.example.cn/hooks"}  # not https
    await fails(run, "webhookSubscriptionCreate", values, SHANGHAI_ADMIN)


async def webhook_subscription(db: Database) -> str:
    subscription, _ = await subscribe(
        db, SHANGHAI_ADMIN, "310000", "https://esb.example.cn/hooks", ["CASE_READY"]
    )
    return subscription


async def webhook_delete_valid(db: Database, run: Operation) -> None:
    values = {"id": await webhook_subscription(db)}
    await succeeds(run, "webhookSubscriptionDelete", values, SHANGHAI_ADMIN)


async def webhook_delete_invalid(db: Database, run: Operation) -> None:
    await fails(run, "webhookSubscriptionDelete", {"id": "no-such-id"}, SHANGHAI_ADMIN)


async def webhook_rotate_valid(db: Database, run: Operation) -> None:
    values = {"id": await webhook_subscription(db)}
    await succeeds(run, "webhookSubscriptionRotateSecret", values, SHANGHAI_ADMIN)


async def webhook_rotate_invalid(db: Database, run: Operation) -> None:
    await fails(run, "webhookSubscriptionRotateSecret", {"id": "no-such-id"}, SHANGHAI_ADMIN)


# -- discovery (issue 22) ----------------------------------------------------------------------


async def tag_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "livelihoodTagUpsert", hospital_bill(56000), TAG_SYSTEM)


async def tag_invalid(db: Database, run: Operation) -> None:
    values = {**hospital_bill(56000), "area": "no-such-street"}
    await fails(run, "livelihoodTagUpsert", values, TAG_SYSTEM)


def bulk_bills(*amounts: int) -> dict[str, Any]:
    """livelihoodTagsUpsert's input: hospital bills for residents of Changning, one each."""
    tags = []
    for n, amount in enumerate(amounts):
        bill = hospital_bill(amount, id_number=id_number("310105", date(1950, 3, 1 + n), 200 + n))
        del bill["tenant"]
        tags.append(bill)
    return {"tenant": "310105", "tags": tags}


async def tags_valid(db: Database, run: Operation) -> None:
    await succeeds(run, "livelihoodTagsUpsert", bulk_bills(56000, 12000), TAG_SYSTEM)


async def tags_invalid(db: Database, run: Operation) -> None:
    values = bulk_bills(56000, 12000)
    values["tags"][1]["area"] = "no-such-street"
    await fails(run, "livelihoodTagsUpsert", values, TAG_SYSTEM)


async def lead_assign_valid(db: Database, run: Operation) -> None:
    lead = await a_lead(db)
    await succeeds(run, "leadAssign", lead, LEAD_ADVISER)


async def lead_assign_invalid(db: Database, run: Operation) -> None:
    lead = await a_lead(db)
    await fails(run, "leadAssign", {**lead, "lockVersion": 7}, LEAD_ADVISER)


async def lead_dismiss_valid(db: Database, run: Operation) -> None:
    lead = await a_lead(db)
    await succeeds(run, "leadDismiss", {**lead, "reason": "已走访，家庭不需救助"}, LEAD_ADVISER)


async def lead_dismiss_invalid(db: Database, run: Operation) -> None:
    lead = await a_lead(db)
    await fails(run, "leadDismiss", {**lead, "reason": " "}, LEAD_ADVISER)


async def lead_convert_valid(db: Database, run: Operation) -> None:
    values = await conversion(db, await a_lead(db))
    await succeeds(run, "leadConvert", values, LEAD_ADVISER)


async def lead_convert_invalid(db: Database, run: Operation) -> None:
    values = await conversion(db, await a_lead(db))
    values["answers"]["applicant"]["id_number"] = id_number("310105", sequence=131)
    await fails(run, "leadConvert", values, LEAD_ADVISER)


# Add an entry for every new mutation: {name: MutationCalls(valid=..., invalid=...)}.
MUTATION_CALLS: dict[str, MutationCalls] = {
    "roleGrant": MutationCalls(role_grant_valid, role_grant_invalid),
    "roleRevoke": MutationCalls(role_revoke_valid, role_revoke_invalid),
    "catalogueDraftCreate": MutationCalls(draft_create_valid, draft_create_invalid),
    "catalogueDraftNewVersion": MutationCalls(new_version_valid, new_version_invalid),
    "catalogueDraftUpdate": MutationCalls(draft_update_valid, draft_update_invalid),
    "catalogueDraftPublish": MutationCalls(publish_valid, publish_invalid),
    "catalogueVersionRetire": MutationCalls(retire_valid, retire_invalid),
    "catalogueOverrideSet": MutationCalls(override_set_valid, override_set_invalid),
    "catalogueOverrideClear": MutationCalls(override_clear_valid, override_clear_invalid),
    "catalogueItemDisable": MutationCalls(disable_valid, disable_invalid),
    "catalogueItemEnable": MutationCalls(enable_valid, enable_invalid),
    "sharedRecordUpsert": MutationCalls(shared_record_valid, shared_record_invalid),
    "applicationSubmit": MutationCalls(submit_valid, submit_invalid),
    "applicationTriageAccept": MutationCalls(triage_accept_valid, triage_accept_invalid),
    "applicationTriageReject": MutationCalls(triage_reject_valid, triage_reject_invalid),
    "applicationTriageEscalate": MutationCalls(escalate_valid, escalate_invalid),
    "applicationJointMeetingAssign": MutationCalls(assign_valid, assign_invalid),
    "applicationJointMeetingReject": MutationCalls(meeting_reject_valid, meeting_reject_invalid),
    "applicationWithdraw": MutationCalls(withdraw_valid, withdraw_invalid),
    "caseAcknowledge": MutationCalls(acknowledge_valid, acknowledge_invalid),
    "caseSupplementRequest": MutationCalls(supplement_request_valid, supplement_request_invalid),
    "caseSupplementProvide": MutationCalls(supplement_provide_valid, supplement_provide_invalid),
    "caseDecide": MutationCalls(decide_valid, decide_invalid),
    "emergencyModeSet": MutationCalls(emergency_valid, emergency_invalid),
    "householdChangeReport": MutationCalls(report_valid, report_invalid),
    "reverificationComplete": MutationCalls(review_complete_valid, review_complete_invalid),
    "workingCalendarPublish": MutationCalls(calendar_valid, calendar_invalid),
    "tenantParameterSet": MutationCalls(parameter_valid, parameter_invalid),
    "policyQuestionSet": MutationCalls(policy_question_set_valid, policy_question_set_invalid),
    "policyQuestionDelete": MutationCalls(
        policy_question_delete_valid, policy_question_delete_invalid
    ),
    "needsAssessmentRecord": MutationCalls(needs_record_valid, needs_record_invalid),
    "needsAssessmentRevise": MutationCalls(needs_revise_valid, needs_revise_invalid),
    "materialUploadCreate": MutationCalls(upload_create_valid, upload_create_invalid),
    "materialUploadComplete": MutationCalls(upload_complete_valid, upload_complete_invalid),
    "webhookSubscriptionCreate": MutationCalls(webhook_create_valid, webhook_create_invalid),
    "webhookSubscriptionDelete": MutationCalls(webhook_delete_valid, webhook_delete_invalid),
    "webhookSubscriptionRotateSecret": MutationCalls(webhook_rotate_valid, webhook_rotate_invalid),
    "livelihoodTagUpsert": MutationCalls(tag_valid, tag_invalid),
    "livelihoodTagsUpsert": MutationCalls(tags_valid, tags_invalid),
    "leadAssign": MutationCalls(lead_assign_valid, lead_assign_invalid),
    "leadDismiss": MutationCalls(lead_dismiss_valid, lead_dismiss_invalid),
    "leadConvert": MutationCalls(lead_convert_valid, lead_convert_invalid),
}


async def event_count(db: Database) -> int:
    async with db.owner_session() as session:
        return int(await session.scalar(text("SELECT count(*) FROM audit_event")) or 0)


async def events_of(db: Database, request_id: str) -> list[tuple[str, str | None, str]]:
    """(writing transaction id, client address, action) of the events an operation wrote."""
    async with db.owner_session() as session:
        rows = await session.execute(
            text(
                "SELECT xmin::text, client_address, action FROM audit_event"
                " WHERE request_id = :r ORDER BY sequence"
            ),
            {"r": request_id},
        )
        return [(r[0], r[1], r[2]) for r in rows.all()]


def calls_for(name: str) -> MutationCalls:
    if name not in MUTATION_CALLS:
        pytest.fail(
            f"mutation {name!r} has no entry in MUTATION_CALLS ({__name__}): add a valid and an"
            " invalid call, so that its audit events are checked"
        )
    return MUTATION_CALLS[name]


MUTATIONS = sorted(mutation_fields())


def test_every_entry_is_a_mutation_of_the_schema() -> None:
    assert sorted(set(MUTATION_CALLS) - set(MUTATIONS)) == [], "stale entries in MUTATION_CALLS"


@pytest.mark.parametrize("name", MUTATIONS)
async def test_a_mutation_leaves_audit_events_in_its_own_transaction(
    db: Database, name: str
) -> None:
    run = Operation(db)
    await calls_for(name).valid(db, run)
    assert run.calls == 1, "a valid call makes exactly one call through `run`"
    events = await events_of(db, run.request_id)
    assert events, f"{name} wrote no audit event"
    assert len({transaction for transaction, _, _ in events}) == 1, "events of one transaction"
    assert {address for _, address, _ in events} == {CLIENT}


# The row a valid call changes, for the mutations whose change leaves one to compare with.
ONE_APPLICATION = "SELECT xmin::text FROM application"
DIBAO_CASE = "SELECT xmin::text FROM application_case WHERE item_code = 'dibao'"
CHANGED_ROW = {
    "roleGrant": "SELECT xmin::text FROM role_assignment WHERE user_id = 'new-worker'",
    "sharedRecordUpsert": "SELECT xmin::text FROM shared_record WHERE evidence = 'hukou_booklet'",
    "emergencyModeSet": "SELECT xmin::text FROM emergency_mode",
    "householdChangeReport": "SELECT xmin::text FROM household_change_report",
    "reverificationComplete": "SELECT xmin::text FROM reverification WHERE state = 'completed'",
    "workingCalendarPublish": "SELECT xmin::text FROM working_calendar WHERE year = 2090",
    "tenantParameterSet": "SELECT xmin::text FROM tenant_parameter",
    "policyQuestionSet": "SELECT xmin::text FROM policy_question",
    "needsAssessmentRecord": "SELECT xmin::text FROM needs_assessment",
    "applicationSubmit": ONE_APPLICATION,
    "applicationTriageAccept": ONE_APPLICATION,
    "applicationTriageReject": ONE_APPLICATION,
    "applicationTriageEscalate": ONE_APPLICATION,
    "applicationJointMeetingAssign": ONE_APPLICATION,
    "applicationJointMeetingReject": ONE_APPLICATION,
    "applicationWithdraw": ONE_APPLICATION,
    "caseAcknowledge": DIBAO_CASE,
    "caseSupplementRequest": DIBAO_CASE,
    "caseSupplementProvide": DIBAO_CASE,
    "caseDecide": DIBAO_CASE,
    "materialUploadCreate": "SELECT xmin::text FROM material_upload",
    "materialUploadComplete": "SELECT xmin::text FROM material_upload",
    "livelihoodTagUpsert": "SELECT xmin::text FROM livelihood_tag",
    "leadAssign": "SELECT xmin::text FROM lead",
    "leadDismiss": "SELECT xmin::text FROM lead",
    "leadConvert": "SELECT xmin::text FROM lead",
}


async def writing_transactions(db: Database, query: str) -> set[str]:
    async with db.owner_session() as session:
        return set((await session.execute(text(query))).scalars())


@pytest.mark.parametrize("name", sorted(CHANGED_ROW))
async def test_a_mutation_writes_its_audit_events_in_the_transaction_of_its_change(
    db: Database, name: str
) -> None:
    run = Operation(db)
    await calls_for(name).valid(db, run)
    changed = await writing_transactions(db, CHANGED_ROW[name])
    events = await events_of(db, run.request_id)
    # xmin is the transaction that wrote the row's current version: an event written after the
    # change committed, in a transaction of its own, shows a different one.
    assert len(changed) == 1, f"{CHANGED_ROW[name]} should find the one changed row"
    assert {transaction for transaction, _, _ in events} == changed


@pytest.mark.parametrize("name", MUTATIONS)
async def test_a_failed_mutation_leaves_no_audit_event(db: Database, name: str) -> None:
    run = Operation(db)
    await calls_for(name).invalid(db, run)
    assert run.calls == 1, "an invalid call makes exactly one call through `run`"
    assert await events_of(db, run.request_id) == []
    assert await event_count(db) == run.events_before
