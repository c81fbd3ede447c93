"""The roles, resource types and actions the permission table is written in."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    APPLICANT = "applicant"
    ADVISER = "adviser"  # 社区救助顾问
    WINDOW_CLERK = "window_clerk"  # 一门受理窗口
    CASEWORKER = "caseworker"
    APPROVER = "approver"
    JOINT_MEETING = "joint_meeting"  # 联席会议办公室
    TENANT_ADMIN = "tenant_admin"
    AUDITOR = "auditor"
    ANALYST = "analyst"
    INTEGRATION = "integration"  # department systems, the 12345 hotline
    # Issue 23: a department's head reads its statistics, nothing of a single family (ADR 0034).
    DEPARTMENT_HEAD = "department_head"


class Resource(StrEnum):
    TENANT = "tenant"
    CATALOGUE = "catalogue"
    CATALOGUE_DRAFT = "catalogue_draft"
    FORM = "form"
    SHARED_RECORD = "shared_record"
    APPLICATION = "application"
    CASE = "case"
    TRIAGE = "triage"
    JOINT_MEETING = "joint_meeting"
    AUDIT_EVENT = "audit_event"
    ROLE_ASSIGNMENT = "role_assignment"
    WORKING_CALENDAR = "working_calendar"  # a province's holidays and adjusted working days
    TENANT_PARAMETER = "tenant_parameter"  # values of the catalogue's parameters (issue 21)
    WEBHOOK_SUBSCRIPTION = "webhook_subscription"  # a department system's webhook and deliveries
    REFORM_REPORT = "reform_report"  # the reform's effect against its targets (issue 23)
    COMPLETION_SUMMARY = "completion_summary"  # 办结汇总 per department (issue 23)
    LEAD = "lead"  # a 救助线索 discovery raised from livelihood tags (issue 22)
    NEEDS_ASSESSMENT = "needs_assessment"  # a household's needs assessment (issue 22)
    STATISTICS = "statistics"  # counts over applications and cases (issue 23), never a row
    REVERIFICATION = "reverification"  # re-verification of approved benefits (issue 22)
    ME = "me"


class Action(StrEnum):
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    PUBLISH = "publish"
    SUBMIT = "submit"
    DECIDE = "decide"
    ESCALATE = "escalate"
    GRANT = "grant"
    REVOKE = "revoke"
    BACKDATE = "backdate"  # a catalogue change that takes effect before today


class RowScope(StrEnum):
    """Which rows of its tenant subtree a role reaches."""

    TENANT = "tenant"  # every row in the subtree
    DEPARTMENT = "department"  # rows of the principal's departments
    AREA = "area"  # rows inside the principal's area (street, community)
    OWN = "own"  # rows the principal owns (an applicant's own applications)


ROW_SCOPE: dict[Role, RowScope] = {
    Role.APPLICANT: RowScope.OWN,
    Role.ADVISER: RowScope.AREA,
    Role.WINDOW_CLERK: RowScope.AREA,
    Role.CASEWORKER: RowScope.DEPARTMENT,
    Role.APPROVER: RowScope.DEPARTMENT,
    Role.JOINT_MEETING: RowScope.TENANT,
    Role.TENANT_ADMIN: RowScope.TENANT,
    Role.AUDITOR: RowScope.TENANT,
    Role.ANALYST: RowScope.TENANT,
    Role.INTEGRATION: RowScope.TENANT,
    Role.DEPARTMENT_HEAD: RowScope.DEPARTMENT,
}
