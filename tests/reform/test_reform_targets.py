"""Reform targets as catalogue data: Shanghai's from 000 四, inherited below, never invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from socialaid.catalogue.files import ReformMeasure, ReformTarget, TenantCatalogueFile
from socialaid.catalogue.lint import reform_target_errors
from socialaid.catalogue.loader import load_catalogue_sources
from socialaid.reform.targets import effective_targets

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = "000_140f49d7d74dd147.txt"


def target(measure: str, percent: float | None, quote: str, **extra: Any) -> ReformTarget:
    comparison = None if percent is None else "about"
    return ReformTarget.model_validate(
        {
            "measure": measure,
            "name": measure,
            "statement": quote,
            "reduction_percent": percent,
            "comparison": comparison,
            "source": {"seed": SEED_000, "section": "四", "quote": quote},
            **extra,
        }
    )


def test_shanghai_holds_the_four_targets_of_its_plan_with_their_numbers() -> None:
    sources = load_catalogue_sources(ROOT / "catalogue", ROOT / "tenants")
    config = sources.tenants["310000"].config
    assert config is not None
    held = {t.measure: (t.name, t.reduction_percent, t.comparison) for t in config.reform_targets}

    assert held == {
        ReformMeasure.STEPS: ("减环节", 20, "about"),
        ReformMeasure.TIME: ("减时间", 30, "at_least"),
        ReformMeasure.MATERIALS: ("减材料", 40, "about"),
        # 000 四（四） says only 减少: no number is made up for it.
        ReformMeasure.TRIPS: ("减跑动", None, None),
    }


def test_a_district_inherits_the_nearest_target_and_may_set_its_own() -> None:
    shanghai = [target("materials", 40, "减少 40%左右"), target("time", 30, "减少 30%")]
    changning = [target("time", 50, "减少 50%")]

    held = effective_targets([("310000", shanghai), ("310105", changning)])

    assert {m: (h.tenant, h.target.reduction_percent) for m, h in held.items()} == {
        ReformMeasure.MATERIALS: ("310000", 40),
        ReformMeasure.TIME: ("310105", 50),
    }


def test_a_tenant_without_targets_has_none() -> None:
    assert effective_targets([("140000", [])]) == {}


def test_a_percentage_its_quote_does_not_state_is_reported() -> None:
    errors = reform_target_errors(
        [target("steps", 20, "减少了 20%"), target("materials", 45, "减少 40%左右")]
    )

    assert [(e.path, e.code) for e in errors] == [
        ("reform_targets[1].reduction_percent", "REFORM_TARGET_NOT_IN_QUOTE")
    ]


def test_a_number_without_its_comparison_or_a_measure_twice_is_refused() -> None:
    with pytest.raises(ValidationError):
        target("steps", 20, "减少了 20%", comparison=None)
    with pytest.raises(ValidationError, match="重复"):
        TenantCatalogueFile.model_validate(
            {
                "reform_targets": [
                    target("trips", None, "减少跑动次数").model_dump(mode="json"),
                    target("trips", None, "减少跑动次数").model_dump(mode="json"),
                ],
                "source": {"seed": SEED_000, "section": "四"},
            }
        )
