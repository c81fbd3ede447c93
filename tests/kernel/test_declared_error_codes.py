"""Each mutation's payload lists errors of its own type whose code enum holds only the codes that
mutation can answer, and the runner refuses a code the payload does not declare.

Every failure a mutation reports passes through the runner's check, so every test that drives a
mutation's failure path (role grants, illegal moves, catalogue locks and lint, answer errors …)
also proves that code is declared: an undeclared one would be masked and that test would fail.
"""

from __future__ import annotations

import pytest
from graphql import GraphQLEnumType, GraphQLObjectType, get_named_type

from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from socialaid.errors import DomainError, ErrorCode
from socialaid.grants.graphql import RoleGrantError, RoleRevokeError
from socialaid.kernel.user_error import UndeclaredErrorCodeError
from tests.graphql_client import default_schema, execute, principal

BASE = {"INVALID_INPUT", "CONFLICT"}  # the input guard and a concurrent change, for every one
APPLICATION_WORK = BASE | {"NOT_FOUND", "ILLEGAL_TRANSITION"}
ITEM_VERSION = BASE | {"NOT_FOUND", "LOCKED_ELEMENT", "ILLEGAL_TRANSITION", "LINT_FAILED"}

EXPECTED_CODES = {
    "applicationSubmit": ("ApplicationSubmitError", BASE | {"NOT_FOUND", "FORBIDDEN"}),
    "applicationTriageAccept": ("ApplicationError", APPLICATION_WORK),
    "applicationTriageReject": ("ApplicationError", APPLICATION_WORK),
    "applicationTriageEscalate": ("ApplicationError", APPLICATION_WORK),
    "applicationJointMeetingAssign": ("ApplicationError", APPLICATION_WORK),
    "applicationJointMeetingReject": ("ApplicationError", APPLICATION_WORK),
    "applicationWithdraw": ("ApplicationError", APPLICATION_WORK),
    "caseAcknowledge": ("CaseError", APPLICATION_WORK),
    "caseSupplementRequest": ("CaseError", APPLICATION_WORK),
    "caseSupplementProvide": ("CaseError", APPLICATION_WORK),
    "caseDecide": ("CaseError", APPLICATION_WORK),
    "emergencyModeSet": ("EmergencyModeError", BASE | {"NOT_FOUND"}),
    "reverificationComplete": ("ReverificationError", BASE | {"NOT_FOUND"}),
    "householdChangeReport": ("ReverificationError", BASE | {"NOT_FOUND"}),
    "catalogueDraftCreate": ("ItemVersionError", ITEM_VERSION),
    "catalogueDraftNewVersion": ("ItemVersionError", ITEM_VERSION),
    "catalogueDraftUpdate": ("ItemVersionError", ITEM_VERSION),
    "catalogueDraftPublish": ("ItemVersionError", ITEM_VERSION),
    "catalogueVersionRetire": ("ItemVersionError", ITEM_VERSION),
    "catalogueOverrideSet": (
        "CatalogueOverrideError",
        BASE | {"NOT_FOUND", "LOCKED_ELEMENT", "LINT_FAILED"},
    ),
    "catalogueOverrideClear": (
        "CatalogueOverrideError",
        BASE | {"NOT_FOUND", "LOCKED_ELEMENT", "LINT_FAILED"},
    ),
    "catalogueItemDisable": ("DisabledItemsError", BASE | {"NOT_FOUND"}),
    "catalogueItemEnable": ("DisabledItemsError", BASE | {"NOT_FOUND"}),
    "sharedRecordUpsert": ("SharedRecordError", BASE | {"NOT_FOUND"}),
    "workingCalendarPublish": ("WorkingCalendarPublishError", BASE | {"NOT_FOUND"}),
    "roleGrant": ("RoleGrantError", BASE | {"NOT_FOUND", "FORBIDDEN"}),
    "roleRevoke": ("RoleRevokeError", BASE | {"NOT_FOUND"}),
    "materialUploadCreate": ("MaterialUploadError", BASE | {"NOT_FOUND"}),
    "materialUploadComplete": ("MaterialUploadError", BASE | {"NOT_FOUND"}),
    "tenantParameterSet": ("TenantParameterSetError", BASE | {"NOT_FOUND"}),
    "webhookSubscriptionCreate": ("WebhookSubscriptionError", BASE | {"NOT_FOUND"}),
    "webhookSubscriptionDelete": ("WebhookSubscriptionError", BASE | {"NOT_FOUND"}),
    "webhookSubscriptionRotateSecret": ("WebhookSubscriptionError", BASE | {"NOT_FOUND"}),
    "policyQuestionSet": ("PolicyQuestionError", BASE | {"NOT_FOUND"}),
    "policyQuestionDelete": ("PolicyQuestionError", BASE | {"NOT_FOUND"}),
    "livelihoodTagUpsert": ("LivelihoodTagError", BASE | {"NOT_FOUND"}),
    "livelihoodTagsUpsert": ("LivelihoodTagsError", BASE | {"NOT_FOUND"}),
    "leadAssign": ("LeadError", BASE | {"NOT_FOUND", "ILLEGAL_TRANSITION"}),
    "leadDismiss": ("LeadError", BASE | {"NOT_FOUND", "ILLEGAL_TRANSITION"}),
    "leadConvert": ("LeadConvertError", BASE | {"NOT_FOUND", "ILLEGAL_TRANSITION", "FORBIDDEN"}),
    "needsAssessmentRecord": ("NeedsAssessmentError", BASE | {"NOT_FOUND"}),
    "needsAssessmentRevise": ("NeedsAssessmentError", BASE | {"NOT_FOUND"}),
}

GRANT_IN_UNKNOWN_TENANT = """mutation { roleGrant(input: {tenant: "999999", userId: "li",
  role: AUDITOR}) { assignment { userId } errors { code path } } }"""


def error_codes_in_schema() -> dict[str, tuple[str, set[str]]]:
    mutation = default_schema()._schema.mutation_type
    assert mutation is not None
    found = {}
    for name, field in mutation.fields.items():
        payload = get_named_type(field.type)
        assert isinstance(payload, GraphQLObjectType)
        error_type = get_named_type(payload.fields["errors"].type)
        assert isinstance(error_type, GraphQLObjectType)
        code_enum = get_named_type(error_type.fields["code"].type)
        assert isinstance(code_enum, GraphQLEnumType)
        found[name] = (error_type.name, set(code_enum.values))
    return found


def test_every_mutation_reports_errors_of_its_own_type_with_only_the_codes_it_can_answer() -> None:
    assert error_codes_in_schema() == EXPECTED_CODES


def test_every_error_type_of_a_payload_implements_the_common_error_shape() -> None:
    schema = default_schema()._schema
    for error_type, _ in EXPECTED_CODES.values():
        named = schema.get_type(error_type)
        assert isinstance(named, GraphQLObjectType)
        assert [i.name for i in named.interfaces] == ["ExpectedError"]
        assert set(named.fields) == {"code", "message", "path", "detailCode"}


def test_an_error_type_refuses_to_report_a_code_it_does_not_declare() -> None:
    with pytest.raises(UndeclaredErrorCodeError, match="LOCKED_ELEMENT"):
        RoleRevokeError.of(DomainError("锁定", code=ErrorCode.LOCKED_ELEMENT))


def test_an_error_type_reports_a_declared_code_with_its_message_and_path() -> None:
    error = RoleRevokeError.of(DomainError("没有", code=ErrorCode.NOT_FOUND, path=["input"]))
    assert (error.code.value, error.message, error.path) == (  # type: ignore[attr-defined]
        "NOT_FOUND",
        "没有",
        ["input"],
    )


async def test_a_mutation_answering_a_code_its_payload_does_not_declare_is_masked(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = await principal(db, user="admin-1", tenant="310000", roles=[Role.TENANT_ADMIN])
    # roleGrant in an unknown tenant answers NOT_FOUND; take it out of the declared codes.
    monkeypatch.setattr(RoleGrantError, "codes", RoleGrantError.codes - {ErrorCode.NOT_FOUND})

    data, errors = await execute(db, GRANT_IN_UNKNOWN_TENANT, actor=admin)

    assert data is None
    assert [e["extensions"]["code"] for e in errors] == ["INTERNAL_SERVER_ERROR"]
    assert [e["message"] for e in errors] == ["Unexpected error."]


async def test_the_same_mutation_reports_a_declared_code_as_its_payload_error(
    db: Database,
) -> None:
    admin = await principal(db, user="admin-1", tenant="310000", roles=[Role.TENANT_ADMIN])

    data, errors = await execute(db, GRANT_IN_UNKNOWN_TENANT, actor=admin)

    assert errors == []
    assert data == {
        "roleGrant": {
            "assignment": None,
            "errors": [{"code": "NOT_FOUND", "path": ["input", "tenant"]}],
        }
    }
