"""The authorization decision: role rules from the policy files, tenant subtree, attributes."""

from __future__ import annotations

import pytest

from socialaid.access.decisions import ForbiddenError, UnauthenticatedError, authorize, is_allowed
from socialaid.access.policy import MODEL_FILE, Policy, default_policy
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource, Role
from tests.access.people import PATHS, person


def at(tenant: str, **attributes: str) -> Target:
    return Target(PATHS[tenant], **attributes)


def test_a_changning_caseworker_cannot_read_shanxi_or_jiangyin_data() -> None:
    caseworker = person("310105", Role.CASEWORKER, departments=("civil_affairs",))
    for resource in (Resource.APPLICATION, Resource.CASE, Resource.SHARED_RECORD):
        assert is_allowed(caseworker, resource, Action.READ, at("310105"))
        assert not is_allowed(caseworker, resource, Action.READ, at("140000"))
        assert not is_allowed(caseworker, resource, Action.READ, at("140105"))
        assert not is_allowed(caseworker, resource, Action.READ, at("320281"))


def test_a_changning_caseworker_cannot_read_shanghai_above_it() -> None:
    caseworker = person("310105", Role.CASEWORKER, departments=("civil_affairs",))
    assert not is_allowed(caseworker, Resource.CASE, Action.READ, at("310000"))


def test_a_department_caseworker_decides_its_own_departments_case_only() -> None:
    caseworker = person("310105", Role.CASEWORKER, departments=("civil_affairs",))
    own = at("310105", department="civil_affairs")
    other = at("310105", department="education")
    assert is_allowed(caseworker, Resource.CASE, Action.DECIDE, own)
    assert not is_allowed(caseworker, Resource.CASE, Action.DECIDE, other)
    with pytest.raises(ForbiddenError):
        authorize(caseworker, Resource.CASE, Action.DECIDE, other)


def test_an_approver_of_two_departments_decides_cases_of_both() -> None:
    approver = person("310105", Role.APPROVER, departments=("civil_affairs", "education"))
    for department in ("civil_affairs", "education"):
        assert is_allowed(
            approver, Resource.CASE, Action.DECIDE, at("310105", department=department)
        )
    assert not is_allowed(
        approver, Resource.CASE, Action.DECIDE, at("310105", department="housing")
    )


def test_an_auditor_can_read_everything_auditable_and_change_nothing() -> None:
    auditor = person("310000", Role.AUDITOR)
    for tenant in ("310000", "310105"):
        for resource in Resource:
            for action in Action:
                allowed = is_allowed(auditor, resource, action, at(tenant))
                if action is not Action.READ:
                    assert not allowed, (resource, action)
        for resource in (Resource.AUDIT_EVENT, Resource.CASE, Resource.APPLICATION):
            assert is_allowed(auditor, resource, Action.READ, at(tenant))


def test_a_grant_in_a_tenant_covers_its_descendants_not_its_parent_or_siblings() -> None:
    shanghai_admin = person("310000", Role.TENANT_ADMIN)
    changning_admin = person("310105", Role.TENANT_ADMIN)
    grant = (Resource.ROLE_ASSIGNMENT, Action.GRANT)
    assert is_allowed(shanghai_admin, *grant, at("310105"))
    assert not is_allowed(changning_admin, *grant, at("310000"))
    assert not is_allowed(shanghai_admin, *grant, at("320281"))


def test_an_applicant_acts_on_their_own_application_only() -> None:
    applicant = person("310105", Role.APPLICANT, user="citizen-1")
    mine, theirs = at("310105", owner="citizen-1"), at("310105", owner="citizen-2")
    assert is_allowed(applicant, Resource.APPLICATION, Action.UPDATE, mine)
    assert not is_allowed(applicant, Resource.APPLICATION, Action.UPDATE, theirs)
    assert not is_allowed(applicant, Resource.CASE, Action.DECIDE, mine)


def test_an_adviser_reaches_applications_inside_their_street_only() -> None:
    adviser = person("310105", Role.ADVISER, area="huayang")
    inside = at("310105", area_path="huayang/community-1")
    outside = at("310105", area_path="jiangsu_road")
    assert is_allowed(adviser, Resource.APPLICATION, Action.READ, inside)
    assert not is_allowed(adviser, Resource.APPLICATION, Action.READ, outside)


def test_the_analyst_reads_but_never_decides() -> None:
    analyst = person("140000", Role.ANALYST)
    assert is_allowed(analyst, Resource.CASE, Action.READ, at("140105"))
    assert not is_allowed(analyst, Resource.CASE, Action.DECIDE, at("140105"))
    assert not is_allowed(analyst, Resource.AUDIT_EVENT, Action.READ, at("140105"))


def test_without_a_principal_authorize_says_unauthenticated() -> None:
    with pytest.raises(UnauthenticatedError):
        authorize(None, Resource.ME, Action.READ, at("310000"))


def test_a_rule_for_one_tenant_applies_there_and_below_but_not_to_siblings() -> None:
    policy = Policy.from_text(
        MODEL_FILE.read_text(encoding="utf-8"),
        "p, window_clerk, 320000/320200, triage, escalate\n",
    )
    clerk_at = {code: person(code, Role.WINDOW_CLERK) for code in ("320200", "320281", "320000")}
    escalate = (Resource.TRIAGE, Action.ESCALATE)
    assert is_allowed(clerk_at["320200"], *escalate, at("320200"), policy=policy)
    assert is_allowed(clerk_at["320281"], *escalate, at("320281"), policy=policy)
    assert not is_allowed(clerk_at["320000"], *escalate, at("320000"), policy=policy)


def test_a_role_may_inherit_another_roles_rules_by_a_g_line() -> None:
    policy = Policy.from_text(
        MODEL_FILE.read_text(encoding="utf-8"),
        "p, caseworker, *, case, read\ng, approver, caseworker, *\n",
    )
    approver = person("310105", Role.APPROVER)
    assert is_allowed(approver, Resource.CASE, Action.READ, at("310105"), policy=policy)


def test_every_resource_type_has_a_rule_and_every_role_may_ask_who_it_is() -> None:
    rules = default_policy().rules.permissions
    assert {Resource(r[2]) for r in rules} == set(Resource)
    assert {Role(r[0]) for r in rules if r[2:] == ("me", "read")} == set(Role)


def test_a_policy_line_naming_an_unknown_role_is_refused() -> None:
    with pytest.raises(ValueError, match="superuser"):
        Policy.from_text(MODEL_FILE.read_text(encoding="utf-8"), "p, superuser, *, case, read\n")


def test_an_area_names_a_place_of_the_clerks_own_tenant_only() -> None:
    clerk = person("310000", Role.WINDOW_CLERK, area="putuo")
    assert is_allowed(clerk, Resource.APPLICATION, Action.READ, at("310000", area_path="putuo"))
    # The same code in a district below is another place.
    assert not is_allowed(clerk, Resource.APPLICATION, Action.READ, at("310105", area_path="putuo"))
