"""JSONLogic arithmetic as json-logic-js computes it, for the operators where panzi-json-logic
does not (issue 21, tests/screening/test_rules_run_the_same_everywhere.py).

A frontend evaluating eligibility and formulas in the browser runs json-logic-js; the server
must give the same answer. The two engines agree on the official test suite, which feeds
arithmetic only numbers; they differ on what a family's answers can hold:

- `+` and `*` read each operand with JavaScript's `parseFloat`: no answer (null), yes/no and
  text that does not start with a number give NaN (panzi counted null as 0 and true as 1);
  `*` of one operand is that operand unchanged;
- `/` by zero is ±Infinity or NaN, not an exception;
- `-` with an explicit null subtracts 0 (panzi negated the first operand);
- `min`/`max` of anything NaN are NaN, whatever the order (Python's min skipped it or not by
  position), and of nothing ±Infinity.

Pure; the functions take the engine's calling convention (`data` first, then the operands).
"""

from __future__ import annotations

import math
import re
from typing import Any

from json_logic.builtins import to_string

_NAN = float("nan")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_LEADING_FLOAT = re.compile(r"\s*([+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))")
_WHITESPACE = " \t\n\r\x0b\x0c\u00a0\ufeff\u2028\u2029"


def number(value: Any) -> float:
    """JavaScript's `Number(value)`."""
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list):
        return number(to_string(value))
    if not isinstance(value, str):
        return _NAN
    text = value.strip(_WHITESPACE)
    if text == "":
        return 0.0
    if text in ("Infinity", "+Infinity"):
        return math.inf
    if text == "-Infinity":
        return -math.inf
    if re.fullmatch(r"0[xX][0-9a-fA-F]+", text):
        return float(int(text, 16))
    return float(text) if _DECIMAL.fullmatch(text) else _NAN


def parse_float(value: Any) -> float:
    """JavaScript's `parseFloat(value)`: the longest leading decimal number of its text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    found = _LEADING_FLOAT.match(to_string(value))
    if found is None:
        return _NAN
    text = found.group(1)
    if text.endswith("Infinity"):
        return -math.inf if text.startswith("-") else math.inf
    return float(text)


def add(_data: Any = None, *operands: Any) -> float:
    total = 0.0
    for operand in operands:
        total = parse_float(total) + parse_float(operand)
    return total


def multiply(_data: Any = None, *operands: Any) -> Any:
    if not operands:
        raise TypeError("Reduce of empty array with no initial value")
    product: Any = operands[0]
    for operand in operands[1:]:
        product = parse_float(product) * parse_float(operand)
    return product


def subtract(_data: Any = None, *operands: Any) -> float:
    first = operands[0] if operands else None
    if len(operands) < 2:
        return -number(first)
    return number(first) - number(operands[1])


def divide(_data: Any = None, *operands: Any) -> float:
    dividend = number(operands[0] if operands else None)
    divisor = number(operands[1] if len(operands) > 1 else None)
    if divisor == 0:
        if dividend == 0 or math.isnan(dividend):
            return _NAN
        return math.copysign(math.inf, dividend) * math.copysign(1.0, divisor)
    return dividend / divisor


def minimum(_data: Any = None, *operands: Any) -> float:
    values = [number(o) for o in operands]
    if any(math.isnan(v) for v in values):
        return _NAN
    return min(values, default=math.inf)


def maximum(_data: Any = None, *operands: Any) -> float:
    values = [number(o) for o in operands]
    if any(math.isnan(v) for v in values):
        return _NAN
    return max(values, default=-math.inf)


OPERATIONS = {"+": add, "*": multiply, "-": subtract, "/": divide, "min": minimum, "max": maximum}
