"""A parameter value's type follows its unit; the value a tenant reads is its own newest setting
in force, else the nearest ancestor's, else the catalogue's."""

from __future__ import annotations

from datetime import date, datetime

from socialaid.catalogue.files import Parameter
from socialaid.catalogue.parameter_values import (
    Declaration,
    ParameterSetting,
    ValueOrigin,
    declarations,
    resolve,
    value_problem,
)

SOURCE = {"seed": "000_140f49d7d74dd147.txt", "section": "一（一）"}
STANDARD = Parameter.model_validate(
    {"key": "dibao_standard", "label": "本市最低生活保障标准", "unit": "元/人·月", "source": SOURCE}
)
CHAIN = ["310000", "310105"]
JAN, FEB, MAR = date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1)


def setting(tenant: str, value: float, day: date, sequence: int = 1) -> ParameterSetting:
    return ParameterSetting(
        tenant,
        "dibao_standard",
        value,
        day,
        "测试",
        "测试",
        "admin",
        datetime(2026, 12, 1),
        sequence,
    )


def test_money_is_a_non_negative_amount_in_cents() -> None:
    assert value_problem("元/人·月", 1510) is None
    assert value_problem("元/人·月", 1510.5) is None
    assert value_problem("元/人·月", 1510.55) is None
    assert value_problem("元/人·月", 1510.555) is not None
    assert value_problem("元/人·月", -1) is not None
    assert value_problem("元/人·月", "1510") is not None
    assert value_problem("元/人·月", True) is not None


def test_counts_are_whole_ratios_between_0_and_1_and_unitless_values_are_words() -> None:
    assert value_problem("月", 3) is None and value_problem("月", 3.0) is None
    assert value_problem("月", 2.5) is not None
    assert value_problem("周岁", 151) is not None
    assert value_problem("比例", 0.16) is None and value_problem("比例", 16) is not None
    assert value_problem(None, "12345") is None and value_problem(None, 12345) is not None
    assert value_problem("元/户", 100) is not None  # a unit with no declared type


def test_the_nearest_tenants_newest_setting_in_force_wins() -> None:
    declared = Declaration(STANDARD, "310000")
    settings = [setting("310000", 1510, JAN), setting("310105", 1600, FEB)]
    assert resolve(declared, CHAIN, settings, JAN).value == 1510
    on_feb = resolve(declared, CHAIN, settings, FEB)
    assert (on_feb.value, on_feb.tenant, on_feb.origin) == (1600, "310105", ValueOrigin.SET)
    assert (
        resolve(declared, CHAIN[:1], settings, MAR).value == 1510
    )  # the city ignores the district


def test_a_later_setting_for_the_same_day_replaces_the_earlier_and_a_future_one_waits() -> None:
    declared = Declaration(STANDARD, "310000")
    settings = [setting("310000", 1510, JAN, 1), setting("310000", 1520, JAN, 2)]
    assert resolve(declared, CHAIN, settings, JAN).value == 1520
    assert resolve(declared, CHAIN, [setting("310000", 1510, FEB)], JAN).origin is ValueOrigin.NONE


def test_without_settings_the_catalogues_stated_value_is_read_with_its_source() -> None:
    stated = STANDARD.model_copy(update={"value": 18})
    resolved = resolve(Declaration(stated, "310105"), CHAIN, [], JAN)
    assert (resolved.value, resolved.origin, resolved.tenant) == (
        18,
        ValueOrigin.CATALOGUE,
        "310105",
    )


def test_one_key_declared_twice_keeps_the_declaration_stating_a_value() -> None:
    stated = STANDARD.model_copy(update={"value": 18})
    found = declarations(CHAIN, {"310000": [STANDARD]}, [("310105", [stated])])
    assert found["dibao_standard"].parameter.value == 18
