"""The pure re-verification arithmetic: which period, the next date, and the taper."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from socialaid.applications.review_schedule import (
    Period,
    PeriodChoiceError,
    TaperTerms,
    add_months,
    choose_period,
    next_review_on,
    plan_as_data,
    taper_plan,
    taper_steps,
)
from socialaid.catalogue.parameter_values import normalised, percent_steps, value_problem

CHANGNING_DIBAO = {"unstable_income_with_labour_capacity": 6, "stable_economic_situation": 12}


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 12, 1), 6, date(2027, 6, 1)),
        (date(2026, 12, 1), 12, date(2027, 12, 1)),
        (date(2026, 12, 1), 3, date(2027, 3, 1)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),  # February is shorter
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # a leap year's
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
    ],
)
def test_a_review_falls_the_same_day_months_later_or_on_a_shorter_months_last_day(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_the_caseworkers_choice_picks_one_of_the_items_periods() -> None:
    assert choose_period(None, CHANGNING_DIBAO, "stable_economic_situation") == Period(
        12, "stable_economic_situation"
    )
    assert choose_period(None, CHANGNING_DIBAO, "unstable_income_with_labour_capacity") == Period(
        6, "unstable_income_with_labour_capacity"
    )


def test_without_a_choice_among_several_periods_the_review_is_unscheduled() -> None:
    assert choose_period(None, CHANGNING_DIBAO, None) is None
    assert next_review_on(date(2026, 12, 1), None) is None


def test_a_period_code_the_item_does_not_have_is_refused_naming_the_codes_it_has() -> None:
    with pytest.raises(PeriodChoiceError, match="stable_economic_situation"):
        choose_period(None, CHANGNING_DIBAO, "monthly")


def test_an_item_with_one_period_takes_it_and_refuses_a_choice() -> None:
    assert choose_period(3, {}, None) == Period(3)
    with pytest.raises(PeriodChoiceError):
        choose_period(3, {}, "stable_economic_situation")


def test_an_item_whose_period_the_rules_do_not_give_has_no_schedule() -> None:
    assert choose_period(None, {}, None) is None


def test_a_member_starting_work_keeps_the_benefit_for_the_taper_period() -> None:
    terms = TaperTerms("dibao_taper_months", 6, "dibao_income_disregard", Decimal("500"))
    plan = taper_plan(
        terms,
        started_on=date(2026, 12, 1),
        amount=Decimal("1510.00"),
        earned_income=Decimal("2600.00"),
    )
    assert plan.continues_until == date(2027, 6, 1)
    assert plan.counted_income == Decimal("2100.00")  # 2600 − 500 disregarded
    assert plan.missing == ()
    assert not plan.decided_by_review
    assert plan_as_data(plan) == {
        "startedOn": "2026-12-01",
        "continuesUntil": "2027-06-01",
        "amount": "1510.00",
        "earnedIncome": "2600.00",
        "countedIncome": "2100.00",
        "missingParameters": [],
        "steps": None,  # the rule names no steps parameter: the amount is unchanged
        "stepsUnset": None,
    }


def test_a_disregard_above_the_income_counts_nothing() -> None:
    terms = TaperTerms("t", 3, "d", Decimal("800"))
    plan = taper_plan(terms, started_on=date(2026, 12, 1), amount=None, earned_income=Decimal(500))
    assert plan.counted_income == Decimal(0)


def test_with_the_parameters_unset_the_plan_says_so_and_leaves_it_to_the_review() -> None:
    terms = TaperTerms("dibao_taper_months", None, "dibao_income_disregard", None)
    plan = taper_plan(
        terms, started_on=date(2026, 12, 1), amount=Decimal(1510), earned_income=Decimal(2600)
    )
    assert plan.continues_until is None
    assert plan.counted_income is None
    assert plan.missing == ("dibao_taper_months", "dibao_income_disregard")
    assert plan.decided_by_review


# ---------------------------------------------------------------- 渐退 step-down (ADR 0040)

SHANGHAI_TAPER = TaperTerms(
    period_key="dibao_taper_months",
    period_months=4,
    disregard_key="dibao_income_disregard",
    disregard=Decimal(500),
    steps_key="dibao_taper_steps",
    steps=(Decimal(100), Decimal(80), Decimal("33.3")),
)


def test_the_taper_steps_down_month_by_month_as_the_tenant_set() -> None:
    plan = taper_plan(
        SHANGHAI_TAPER,
        started_on=date(2026, 12, 15),
        amount=Decimal("1510.00"),
        earned_income=Decimal("2600.00"),
    )
    assert [(s.month_from, s.percent, s.amount) for s in plan.steps or ()] == [
        (date(2026, 12, 15), Decimal(100), Decimal("1510.00")),
        (date(2027, 1, 15), Decimal(80), Decimal("1208.00")),
        (date(2027, 2, 15), Decimal("33.3"), Decimal("502.83")),  # 502.83 exactly
        (date(2027, 3, 15), Decimal("33.3"), Decimal("502.83")),  # the last step holds
    ]
    assert plan.steps_unset is None
    assert plan_as_data(plan)["steps"] == [
        {"from": "2026-12-15", "percent": "100", "amount": "1510.00"},
        {"from": "2027-01-15", "percent": "80", "amount": "1208.00"},
        {"from": "2027-02-15", "percent": "33.3", "amount": "502.83"},
        {"from": "2027-03-15", "percent": "33.3", "amount": "502.83"},
    ]


def test_a_step_is_rounded_half_up_to_the_fen() -> None:
    [step] = taper_steps(date(2027, 1, 1), Decimal("1000.05"), [Decimal(50)], 1)
    assert step.amount == Decimal("500.03")  # 500.025 rounds up


def test_steps_longer_than_the_period_stop_at_its_end() -> None:
    steps = taper_steps(date(2027, 1, 31), Decimal(100), [Decimal(90), Decimal(60), Decimal(30)], 2)
    assert [(s.month_from, s.amount) for s in steps] == [
        (date(2027, 1, 31), Decimal("90.00")),
        (date(2027, 2, 28), Decimal("60.00")),
    ]


def test_without_steps_the_amount_is_unchanged_and_the_parameter_is_named() -> None:
    terms = TaperTerms(
        period_key="dibao_taper_months",
        period_months=6,
        steps_key="dibao_taper_steps",
        steps=None,
    )
    plan = taper_plan(
        terms, started_on=date(2026, 12, 15), amount=Decimal("1510.00"), earned_income=None
    )
    assert plan.steps is None
    assert plan.steps_unset == "dibao_taper_steps"
    assert plan.missing == ()  # the review is still at the taper's end: steps change no date
    assert plan_as_data(plan)["stepsUnset"] == "dibao_taper_steps"


@pytest.mark.parametrize(
    ("value", "steps"),
    [
        ("100,80,60", (Decimal(100), Decimal(80), Decimal(60))),
        (" 90 , 45.5 ", (Decimal(90), Decimal("45.5"))),
        ("100,120", None),  # above 100
        ("100,,60", None),
        ("八十", None),
        ("", None),
        (",".join(["50"] * 121), None),  # more than ten years of months
    ],
)
def test_percentage_steps_are_read_from_their_text(
    value: str, steps: tuple[Decimal, ...] | None
) -> None:
    assert percent_steps(value) == steps


def test_a_steps_parameter_stores_its_normal_form() -> None:
    assert value_problem("%/月", "100, 80.50,60") is None
    assert normalised("%/月", "100, 80.50,60") == "100,80.5,60"
    assert value_problem("%/月", "100,80,abc") is not None
    assert value_problem("%/月", True) is not None
    assert (value_problem("%/月", 80), normalised("%/月", 80)) == (None, "80")  # one month
