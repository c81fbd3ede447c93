"""The catalogue lint on what issue 15 added to the format: an organisation filing an item
(`filed_by`, the `organisation` channel), an exclusion between items (`excluded_by_approval_of`)
and several re-verification periods per item."""

from __future__ import annotations

from typing import Any

from socialaid.catalogue.lint import lint_catalogue, lint_title
from tests.forms.builders import LIBRARY, SOURCE, item

UNION = {
    "organisation": "基层工会",
    "department": "trade_union",
    "system": "申工通",
    "subject": "困难工会会员",
    "source": SOURCE,
}


def _lint(*items: object, departments: set[str] | None = None) -> list[tuple[str, str, str]]:
    errors = lint_catalogue(LIBRARY, items, departments=departments)  # type: ignore[arg-type]
    return [(e.item, e.path, e.code) for e in errors]


def periods(*months: tuple[str, int], **extra: Any) -> dict[str, Any]:
    return {
        "source": SOURCE,
        "periods": [
            {"code": code, "period_months": n, "applies_to": f"{code}家庭", "source": SOURCE}
            for code, n in months
        ],
        **extra,
    }


def test_an_item_filed_by_an_organisation_through_its_channel_is_clean() -> None:
    union_aid = item(
        "union_aid", department="trade_union", channels=["organisation"], filed_by=UNION
    )
    assert _lint(union_aid, departments={"trade_union"}) == []


def test_an_item_filed_by_an_organisation_has_no_other_channel() -> None:
    union_aid = item("union_aid", channels=["online", "organisation"], filed_by=UNION)
    assert _lint(union_aid) == [("union_aid", "channels", "FILING_CHANNEL")]


def test_the_organisation_channel_needs_the_organisation_that_files() -> None:
    assert _lint(item("dibao", channels=["window", "organisation"])) == [
        ("dibao", "channels[1]", "FILING_CHANNEL")
    ]


def test_the_filing_organisations_department_must_serve_the_tenant() -> None:
    # The item is the civil affairs department's; the union that files it serves nowhere here.
    union_aid = item("union_aid", channels=["organisation"], filed_by=UNION)
    assert _lint(union_aid, departments={"civil_affairs"}) == [
        ("union_aid", "filed_by.department", "UNKNOWN_DEPARTMENT")
    ]


def test_an_item_ruled_out_by_another_is_clean() -> None:
    recognition = item("low_income", excluded_by_approval_of=[{"items": ["dibao"], "reason": "r"}])
    assert _lint(recognition, item("dibao")) == []


def test_an_exclusion_naming_an_unknown_item() -> None:
    recognition = item("low_income", excluded_by_approval_of=[{"items": ["ghost"], "reason": "r"}])
    assert _lint(recognition) == [
        ("low_income", "excluded_by_approval_of[0].items[0]", "UNKNOWN_ITEM")
    ]


def test_an_item_cannot_both_wait_for_an_approval_and_be_ruled_out_by_it() -> None:
    confused = item(
        "b",
        requires_decision_of=[{"items": ["a"], "reason": "r"}],
        excluded_by_approval_of=[{"items": ["a"], "reason": "r"}],
    )
    assert _lint(confused, item("a")) == [
        ("b", "excluded_by_approval_of[0].items[0]", "EXCLUDED_AND_REQUIRED")
    ]


def test_an_automatic_grant_cannot_wait_to_be_ruled_out() -> None:
    granted = item(
        "b",
        mode="auto_granted",
        requires_decision_of=[{"items": ["a"], "reason": "r"}],
        excluded_by_approval_of=[{"items": ["c"], "reason": "r"}],
    )
    assert _lint(granted, item("a"), item("c")) == [
        ("b", "excluded_by_approval_of", "EXCLUSION_ON_AUTO_GRANTED")
    ]


def test_waiting_to_be_ruled_out_counts_towards_a_cycle() -> None:
    a = item("a", excluded_by_approval_of=[{"items": ["b"], "reason": "r"}])
    b = item("b", requires_decision_of=[{"items": ["a"], "reason": "r"}])
    assert _lint(a, b) == [("a", "excluded_by_approval_of[0].items[0]", "DEPENDENCY_CYCLE")]


def test_several_reverification_periods_each_for_its_families_are_clean() -> None:
    dibao = item("dibao", reverification=periods(("unstable", 6), ("stable", 12)))
    assert _lint(dibao) == []


def test_several_periods_leave_no_single_period() -> None:
    dibao = item("dibao", reverification=periods(("unstable", 6), period_months=6))
    assert _lint(dibao) == [
        ("dibao", "reverification.period_months", "REVERIFICATION_PERIOD_AMBIGUOUS")
    ]


def test_a_reverification_period_is_listed_once() -> None:
    dibao = item("dibao", reverification=periods(("stable", 12), ("stable", 6)))
    assert _lint(dibao) == [
        ("dibao", "reverification.periods[1].code", "DUPLICATE_REVERIFICATION_PERIOD")
    ]


def test_every_new_problem_has_a_chinese_title() -> None:
    codes = (
        "FILING_CHANNEL",
        "EXCLUDED_AND_REQUIRED",
        "EXCLUSION_ON_AUTO_GRANTED",
        "REVERIFICATION_PERIOD_AMBIGUOUS",
        "DUPLICATE_REVERIFICATION_PERIOD",
    )
    assert all(lint_title(code) != code for code in codes)
