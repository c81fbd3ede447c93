"""Every root query and mutation, and the permission it needs: the one place to look it up.

Add a line here for every new root field (the permission-matrix test fails for a field that is
missing). `tenant_argument` names the argument (dotted for input objects) that holds the target
tenant's code; None means the caller's own tenant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from socialaid.access.vocabulary import Action, Resource


@dataclass(frozen=True)
class Permission:
    resource: Resource
    action: Action
    tenant_argument: str | None = "tenant"


@dataclass(frozen=True)
class Public:
    """Readable by anyone, with or without a token. `shared`: besides, the answer is the same
    whoever asks (no draft, no row, no check depends on the caller) and changes only with the
    content revision and the day, so one computed response may be handed to everyone
    (api/public_cache.py)."""

    shared: bool = False


PUBLIC: Final = Public()
# Public reference data (办事指南 is public information): one answer for everyone.
PUBLIC_REFERENCE: Final = Public(shared=True)

ROOT_FIELDS: dict[str, Permission | Public] = {
    # tenancy
    "tenants": PUBLIC_REFERENCE,
    "tenant": PUBLIC_REFERENCE,
    # catalogue (public reference data: 办事指南 is public information)
    "catalogue": PUBLIC_REFERENCE,
    "item": PUBLIC_REFERENCE,
    "dataElements": PUBLIC_REFERENCE,
    "evidenceTypes": PUBLIC_REFERENCE,
    "targetGroups": PUBLIC_REFERENCE,
    # catalogue administration (drafts are filtered by permission inside the services)
    "itemVersions": PUBLIC,
    "itemVersionsConnection": PUBLIC,
    "itemDiff": PUBLIC,
    "catalogueDiff": PUBLIC,
    "catalogueDraftPublishPreview": Permission(Resource.CATALOGUE, Action.PUBLISH),
    "catalogueOverridePreview": Permission(Resource.CATALOGUE, Action.PUBLISH),
    "catalogueDraftCreate": Permission(Resource.CATALOGUE_DRAFT, Action.CREATE, "input.tenant"),
    "catalogueDraftNewVersion": Permission(Resource.CATALOGUE_DRAFT, Action.CREATE, "input.tenant"),
    "catalogueDraftUpdate": Permission(Resource.CATALOGUE_DRAFT, Action.UPDATE, "input.tenant"),
    "catalogueDraftPublish": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueVersionRetire": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueOverrideSet": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueOverrideClear": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueItemDisable": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueItemEnable": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    # forms (public: 一表申请 is part of the public service guide); shared data pushed by systems
    "applicationForm": PUBLIC_REFERENCE,
    "applicationFormCheck": PUBLIC,
    "sharedRecordUpsert": Permission(Resource.SHARED_RECORD, Action.CREATE, "input.tenant"),
    # proactive discovery (issue 22): tags come through the shared-data path, leads to advisers
    "livelihoodTagUpsert": Permission(Resource.SHARED_RECORD, Action.CREATE, "input.tenant"),
    "livelihoodTagsUpsert": Permission(Resource.SHARED_RECORD, Action.CREATE, "input.tenant"),
    "leads": Permission(Resource.LEAD, Action.READ, "filter.tenant"),
    "leadAssign": Permission(Resource.LEAD, Action.UPDATE, tenant_argument=None),
    "leadDismiss": Permission(Resource.LEAD, Action.UPDATE, tenant_argument=None),
    "leadConvert": Permission(Resource.LEAD, Action.UPDATE, tenant_argument=None),
    # applications: submission, one-door triage, joint meeting, department work
    "application": Permission(Resource.APPLICATION, Action.READ, tenant_argument=None),
    "applications": Permission(Resource.APPLICATION, Action.READ),
    "cases": Permission(Resource.CASE, Action.READ, "filter.tenant"),
    "monitoredHouseholds": Permission(Resource.CASE, Action.READ),
    "emergencyProvisions": Permission(Resource.TENANT, Action.READ),
    "applicationSubmit": Permission(Resource.APPLICATION, Action.SUBMIT, "input.tenant"),
    # material uploads (issue 18): whoever may submit in the tenant may stage the files for it
    "materialUploadCreate": Permission(Resource.APPLICATION, Action.SUBMIT, "input.tenant"),
    "materialUploadComplete": Permission(Resource.APPLICATION, Action.SUBMIT, tenant_argument=None),
    "applicationTriageAccept": Permission(Resource.TRIAGE, Action.DECIDE, tenant_argument=None),
    "applicationTriageReject": Permission(Resource.TRIAGE, Action.DECIDE, tenant_argument=None),
    "applicationTriageEscalate": Permission(Resource.TRIAGE, Action.ESCALATE, tenant_argument=None),
    "applicationJointMeetingAssign": Permission(
        Resource.JOINT_MEETING, Action.DECIDE, tenant_argument=None
    ),
    "applicationJointMeetingReject": Permission(
        Resource.JOINT_MEETING, Action.DECIDE, tenant_argument=None
    ),
    "applicationWithdraw": Permission(Resource.APPLICATION, Action.UPDATE, tenant_argument=None),
    "caseAcknowledge": Permission(Resource.CASE, Action.UPDATE, tenant_argument=None),
    "caseSupplementRequest": Permission(Resource.CASE, Action.UPDATE, tenant_argument=None),
    "caseSupplementProvide": Permission(Resource.APPLICATION, Action.UPDATE, tenant_argument=None),
    "caseDecide": Permission(Resource.CASE, Action.DECIDE, tenant_argument=None),
    "emergencyModeSet": Permission(Resource.TENANT, Action.UPDATE, "input.tenant"),
    # re-verification (issue 22): the street office's list; a review is completed with the
    # authority of a decision on its case; a family reports a change as it updates its application
    "reverifications": Permission(Resource.REVERIFICATION, Action.READ, "filter.tenant"),
    "reverificationComplete": Permission(Resource.CASE, Action.DECIDE, tenant_argument=None),
    "householdChangeReport": Permission(Resource.APPLICATION, Action.UPDATE, tenant_argument=None),
    # working-day calendar (issue 19): public like the 办事指南 it dates (not PUBLIC_REFERENCE:
    # publishing a calendar does not move the content revision the response cache keys on)
    "workingCalendar": PUBLIC,
    "workingCalendarPublish": Permission(Resource.WORKING_CALENDAR, Action.PUBLISH, "input.tenant"),
    # tenant parameters and eligibility screening (issue 21): values and screening are public
    # like the 办事指南 they complete; answers to a screening are never stored. Parameters are
    # the same for every caller and tenantParameterSet moves the content revision: cached.
    "parameters": PUBLIC_REFERENCE,
    "tenantParameterSet": Permission(Resource.TENANT_PARAMETER, Action.UPDATE, "input.tenant"),
    "eligibilityScreen": PUBLIC,
    "policyQuestions": PUBLIC,
    "policyQuestionSet": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "policyQuestionDelete": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "screeningQuestions": PUBLIC,
    # the needs assessment (issue 22): recorded for a household, read by the departments it
    # concerns; each service narrows to the household's area and departments
    "needsAssessment": Permission(Resource.NEEDS_ASSESSMENT, Action.READ, tenant_argument=None),
    "needsAssessmentRecord": Permission(Resource.NEEDS_ASSESSMENT, Action.CREATE, "input.tenant"),
    "needsAssessmentRevise": Permission(
        Resource.NEEDS_ASSESSMENT, Action.UPDATE, tenant_argument=None
    ),
    # webhooks to department systems (issue 19, ADR 0026); the id names the subscription's tenant
    "webhookSubscriptions": Permission(Resource.WEBHOOK_SUBSCRIPTION, Action.READ),
    "webhookDeliveries": Permission(
        Resource.WEBHOOK_SUBSCRIPTION, Action.READ, tenant_argument=None
    ),
    "webhookSubscriptionCreate": Permission(
        Resource.WEBHOOK_SUBSCRIPTION, Action.CREATE, "input.tenant"
    ),
    "webhookSubscriptionDelete": Permission(
        Resource.WEBHOOK_SUBSCRIPTION, Action.DELETE, tenant_argument=None
    ),
    "webhookSubscriptionRotateSecret": Permission(
        Resource.WEBHOOK_SUBSCRIPTION, Action.UPDATE, tenant_argument=None
    ),
    # grants (role assignments, the caller)
    "me": Permission(Resource.ME, Action.READ, tenant_argument=None),
    # statistics (issue 23)
    "statistics": Permission(Resource.STATISTICS, Action.READ),
    "roleAssignments": Permission(Resource.ROLE_ASSIGNMENT, Action.READ),
    "roleGrant": Permission(Resource.ROLE_ASSIGNMENT, Action.GRANT, "input.tenant"),
    "roleRevoke": Permission(Resource.ROLE_ASSIGNMENT, Action.REVOKE, "input.tenant"),
    # audit (histories beyond the target tenant are narrowed to the auditor's jurisdiction)
    "auditEvents": Permission(Resource.AUDIT_EVENT, Action.READ, "filter.tenant"),
    # the reform's effect and 办结汇总 (issue 23, ADR 0035)
    "reformEffect": Permission(Resource.REFORM_REPORT, Action.READ),
    "completionSummary": Permission(Resource.COMPLETION_SUMMARY, Action.READ),
    "auditVerify": Permission(Resource.AUDIT_EVENT, Action.READ),
    "applicationHistory": Permission(Resource.AUDIT_EVENT, Action.READ, tenant_argument=None),
    "personHistory": Permission(Resource.AUDIT_EVENT, Action.READ, tenant_argument=None),
    # Relay refetching: open at the root, each node checked by its own type's service (tenants
    # and the catalogue are public, an application needs what application(id:) needs)
    "node": PUBLIC,
    "nodes": PUBLIC,
}


def permission_of(field_name: str) -> Permission | Public:
    try:
        return ROOT_FIELDS[field_name]
    except KeyError:
        raise KeyError(
            f"root field {field_name!r} has no entry in socialaid.access.registry.ROOT_FIELDS"
        ) from None


def shared_public(field_name: str) -> bool:
    """True when the root field answers everyone alike (see `Public.shared`)."""
    entry = ROOT_FIELDS.get(field_name)
    return isinstance(entry, Public) and entry.shared


def registered_permission(field_name: str) -> Permission | Public | None:
    """The field's entry, or None: the mutation runner refuses a field nobody registered."""
    return ROOT_FIELDS.get(field_name)
