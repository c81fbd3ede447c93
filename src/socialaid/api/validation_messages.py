"""graphql-core's validation and input-coercion messages in Chinese, keeping the names they quote.

A client sees `查询未通过校验：类型 'Tenant' 没有字段 'nosuchfield'` instead of the English sentence;
the English original stays in `extensions.original` for searching graphql-core's documentation.
Names stay in single quotes, as graphql-core writes them, so the error log still replaces each
with `…` (api/error_reporting.py). A message no rule here matches is returned unchanged: the
table covers what clients meet (graphql-core 3.3's rules), not every sentence of the library.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Match = re.Match[str]

_SUGGESTION = re.compile(r"(?P<body>.*?) ?Did you mean (?:the enum value )?(?P<names>.+)\?", re.S)

_SCALAR_PROBLEMS = {
    "non-integer value": "非整数值",
    "non 32-bit signed integer value": "超出 32 位有符号整数范围的值",
    "non numeric value": "非数值",
    "a non string value": "非字符串值",
    "a non boolean value": "非布尔值",
    "a non-string and non-integer value": "既非字符串也非整数的值",
    "value": "值",
}


def _scalar(m: Match) -> str:
    problem = _SCALAR_PROBLEMS.get(m["problem"], m["problem"])
    return f"{m['scalar']} 类型不能表示{problem} {m['value']}"


def _expected(m: Match) -> str:
    inner = m["inner"] or m["inner2"]
    because = f"（{in_chinese(inner)}）" if inner else ""
    return f"应为 '{m['type']}' 类型的值，实为 {m['found']}{because}"


def _unused_variable(m: Match) -> str:
    where = f"在操作 '{m['operation']}' 中" if m["operation"] else ""
    where = f"在片段 '{m['fragment']}' 中" if m["fragment"] else where
    return f"变量 '${m['var']}' {where}未被使用"


def _undefined_variable(m: Match) -> str:
    where = f"操作 '{m['operation']}' " if m["operation"] else ""
    return f"{where}未定义变量 '${m['var']}'"


def _fragment_cycle(m: Match) -> str:
    via = f"（经 {m['via']}）" if m["via"] else ""
    return f"片段 '{m['name']}' 不能{via}展开自身"


def _wrong_spread(m: Match) -> str:
    fragment = f"片段 '{m['name']}'" if m["name"] else "内联片段"
    return f"{fragment}不能在此展开：'{m['parent']}' 类型的对象不可能是 '{m['type']}' 类型"


_ONLY_ONE = {
    "operation": "操作",
    "argument": "参数",
    "variable": "变量",
    "fragment": "片段",
    "input field": "输入字段",
    "directive": "指令",
}

_RULES: list[tuple[re.Pattern[str], Callable[[Match], str]]] = [
    (
        re.compile(r"Cannot query field '(?P<field>[^']+)' on type '(?P<type>[^']+)'\."),
        lambda m: f"类型 '{m['type']}' 没有字段 '{m['field']}'",
    ),
    (
        re.compile(r"Unknown argument '(?P<arg>[^']+)' on field '(?P<field>[^']+)'\."),
        lambda m: f"字段 '{m['field']}' 没有参数 '{m['arg']}'",
    ),
    (
        re.compile(r"Unknown argument '(?P<arg>[^']+)' on directive '(?P<directive>[^']+)'\."),
        lambda m: f"指令 '{m['directive']}' 没有参数 '{m['arg']}'",
    ),
    (
        re.compile(
            r"Argument '(?P<arg>[^']+)' of type '(?P<type>[^']+)' is required,"
            r" but it was not provided\."
        ),
        lambda m: f"缺少必填参数 '{m['arg']}'（类型 '{m['type']}'）",
    ),
    (
        re.compile(
            r"Variable '\$(?P<var>[^']+)' of type '(?P<type>[^']+)' used in position"
            r" expecting type '(?P<expected>[^']+)'\."
        ),
        lambda m: (
            f"变量 '${m['var']}' 的类型 '{m['type']}' 与此处要求的类型 '{m['expected']}' 不符"
        ),
    ),
    (
        re.compile(
            r"Variable '\$(?P<var>[^']+)' of required type '(?P<type>[^']+)' was not provided\."
        ),
        lambda m: f"缺少必填变量 '${m['var']}'（类型 '{m['type']}'）",
    ),
    (
        re.compile(r"Variable '\$(?P<var>[^']+)' has invalid value(?P<path>[^:]*): (?P<inner>.+)"),
        lambda m: f"变量 '${m['var']}'{m['path']} 的值无效：{in_chinese(m['inner'])}",
    ),
    (
        re.compile(
            r"Variable '\$(?P<var>[^']+)' is not defined"
            r"(?: by operation '(?P<operation>[^']+)')?\."
        ),
        _undefined_variable,
    ),
    (
        re.compile(
            r"Variable '\$(?P<var>[^']+)' is never used"
            r"(?: in operation '(?P<operation>[^']+)'| in fragment '(?P<fragment>[^']+)')?\."
        ),
        _unused_variable,
    ),
    (
        re.compile(r"Variable '\$(?P<var>[^']+)' cannot be non-input type '(?P<type>[^']+)'\."),
        lambda m: f"变量 '${m['var']}' 的类型 '{m['type']}' 不是输入类型",
    ),
    (
        re.compile(r"Unknown fragment '(?P<name>[^']+)'\."),
        lambda m: f"未定义的片段 '{m['name']}'",
    ),
    (
        re.compile(r"Fragment '(?P<name>[^']+)' is never used\."),
        lambda m: f"片段 '{m['name']}' 未被使用",
    ),
    (
        re.compile(
            r"Cannot spread fragment '(?P<name>[^']+)' within itself(?: via (?P<via>.+))?\."
        ),
        _fragment_cycle,
    ),
    (
        re.compile(
            r"Fragment (?:'(?P<name>[^']+)' )?cannot be spread here as objects of type"
            r" '(?P<parent>[^']+)' can never be of type '(?P<type>[^']+)'\."
        ),
        _wrong_spread,
    ),
    (
        re.compile(
            r"Fragment (?:'(?P<name>[^']+)' )?cannot condition on non composite type"
            r" '(?P<type>[^']+)'\."
        ),
        lambda m: f"片段不能以非复合类型 '{m['type']}' 为条件",
    ),
    (
        re.compile(r"Unknown type '(?P<type>[^']+)'\."),
        lambda m: f"未知类型 '{m['type']}'",
    ),
    (
        re.compile(
            r"Field '(?P<field>[^']+)' must not have a selection since type '(?P<type>[^']+)'"
            r" has no subfields\."
        ),
        lambda m: f"字段 '{m['field']}' 的类型 '{m['type']}' 没有子字段，不能带选择集",
    ),
    (
        re.compile(
            r"Field '(?P<field>[^']+)' of type '(?P<type>[^']+)' must have a selection of"
            r" subfields\."
        ),
        lambda m: f"字段 '{m['field']}' 的类型为 '{m['type']}'，须选择其子字段",
    ),
    (
        re.compile(r"Unknown directive '(?P<directive>[^']+)'\."),
        lambda m: f"未知指令 '{m['directive']}'",
    ),
    (
        re.compile(r"Directive '(?P<directive>[^']+)' may not be used on (?P<location>\w+)\."),
        lambda m: f"指令 '{m['directive']}' 不能用在 {m['location']}",
    ),
    (
        re.compile(
            r"There can be only one (?P<kind>operation|argument|variable|fragment|input field"
            r"|directive) named '(?P<name>[^']+)'\."
        ),
        lambda m: f"名为 '{m['name']}' 的{_ONLY_ONE[m['kind']]}只能有一个",
    ),
    (
        re.compile(r"This anonymous operation must be the only defined operation\."),
        lambda m: "匿名操作须是文档中唯一的操作",
    ),
    (
        re.compile(
            r"Fields '(?P<field>[^']+)' conflict because (?P<reason>.+)\. Use different aliases"
            r" on the fields to fetch both if this was intentional\.",
            re.S,
        ),
        lambda m: f"字段 '{m['field']}' 冲突（{m['reason']}）；如需同时取得，请为其使用不同的别名",
    ),
    (
        re.compile(
            r"(?:Anonymous Subscription|Subscription '(?P<name>[^']+)') must select only one top"
            r" level field\."
        ),
        lambda m: "订阅须只选择一个顶层字段",
    ),
    (
        re.compile(
            r"Expected value of type '(?P<type>[^']+)' to include required field"
            r" '(?P<field>[^']+)', found:? (?P<found>.+)\.",
            re.S,
        ),
        lambda m: f"'{m['type']}' 类型的值缺少必填字段 '{m['field']}'",
    ),
    (
        re.compile(
            r"Expected value of type '(?P<type>[^']+)' not to include unknown field"
            r" '(?P<field>[^']+)'.*",
            re.S,
        ),
        lambda m: f"'{m['type']}' 类型没有字段 '{m['field']}'",
    ),
    (
        re.compile(r"Field '(?P<field>[^']+)' is not defined by type '(?P<type>[^']+)'\."),
        lambda m: f"'{m['type']}' 类型没有字段 '{m['field']}'",
    ),
    (
        re.compile(
            r"Expected (?:a )?value of non-null type '(?P<type>[^']+)'"
            r" (?:not to be None|to be provided)\."
        ),
        lambda m: f"须提供 '{m['type']}' 类型的非空值",
    ),
    (
        re.compile(
            r"Expected value of type '(?P<type>[^']+)'(?:, but encountered error '(?P<inner>.+)';"
            r" found|, found):? (?P<found>.+?)(?:; (?P<inner2>.+))?\.?",
            re.S,
        ),
        _expected,
    ),
    (
        re.compile(r"Value '(?P<value>[^']+)' does not exist in '(?P<enum>[^']+)' enum\."),
        lambda m: f"枚举 '{m['enum']}' 没有值 '{m['value']}'",
    ),
    (
        re.compile(r"Enum '(?P<enum>[^']+)' cannot represent non-enum value: (?P<value>.+)\."),
        lambda m: f"枚举 '{m['enum']}' 不能表示非枚举值 {m['value']}",
    ),
    (
        re.compile(
            r"(?P<scalar>Int|Float|String|Boolean|ID) cannot represent (?P<problem>.+?):"
            r" (?P<value>.+)",
            re.S,
        ),
        _scalar,
    ),
]


def _suggestion(names: str) -> str:
    """`'a', 'b', or 'c'` -> `'a'、'b' 或 'c'`."""
    names = re.sub(r",? or ", " 或 ", names)
    return names.replace(", ", "、")


def in_chinese(message: str) -> str:
    """The message in Chinese, or unchanged when no rule knows it."""
    body, suggestion = message, ""
    if found := _SUGGESTION.fullmatch(message):
        body, suggestion = found["body"], f"；是否想用 {_suggestion(found['names'])}？"
    for pattern, translate in _RULES:
        if match := pattern.fullmatch(body.strip()):
            return translate(match) + suggestion
    return message
