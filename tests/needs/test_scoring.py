"""The needs assessment's proposal from scores, weights and thresholds: pure, with answers
worked out by hand below."""

from __future__ import annotations

import math
from typing import Any

import pytest

from socialaid.catalogue.files import NeedsAssessmentScheme
from socialaid.needs.scoring import Outcome, propose, score_problems

SOURCE = {"seed": "001_02dcbafffb41dcb7.txt", "section": "三（六）18"}


def scheme() -> NeedsAssessmentScheme:
    def dimension(code: str, name: str, **extra: Any) -> dict[str, Any]:
        return {
            "code": code,
            "name": name,
            "weight": f"w_{code}",
            "threshold": f"t_{code}",
            "source": SOURCE,
            **extra,
        }

    return NeedsAssessmentScheme.model_validate(
        {
            "composite_threshold": "t_all",
            "dimensions": [
                dimension(
                    "material", "物质", items=["dibao", "gone"], departments=["civil_affairs"]
                ),
                dimension("health", "健康", items=["medical_aid"]),
                dimension("social_support", "社会支持", departments=["civil_affairs"]),
            ],
            "source": SOURCE,
        }
    )


ITEM_DEPARTMENTS = {"dibao": "civil_affairs", "medical_aid": "healthcare_security"}
PARAMETERS: dict[str, object] = {
    "w_material": 0.5,
    "w_health": 0.3,
    "w_social_support": 0.2,
    "t_material": 0.6,
    "t_health": 0.5,
    "t_social_support": 0.9,
    "t_all": 0.5,
}
SCORES = {"material": 0.8, "health": 0.5, "social_support": 0.1}


def test_dimensions_at_or_above_their_threshold_propose_their_items_and_departments() -> None:
    proposal = propose(scheme(), PARAMETERS, SCORES, ITEM_DEPARTMENTS)
    assert proposal.outcome is Outcome.PROPOSED
    assert [(d.code, d.reached) for d in proposal.dimensions] == [
        ("material", True),  # 0.8 ≥ 0.6
        ("health", True),  # 0.5 ≥ 0.5: the threshold itself counts
        ("social_support", False),  # 0.1 < 0.9
    ]
    assert proposal.items == ("dibao", "medical_aid")
    # health names no department: its item's department is the referral
    assert proposal.departments == ("civil_affairs", "healthcare_security")
    assert proposal.missing_parameters == ()


def test_the_composite_is_the_weighted_sum_compared_with_its_threshold() -> None:
    proposal = propose(scheme(), PARAMETERS, SCORES, ITEM_DEPARTMENTS)
    # 0.8 × 0.5 + 0.5 × 0.3 + 0.1 × 0.2 = 0.4 + 0.15 + 0.02
    assert proposal.composite == pytest.approx(0.57)
    assert proposal.composite_reached is True
    lower = propose(scheme(), PARAMETERS | {"t_all": 0.6}, SCORES, ITEM_DEPARTMENTS)
    assert lower.composite_reached is False


def test_an_item_missing_from_the_tenants_catalogue_is_not_proposed() -> None:
    proposal = propose(scheme(), PARAMETERS, SCORES, ITEM_DEPARTMENTS)
    assert "gone" not in proposal.items
    assert proposal.dimensions[0].items == ("dibao",)


def test_no_dimension_reached_proposes_nothing() -> None:
    calm = {"material": 0.0, "health": 0.0, "social_support": 0.0}
    proposal = propose(scheme(), PARAMETERS, calm, ITEM_DEPARTMENTS)
    assert (proposal.outcome, proposal.items, proposal.departments) == (Outcome.PROPOSED, (), ())
    assert proposal.composite == 0


@pytest.mark.parametrize("unset", ["w_health", "t_material", "t_all"])
def test_a_parameter_without_a_value_means_no_proposal_and_names_it(unset: str) -> None:
    parameters = {k: v for k, v in PARAMETERS.items() if k != unset}
    proposal = propose(scheme(), parameters, SCORES, ITEM_DEPARTMENTS)
    assert proposal.outcome is Outcome.CANNOT_PROPOSE
    assert proposal.missing_parameters == (unset,)
    assert (proposal.items, proposal.departments, proposal.composite) == ((), (), None)
    assert all(d.items == () and d.departments == () for d in proposal.dimensions)


def test_with_nothing_set_every_parameter_is_named_once_in_order() -> None:
    proposal = propose(scheme(), {"w_material": None}, SCORES, ITEM_DEPARTMENTS)
    assert proposal.missing_parameters == (
        "t_all",
        "t_health",
        "t_material",
        "t_social_support",
        "w_health",
        "w_material",
        "w_social_support",
    )
    assert [d.reached for d in proposal.dimensions] == [None, None, None]


def test_scores_that_fit_the_scheme_have_no_problem() -> None:
    assert score_problems(scheme(), SCORES) == []
    assert score_problems(scheme(), {"material": 0, "health": 1, "social_support": 0.25}) == []


@pytest.mark.parametrize("bad", [1.01, -0.1, math.nan, math.inf, True, "0.5", None])
def test_a_score_outside_zero_to_one_or_not_a_number_is_refused_at_its_dimension(
    bad: object,
) -> None:
    problems = score_problems(scheme(), SCORES | {"health": bad})
    assert [p.path for p in problems] == [("scores", "health")]
    assert "0 到 1" in problems[0].message


def test_a_missing_and_an_unknown_dimension_are_both_named() -> None:
    problems = score_problems(scheme(), {"material": 0.5, "health": 0.5, "housing": 0.5})
    assert sorted(p.path for p in problems) == [("scores", "housing"), ("scores", "social_support")]
    assert any("社会支持" in p.message for p in problems)
