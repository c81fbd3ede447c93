"""Reading the permission table: its lines, its errors, rules for one tenant, and reloading it."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialaid.access.decisions import is_allowed
from socialaid.access.policy import (
    MODEL_FILE,
    Policy,
    Rules,
    default_policy,
    reload_default_policy,
    tenant_covers,
)
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource, Role
from tests.access.people import PATHS, person

MODEL = MODEL_FILE.read_text(encoding="utf-8")


def test_comments_and_blank_lines_anywhere_are_skipped() -> None:
    rules = Rules.parse(
        "# who reads cases\n"
        "\n"
        "p, caseworker, *, case, read\n"
        "   \n"
        "  # 审批人也可以读\n"
        "p, approver, 310000, case, read\n"
        "g, approver, caseworker, 320000\n"
    )
    assert rules.permissions == (
        ("caseworker", "*", "case", "read"),
        ("approver", "310000", "case", "read"),
    )
    assert rules.inheritance == (("approver", "caseworker", "320000"),)


def test_spaces_around_the_values_do_not_matter() -> None:
    rules = Rules.parse("p,caseworker ,  *,case,   read\ng,  approver,caseworker,*  ")
    assert rules.permissions == (("caseworker", "*", "case", "read"),)
    assert rules.inheritance == (("approver", "caseworker", "*"),)


@pytest.mark.parametrize(
    "line",
    [
        "p, caseworker, *, case",  # a p line has four values
        "p, caseworker, *, case, read, extra",
        "g, approver, caseworker",  # a g line has three
        "g, approver, caseworker, *, case",
        "x, caseworker, *, case",  # neither p nor g, though of a g line's length
        "q, caseworker, *, case, read",  # neither, though of a p line's length
    ],
)
def test_a_line_of_the_wrong_kind_or_length_is_refused_with_its_number(line: str) -> None:
    text = "# rules\np, caseworker, *, case, read\n" + line + "\n"
    with pytest.raises(ValueError, match=r"^policy line 3: cannot read ") as refused:
        Rules.parse(text)
    assert repr(line) in str(refused.value)


def test_unknown_resources_and_actions_are_refused() -> None:
    with pytest.raises(ValueError, match="spaceship"):
        Rules.parse("p, caseworker, *, spaceship, read\n")
    with pytest.raises(ValueError, match="launch"):
        Rules.parse("p, caseworker, *, case, launch\n")


def test_a_policy_is_read_from_the_files_it_is_given(tmp_path: Path) -> None:
    model, rules = tmp_path / "model.conf", tmp_path / "policy.csv"
    model.write_text(MODEL, encoding="utf-8")
    rules.write_text("# 只有审计员\np, auditor, *, audit_event, read\n", encoding="utf-8")
    policy = Policy.from_files(model, rules)
    assert policy.rules.permissions == (("auditor", "*", "audit_event", "read"),)
    assert policy.allows("auditor", "310000/310105", "audit_event", "read")
    assert not policy.allows("auditor", "310000/310105", "case", "read")


def test_an_inheritance_line_for_one_tenant_applies_there_and_below_only() -> None:
    policy = Policy.from_text(
        MODEL, "p, caseworker, *, case, read\ng, approver, caseworker, 320000\n"
    )
    assert policy.allows("approver", "320000", "case", "read")
    assert policy.allows("approver", "320000/320200/320281", "case", "read")
    assert not policy.allows("approver", "310000", "case", "read")
    assert not policy.allows(
        "approver", "3200001", "case", "read"
    )  # a code that merely starts alike
    assert policy.allows("caseworker", "310000", "case", "read")


def test_a_tenant_covers_itself_and_its_descendants_only() -> None:
    assert tenant_covers("320000", "320000")
    assert tenant_covers("320000", "320000/320200/320281")
    assert not tenant_covers("320000/320200", "320000")
    assert not tenant_covers("320000", "3200001")
    assert not tenant_covers("320000", "310000/320000")


def test_a_policy_builds_each_tenants_enforcer_once() -> None:
    policy = Policy.from_text(MODEL, "p, caseworker, *, case, read\n")
    first = policy.enforcer_for("310000/310105")
    assert policy.enforcer_for("310000/310105") is first
    assert policy.enforcer_for("310000") is not first


def test_a_decision_once_made_is_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    policy = Policy.from_text(MODEL, "p, caseworker, *, case, read\n")
    assert policy.allows("caseworker", "310000", "case", "read")
    assert not policy.allows("caseworker", "310000", "case", "decide")

    def no_more_enforcers(tenant_path: str) -> None:
        raise AssertionError("the decision was worked out again")

    monkeypatch.setattr(policy, "enforcer_for", no_more_enforcers)
    assert policy.allows("caseworker", "310000", "case", "read")
    assert not policy.allows("caseworker", "310000", "case", "decide")


def test_reloading_forgets_the_old_rules_and_decisions() -> None:
    policy = Policy.from_text(MODEL, "p, caseworker, *, case, read\n")
    assert policy.allows("caseworker", "310000", "case", "read")
    enforcer = policy.enforcer_for("310000")
    policy.reload(MODEL, "p, caseworker, *, case, decide\n")
    assert policy.rules.permissions == (("caseworker", "*", "case", "decide"),)
    assert not policy.allows("caseworker", "310000", "case", "read")
    assert policy.allows("caseworker", "310000", "case", "decide")
    assert policy.enforcer_for("310000") is not enforcer
    assert policy.permissions_of("caseworker", "310000") == {("case", "decide")}


def test_a_reload_with_an_unreadable_line_keeps_the_rules_in_force() -> None:
    policy = Policy.from_text(MODEL, "p, caseworker, *, case, read\n")
    with pytest.raises(ValueError):
        policy.reload(MODEL, "p, caseworker, *, case\n")
    assert policy.allows("caseworker", "310000", "case", "read")


def test_a_roles_permissions_are_every_pair_it_may_do_there() -> None:
    policy = Policy.from_text(
        MODEL,
        "p, caseworker, *, case, read\n"
        "p, caseworker, 310000, case, decide\n"
        "p, auditor, *, audit_event, read\n",
    )
    assert policy.permissions_of("caseworker", "310000/310105") == {
        ("case", "read"),
        ("case", "decide"),
    }
    assert policy.permissions_of("caseworker", "320000") == {("case", "read")}
    assert policy.permissions_of("auditor", "320000") == {("audit_event", "read")}
    assert policy.permissions_of("analyst", "320000") == set()


def test_reloading_the_default_policy_brings_back_the_shipped_files() -> None:
    auditor = person("310000", Role.AUDITOR)
    audit_trail = Target(PATHS["310105"])
    assert is_allowed(auditor, Resource.AUDIT_EVENT, Action.READ, audit_trail)
    default_policy().reload(MODEL, "p, caseworker, *, case, read\n")
    try:
        assert not is_allowed(auditor, Resource.AUDIT_EVENT, Action.READ, audit_trail)
    finally:
        reload_default_policy()
    assert is_allowed(auditor, Resource.AUDIT_EVENT, Action.READ, audit_trail)
    assert not is_allowed(auditor, Resource.AUDIT_EVENT, Action.DELETE, audit_trail)
