"""A discovery rule as a SQL predicate over a resident's tags, so the job evaluates a rule for a
whole batch of residents in one statement instead of one Python call per resident. Pure: builds
SQL text and its bound values, runs nothing.

The resident is one `jsonb` document, kind → facts (`{"disability": {"severe": true}}`); a rule's
`var` on `<kind>.<fact>` reads `doc #> ARRAY[kind, fact]` (SQL NULL when the resident lacks it),
`params.<key>` is the tenant's value bound as `jsonb`. Every value of the rule — literals, paths,
parameter values — is a bound parameter, never text in the statement.

The answers are the reference engine's (catalogue/conditions.py, panzi-json-logic) over flat
facts, which are text, numbers or booleans (tags.py refuses anything else):

- truthiness: null/missing, false, 0, NaN and "" are false;
- `<` `<=` `>` `>=` (also the three-operand "between" form): numeric when either side is a
  number or a boolean (a missing value counts as 0; text that is no number as NaN, which compares
  false); text against text by code point; text against a missing value against the text "null";
- `==` / `!=`: loose equality — numbers and booleans by number (missing == 0 is true), text by
  text, missing == missing, anything else unequal;
- `and` / `or` / `if` return the operand JSONLogic returns; `!` / `!!`;
- `in`: membership in an array (by `==` between numbers and booleans, equality otherwise) or a
  substring of text;
- `some` / `all` / `none` over a tag fact: a fact is never an array, so false / false / true.

Arithmetic and `min`/`max` follow json-logic-js's parseFloat rules (javascript_numbers.py), which
SQL would only approximate: a rule using them is `UntranslatableRuleError` and the job evaluates it with
the reference engine instead (scan.py), as it does a parameter whose value is a list or object.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from socialaid.catalogue.conditions import PARAMS_PREFIX

_NUMERIC_TEXT = r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$"
_COMPARISONS = {"<": "<", "<=": "<=", ">": ">", ">=": ">="}


class UntranslatableRuleError(Exception):
    """The rule uses something this compiler does not translate exactly."""


@dataclass
class SqlPredicate:
    sql: str  # a boolean SQL expression, never NULL
    params: dict[str, Any] = field(default_factory=dict)


def compile_predicate(
    condition: Any, values: Mapping[str, Any], *, doc: str, prefix: str
) -> SqlPredicate:
    """`condition` (JSONLogic) as SQL over the `jsonb` expression `doc`; bound values are named
    `<prefix>_<n>` so several rules can share a statement."""
    compiler = _Compiler(values, doc, prefix)
    return SqlPredicate(compiler.truth(condition), compiler.params)


class _Compiler:
    def __init__(self, values: Mapping[str, Any], doc: str, prefix: str) -> None:
        self.values = values
        self.doc = doc
        self.prefix = prefix
        self.params: dict[str, Any] = {}

    def bind(self, value: Any) -> str:
        name = f"{self.prefix}_{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def constant(self, value: Any) -> str:
        if value is None:
            return "CAST(NULL AS jsonb)"
        if isinstance(value, dict) or (
            isinstance(value, list) and any(isinstance(v, list | dict) for v in value)
        ):
            raise UntranslatableRuleError("a nested list or object")
        return f"CAST({self.bind(json.dumps(value, ensure_ascii=False))} AS jsonb)"

    # -------------------------------------------------------------- values (jsonb, NULL = missing)

    def value(self, expression: Any) -> str:
        if not isinstance(expression, dict):
            return self.constant(expression)
        if len(expression) != 1:
            raise UntranslatableRuleError("an object that is not one operator")
        ((op, args),) = expression.items()
        if op == "var":
            return self.var(args)
        if op in ("and", "or"):
            return self.and_or_value(op, _listed(args))
        if op == "if":
            return self.if_(_listed(args), self.value, "CAST(NULL AS jsonb)")
        return f"to_jsonb({self.truth(expression)})"

    def var(self, args: Any) -> str:
        listed = _listed(args)
        name = listed[0] if listed else None
        if not isinstance(name, str) or not name:
            raise UntranslatableRuleError("a var without a fixed name")
        if name.startswith(PARAMS_PREFIX):
            key = name.removeprefix(PARAMS_PREFIX)
            if key not in self.values:
                raise UntranslatableRuleError(f"parameter {key!r} has no value")
            found = self.constant(self.values[key])
        else:
            path = name.split(".")
            found = f"({self.doc} #> CAST({self.bind(path)} AS text[]))"
        if len(listed) > 1:
            return f"coalesce({found}, {self.constant(listed[1])})"
        return found

    def and_or_value(self, op: str, args: list[Any]) -> str:
        if not args:
            return "CAST(NULL AS jsonb)"
        # JSONLogic returns the first operand that decides (falsy for and, truthy for or).
        result = self.value(args[-1])
        for arg in reversed(args[:-1]):
            value = self.value(arg)
            decides = _truthy(value) if op == "or" else f"NOT {_truthy(value)}"
            result = f"(CASE WHEN {decides} THEN {value} ELSE {result} END)"
        return result

    def if_(self, args: list[Any], branch: Any, missing: str) -> str:
        if not args:
            return missing
        parts = []
        index = 0
        while index + 1 < len(args):
            parts.append(f"WHEN {self.truth(args[index])} THEN {branch(args[index + 1])}")
            index += 2
        otherwise = branch(args[index]) if index < len(args) else missing
        return f"(CASE {' '.join(parts)} ELSE {otherwise} END)"

    # -------------------------------------------------------------- truth (boolean, never NULL)

    def truth(self, expression: Any) -> str:
        if not isinstance(expression, dict):
            return _truthy(self.constant(expression))
        if len(expression) != 1:
            raise UntranslatableRuleError("an object that is not one operator")
        ((op, args),) = expression.items()
        listed = _listed(args)
        if op == "var":
            return _truthy(self.var(args))
        if op == "and":
            return "(" + " AND ".join(self.truth(a) for a in listed) + ")" if listed else "false"
        if op == "or":
            return "(" + " OR ".join(self.truth(a) for a in listed) + ")" if listed else "false"
        if op == "!":
            return f"(NOT {self.truth(listed[0] if listed else None)})"
        if op == "!!":
            return self.truth(listed[0] if listed else None)
        if op == "if":
            return self.if_(listed, self.truth, "false")
        if op in ("==", "!="):
            a, b = (self.value(x) for x in _pad(listed, 2))
            equal = _loose_equal(a, b)
            return equal if op == "==" else f"(NOT {equal})"
        if op in _COMPARISONS:
            operands = [self.value(x) for x in _pad(listed, 2)]
            if op in ("<", "<=") and len(listed) >= 3:
                operands = [self.value(x) for x in listed[:3]]
            pairs = itertools.pairwise(operands)
            return "(" + " AND ".join(_compare(_COMPARISONS[op], a, b) for a, b in pairs) + ")"
        if op == "in":
            needle, haystack = (self.value(x) for x in _pad(listed, 2))
            return _contains(haystack, needle)
        if op in ("some", "all", "none"):
            source = listed[0] if listed else None
            if len(listed) >= 2 and not (
                isinstance(source, dict)
                and set(source) == {"var"}
                and not str(_listed(source["var"])[0]).startswith(PARAMS_PREFIX)
            ):
                raise UntranslatableRuleError(f"{op} over something other than a tag fact")
            # A tag fact is text, a number or a boolean, never a list.
            return "true" if op == "none" else "false"
        raise UntranslatableRuleError(f"operator {op!r}")


def _listed(args: Any) -> list[Any]:
    return list(args) if isinstance(args, list) else [args]


def _pad(args: list[Any], length: int) -> list[Any]:
    return (args + [None] * length)[:length]


def _kind(value: str) -> str:
    return f"jsonb_typeof({value})"


def _truthy(value: str) -> str:
    return (
        f"(CASE {_kind(value)} WHEN 'boolean' THEN {value} = 'true'::jsonb"
        f" WHEN 'number' THEN CAST({value} AS numeric) <> 0"
        f" WHEN 'string' THEN {value} <> '\"\"'::jsonb"
        f" WHEN 'array' THEN {value} <> '[]'::jsonb ELSE false END)"
    )


def _number(value: str) -> str:
    """The reference engine's to_number: NULL stands for NaN."""
    return (
        f"(CASE WHEN {value} IS NULL THEN 0 WHEN {_kind(value)} = 'number' THEN"
        f" CAST({value} AS numeric) WHEN {_kind(value)} = 'boolean' THEN"
        f" (CASE WHEN {value} = 'true'::jsonb THEN 1 ELSE 0 END)"
        f" WHEN {_kind(value)} = 'null' THEN 0"
        f" WHEN {_kind(value)} = 'string' AND ({value} #>> '{{}}') ~ '{_NUMERIC_TEXT}'"
        f" THEN CAST(btrim({value} #>> '{{}}') AS numeric) END)"
    )


def _numeric_side(value: str) -> str:
    return f"{_kind(value)} IN ('number', 'boolean')"


def _text(value: str) -> str:
    return f"(({value}) #>> '{{}}') COLLATE \"C\""


def _compare(op: str, a: str, b: str) -> str:
    return (
        f"(CASE WHEN {_numeric_side(a)} OR {_numeric_side(b)}"
        f" THEN coalesce({_number(a)} {op} {_number(b)}, false)"
        f" WHEN {_kind(a)} = 'string' AND {_kind(b)} = 'string' THEN {_text(a)} {op} {_text(b)}"
        f" WHEN {_kind(a)} = 'string' THEN {_text(a)} {op} 'null'"
        f" WHEN {_kind(b)} = 'string' THEN 'null' {op} {_text(b)}"
        f" ELSE 0 {op} 0 END)"
    )


def _loose_equal(a: str, b: str) -> str:
    return (
        f"(CASE WHEN {_kind(a)} = 'string' AND {_kind(b)} = 'string' THEN {a} = {b}"
        f" WHEN {_kind(a)} = 'boolean' AND {_kind(b)} = 'boolean' THEN {a} = {b}"
        f" WHEN {_numeric_side(a)} OR {_numeric_side(b)}"
        f" THEN coalesce({_number(a)} = {_number(b)}, false)"
        f" WHEN coalesce({_kind(a)}, 'null') = 'null' AND coalesce({_kind(b)}, 'null') = 'null'"
        " THEN true ELSE false END)"
    )


def _contains(haystack: str, needle: str) -> str:
    as_text = (
        f"(CASE WHEN {needle} IS NULL OR {_kind(needle)} = 'null' THEN 'null'"
        f" WHEN {needle} = 'true'::jsonb THEN 'True' WHEN {needle} = 'false'::jsonb THEN 'False'"
        f" ELSE {needle} #>> '{{}}' END)"
    )
    member = (
        f"EXISTS (SELECT 1 FROM jsonb_array_elements({haystack}) AS e(v) WHERE"
        f" e.v = coalesce({needle}, 'null'::jsonb) OR ({_numeric_side('e.v')} AND"
        f" {_numeric_side(needle)} AND {_number('e.v')} = {_number(needle)}))"
    )
    return (
        f"(CASE {_kind(haystack)} WHEN 'array' THEN {member}"
        f" WHEN 'string' THEN strpos({haystack} #>> '{{}}', {as_text}) > 0 ELSE false END)"
    )
