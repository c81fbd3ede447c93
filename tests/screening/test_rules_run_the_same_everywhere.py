"""Rules run the same everywhere (issue 21): the official JsonLogic suite and examples of every
rule in the catalogue give the same answer in the server's engine (panzi-json-logic, through
`catalogue.conditions`) and in json-logic-js, the engine a browser frontend runs (node, from
tests/npm). The screening's partial evaluator agrees with the engine on the same examples.

The examples are generated from each rule, deterministically: its variables get values near the
rule's own constants, the code list's codes, yes and no, or no answer at all, and its repeat
groups zero to two rows. Known divergences between the two engines are listed in DIVERGENCES
with the reason; the test fails when one appears or disappears.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from json_logic import jsonLogic
from json_logic.builtins import BUILTINS, to_bool

from socialaid.catalogue.conditions import compute
from socialaid.catalogue.javascript_numbers import OPERATIONS as JS_ARITHMETIC
from socialaid.screening.partial import Known, partially_evaluate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SUITE = HERE / "jsonlogic" / "tests.json"
NODE_SCRIPT = HERE / "jsonlogic" / "apply_json_logic_js.cjs"
NPM = ROOT / "tests" / "npm"
SETUP = "run `python3 dev.py test` (it installs the npm packages of tests/npm with npm ci)"
RULE_KEYS = {
    "eligibility",
    "formula",
    "visible_when",
    "required_when",
    "subject_when",
    "applies_when",
}
EXAMPLES_PER_RULE = 30

# (rule as canonical JSON text, data as canonical JSON text) → why the engines differ. None
# found so far: the suite's 277 cases and the catalogue's examples agree.
DIVERGENCES: dict[tuple[str, str], str] = {}


def json_logic_js(cases: list[tuple[Any, Any]]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    assert node is not None, f"the parity test needs Node.js: {SETUP}"
    assert (NPM / "node_modules" / "json-logic-js").is_dir(), f"json-logic-js is missing: {SETUP}"
    finished = subprocess.run(
        [node, str(NODE_SCRIPT)],
        input=json.dumps([{"rule": rule, "data": data} for rule, data in cases]),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    results: list[dict[str, Any]] = json.loads(finished.stdout)
    return results


def portable(value: Any) -> Any:
    """What JSON and the node script can carry: non-finite numbers as {"number": text}."""
    if isinstance(value, float) and not math.isfinite(value):
        text = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
        return {"number": text}
    if isinstance(value, list):
        return [portable(v) for v in value]
    if isinstance(value, dict):
        return {k: portable(v) for k, v in value.items()}
    return value


def comparable(value: Any) -> Any:
    """JavaScript has one number type: 3 and 3.0 are the same answer."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list):
        return [comparable(v) for v in value]
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items()}
    return value


def python_engine(rule: Any, data: Any) -> dict[str, Any]:
    try:
        return {"value": portable(compute(rule, data if isinstance(data, dict) else {}))}
    except Exception as error:  # the answer compared is "it fails", whatever the engine raises
        return {"error": type(error).__name__}


def differences(cases: list[tuple[Any, Any]]) -> dict[tuple[str, str], str]:
    found = {}
    for (rule, data), js in zip(cases, json_logic_js(cases), strict=True):
        py = python_engine(rule, data)
        same = (
            "value" in py and "value" in js and comparable(py["value"]) == comparable(js["value"])
        ) or ("error" in py and "error" in js)
        if not same:
            key = (json.dumps(rule, sort_keys=True), json.dumps(data, sort_keys=True))
            found[key] = f"python {py}, json-logic-js {js}"
    return found


# ---------------------------------------------------------------- the official suite


def official_cases() -> list[tuple[Any, Any, Any]]:
    """The suite's [rule, data, expected] cases (its strings are section comments)."""
    return [tuple(case) for case in json.loads(SUITE.read_text("utf-8")) if isinstance(case, list)]  # type: ignore[misc]


def test_the_vendored_suite_is_the_whole_official_file() -> None:
    assert len(official_cases()) == 277


def test_the_official_suite_gives_the_expected_answer_in_the_python_engine() -> None:
    wrong = []
    for rule, data, expected in official_cases():
        # The suite uses every operator, beyond the catalogue's subset: the engine's full set
        # with the project's JavaScript arithmetic.
        got = portable(jsonLogic(rule, data, {**BUILTINS, **JS_ARITHMETIC}))
        if comparable(got) != comparable(expected):
            wrong.append((rule, data, expected, got))
    assert wrong == []


def test_the_official_suite_gives_the_expected_answer_in_json_logic_js() -> None:
    cases = official_cases()
    results = json_logic_js([(rule, data) for rule, data, _ in cases])
    wrong = [
        (rule, data, expected, result)
        for (rule, data, expected), result in zip(cases, results, strict=True)
        if comparable(result.get("value")) != comparable(expected) or "error" in result
    ]
    assert wrong == []


# What a family's answers can hold and the suite does not try: where panzi-json-logic alone
# differed from json-logic-js (no answer, yes/no or text in arithmetic, division by zero, NaN
# in min/max), now computed the JavaScript way (catalogue/javascript_numbers.py).
EDGE_CASES: list[tuple[Any, Any]] = [
    ({"*": [{"var": "a"}, 2]}, {}),
    ({"*": [{"var": "a"}, 2]}, {"a": True}),
    ({"*": ["3", 2]}, {}),
    ({"*": ["3元", 2]}, {}),
    ({"*": ["x"]}, {}),
    ({"+": [{"var": "a"}, 1]}, {"a": None}),
    ({"+": [" 12.5 ", "1e1", "Infinity"]}, {}),
    ({"-": [5, {"var": "a"}]}, {}),
    ({"-": [{"var": "a"}]}, {"a": "7"}),
    ({"-": ["", "0x10"]}, {}),
    ({"/": [1, 0]}, {}),
    ({"/": [-1, 0]}, {}),
    ({"/": [0, 0]}, {}),
    ({"/": [{"var": "a"}, {"var": "b"}]}, {"a": 3}),
    ({"min": [1, "x"]}, {}),
    ({"min": ["x", 1]}, {}),
    ({"max": [[2], "3", None, False]}, {}),
    ({"max": []}, {}),
    ({"min": []}, {}),
    ({"<": [{"*": [{"var": "a"}, 12]}, 5000]}, {"a": None}),
]


def test_arithmetic_on_what_answers_can_hold_is_computed_as_json_logic_js_does() -> None:
    assert differences(EDGE_CASES) == {}


# ---------------------------------------------------------------- the catalogue's rules


def catalogue_rules() -> list[tuple[str, Any]]:
    """(file: path, rule) for every JSONLogic expression in the seed tenants' items and
    overrides."""
    found: list[tuple[str, Any]] = []
    for path in sorted((ROOT / "tenants").glob("*/*/*.yaml")):
        document = yaml.safe_load(path.read_text("utf-8"))
        for where, rule in _rules_in(document, ""):
            found.append((f"{path.relative_to(ROOT)}: {where}", rule))
    return found


def _rules_in(node: Any, where: str) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}.{key}" if where else str(key)
            if key in RULE_KEYS and isinstance(value, dict):
                yield here, value
            else:
                yield from _rules_in(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _rules_in(value, f"{where}[{index}]")


def _library() -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    elements: dict[str, dict[str, Any]] = {}
    for path in (ROOT / "catalogue" / "data-elements").glob("*.yaml"):
        for element in yaml.safe_load(path.read_text("utf-8")).get("data_elements", []):
            elements[element["key"]] = element
    code_lists: dict[str, list[str]] = {}
    for path in (ROOT / "catalogue" / "code-lists").glob("*.yaml"):
        for code_list in yaml.safe_load(path.read_text("utf-8")).get("code_lists", []):
            code_lists[code_list["code"]] = [v["code"] for v in code_list["values"]]
    return elements, code_lists


ELEMENTS, CODE_LISTS = _library()


def _constants(rule: Any) -> tuple[list[float], list[str]]:
    numbers: list[float] = []
    strings: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for op, args in node.items():
                if op != "var":
                    walk(args)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, bool) or node is None:
            return
        elif isinstance(node, int | float):
            numbers.append(float(node))
        elif isinstance(node, str):
            strings.append(node)

    walk(rule)
    return numbers, strings


def _leaves(rule: Any, context: str | None = None) -> Iterator[tuple[str | None, str]]:
    """(repeat group or None, var name as written) for every literal var of the rule."""
    if isinstance(rule, list):
        for item in rule:
            yield from _leaves(item, context)
        return
    if not isinstance(rule, dict) or len(rule) != 1:
        return
    op, args = next(iter(rule.items()))
    arguments = args if isinstance(args, list) else [args]
    if op == "var":
        name = arguments[0] if arguments else None
        if isinstance(name, str) and name:
            yield context, name
        return
    if op in ("some", "all", "none") and arguments:
        source = arguments[0]
        group = source.get("var") if isinstance(source, dict) else None
        if isinstance(group, str):
            yield context, group
            for row_context, name in _leaves(arguments[1:], group):
                yield row_context, name
        return
    yield from _leaves(arguments, context)


def _candidates(
    name: str, group: str | None, numbers: list[float], strings: list[str]
) -> list[Any]:
    element = ELEMENTS.get(f"{group}[].{name}" if group else name)
    if element is not None and element.get("code_list") in CODE_LISTS:
        return [None, *CODE_LISTS[element["code_list"]][:5], *strings]
    if element is not None and element["type"] == "boolean":
        return [None, True, False]
    near = sorted({n + d for n in numbers for d in (-1, 0, 1)} | {0.0, 800.0, 3000.0})
    if element is not None and element["type"] in ("string", "text", "code"):
        return [None, *strings, "其他"]
    return [None, True, False, *near, *strings]


def examples(rule: Any, seed: int) -> list[dict[str, Any]]:
    numbers, strings = _constants(rule)
    leaves = list(dict.fromkeys(_leaves(rule)))
    groups = {name for _, name in leaves if any(ctx == name for ctx, _ in leaves)}
    chooser = random.Random(seed)
    found = []
    for _ in range(EXAMPLES_PER_RULE):
        data: dict[str, Any] = {}
        for context, name in leaves:
            if context is not None or name in groups:
                continue
            value = chooser.choice(_candidates(name, None, numbers, strings))
            if value is not None:
                _put(data, name, value)
        for group in groups:
            rows = []
            for _ in range(chooser.randint(0, 2)):
                row: dict[str, Any] = {}
                for context, name in leaves:
                    if context == group:
                        value = chooser.choice(_candidates(name, group, numbers, strings))
                        if value is not None:
                            _put(row, name, value)
                rows.append(row)
            _put(data, group, rows)
        found.append(data)
    return found


def _put(data: dict[str, Any], name: str, value: Any) -> None:
    node = data
    segments = name.split(".")
    for segment in segments[:-1]:
        child = node.get(segment)
        if not isinstance(child, dict):
            child = node[segment] = {}
        node = child
    node[segments[-1]] = value


RULES = catalogue_rules()
CASES = [
    (rule, data) for index, (_, rule) in enumerate(RULES) for data in examples(rule, seed=index)
]


def test_the_catalogue_has_rules_of_every_kind_to_compare() -> None:
    kinds = {where.rsplit(".", 1)[-1].split("[")[0] for where, _ in RULES}
    assert {"eligibility", "formula", "visible_when", "required_when", "subject_when"} <= kinds
    assert len(RULES) >= 50
    assert len(CASES) == len(RULES) * EXAMPLES_PER_RULE


def test_every_catalogue_rule_gives_the_same_answer_in_both_engines() -> None:
    assert differences(CASES) == DIVERGENCES


@pytest.mark.parametrize(("where", "rule"), RULES, ids=[w for w, _ in RULES])
def test_the_partial_evaluator_agrees_with_the_engine(where: str, rule: Any) -> None:
    """A rule decided over incomplete answers holds for any answer to the missing keys, no
    answer (null) among them; over complete answers it is the engine's very value."""
    for data in examples(rule, seed=RULES.index((where, rule))):
        engine = compute(rule, data)
        partial = partially_evaluate(rule, _without_params(data), _params(data))
        if isinstance(partial, Known):
            assert to_bool(partial.value) == to_bool(engine), (where, data)


def _params(data: dict[str, Any]) -> dict[str, Any]:
    params = data.get("params")
    return dict(params) if isinstance(params, dict) else {}


def _without_params(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "params"}
