"""Evaluating a tenant's discovery rules over one resident's tags. Pure: no database.

A rule is JSONLogic over `<tag kind>.<fact>` and `params.<key>` (catalogue/files.py
DiscoveryRule). It is evaluated only when every parameter it reads has a value — a threshold the
tenant has not set raises no lead rather than one computed against null (JSONLogic compares
null as 0) — and only for a resident holding at least one of the tag kinds it reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from socialaid.catalogue.conditions import PARAMS_PREFIX, analyse, evaluate
from socialaid.catalogue.files import DiscoveryRule


@dataclass(frozen=True)
class CompiledRule:
    tenant: str  # whose catalogue file holds it
    rule: DiscoveryRule
    kinds: frozenset[str]  # the tag kinds it reads
    parameters: frozenset[str]  # the parameter keys it reads (without `params.`)


def compile_rule(tenant: str, rule: DiscoveryRule) -> CompiledRule:
    keys = analyse(rule.rule).keys
    return CompiledRule(
        tenant=tenant,
        rule=rule,
        kinds=frozenset(k.split(".", 1)[0] for k in keys if not k.startswith(PARAMS_PREFIX)),
        parameters=frozenset(
            k.removeprefix(PARAMS_PREFIX) for k in keys if k.startswith(PARAMS_PREFIX)
        ),
    )


def runnable(
    rules: Mapping[str, tuple[str, DiscoveryRule]], values: Mapping[str, Any]
) -> tuple[list[CompiledRule], list[str]]:
    """The rules whose parameters all have a value, and the codes of those left out."""
    compiled = [compile_rule(tenant, rule) for tenant, rule in rules.values()]
    ready = [c for c in compiled if c.parameters <= set(values)]
    waiting = [c.rule.code for c in compiled if not c.parameters <= set(values)]
    return ready, waiting


def fires(
    rule: CompiledRule, tags: Mapping[str, Mapping[str, Any]], values: Mapping[str, Any]
) -> bool:
    """Whether `rule` raises a lead for a resident holding `tags` (kind → facts)."""
    if not rule.kinds & set(tags):
        return False
    data: dict[str, Any] = {kind: dict(facts) for kind, facts in tags.items()}
    data["params"] = dict(values)
    return evaluate(rule.rule.rule, data)
