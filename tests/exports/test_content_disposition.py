"""A Chinese download name: RFC 5987 `filename*` in UTF-8 and a plain ASCII fallback."""

from __future__ import annotations

from socialaid.exports.content_disposition import ascii_fallback, attachment


def test_a_chinese_name_is_percent_encoded_in_utf8() -> None:
    assert attachment("统计-310105.csv") == (
        "attachment; filename=\"310105.csv\"; filename*=UTF-8''%E7%BB%9F%E8%AE%A1-310105.csv"
    )


def test_an_ascii_name_is_the_same_in_both_forms() -> None:
    assert attachment("audit-310105.xlsx") == (
        "attachment; filename=\"audit-310105.xlsx\"; filename*=UTF-8''audit-310105.xlsx"
    )


def test_quotes_spaces_and_separators_cannot_break_out_of_the_header() -> None:
    value = attachment('a"b; c\\d/e.csv')
    assert value == (
        "attachment; filename=\"a_b_c_d_e.csv\"; filename*=UTF-8''a%22b%3B%20c%5Cd%2Fe.csv"
    )


def test_a_name_with_no_ascii_falls_back_to_download() -> None:
    assert ascii_fallback("统计.xlsx") == "download.xlsx"
    assert ascii_fallback("统计") == "download"
