"""JSONLogic conditions: the allowed subset, the variables a condition reads, evaluation, algebra.

One engine (panzi-json-logic) evaluates conditions everywhere: the compiled form carries the
conditions as data and validation re-evaluates them with the same operations, so what a frontend
shows and what the server accepts cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from json_logic import jsonLogic
from json_logic.builtins import BUILTINS, to_bool

from socialaid.canonical_json import canonical_json
from socialaid.catalogue.javascript_numbers import OPERATIONS as JS_ARITHMETIC

# docs/catalogue-format.md "Conditions (JSONLogic subset)"
ALLOWED_OPERATORS = frozenset(
    {
        "var",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "and",
        "or",
        "!",
        "!!",
        "in",
        "if",
        "+",
        "-",
        "*",
        "/",
        "min",
        "max",
        "some",
        "all",
        "none",
    }
)
ROW_OPERATORS = frozenset({"some", "all", "none"})
PARAMS_PREFIX = "params."

# A condition is a JSONLogic expression or a constant; True and False are the simplified forms.
Condition = bool | dict[str, Any]

# Only the allowed operations are given to the engine, so an expression that slipped past the
# publish-time lint fails loudly instead of running `log`, `merge` or `substr`.
# Arithmetic as json-logic-js does it, so the browser and the server agree (javascript_numbers).
_OPERATIONS = {op: fn for op, fn in BUILTINS.items() if op in ALLOWED_OPERATORS} | JS_ARITHMETIC
OPERATIONS: Mapping[str, Any] = _OPERATIONS


@dataclass(frozen=True)
class Variable:
    """A key a condition reads, made absolute (row keys as `group[].key`), and where it is read."""

    key: str
    location: str

    @property
    def is_parameter(self) -> bool:
        return self.key.startswith(PARAMS_PREFIX)


@dataclass(frozen=True)
class ConditionProblem:
    code: str  # OPERATOR_NOT_ALLOWED, DYNAMIC_VARIABLE, NOT_AN_EXPRESSION, ROW_SOURCE
    location: str
    message: str


@dataclass(frozen=True)
class ConditionAnalysis:
    variables: tuple[Variable, ...]
    problems: tuple[ConditionProblem, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.key for v in self.variables))


def row_key(group: str, relative: str) -> str:
    """The absolute key of a row-relative name: (household.members, relation) → household.members[].relation."""
    return f"{group}[].{relative}"


def analyse(
    condition: object, *, row: str | None = None, within: str | None = None
) -> ConditionAnalysis:
    """Walk a condition once: the variables it reads and the ways it leaves the allowed subset.

    `row` is the repeat group whose single row the condition is evaluated against (a material's
    `subject_when`); inside `some`/`all`/`none` the row is the group named by the first argument.
    `within` is the group of a row field: its conditions read the whole answers (dotted keys)
    and, by undotted names, the same row (`{"var": "education_aid_student"}`).
    """
    variables: list[Variable] = []
    problems: list[ConditionProblem] = []
    _walk(condition, row, "", variables, problems, within)
    return ConditionAnalysis(tuple(variables), tuple(problems))


def _walk(
    node: object,
    row: str | None,
    location: str,
    variables: list[Variable],
    problems: list[ConditionProblem],
    within: str | None = None,
) -> None:
    if isinstance(node, list):
        for index, child in enumerate(node):
            _walk(child, row, f"{location}[{index}]", variables, problems, within)
        return
    if not isinstance(node, dict):
        return
    if len(node) != 1:
        problems.append(
            ConditionProblem(
                "NOT_AN_EXPRESSION",
                location or "<root>",
                f"an object with {len(node)} keys is not a JSONLogic operation",
            )
        )
        return
    op, args = next(iter(node.items()))
    here = f"{location}.{op}" if location else op
    if op not in ALLOWED_OPERATORS:
        problems.append(
            ConditionProblem(
                "OPERATOR_NOT_ALLOWED", here, f"operator {op!r} is outside the allowed subset"
            )
        )
        return
    if op == "var":
        name = _var_name(args)
        if name is None:
            problems.append(
                ConditionProblem(
                    "DYNAMIC_VARIABLE", here, "a var names its key with a literal string"
                )
            )
        elif name != "":
            variables.append(Variable(_absolute(name, row, within), here))
        return
    arguments = args if isinstance(args, list) else [args]
    if op in ROW_OPERATORS:
        _walk_row_operator(arguments, row, here, variables, problems, within)
        return
    for index, argument in enumerate(arguments):
        _walk(argument, row, f"{here}[{index}]", variables, problems, within)


def _absolute(name: str, row: str | None, within: str | None) -> str:
    if name.startswith(PARAMS_PREFIX):
        return name
    if row is not None:
        return row_key(row, name)
    if within is not None and "." not in name:
        return row_key(within, name)
    return name


def _walk_row_operator(
    arguments: list[Any],
    row: str | None,
    here: str,
    variables: list[Variable],
    problems: list[ConditionProblem],
    within: str | None,
) -> None:
    source = arguments[0] if arguments else None
    group = None
    if isinstance(source, dict) and set(source) == {"var"}:
        name = _var_name(source["var"])
        if name:
            group = _absolute(name, row, within)
            variables.append(Variable(group, f"{here}[0].var"))
    if group is None:
        problems.append(
            ConditionProblem(
                "ROW_SOURCE", here, "some/all/none take a var naming a repeat group first"
            )
        )
        return
    for index, argument in enumerate(arguments[1:], start=1):
        _walk(argument, group, f"{here}[{index}]", variables, problems)


def _var_name(args: object) -> str | None:
    name = args[0] if isinstance(args, list) and args else args
    if isinstance(name, str):
        return name
    if isinstance(name, int) and not isinstance(name, bool):
        return str(name)
    return None


def evaluate(condition: Condition | None, data: Mapping[str, Any]) -> bool:
    """JSONLogic truthiness of `condition` over `data`; no condition means true."""
    if condition is None or condition is True:
        return True
    if condition is False:
        return False
    return bool(to_bool(jsonLogic(condition, dict(data), _OPERATIONS)))


def compute(expression: object, data: Mapping[str, Any]) -> Any:
    """The engine's value of `expression` over `data`: a benefit formula's amount, or a
    condition's value before truthiness."""
    return jsonLogic(expression, dict(data), _OPERATIONS)


# ---------------------------------------------------------------- algebra over conditions


def any_of(conditions: Iterable[Condition | None]) -> Condition:
    """The disjunction, simplified: constants folded, nested ors flattened, duplicates dropped."""
    return _combine("or", conditions, absorbing=True, neutral=False)


def all_of(conditions: Iterable[Condition | None]) -> Condition:
    """The conjunction, simplified like `any_of`; None counts as true (no condition)."""
    return _combine("and", (True if c is None else c for c in conditions), False, True)


def _combine(
    op: str, conditions: Iterable[Condition | None], absorbing: bool, neutral: bool
) -> Condition:
    flat: list[dict[str, Any]] = []
    for condition in conditions:
        if condition is None:
            continue
        if condition is absorbing:
            return absorbing
        if condition is neutral:
            continue
        assert isinstance(condition, dict)
        flat.extend(_flatten(op, condition))
    if not flat:
        return neutral
    if len(flat) == 1:
        return flat[0]
    terms: dict[str, dict[str, Any]] = {}
    for term in flat:
        terms.setdefault(canonical_json(term), term)
    # Sorting by the canonical text makes the result independent of the order items were merged.
    ordered = [terms[text] for text in sorted(terms)]
    return ordered[0] if len(ordered) == 1 else {op: ordered}


def _flatten(op: str, condition: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if set(condition) == {op} and isinstance(condition[op], list):
        for term in condition[op]:
            if isinstance(term, dict):
                yield from _flatten(op, term)
            else:
                # A literal inside and/or: keep it wrapped so the term stays an expression.
                yield {"!!": [term]}
    else:
        yield condition
