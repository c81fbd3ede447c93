"""What the decision functions answer besides yes and no: the actor, the roles, the actions.

Most tests here bring a permission table of their own, so the expected answers follow from the
few lines written next to them rather than from the shipped policy.csv.
"""

from __future__ import annotations

import pytest

from socialaid.access.decisions import (
    ForbiddenError,
    UnauthenticatedError,
    allowed_somewhere,
    allowing_grants,
    authenticated,
    authorize,
    is_allowed,
    permitted_actions,
    roles_allowed,
)
from socialaid.access.policy import MODEL_FILE, Policy
from socialaid.access.principal import Grant, Principal, Target
from socialaid.access.vocabulary import Action, Resource, Role
from socialaid.errors import ErrorCode
from tests.access.people import PATHS, person

# Caseworkers and approvers read cases everywhere and decide them in Shanghai; auditors read the
# audit trail. Nobody may do anything else.
RULES = """
p, caseworker, *, case, read
p, caseworker, 310000, case, decide
p, approver, *, case, read
p, approver, 310000, case, decide
p, auditor, *, audit_event, read
p, auditor, *, case, read
"""


def policy() -> Policy:
    return Policy.from_text(MODEL_FILE.read_text(encoding="utf-8"), RULES)


def at(tenant: str, **attributes: str) -> Target:
    return Target(PATHS[tenant], **attributes)


def test_authorize_returns_the_very_actor_it_allowed() -> None:
    caseworker = person("310105", Role.CASEWORKER, departments=("civil_affairs",))
    target = at("310105", department="civil_affairs")
    allowed = authorize(caseworker, Resource.CASE, Action.DECIDE, target, policy=policy())
    assert allowed is caseworker


def test_authorize_goes_by_the_policy_it_is_given() -> None:
    auditor = person("310000", Role.AUDITOR)
    # The policy here lets an auditor read cases but not decide them; the shipped one agrees on
    # the second only, so only a check that uses this policy answers both right.
    assert authorize(auditor, Resource.AUDIT_EVENT, Action.READ, at("310105"), policy=policy())
    with pytest.raises(ForbiddenError):
        authorize(auditor, Resource.CASE, Action.DECIDE, at("310105"), policy=policy())
    with pytest.raises(ForbiddenError):
        authorize(auditor, Resource.AUDIT_EVENT, Action.DELETE, at("310105"), policy=policy())


def test_authorize_checks_the_resource_and_action_it_is_asked_about() -> None:
    caseworker = person("310105", Role.CASEWORKER, departments=("civil_affairs",))
    target = at("310105", department="civil_affairs")
    with pytest.raises(ForbiddenError):
        authorize(caseworker, Resource.AUDIT_EVENT, Action.READ, target, policy=policy())
    assert authorize(caseworker, Resource.CASE, Action.READ, target, policy=policy())


def test_authorize_decides_for_the_target_tenant() -> None:
    approver = person("310000", Role.APPROVER, departments=("civil_affairs",))
    approver_in_jiangsu = Principal(
        user_id="u2",
        tenant_id="320000",
        tenant_path=PATHS["320000"],
        grants=(Grant(Role.APPROVER, "320000", PATHS["320000"]),),
        departments=("civil_affairs",),
    )
    own = at("310105", department="civil_affairs")
    assert authorize(approver, Resource.CASE, Action.DECIDE, own, policy=policy()) is approver
    with pytest.raises(ForbiddenError):
        authorize(
            approver_in_jiangsu,
            Resource.CASE,
            Action.DECIDE,
            at("320281", department="civil_affairs"),
            policy=policy(),
        )


def test_nobody_is_allowed_anything_and_authorize_asks_them_to_sign_in() -> None:
    assert not is_allowed(None, Resource.ME, Action.READ, at("310000"))
    assert not is_allowed(None, Resource.CASE, Action.READ, at("310105"), policy=policy())
    with pytest.raises(UnauthenticatedError):
        authenticated(None)
    someone = person("310105", Role.APPLICANT)
    assert authenticated(someone) is someone


def test_refusals_say_the_same_words_whatever_was_refused() -> None:
    with pytest.raises(ForbiddenError) as refused:
        authorize(person("310105", Role.AUDITOR), Resource.CASE, Action.DECIDE, at("310105"))
    assert refused.value.message == "没有权限执行此操作"
    assert str(refused.value) == "没有权限执行此操作"
    assert refused.value.code is ErrorCode.FORBIDDEN
    with pytest.raises(UnauthenticatedError) as unknown:
        authorize(None, Resource.CASE, Action.READ, at("310105"))
    assert unknown.value.message == "需要有效的身份凭证"
    assert unknown.value.code is ErrorCode.UNAUTHENTICATED


def test_a_tenant_wide_role_reads_a_row_whoever_owns_it() -> None:
    auditor = person("310000", Role.AUDITOR, user="aud-1")
    someone_elses = at("310105", owner="citizen-2")
    assert is_allowed(auditor, Resource.CASE, Action.READ, someone_elses, policy=policy())


def test_a_department_role_is_not_narrowed_by_the_rows_owner() -> None:
    caseworker = person("310105", Role.CASEWORKER, user="cw-1", departments=("civil_affairs",))
    row = at("310105", department="civil_affairs", owner="citizen-2")
    assert is_allowed(caseworker, Resource.CASE, Action.READ, row, policy=policy())


def test_the_grants_that_allow_are_those_covering_the_tenant_with_a_role_allowed_there() -> None:
    actor = Principal(
        user_id="u1",
        tenant_id="310105",
        tenant_path=PATHS["310105"],
        grants=(
            Grant(Role.CASEWORKER, "310105", PATHS["310105"]),
            Grant(Role.AUDITOR, "310000", PATHS["310000"]),
            Grant(Role.APPROVER, "320000", PATHS["320000"]),
        ),
    )
    reading = allowing_grants(actor, Resource.CASE, Action.READ, PATHS["310105"], policy=policy())
    assert [g.role for g in reading] == [Role.CASEWORKER, Role.AUDITOR]
    deciding = allowing_grants(
        actor, Resource.CASE, Action.DECIDE, PATHS["310105"], policy=policy()
    )
    assert [g.role for g in deciding] == [Role.CASEWORKER]
    assert (
        allowing_grants(actor, Resource.CASE, Action.DECIDE, PATHS["320281"], policy=policy()) == ()
    )


def test_the_roles_allowed_are_those_through_which_this_very_target_is_reached() -> None:
    actor = Principal(
        user_id="cw-1",
        tenant_id="310105",
        tenant_path=PATHS["310105"],
        grants=(
            Grant(Role.CASEWORKER, "310105", PATHS["310105"]),
            Grant(Role.AUDITOR, "310000", PATHS["310000"]),
            Grant(Role.CASEWORKER, "310000", PATHS["310000"]),
        ),
        departments=("civil_affairs",),
    )
    own = at("310105", department="civil_affairs")
    other = at("310105", department="education")
    assert roles_allowed(actor, Resource.CASE, Action.READ, own, policy=policy()) == (
        Role.CASEWORKER,
        Role.AUDITOR,
    )
    assert roles_allowed(actor, Resource.CASE, Action.READ, other, policy=policy()) == (
        Role.AUDITOR,
    )
    assert roles_allowed(actor, Resource.CASE, Action.DECIDE, other, policy=policy()) == ()
    assert roles_allowed(actor, Resource.AUDIT_EVENT, Action.READ, own, policy=policy()) == (
        Role.AUDITOR,
    )
    elsewhere = Target(PATHS["320281"], department="civil_affairs")
    assert roles_allowed(actor, Resource.CASE, Action.READ, elsewhere, policy=policy()) == ()
    # The shipped policy would let this caseworker decide in Jiangsu; the one given does not.
    in_jiangsu = person("320000", Role.CASEWORKER, departments=("civil_affairs",))
    assert roles_allowed(in_jiangsu, Resource.CASE, Action.DECIDE, elsewhere, policy=policy()) == ()
    assert roles_allowed(in_jiangsu, Resource.CASE, Action.READ, elsewhere, policy=policy()) == (
        Role.CASEWORKER,
    )


def test_the_permitted_actions_are_every_pair_some_grant_allows_there_sorted() -> None:
    actor = Principal(
        user_id="u1",
        tenant_id="310105",
        tenant_path=PATHS["310105"],
        grants=(
            Grant(Role.CASEWORKER, "310105", PATHS["310105"]),
            Grant(Role.AUDITOR, "310000", PATHS["310000"]),
        ),
    )
    assert permitted_actions(actor, PATHS["310105"], policy=policy()) == [
        (Resource.AUDIT_EVENT, Action.READ),
        (Resource.CASE, Action.DECIDE),
        (Resource.CASE, Action.READ),
    ]
    # Above the caseworker's tenant only the auditor's grant counts.
    assert permitted_actions(actor, PATHS["310000"], policy=policy()) == [
        (Resource.AUDIT_EVENT, Action.READ),
        (Resource.CASE, Action.READ),
    ]
    assert permitted_actions(actor, PATHS["320000"], policy=policy()) == []


def test_the_permitted_actions_come_from_the_shipped_policy_by_default() -> None:
    auditor = person("310000", Role.AUDITOR)
    pairs = permitted_actions(auditor, PATHS["310105"])
    assert (Resource.AUDIT_EVENT, Action.READ) in pairs
    assert all(action is Action.READ for _, action in pairs)


def test_allowed_somewhere_returns_the_actor_whose_grant_allows_it_in_any_tenant() -> None:
    # The shipped policy: a department's caseworker decides cases (000 三（二）2), wherever the
    # grant lies; the row's own tenant is the service's check, not this one.
    shanxi_caseworker = person("140000", Role.CASEWORKER, departments=("civil_affairs",))
    assert allowed_somewhere(shanxi_caseworker, Resource.CASE, Action.DECIDE) is shanxi_caseworker


def test_allowed_somewhere_refuses_a_role_no_grant_of_which_allows_it() -> None:
    analyst = person("310000", Role.ANALYST)
    with pytest.raises(ForbiddenError):
        allowed_somewhere(analyst, Resource.CASE, Action.DECIDE)


def test_allowed_somewhere_looks_at_every_grant_not_only_the_first() -> None:
    analyst = person("310000", Role.ANALYST)
    caseworker = person("310105", Role.CASEWORKER, departments=("civil_affairs",))
    both = Principal(
        user_id="two-hats",
        tenant_id="310000",
        tenant_path=PATHS["310000"],
        grants=(*analyst.grants, *caseworker.grants),
        departments=("civil_affairs",),
    )
    assert allowed_somewhere(both, Resource.CASE, Action.DECIDE) is both


def test_allowed_somewhere_asks_a_caller_without_credentials_to_sign_in() -> None:
    with pytest.raises(UnauthenticatedError):
        allowed_somewhere(None, Resource.CASE, Action.DECIDE)
