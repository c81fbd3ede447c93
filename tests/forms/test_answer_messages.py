"""Each JSON Schema keyword an answer can fail has a Chinese message naming the field."""

from __future__ import annotations

import pytest

from socialaid.forms.answer_messages import answer_message


@pytest.mark.parametrize(
    ("keyword", "expected", "answer", "message"),
    [
        ("type", "integer", "三", "家庭人数：应为整数"),
        ("type", ["string", "null"], 3, "家庭人数：应为文本或空值（null）"),
        ("enum", ["a", "b"], "c", '家庭人数：不是可选的值（可选："a"、"b"）'),
        ("const", "yes", "no", '家庭人数：只能是 "yes"'),
        ("pattern", "^[0-9]{6}$", "12", "家庭人数：格式不对（应符合 ^[0-9]{6}$）"),
        (
            "format",
            "cn-resident-id",
            "123",
            "家庭人数：格式不对，应为 18 位居民身份证号（含校验位）",
        ),
        ("format", "date", "2025/1/1", "家庭人数：格式不对，应为日期（YYYY-MM-DD）"),
        ("minimum", 1, 0, "家庭人数：不能小于 1"),
        ("maximum", 20, 21, "家庭人数：不能大于 20"),
        ("exclusiveMinimum", 0, 0, "家庭人数：须大于 0"),
        ("exclusiveMaximum", 100, 100, "家庭人数：须小于 100"),
        ("multipleOf", 0.01, 1.001, "家庭人数：须为 0.01 的整数倍"),
        ("minLength", 2, "张", "家庭人数：至少 2 个字"),
        ("maxLength", 5, "张三李四王五", "家庭人数：至多 5 个字"),
        ("minItems", 1, [], "家庭人数：至少 1 项"),
        ("maxItems", 2, [1, 2, 3], "家庭人数：至多 2 项"),
        ("uniqueItems", True, [1, 1], "家庭人数：不能有重复的项"),
        ("required", ["x"], {}, "家庭人数：必填"),
        ("format", "uri", "x", "家庭人数：格式不对，应为 uri"),
        ("not", {}, 1, "家庭人数：不符合要求"),
    ],
)
def test_a_failed_keyword_is_a_chinese_message_naming_the_field(
    keyword: str, expected: object, answer: object, message: str
) -> None:
    assert answer_message("家庭人数", keyword, expected, answer) == message


def test_a_long_list_of_allowed_values_names_the_first_eight_and_counts_them_all() -> None:
    allowed = [f"c{i}" for i in range(10)]
    assert answer_message("证件类型", "enum", allowed, "x") == (
        '证件类型：不是可选的值（可选："c0"、"c1"、"c2"、"c3"、"c4"、"c5"、"c6"、"c7" 等 10 个）'
    )
