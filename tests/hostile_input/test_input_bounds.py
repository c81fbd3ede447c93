"""The bounds themselves, value by value, with answers written out by hand."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from socialaid.kernel.input_bounds import (
    DateWindow,
    Items,
    JsonDocument,
    Money,
    Text,
    Whole,
    date_problem,
    items_problem,
    json_problem,
    money_problem,
    number_problem,
    text_problem,
    whole_problem,
)

TODAY = date(2026, 12, 2)
SMALL = JsonDocument(max_depth=3, max_nodes=10, max_array_items=3, max_string_chars=5)


@pytest.mark.parametrize("amount", ["0", "0.5", "1510.00", "9999999999.99", "10"])
def test_plain_decimals_with_at_most_two_places_and_ten_digits_are_money(amount: str) -> None:
    assert money_problem(amount, Money()) is None


@pytest.mark.parametrize(
    "amount",
    [
        "-0",
        "-1",
        "+1",
        "1E+100000000",
        "1e2",
        "1.005",
        "0.0000001",
        "01",
        "1.",
        ".5",
        "1,000",
        "NaN",
        "Infinity",
        "",
        " 1",
        "12345678901",
        "１２",
    ],
)
def test_signs_exponents_extra_places_and_eleven_digits_are_not_money(amount: str) -> None:
    assert money_problem(amount, Money()) is not None


def test_text_refuses_nul_and_lone_surrogates_but_keeps_newlines_and_chinese() -> None:
    bound = Text(10)
    assert text_problem("a\x00", bound) == "文本不能包含空字符（U+0000）"
    assert text_problem("a\ud800", bound) == "文本包含无效的 Unicode 字符（孤立代理项）"
    assert text_problem("第一行\n第二行", bound) is None
    assert text_problem("😀", bound) is None


def test_text_length_counts_characters_and_blank_is_empty() -> None:
    assert text_problem("汉" * 10, Text(10)) is None
    assert text_problem("汉" * 11, Text(10)) == "文本过长：最多 10 个字符"
    assert text_problem("   ", Text(10, min_chars=1)) == "不能为空"
    assert text_problem("", Text(10)) is None


def test_lists_and_whole_numbers_have_inclusive_bounds() -> None:
    assert items_problem(3, Items(3)) is None
    assert items_problem(4, Items(3)) == "列表过长：最多 3 项"
    assert whole_problem(1, Whole(1, 120)) is None
    assert whole_problem(120, Whole(1, 120)) is None
    assert whole_problem(0, Whole(1, 120)) is not None
    assert whole_problem(2**31 - 1, Whole(1, 120)) is not None


def test_a_date_window_is_relative_to_today_and_inside_the_outer_window() -> None:
    schedule = DateWindow(days_before=366, days_after=3 * 366)
    assert date_problem(date(2025, 12, 1), schedule, TODAY) is None
    assert (
        date_problem(date(2025, 11, 30), schedule, TODAY)
        == "日期应在 2025-12-01 至 2029-12-04 之间"
    )
    assert date_problem(date(2029, 12, 4), schedule, TODAY) is None
    assert date_problem(date(2029, 12, 5), schedule, TODAY) is not None
    assert (
        date_problem(date(1, 1, 1), DateWindow(), TODAY) == "日期应在 1900-01-01 至 2199-12-31 之间"
    )
    assert date_problem(datetime(9999, 12, 31), DateWindow(), TODAY) is not None
    assert date_problem(date(1900, 1, 1), DateWindow(), TODAY) is None


def test_numbers_must_be_finite_and_within_a_trillion() -> None:
    assert number_problem(1e12) is None
    assert number_problem(-1e12) is None
    assert number_problem(1.0000001e12) is not None
    assert number_problem(float("inf")) is not None
    assert number_problem(float("nan")) is not None


def test_a_json_document_reports_the_first_problem_with_its_path() -> None:
    assert json_problem({"a": [1, "ok"]}, SMALL) is None
    assert json_problem({"a": [1, 2, 3, 4]}, SMALL) == ("列表过长：最多 3 项", ["a"])
    assert json_problem({"a": {"b": {"c": {"d": 1}}}}, SMALL) == (
        "文档嵌套过深：最多 3 层",
        ["a", "b", "c", "d"],
    )
    assert json_problem({"a": "toolong"}, SMALL) == ("文本过长：最多 5 个字符", ["a"])
    assert json_problem({"a": 1e308}, SMALL) is not None
    assert json_problem({"a": 10**400}, SMALL) is not None
    assert json_problem({"\x00": 1}, SMALL) is not None
    assert json_problem(list(range(3)) + [[0, 0, 0]] * 3, SMALL) is not None


def test_a_json_document_nested_far_deeper_than_the_recursion_limit_is_answered() -> None:
    deep: object = 0
    for _ in range(100_000):
        deep = [deep]
    found = json_problem(deep, SMALL)
    assert found is not None and found[0] == "文档嵌套过深：最多 3 层"


def test_a_json_document_of_exactly_the_most_values_passes_and_one_more_does_not() -> None:
    ten_values = [[0, 0], [0, 0], [0, 0]]  # 1 + 3 + 6
    assert json_problem(ten_values, SMALL) is None
    assert json_problem([[0, 0], [0, 0], [0, 0, 0]], SMALL) == ("文档过大：最多 10 个值", [])


def test_a_list_of_exactly_the_most_items_passes() -> None:
    assert json_problem({"a": [1, 2, 3]}, SMALL) is None


def test_a_null_or_boolean_does_not_end_the_search_for_a_problem() -> None:
    assert json_problem({"a": "toolong", "b": None}, SMALL) == ("文本过长：最多 5 个字符", ["a"])
    assert json_problem({"a": "toolong", "b": True}, SMALL) == ("文本过长：最多 5 个字符", ["a"])


def test_refusals_say_what_is_wanted() -> None:
    assert money_problem("1e3", Money()) == (
        "金额应为不带符号和指数的十进制数，最多两位小数（如 1234.50）"
    )
    assert money_problem("12345678901", Money()) == "金额过大：整数部分最多 10 位"
    assert text_problem("ab", Text(10, min_chars=3)) == "至少需要 3 个字符"
