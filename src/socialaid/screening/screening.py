"""Screening a family against items' eligibility rules, with reasons and benefit estimates.

Pure: the caller gives the items (as the catalogue states them), the parameter values the
tenant reads today, the words for keys, and the answers. Answers are only read: nothing here
keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from json_logic.builtins import to_bool

from socialaid.catalogue.conditions import PARAMS_PREFIX, analyse
from socialaid.catalogue.files import ItemFile, Mode
from socialaid.screening.partial import Known, Partial, Unknown, partially_evaluate
from socialaid.screening.words import Wording, number_text
from socialaid.sources import SourceRef


class Outcome(StrEnum):
    LIKELY = "LIKELY"
    UNLIKELY = "UNLIKELY"
    NEEDS_INFORMATION = "NEEDS_INFORMATION"
    NOT_SCREENABLE = "NOT_SCREENABLE"


class NotScreenableReason(StrEnum):
    NO_RULE = "NO_RULE"  # the seeds state no testable condition: only words
    PARAMETER_WITHOUT_VALUE = "PARAMETER_WITHOUT_VALUE"  # the rule needs a value nobody set
    NOT_ON_APPLICATION = "NOT_ON_APPLICATION"  # 非依申请: organised by the department


@dataclass(frozen=True)
class FailedCondition:
    requirement: str  # what the rule asks, in words
    facts: str  # the family's answers (and parameters) it was checked against
    source: SourceRef


@dataclass(frozen=True)
class MissingParameter:
    key: str
    label: str
    unit: str | None


@dataclass(frozen=True)
class Estimate:
    amount: float | None  # yuan, rounded to cents; None while answers or parameters are missing
    period: str | None  # the benefit's period (monthly, yearly, one_off …)
    formula_text: str | None  # the catalogue's formula in words
    calculation: str | None  # the formula with the family's numbers, `= amount`
    missing_answers: tuple[str, ...]
    missing_parameters: tuple[MissingParameter, ...]


@dataclass(frozen=True)
class ItemScreening:
    item: str
    name: str
    outcome: Outcome
    missing_answers: tuple[str, ...] = ()
    missing_parameters: tuple[MissingParameter, ...] = ()
    not_screenable: NotScreenableReason | None = None
    explanation: str = ""
    failed: tuple[FailedCondition, ...] = ()
    estimate: Estimate | None = None
    rule_source: SourceRef | None = None


@dataclass(frozen=True)
class ParameterInfo:
    label: str
    unit: str | None
    value: Any  # None: no value


def screen(
    spec: ItemFile,
    answers: Mapping[str, Any],
    parameters: Mapping[str, ParameterInfo],
    wording: Wording,
) -> ItemScreening:
    """One item's outcome for `answers`."""
    values = {key: p.value for key, p in parameters.items() if p.value is not None}
    source = spec.sources.get("eligibility", spec.source)
    base = ItemScreening(spec.code, spec.name, Outcome.NOT_SCREENABLE, rule_source=source)
    if spec.mode is Mode.ORGANISED:
        return replace(
            base,
            outcome=Outcome.NOT_SCREENABLE,
            not_screenable=NotScreenableReason.NOT_ON_APPLICATION,
            explanation="该事项由部门组织实施，不接受申请",
        )
    if spec.eligibility is None:
        return replace(
            base,
            outcome=Outcome.NOT_SCREENABLE,
            not_screenable=NotScreenableReason.NO_RULE,
            explanation="该事项的条件只有文字规定，无法自动判断，请向社区救助顾问或受理窗口咨询",
        )
    result = partially_evaluate(spec.eligibility, answers, values)
    if isinstance(result, Unknown):
        missing_answers = tuple(sorted(result.answers))
        missing_parameters = _missing_parameters(result, parameters)
        if missing_parameters:
            names = "、".join(p.label for p in missing_parameters)
            return replace(
                base,
                outcome=Outcome.NOT_SCREENABLE,
                not_screenable=NotScreenableReason.PARAMETER_WITHOUT_VALUE,
                missing_answers=missing_answers,
                missing_parameters=missing_parameters,
                explanation=f"本地尚未设定{names}，无法判断，请向受理窗口咨询",
            )
        return replace(
            base,
            outcome=Outcome.NEEDS_INFORMATION,
            missing_answers=missing_answers,
            explanation="还需要回答：" + "、".join(wording.label(key) for key in missing_answers),
        )
    if _truthy(result):
        estimate = _estimate(spec, answers, values, parameters, wording)
        return replace(
            base,
            outcome=Outcome.LIKELY,
            explanation="按您填写的情况，可能符合条件；以受理后的审核认定为准",
            estimate=estimate,
        )
    return replace(
        base,
        outcome=Outcome.UNLIKELY,
        explanation="按您填写的情况，可能不符合以下条件；以受理后的审核认定为准",
        failed=failed_conditions(spec.eligibility, answers, values, wording, source),
    )


def _truthy(result: Known) -> bool:
    return bool(to_bool(result.value))


def _missing_parameters(
    result: Unknown, parameters: Mapping[str, ParameterInfo]
) -> tuple[MissingParameter, ...]:
    found = []
    for key in sorted(result.parameters):
        info = parameters.get(key)
        found.append(
            MissingParameter(key, info.label if info else key, info.unit if info else None)
        )
    return tuple(found)


def failed_conditions(
    rule: Any,
    answers: Mapping[str, Any],
    values: Mapping[str, Any],
    wording: Wording,
    source: SourceRef,
) -> tuple[FailedCondition, ...]:
    """The conjuncts of the rule that the answers do not meet (the whole rule when it is not a
    conjunction), each with the facts it was checked against."""
    terms = rule["and"] if isinstance(rule, dict) and set(rule) == {"and"} else [rule]
    failed = []
    for term in terms if isinstance(terms, list) else [terms]:
        part = partially_evaluate(term, answers, values)
        if isinstance(part, Known) and not _truthy(part):
            failed.append(
                FailedCondition(
                    requirement=wording.requirement(term),
                    facts=_facts(term, answers, values, wording),
                    source=source,
                )
            )
    return tuple(failed)


def _facts(
    term: Any, answers: Mapping[str, Any], values: Mapping[str, Any], wording: Wording
) -> str:
    shown = []
    for key in analyse(term).keys:
        if "[]" in key:
            continue
        value = _value_of(key, answers, values)
        shown.append(f"{wording.label(key)}：{wording.value_text(key, value)}")
    return "；".join(shown)


def _value_of(key: str, answers: Mapping[str, Any], values: Mapping[str, Any]) -> Any:
    if key.startswith(PARAMS_PREFIX):
        return values.get(key.removeprefix(PARAMS_PREFIX))
    node: Any = answers
    for segment in key.split("."):
        if not isinstance(node, Mapping) or segment not in node:
            return None
        node = node[segment]
    return node


def _estimate(
    spec: ItemFile,
    answers: Mapping[str, Any],
    values: Mapping[str, Any],
    parameters: Mapping[str, ParameterInfo],
    wording: Wording,
) -> Estimate | None:
    benefit = spec.benefit
    if benefit is None or benefit.formula is None:
        return None
    result: Partial = partially_evaluate(benefit.formula, answers, values)
    if isinstance(result, Unknown):
        return Estimate(
            amount=None,
            period=benefit.period,
            formula_text=benefit.formula_text,
            calculation=None,
            missing_answers=tuple(sorted(result.answers)),
            missing_parameters=_missing_parameters(result, parameters),
        )
    value = result.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    amount = float(number_text(value))
    calculation = wording.calculation(benefit.formula, lambda key: _value_of(key, answers, values))
    return Estimate(
        amount=amount,
        period=benefit.period,
        formula_text=benefit.formula_text,
        calculation=f"{calculation} = {number_text(amount)} 元",
        missing_answers=(),
        missing_parameters=(),
    )


def screen_all(
    specs: Sequence[ItemFile],
    answers: Mapping[str, Any],
    parameters: Mapping[str, ParameterInfo],
    wording: Wording,
) -> list[ItemScreening]:
    return [screen(spec, answers, parameters, wording) for spec in specs]
