"""A Chinese message for each JSON Schema keyword an answer can fail, from the keyword's value and
the answer (jsonschema's own messages are English): `{label}：{detail}`.

The formats are the form's own (forms/formats.py), named for a person filling the form.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from socialaid.forms.formats import (
    AMOUNT_FORMAT,
    BANK_CARD_FORMAT,
    DATE_FORMAT,
    ID_NUMBER_FORMAT,
    PHONE_FORMAT,
)

JSON_TYPES = {
    "string": "文本",
    "number": "数字",
    "integer": "整数",
    "boolean": "是或否（true/false）",
    "object": "对象",
    "array": "列表",
    "null": "空值（null）",
}

FORMATS = {
    ID_NUMBER_FORMAT: "应为 18 位居民身份证号（含校验位）",
    PHONE_FORMAT: "应为手机号或带区号的固定电话",
    BANK_CARD_FORMAT: "应为 12 至 19 位银行卡号（校验位须正确）",
    DATE_FORMAT: "应为日期（YYYY-MM-DD）",
    AMOUNT_FORMAT: "应为金额（元，至多两位小数）",
    "date-time": "应为带时区的日期时间（ISO 8601）",
    "email": "应为电子邮箱地址",
}

# At most this many allowed values are named in an enum message; the rest are counted.
MAX_LISTED = 8


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _types(expected: Any) -> str:
    names = expected if isinstance(expected, list) else [expected]
    return "或".join(JSON_TYPES.get(str(n), str(n)) for n in names)


def _enum(allowed: Any, _: Any) -> str:
    values = list(allowed) if isinstance(allowed, list) else [allowed]
    listed = "、".join(_shown(v) for v in values[:MAX_LISTED])
    more = f" 等 {len(values)} 个" if len(values) > MAX_LISTED else ""
    return f"不是可选的值（可选：{listed}{more}）"


def _format(name: Any, _: Any) -> str:
    return f"格式不对，{FORMATS.get(str(name), f'应为 {name}')}"


TEMPLATES: Mapping[str, Callable[[Any, Any], str]] = {
    "type": lambda expected, _: f"应为{_types(expected)}",
    "enum": _enum,
    "const": lambda value, _: f"只能是 {_shown(value)}",
    "pattern": lambda pattern, _: f"格式不对（应符合 {pattern}）",
    "format": _format,
    "minimum": lambda limit, _: f"不能小于 {limit}",
    "maximum": lambda limit, _: f"不能大于 {limit}",
    "exclusiveMinimum": lambda limit, _: f"须大于 {limit}",
    "exclusiveMaximum": lambda limit, _: f"须小于 {limit}",
    "multipleOf": lambda step, _: f"须为 {step} 的整数倍",
    "minLength": lambda limit, _: f"至少 {limit} 个字",
    "maxLength": lambda limit, _: f"至多 {limit} 个字",
    "minItems": lambda limit, _: f"至少 {limit} 项",
    "maxItems": lambda limit, _: f"至多 {limit} 项",
    "uniqueItems": lambda _, __: "不能有重复的项",
    "required": lambda _, __: "必填",
    "additionalProperties": lambda _, __: "含有表单中没有的项",
    "minProperties": lambda limit, _: f"至少填写 {limit} 项",
    "maxProperties": lambda limit, _: f"至多填写 {limit} 项",
}


def answer_message(label: str, keyword: str, expected: Any, answer: Any) -> str:
    """`label`'s answer failed `keyword` (whose value in the schema is `expected`)."""
    template = TEMPLATES.get(keyword)
    detail = template(expected, answer) if template is not None else "不符合要求"
    return f"{label}：{detail}"
