"""Discovery rules without a database: when a rule runs and fires, and what the publish-time
lint refuses."""

from __future__ import annotations

from typing import Any

from socialaid.catalogue.files import DiscoveryRule
from socialaid.catalogue.lint import lint_discovery_rules
from socialaid.config import Settings
from socialaid.discovery.jobs import DISCOVERY_SCAN
from socialaid.discovery.rules import compile_rule, fires, runnable
from socialaid.worker_jobs import job_registry

SOURCE = {"seed": "003_2610f75d9152240d.txt", "section": "三"}
BILLS = {">=": [{"var": "large_medical_bills.amount"}, {"var": "params.bill_line"}]}


def rule(
    condition: dict[str, Any], items: list[str] | None = None, code: str = "r"
) -> DiscoveryRule:
    return DiscoveryRule.model_validate(
        {
            "code": code,
            "name": "测试规则",
            "rule": condition,
            "suggested_items": items or ["medical_aid"],
            "source": SOURCE,
        }
    )


def test_a_rule_whose_threshold_has_no_value_does_not_run() -> None:
    ready, waiting = runnable({"r": ("310000", rule(BILLS))}, {})
    assert (ready, waiting) == ([], ["r"])


def test_a_rule_with_its_threshold_set_runs() -> None:
    ready, waiting = runnable({"r": ("310000", rule(BILLS))}, {"bill_line": 30000})
    assert [r.rule.code for r in ready] == ["r"] and waiting == []


def test_a_bill_at_the_line_fires_and_one_below_does_not() -> None:
    compiled = compile_rule("310000", rule(BILLS))
    values = {"bill_line": 30000}
    assert fires(compiled, {"large_medical_bills": {"amount": 30000}}, values) is True
    assert fires(compiled, {"large_medical_bills": {"amount": 29999.5}}, values) is False


def test_a_resident_without_the_tags_a_rule_reads_is_not_matched_by_it() -> None:
    # JSONLogic compares a missing value as null, and null >= 0 is true: the kind must be held.
    compiled = compile_rule("310000", rule(BILLS))
    assert fires(compiled, {"disaster": {"affected": True}}, {"bill_line": 0}) is False


def test_a_rule_reads_several_kinds_together() -> None:
    both = {
        "and": [
            {"==": [{"var": "disability.severe"}, True]},
            {"==": [{"var": "employment.employed"}, False]},
        ]
    }
    compiled = compile_rule("310105", rule(both))
    assert compiled.kinds == {"disability", "employment"}
    tags = {"disability": {"severe": True}, "employment": {"employed": False}}
    assert fires(compiled, tags, {}) is True
    assert fires(compiled, {**tags, "employment": {"employed": True}}, {}) is False


def test_the_lint_accepts_known_tag_kinds_parameters_and_items() -> None:
    assert lint_discovery_rules([rule(BILLS)], {"medical_aid"}, parameters={"bill_line"}) == []


def test_the_lint_names_an_unknown_tag_kind_an_undeclared_parameter_and_a_missing_item() -> None:
    wrong = {"and": [{"var": "medical_bills.amount"}, {"var": "params.nowhere"}]}
    errors = lint_discovery_rules(
        [rule(wrong, ["no_such_item"]), rule(BILLS)], {"medical_aid"}, parameters={"bill_line"}
    )
    assert [(e.path, e.code) for e in errors] == [
        ("discovery_rules[0].rule.and[0].var", "UNKNOWN_TAG_KIND"),
        ("discovery_rules[0].rule.and[1].var", "UNKNOWN_TAG_KIND"),
        ("discovery_rules[0].suggested_items[0]", "UNKNOWN_SUGGESTED_ITEM"),
        ("discovery_rules[1].code", "DUPLICATE_DISCOVERY_RULE"),
    ]


def test_the_lint_refuses_operators_outside_the_subset() -> None:
    errors = lint_discovery_rules(
        [rule({"log": [{"var": "age.years"}]})], {"medical_aid"}, parameters=set()
    )
    assert [e.code for e in errors] == ["OPERATOR_NOT_ALLOWED"]


def test_the_worker_runs_the_discovery_job_on_its_configured_schedule() -> None:
    registry = job_registry(Settings(discovery_cron="*/5 * * * *"))
    assert registry.periodic_tasks[DISCOVERY_SCAN].cron == "*/5 * * * *"
