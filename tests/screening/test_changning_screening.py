"""Issue 21's "done when" for screening, over HTTP: a Changning family screened for dibao once
the city's dibao standard is set through tenantParameterSet, as an admin would.

TEST VALUES: 1510 元/人·月 below is a value chosen for the test, not Shanghai's published
standard (the seeds give none; the catalogue keeps `dibao_standard` without a value).
"""

from __future__ import annotations

from typing import Any

import httpx

from tests.screening.api import CHANGNING, SCREEN, SHANGHAI, client, data, set_parameter

__all__ = ["client"]

TEST_DIBAO_STANDARD = 1510  # test value, 元/人·月


def family(per_capita_income: float | None, size: int = 3) -> dict[str, Any]:
    household: dict[str, Any] = {"size": size}
    if per_capita_income is not None:
        household["per_capita_monthly_income"] = per_capita_income
    return {"applicant": {"shanghai_hukou": True}, "household": household}


async def dibao_for(client: httpx.AsyncClient, answers: dict[str, Any]) -> dict[str, Any]:
    result = await data(client, SCREEN, {"t": CHANGNING, "a": answers, "i": ["dibao"]})
    [dibao] = result["eligibilityScreen"]
    return dict(dibao)


async def test_a_poor_family_is_likely_for_dibao_with_the_difference_as_its_estimate(
    client: httpx.AsyncClient,
) -> None:
    await set_parameter(client, SHANGHAI, "dibao_standard", TEST_DIBAO_STANDARD)
    dibao = await dibao_for(client, family(800, size=3))
    assert dibao["outcome"] == "LIKELY"
    # 差额: (1510 − 800) × 3 persons = 710 × 3 = 2130 yuan a month.
    assert dibao["estimate"]["amount"] == 2130
    assert dibao["estimate"]["period"] == "MONTHLY"
    assert dibao["estimate"]["calculation"] == "max(0, (1510 元/人·月 − 800) × 3) = 2130 元"
    assert dibao["estimate"]["formulaText"] == (
        "月最低生活保障金 = max(0, (本市最低生活保障标准 − 家庭成员月人均可支配收入)"
        " × 在本市共同生活的家庭成员人数)"
    )
    assert dibao["failedConditions"] == []


async def test_a_richer_family_is_unlikely_with_the_income_condition_and_its_source(
    client: httpx.AsyncClient,
) -> None:
    await set_parameter(client, SHANGHAI, "dibao_standard", TEST_DIBAO_STANDARD)
    dibao = await dibao_for(client, family(3000))
    assert dibao["outcome"] == "UNLIKELY"
    assert dibao["estimate"] is None
    [failed] = dibao["failedConditions"]
    assert failed["requirement"] == "家庭月人均可支配收入 低于 本市最低生活保障标准"
    assert failed["facts"] == "家庭月人均可支配收入：3000；本市最低生活保障标准：1510 元/人·月"
    assert failed["source"] == {"seed": "000_140f49d7d74dd147.txt", "section": "一（一）"}


async def test_missing_answers_are_named(client: httpx.AsyncClient) -> None:
    await set_parameter(client, SHANGHAI, "dibao_standard", TEST_DIBAO_STANDARD)
    dibao = await dibao_for(client, family(None))
    assert dibao["outcome"] == "NEEDS_INFORMATION"
    assert dibao["missingAnswers"] == [
        {"key": "household.per_capita_monthly_income", "label": "家庭月人均可支配收入"}
    ]
    assert dibao["missingParameters"] == []


async def test_without_a_dibao_standard_the_item_says_so_instead_of_guessing(
    client: httpx.AsyncClient,
) -> None:
    dibao = await dibao_for(client, family(800))
    assert dibao["outcome"] == "NOT_SCREENABLE"
    assert dibao["notScreenableReason"] == "PARAMETER_WITHOUT_VALUE"
    assert dibao["missingParameters"] == [
        {"key": "dibao_standard", "label": "本市最低生活保障标准", "unit": "元/人·月"}
    ]


async def test_a_family_without_a_shanghai_hukou_is_unlikely_before_its_income_is_asked(
    client: httpx.AsyncClient,
) -> None:
    answers = {"applicant": {"shanghai_hukou": False}}
    dibao = await dibao_for(client, answers)
    assert dibao["outcome"] == "UNLIKELY"
    assert [f["requirement"] for f in dibao["failedConditions"]] == ["是否本市（上海市）户籍：是"]
