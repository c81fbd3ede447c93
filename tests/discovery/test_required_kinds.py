"""The tag kinds a rule cannot be true without (discovery/requirements.py): the expected sets are
worked out by hand from JSONLogic's semantics over missing facts (null, counted as 0)."""

from __future__ import annotations

from typing import Any

from socialaid.discovery.requirements import required_kinds


def fact(name: str, default: Any = None) -> dict[str, Any]:
    return {"var": [name, default]} if default is not None else {"var": name}


BILL = {">=": [fact("large_medical_bills.amount"), fact("params.line")]}
SEVERE = {"==": [fact("disability.severe"), True]}
UNEMPLOYED = {"==": [fact("employment.employed"), False]}


def test_a_threshold_above_zero_needs_the_kind_it_compares() -> None:
    assert required_kinds(BILL, {"line": 50_000}) == frozenset({"large_medical_bills"})


def test_a_threshold_of_zero_is_met_by_a_missing_amount_so_nothing_is_required() -> None:
    # A missing amount counts as 0, and 0 >= 0.
    assert required_kinds(BILL, {"line": 0}) is None


def test_equal_to_false_is_true_for_a_missing_fact() -> None:
    assert required_kinds(UNEMPLOYED, {}) is None


def test_and_needs_what_any_one_operand_needs() -> None:
    assert required_kinds({"and": [SEVERE, UNEMPLOYED]}, {}) == frozenset({"disability"})


def test_and_takes_the_operand_with_the_fewest_kinds() -> None:
    either = {"or": [{"var": "a.x"}, {"var": "b.x"}]}
    assert required_kinds({"and": [either, {"var": "c.x"}]}, {}) == frozenset({"c"})


def test_or_needs_every_operands_kinds_together() -> None:
    rule = {"or": [{"==": [fact("a.x"), True]}, {">": [fact("b.y"), 5]}]}
    assert required_kinds(rule, {}) == frozenset({"a", "b"})


def test_or_with_an_operand_true_without_tags_requires_nothing() -> None:
    rule = {"or": [{"==": [fact("a.x"), True]}, {"!": fact("b.y")}]}
    assert required_kinds(rule, {}) is None


def test_not_of_a_fact_is_true_when_the_fact_is_missing() -> None:
    assert required_kinds({"!": fact("a.x")}, {}) is None


def test_double_negation_needs_the_kind() -> None:
    assert required_kinds({"!": {"!": fact("a.x")}}, {}) == frozenset({"a"})


def test_if_needs_the_kinds_of_the_branches_it_can_return() -> None:
    assert required_kinds({"if": [fact("a.x"), fact("b.y"), fact("c.z")]}, {}) == frozenset(
        {"b", "c"}
    )


def test_if_whose_true_branch_is_constant_needs_its_condition_or_its_else() -> None:
    # Without a, the condition is null and the else branch (c.z, also missing) is returned.
    assert required_kinds({"if": [fact("a.x"), True, fact("c.z")]}, {}) == frozenset({"a", "c"})


def test_if_with_a_constant_true_else_requires_nothing() -> None:
    assert required_kinds({"if": [fact("a.x"), fact("b.y"), True]}, {}) is None


def test_if_without_else_returns_null_when_no_condition_holds() -> None:
    assert required_kinds({"if": [fact("a.x"), fact("b.y")]}, {}) == frozenset({"b"})


def test_a_default_that_passes_the_comparison_requires_nothing() -> None:
    assert required_kinds({">": [fact("a.x", 5), 3]}, {}) is None


def test_a_default_that_fails_the_comparison_needs_the_kind() -> None:
    assert required_kinds({">": [fact("a.x", 1), 3]}, {}) == frozenset({"a"})


def test_less_than_is_met_by_a_missing_fact() -> None:
    assert required_kinds({"<": [fact("a.x"), 10]}, {}) is None


def test_equal_to_text_needs_the_kind() -> None:
    assert required_kinds({"==": [fact("family.situation"), "独居"]}, {}) == frozenset({"family"})


def test_membership_of_a_missing_fact_in_a_list_of_text_needs_the_kind() -> None:
    assert required_kinds({"in": [fact("a.x"), ["甲", "乙"]]}, {}) == frozenset({"a"})


def test_a_rule_that_is_always_false_needs_no_resident() -> None:
    assert required_kinds({"and": [False, fact("a.x")]}, {}) == frozenset()


def test_some_over_a_fact_is_not_analysed() -> None:
    rule = {"some": [fact("a.x"), {"==": [{"var": ""}, 1]}]}
    assert required_kinds({"!": rule}, {}) is None
