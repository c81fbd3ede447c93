"""The spot-check draw (不定期抽查) as pure arithmetic: the seed is the tenant and China month, a
benefit is drawn when its SHA-256 score is below the rate; expected scores computed by hand."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from socialaid.applications.review_schedule import (
    spot_check_sample,
    spot_check_score,
    spot_check_seed,
)
from socialaid.catalogue.lint import lint_catalogue
from tests.forms.builders import LIBRARY, SOURCE, item
from tests.reverification.test_taper_lint import parameter

CASES = [f"00000000-0000-0000-0000-00000000000{n}" for n in range(1, 7)]


def by_hand(seed: str, case: str) -> float:
    return int(hashlib.sha256(f"{seed}:{case}".encode()).hexdigest()[:16], 16) / 2**64


def test_the_seed_is_the_tenant_and_the_china_month() -> None:
    assert spot_check_seed("310105", date(2027, 3, 10)) == "310105:2027-03"
    assert spot_check_seed("310105", date(2027, 3, 31)) == "310105:2027-03"
    assert spot_check_seed("310105", date(2027, 4, 1)) == "310105:2027-04"


def test_a_score_is_the_first_eight_bytes_of_the_hash_over_two_to_the_64() -> None:
    for case in CASES:
        assert spot_check_score("310105:2027-03", case) == by_hand("310105:2027-03", case)


def test_rate_one_draws_all_and_rate_zero_none() -> None:
    assert spot_check_sample("310105:2027-03", 1, CASES) == CASES
    assert spot_check_sample("310105:2027-03", 0, CASES) == []


def test_a_fixed_seed_draws_the_benefits_scoring_under_the_rate() -> None:
    seed = "310105:2027-03"
    expected = [c for c in CASES if by_hand(seed, c) < 0.5]
    assert spot_check_sample(seed, 0.5, CASES) == expected
    # The seed decides, not the order the candidates come in.
    assert spot_check_sample(seed, 0.5, list(reversed(CASES))) == list(reversed(expected))


def test_a_rate_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(ValueError):
        spot_check_sample("310105:2027-03", 1.5, CASES)


SPOT = {
    "period_months": 12,
    "source": SOURCE,
    "spot_checks": {
        "description": "根据需要进行不定期抽查",
        "rate_parameter": "reverification_spot_check_rate",
        "source": SOURCE,
    },
}


def test_a_spot_check_rule_must_name_a_declared_parameter() -> None:
    allowance = item("severe_disability_allowance", reverification=SPOT)
    errors = lint_catalogue(LIBRARY, [allowance], parameters=())  # type: ignore[list-item]
    assert [(e.path, e.code) for e in errors] == [
        ("reverification.spot_checks.rate_parameter", "SPOT_CHECK_PARAMETER_UNDECLARED")
    ]
    declared = item(
        "severe_disability_allowance",
        reverification=SPOT,
        parameters=[parameter("reverification_spot_check_rate", "比例")],
    )
    assert lint_catalogue(LIBRARY, [declared], parameters=()) == []  # type: ignore[list-item]
