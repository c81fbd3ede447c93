"""Scoring a household's needs and proposing what follows (需求统一评估、结果多方应用).

Pure: no database, no GraphQL. The scheme (dimensions, the parameters holding their weights and
thresholds, each dimension's items and departments) is the tenant's catalogue data; the values
are the tenant's parameters. Nothing here states a number of its own: a parameter without a value
means no proposal at all, with the parameters still to be set named.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from socialaid.catalogue.files import NeedsAssessmentScheme

# A score is a degree of hardship (家庭困境程度) on one dimension: 0 none, 1 the gravest.
LOWEST_SCORE, HIGHEST_SCORE = 0.0, 1.0


class Outcome(StrEnum):
    PROPOSED = "proposed"
    CANNOT_PROPOSE = "cannot_propose"  # a weight or threshold has no value yet


@dataclass(frozen=True)
class ScoreProblem:
    path: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class DimensionResult:
    code: str
    name: str
    score: float
    weight: float | None
    threshold: float | None
    reached: bool | None  # None while the threshold has no value
    items: tuple[str, ...]  # proposed on this dimension (only when reached)
    departments: tuple[str, ...]


@dataclass(frozen=True)
class Proposal:
    outcome: Outcome
    dimensions: tuple[DimensionResult, ...]
    composite: float | None  # the weighted sum of the scores
    composite_threshold: float | None
    composite_reached: bool | None
    items: tuple[str, ...]
    departments: tuple[str, ...]
    missing_parameters: tuple[str, ...]


def score_problems(
    scheme: NeedsAssessmentScheme, scores: Mapping[str, object]
) -> list[ScoreProblem]:
    """What is wrong with the scores given: every dimension of the scheme once, each a number
    from 0 to 1, no dimension the scheme does not name."""
    problems: list[ScoreProblem] = []
    known = {d.code for d in scheme.dimensions}
    for code in sorted(set(scores) - known):
        problems.append(
            ScoreProblem(
                ("scores", code), f"本区需求评估没有维度 {code}（可用：{'、'.join(sorted(known))}）"
            )
        )
    for dimension in scheme.dimensions:
        if dimension.code not in scores:
            problems.append(
                ScoreProblem(("scores", dimension.code), f"缺少维度“{dimension.name}”的评分")
            )
            continue
        value = scores[dimension.code]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not LOWEST_SCORE <= value <= HIGHEST_SCORE
        ):
            problems.append(
                ScoreProblem(
                    ("scores", dimension.code),
                    f"维度“{dimension.name}”的评分须为 0 到 1 之间的数（家庭困境程度，0 为无困难）",
                )
            )
    return problems


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def propose(
    scheme: NeedsAssessmentScheme,
    parameters: Mapping[str, object],
    scores: Mapping[str, float],
    item_departments: Mapping[str, str],
) -> Proposal:
    """The assessment of valid `scores`: a dimension whose score is at or above its threshold
    proposes its items and departments; the weighted sum is compared with the composite
    threshold. `parameters`: the tenant's values by key (None or absent: not set);
    `item_departments`: the department of each item in the tenant's effective catalogue (an
    item missing there is not proposed)."""
    wanted = [scheme.composite_threshold] + [
        key for d in scheme.dimensions for key in (d.weight, d.threshold)
    ]
    missing = tuple(sorted({key for key in wanted if _number(parameters.get(key)) is None}))
    results: list[DimensionResult] = []
    for d in scheme.dimensions:
        score = float(scores[d.code])
        threshold = _number(parameters.get(d.threshold))
        reached = None if threshold is None else score >= threshold
        items = tuple(i for i in d.items if i in item_departments) if reached else ()
        departments = (
            _unique(list(d.departments) + [item_departments[i] for i in items]) if reached else ()
        )
        results.append(
            DimensionResult(
                d.code,
                d.name,
                score,
                _number(parameters.get(d.weight)),
                threshold,
                reached,
                items,
                departments,
            )
        )
    composite_threshold = _number(parameters.get(scheme.composite_threshold))
    if missing:
        # A partial proposal would read as the whole one: no dimension proposes anything yet.
        return Proposal(
            Outcome.CANNOT_PROPOSE,
            tuple(replace(r, items=(), departments=()) for r in results),
            None,
            composite_threshold,
            None,
            (),
            (),
            missing,
        )
    composite = round(sum(r.score * (r.weight or 0.0) for r in results), 6)
    assert composite_threshold is not None  # not missing
    return Proposal(
        Outcome.PROPOSED,
        tuple(results),
        composite,
        composite_threshold,
        composite >= composite_threshold,
        _unique([i for r in results for i in r.items]),
        _unique([d for r in results for d in r.departments]),
        (),
    )
