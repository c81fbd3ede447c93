"""The catalogue lint holds a 收入豁免、救助渐退 rule to parameters the item or its tenant declares."""

from __future__ import annotations

from typing import Any

from socialaid.catalogue.lint import lint_catalogue
from tests.forms.builders import LIBRARY, SOURCE, item

TAPER = {
    "description": "实施好收入豁免和救助渐退政策",
    "period_parameter": "dibao_taper_months",
    "disregard_parameter": "dibao_income_disregard",
    "source": SOURCE,
}


def parameter(key: str, unit: str) -> dict[str, Any]:
    return {"key": key, "label": key, "unit": unit, "value": None, "source": SOURCE}


def _lint(dibao: object, tenant_parameters: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    errors = lint_catalogue(LIBRARY, [dibao], parameters=tenant_parameters)  # type: ignore[list-item]
    return [(e.item, e.path, e.code) for e in errors]


def test_a_taper_over_the_items_own_parameters_is_clean() -> None:
    dibao = item(
        "dibao",
        taper=TAPER,
        parameters=[
            parameter("dibao_taper_months", "月"),
            parameter("dibao_income_disregard", "元/月"),
        ],
    )
    assert _lint(dibao) == []


def test_a_taper_may_read_a_parameter_its_tenant_declares() -> None:
    dibao = item("dibao", taper=TAPER, parameters=[parameter("dibao_taper_months", "月")])
    assert _lint(dibao, ("dibao_income_disregard",)) == []


def test_a_taper_naming_an_undeclared_parameter_is_refused_at_its_path() -> None:
    dibao = item("dibao", taper=TAPER, parameters=[parameter("dibao_income_disregard", "元/月")])
    assert _lint(dibao) == [("dibao", "taper.period_parameter", "TAPER_PARAMETER_UNDECLARED")]
