"""Partial evaluation of a JSONLogic rule over answers a family has not finished giving.

Pure. A `var` nobody answered is unknown rather than null: the result is either known (the
value the engine gives for any answers to the unknown keys) or unknown with the keys it waits
on. `and`/`or` decide as soon as one known term settles them (an unanswered income does not
matter to a family without a Shanghai hukou). Known operands go through the engine's own
operations (panzi-json-logic, `catalogue.conditions`), so a rule decided here gives what
`evaluate` gives on complete answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from json_logic.builtins import not_, to_bool

from socialaid.catalogue.conditions import ALLOWED_OPERATORS, OPERATIONS, PARAMS_PREFIX, row_key

_OPERATIONS = OPERATIONS
_ABSENT: Any = object()


@dataclass(frozen=True)
class Known:
    value: Any


@dataclass(frozen=True)
class Unknown:
    """The keys whose answers (or parameters, `params.<key>`) the result waits on."""

    keys: frozenset[str]

    @property
    def answers(self) -> frozenset[str]:
        return frozenset(k for k in self.keys if not k.startswith(PARAMS_PREFIX))

    @property
    def parameters(self) -> frozenset[str]:
        return frozenset(
            k.removeprefix(PARAMS_PREFIX) for k in self.keys if k.startswith(PARAMS_PREFIX)
        )


Partial = Known | Unknown


class UnsupportedRuleError(ValueError):
    """The rule uses an operator outside the catalogue's subset (the lint refuses those)."""


def partially_evaluate(
    rule: object, answers: Mapping[str, Any], parameters: Mapping[str, Any]
) -> Partial:
    """`rule` over `answers` (nested as a form submits them) and the parameters that have a
    value (keys without `params.`)."""
    return _Evaluator(parameters).run(rule, answers, None)


class _Evaluator:
    def __init__(self, parameters: Mapping[str, Any]) -> None:
        self.parameters = parameters

    def run(self, node: object, data: Any, row: str | None) -> Partial:
        if isinstance(node, list):
            parts = [self.run(item, data, row) for item in node]
            missing = _missing(parts)
            if missing:
                return Unknown(missing)
            return Known([part.value for part in parts if isinstance(part, Known)])
        if not isinstance(node, dict) or len(node) != 1:
            return Known(node)
        op, args = next(iter(node.items()))
        if op not in ALLOWED_OPERATORS:
            raise UnsupportedRuleError(op)
        arguments = args if isinstance(args, list) else [args]
        if op == "var":
            return self.var(arguments, data, row)
        if op == "and":
            return self.junction(arguments, data, row, stop_when=False)
        if op == "or":
            return self.junction(arguments, data, row, stop_when=True)
        if op == "if":
            return self.branch(arguments, data, row)
        if op in ("some", "all", "none"):
            return self.rows(op, arguments, data, row)
        parts = [self.run(argument, data, row) for argument in arguments]
        missing = _missing(parts)
        if missing:
            return Unknown(missing)
        values = [part.value for part in parts if isinstance(part, Known)]
        return Known(_OPERATIONS[op](data, *values))

    def var(self, arguments: list[Any], data: Any, row: str | None) -> Partial:
        name_part = self.run(arguments[0], data, row) if arguments else Known(None)
        if isinstance(name_part, Unknown):
            return name_part
        name = name_part.value
        default = arguments[1] if len(arguments) > 1 else None
        if name is None or name == "":
            return Known(data)
        text = str(name)
        if row is None and text.startswith(PARAMS_PREFIX):
            key = text.removeprefix(PARAMS_PREFIX)
            if self.parameters.get(key) is None:
                return Known(default) if default is not None else Unknown(frozenset({text}))
            return Known(self.parameters[key])
        value = _lookup(data, text)
        if value is _ABSENT or value is None:
            if default is not None:
                return Known(default)
            return Unknown(frozenset({text if row is None else row_key(row, text)}))
        return Known(value)

    def junction(
        self, arguments: list[Any], data: Any, row: str | None, stop_when: bool
    ) -> Partial:
        """`and` (stops at the first falsy term) or `or` (at the first truthy one)."""
        waiting: set[str] = set()
        current: Any = None
        for argument in arguments:
            part = self.run(argument, data, row)
            if isinstance(part, Unknown):
                waiting |= part.keys
                continue
            current = part.value
            if to_bool(current) is stop_when:
                # Whatever the unknown terms before it give, the junction's truth is settled; its
                # value is this term's only when no unknown term came first.
                return Known(current if not waiting else stop_when)
        if waiting:
            return Unknown(frozenset(waiting))
        return Known(current)

    def branch(self, arguments: list[Any], data: Any, row: str | None) -> Partial:
        index = 0
        while index < len(arguments) - 1:
            condition = self.run(arguments[index], data, row)
            if isinstance(condition, Unknown):
                rest = [self.run(a, data, row) for a in arguments[index + 1 :]]
                return Unknown(condition.keys | _missing(rest))
            if to_bool(condition.value):
                return self.run(arguments[index + 1], data, row)
            index += 2
        if index < len(arguments):
            return self.run(arguments[index], data, row)
        return Known(None)

    def rows(self, op: str, arguments: list[Any], data: Any, row: str | None) -> Partial:
        if len(arguments) < 2:
            return Known(op == "none")
        source = self.run(arguments[0], data, row)
        if isinstance(source, Unknown):
            return source
        items = source.value
        group = _group_name(arguments[0], row)
        if not isinstance(items, list):
            return Known(op == "none")
        if op == "all" and not items:
            return Known(False)
        waiting: set[str] = set()
        for item in items:
            part = self.run(arguments[1], item, group)
            if isinstance(part, Unknown):
                waiting |= part.keys
                continue
            truth = to_bool(part.value)
            if op == "some" and truth:
                return Known(True)
            if op == "none" and truth:
                return Known(False)
            if op == "all" and not_(part.value):
                return Known(False)
        if waiting:
            return Unknown(frozenset(waiting))
        return Known(op != "some")


def _group_name(source: object, row: str | None) -> str:
    name = source.get("var") if isinstance(source, dict) else None
    if isinstance(name, list):
        name = name[0] if name else None
    text = str(name) if name is not None else ""
    return text if row is None else row_key(row, text)


def _lookup(data: Any, name: str) -> Any:
    node = data
    for segment in name.split("."):
        if isinstance(node, Mapping):
            if segment not in node:
                return _ABSENT
            node = node[segment]
        elif isinstance(node, list) and segment.isdigit() and int(segment) < len(node):
            node = node[int(segment)]
        else:
            return _ABSENT
    return node


def _missing(parts: list[Partial]) -> frozenset[str]:
    keys: set[str] = set()
    for part in parts:
        if isinstance(part, Unknown):
            keys |= part.keys
    return frozenset(keys)
