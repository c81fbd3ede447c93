"""A JSONLogic rule or formula in words a family understands, with labels from the catalogue.

Pure. `Wording` knows the labels (data elements, repeat groups, code values, parameters) and
renders an expression either as a requirement (`家庭月人均可支配收入 低于 本市最低生活保障标准`)
or, with a value for each variable, as the calculation it makes (`(1510 − 800) × 3`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from socialaid.catalogue.conditions import PARAMS_PREFIX, row_key

_COMPARISONS = {
    "<": "低于",
    "<=": "不高于",
    ">": "高于",
    ">=": "不低于",
    "==": "为",
    "!=": "不为",
}
_ARITHMETIC = {"+": " + ", "-": " − ", "*": " × ", "/": " ÷ "}


@dataclass(frozen=True)
class Wording:
    labels: Mapping[str, str]  # absolute key (or params.<key>) → label
    code_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # key → code → label
    units: Mapping[str, str] = field(default_factory=dict)  # params.<key> → unit

    def label(self, key: str) -> str:
        return self.labels.get(key, key)

    def requirement(self, node: object) -> str:
        """What `node` asks, with labels for its variables."""
        return _Renderer(self, None).condition(node, None)

    def calculation(self, node: object, value_of: Callable[[str], Any]) -> str:
        """`node` with each variable replaced by its value (`value_of(absolute key)`)."""
        return _Renderer(self, value_of).render(node, None)

    def value_text(self, key: str, value: Any) -> str:
        """An answer or parameter value as a family reads it: 是/否, a code's label, 1,420 元."""
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, str):
            return self.code_labels.get(key, {}).get(value, value)
        if isinstance(value, int | float):
            unit = self.units.get(key)
            return f"{number_text(value)}{' ' + unit if unit else ''}"
        if isinstance(value, list):
            return f"{len(value)} 项"
        return "未填写" if value is None else str(value)


def number_text(value: float) -> str:
    """A number without a trailing .0 and rounded to cents: 1510, 2130.5, 0.33."""
    rounded = Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = format(rounded, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class _Renderer:
    def __init__(self, wording: Wording, value_of: Callable[[str], Any] | None) -> None:
        self.wording = wording
        self.value_of = value_of

    def render(self, node: object, row: str | None) -> str:
        if isinstance(node, list):
            return "、".join(self.render(item, row) for item in node)
        if not isinstance(node, dict) or len(node) != 1:
            return self.constant(node, None)
        op, args = next(iter(node.items()))
        arguments = args if isinstance(args, list) else [args]
        if op == "var":
            return self.variable(arguments, row)
        if op in _COMPARISONS and len(arguments) >= 2:
            key = self.key_of(arguments[0], row)
            right = self.operand(arguments[1], row, key)
            return f"{self.render(arguments[0], row)} {_COMPARISONS[op]} {right}"
        if op == "!":
            return self.negation(arguments[0] if arguments else None, row)
        if op == "!!":
            return self.affirmation(arguments[0] if arguments else None, row)
        if op == "in" and len(arguments) >= 2:
            key = self.key_of(arguments[0], row)
            options = arguments[1]
            listed = (
                "、".join(self.constant(o, key) for o in options)
                if isinstance(options, list)
                else self.render(options, row)
            )
            return f"{self.render(arguments[0], row)} 为以下之一：{listed}"
        if op == "and":
            return "；且 ".join(self.condition(a, row) for a in arguments)
        if op == "or":
            return "以下之一：" + "；或 ".join(self.condition(a, row) for a in arguments)
        if op in _ARITHMETIC:
            if op == "-" and len(arguments) == 1:
                return f"−{self.term(arguments[0], row)}"
            return _ARITHMETIC[op].join(self.term(a, row) for a in arguments)
        if op in ("min", "max"):
            # As the catalogue's formula_text writes them: max(0, …).
            return f"{op}({', '.join(self.render(a, row) for a in arguments)})"
        if op == "if":
            return self.branch(arguments, row)
        if op in ("some", "all", "none") and len(arguments) >= 2:
            group = self.key_of(arguments[0], row) or ""
            inner = self.condition(arguments[1], group)
            lead = {"some": "至少一项", "all": "每一项", "none": "没有一项"}[op]
            return f"{self.wording.label(group)}中{lead}：{inner}"
        return str(node)

    def term(self, node: object, row: str | None) -> str:
        """An operand of arithmetic: bracketed when it is arithmetic itself."""
        text = self.render(node, row)
        if isinstance(node, dict) and len(node) == 1 and next(iter(node)) in _ARITHMETIC:
            return f"({text})"
        return text

    def condition(self, node: object, row: str | None) -> str:
        """A term standing alone as a condition: a bare variable reads as `…：是`."""
        if isinstance(node, dict) and set(node) == {"var"}:
            return self.affirmation(node, row)
        return self.render(node, row)

    def affirmation(self, node: object, row: str | None) -> str:
        key = self.key_of(node, row)
        if key is not None and self.value_of is None:
            return f"{self.wording.label(key)}：是"
        return self.render(node, row)

    def negation(self, node: object, row: str | None) -> str:
        key = self.key_of(node, row)
        if key is not None and self.value_of is None:
            return f"{self.wording.label(key)}：否"
        return f"并非（{self.render(node, row)}）"

    def branch(self, arguments: list[Any], row: str | None) -> str:
        parts: list[str] = []
        index = 0
        while index < len(arguments) - 1:
            parts.append(
                f"如果 {self.condition(arguments[index], row)}，则 {self.render(arguments[index + 1], row)}"
            )
            index += 2
        if index < len(arguments):
            parts.append(f"否则 {self.render(arguments[index], row)}")
        return "；".join(parts)

    def variable(self, arguments: list[Any], row: str | None) -> str:
        key = self.key_of({"var": arguments}, row)
        if key is None:
            return "（计算值）"
        if self.value_of is not None:
            return self.wording.value_text(key, self.value_of(key))
        return self.wording.label(key)

    def operand(self, node: object, row: str | None, compared_with: str | None) -> str:
        if isinstance(node, dict):
            return self.render(node, row)
        return self.constant(node, compared_with)

    def constant(self, value: object, key: str | None) -> str:
        if isinstance(value, str) and key is not None:
            return f"“{self.wording.code_labels.get(key, {}).get(value, value)}”"
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, int | float):
            return number_text(value)
        if value is None:
            return "空"
        return f"“{value}”"

    @staticmethod
    def key_of(node: object, row: str | None) -> str | None:
        if not isinstance(node, dict) or set(node) != {"var"}:
            return None
        name = node["var"]
        if isinstance(name, list):
            name = name[0] if name else None
        if not isinstance(name, str) or not name:
            return None
        if name.startswith(PARAMS_PREFIX) or row is None:
            return name
        return row_key(row, name)
