"""分类审核认定: which of an item's categories a family's facts meet, for the office to confirm.

Pure, like screening: the caller gives the item, the facts (an application's answers), the
parameter values in force and the words. The categories are tried in the catalogue's order; the
first one met is proposed. Only when every category is decided and none is met does the family
go under monitoring (纳入监测范围, 004 三（二）1); a category that still waits on an answer or on
a parameter nobody set keeps the proposal open rather than sending the family to monitoring.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from json_logic.builtins import to_bool

from socialaid.catalogue.files import ItemFile
from socialaid.screening.partial import Known, Unknown, partially_evaluate
from socialaid.screening.screening import FailedCondition, failed_conditions
from socialaid.screening.words import Wording
from socialaid.sources import SourceRef


class CategoryOutcome(StrEnum):
    MET = "MET"
    NOT_MET = "NOT_MET"
    UNDECIDED = "UNDECIDED"


class ProposalKind(StrEnum):
    CATEGORY = "CATEGORY"  # a category is met: recognise the family as it
    MONITORING = "MONITORING"  # every category decided, none met: 纳入监测范围
    UNDECIDED = "UNDECIDED"  # no category met yet, and some wait on answers or parameters


@dataclass(frozen=True)
class CategoryCheck:
    target_group: str
    outcome: CategoryOutcome
    reason: str  # in words: what was met, what failed, or what is missing
    failed: tuple[FailedCondition, ...]
    missing_answers: tuple[str, ...]
    missing_parameters: tuple[str, ...]
    source: SourceRef


@dataclass(frozen=True)
class Proposal:
    kind: ProposalKind
    category: str | None
    checks: tuple[CategoryCheck, ...]


def classifies(spec: ItemFile) -> bool:
    """Whether the item is recognised by category (its catalogue entry lists categories)."""
    return bool(spec.classification)


def classify(
    spec: ItemFile,
    facts: Mapping[str, Any],
    parameters: Mapping[str, Any],
    wording: Wording,
    group_names: Mapping[str, str],
) -> Proposal:
    """The category the facts meet first, with each category's check and its reason."""
    checks = tuple(
        _check(rule.target_group, rule.rule, rule.source, facts, parameters, wording, group_names)
        for rule in spec.classification
    )
    met = next((c for c in checks if c.outcome is CategoryOutcome.MET), None)
    if met is not None:
        return Proposal(ProposalKind.CATEGORY, met.target_group, checks)
    if checks and all(c.outcome is CategoryOutcome.NOT_MET for c in checks):
        return Proposal(ProposalKind.MONITORING, None, checks)
    return Proposal(ProposalKind.UNDECIDED, None, checks)


def _check(
    group: str,
    rule: Any,
    source: SourceRef,
    facts: Mapping[str, Any],
    parameters: Mapping[str, Any],
    wording: Wording,
    group_names: Mapping[str, str],
) -> CategoryCheck:
    name = group_names.get(group, group)
    result = partially_evaluate(rule, facts, parameters)
    if isinstance(result, Unknown):
        answers = tuple(sorted(result.answers))
        params = tuple(sorted(result.parameters))
        missing = [wording.label(k) for k in answers]
        missing += [wording.label(f"params.{k}") + "（尚未设定）" for k in params]
        return CategoryCheck(
            group,
            CategoryOutcome.UNDECIDED,
            f"{name}：无法判断，缺少" + "、".join(missing),
            (),
            answers,
            params,
            source,
        )
    assert isinstance(result, Known)
    if to_bool(result.value):
        return CategoryCheck(
            group,
            CategoryOutcome.MET,
            f"{name}：符合{wording.requirement(rule)}",
            (),
            (),
            (),
            source,
        )
    failed = failed_conditions(rule, facts, parameters, wording, source)
    because = "；".join(f"{f.requirement}（{f.facts}）" for f in failed)
    return CategoryCheck(
        group, CategoryOutcome.NOT_MET, f"{name}：不符合{because}", failed, (), (), source
    )
