"""The console's form adapter (web/src/forms/conditions.ts, json-logic-js in the browser) decides
what is hidden, dropped and required exactly as the server does on submit: for every seed item
whose form carries a condition, answers generated from the form itself are checked by the API's
`applicationFormCheck` and by the adapter (bundled with esbuild, run in node), and both must name
the same dropped answers and the same REQUIRED paths."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from socialaid.db.database import Database
from tests.graphql_client import execute, query_data

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NPM = ROOT / "tests" / "npm"
ADAPTER = ROOT / "web" / "src" / "forms" / "conditions.ts"
DRIVER = HERE / "adapter" / "form_state.cjs"
SETUP = "run `python3 dev.py test` (it installs the npm packages of tests/npm with npm ci)"
# Tenants whose catalogues (own or inherited) hold conditional fields: Changning (Shanghai's
# education aid, its own extremely-poor support), Jiangyin, Xiaodian (Shanxi's medical aid).
TENANTS = ["310105", "320281", "140105"]
CASES_PER_FORM = 12

CATALOGUE = "query($t: String!) { catalogue(tenant: $t) { items { code } } }"
FORM = """query($t: String!, $items: [String!]!) {
  applicationForm(tenant: $t, items: $items) { hash jsonSchema } }"""
CHECK = """query($h: String!, $a: JSON!) { applicationFormCheck(hash: $h, answers: $a) {
  dropped answerErrors { path detailCode } } }"""


@pytest.fixture(scope="module")
def adapter_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    node = shutil.which("node")
    assert node is not None, f"the adapter test needs Node.js: {SETUP}"
    assert (NPM / "node_modules" / "esbuild").is_dir(), f"esbuild is missing: {SETUP}"
    out = tmp_path_factory.mktemp("adapter") / "conditions.cjs"
    script = (
        "require('esbuild').buildSync({entryPoints: [process.argv[1]], bundle: true,"
        " platform: 'node', format: 'cjs', outfile: process.argv[2],"
        f" nodePaths: [{json.dumps(str(NPM / 'node_modules'))}]}})"
    )
    built = subprocess.run(
        [node, "-e", script, str(ADAPTER), str(out)],
        cwd=NPM,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    return out


def run_adapter(bundle: Path, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    assert node is not None
    finished = subprocess.run(
        [node, str(DRIVER), str(bundle)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    results: list[dict[str, Any]] = json.loads(finished.stdout)
    return results


# ---------------------------------------------------------------- answers made from the form


def conditions_in(node: Any) -> list[Any]:
    """Every JSONLogic rule (not a constant) among the x-visibleWhen / x-requiredWhen of a schema."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("x-visibleWhen", "x-requiredWhen") and isinstance(value, dict):
                found.append(value)
            elif key not in ("x-materials",):
                found += conditions_in(value)
    elif isinstance(node, list):
        for value in node:
            found += conditions_in(value)
    return found


def constants(rules: list[Any]) -> tuple[list[float], list[str]]:
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

    walk(rules)
    return numbers, strings


def value_for(
    field: dict[str, Any], chooser: random.Random, numbers: list[float], strings: list[str]
) -> Any:
    """An answer to `field`, or None for no answer: values the rules' constants make interesting."""
    kind = field.get("type")
    if "enum" in field:
        return chooser.choice([None, "", *field["enum"][:4], *strings])
    if kind == "boolean":
        return chooser.choice([None, True, False])
    if kind in ("number", "integer"):
        near = sorted({int(n) + d for n in numbers for d in (-1, 0, 1)} | {0, 800})
        return chooser.choice([None, *near])
    if kind == "array":
        options = field.get("items", {}).get("enum", [])
        return chooser.choice([None, [], options[:1], options[:2]])
    return chooser.choice([None, "", "是", *strings])


def object_answers(
    node: dict[str, Any], chooser: random.Random, numbers: list[float], strings: list[str]
) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for name, child in node.get("properties", {}).items():
        if child.get("type") == "array" and child.get("items", {}).get("type") == "object":
            answers[name] = [
                object_answers(child["items"], chooser, numbers, strings)
                for _ in range(chooser.randint(0, 2))
            ]
        elif "x-key" in child:
            value = value_for(child, chooser, numbers, strings)
            if value is not None:
                answers[name] = value
        elif child.get("type") == "object":
            answers[name] = object_answers(child, chooser, numbers, strings)
    return answers


def generated_answers(schema: dict[str, Any], seed: int) -> list[dict[str, Any]]:
    numbers, strings = constants(conditions_in(schema))
    chooser = random.Random(seed)
    cases = [object_answers(schema, chooser, numbers, strings) for _ in range(CASES_PER_FORM)]
    return [*cases, {}, {"not_in_the_form": {"x": 1}}]


# ---------------------------------------------------------------- the server's answer


def error_path(parts: list[str]) -> str:
    """["answers", "household", "members", "1", "name"] → household.members[1].name"""
    out = ""
    for part in parts[1:]:
        out += f"[{part}]" if part.isdigit() else (f".{part}" if out else part)
    return out


async def conditional_forms(db: Database) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(tenant, item, hash, schema) for every single-item form with a condition in it."""
    forms = []
    for tenant in TENANTS:
        items = (await query_data(db, CATALOGUE, {"t": tenant}))["catalogue"]["items"]
        for item in items:
            # Items organised by the authorities (非依申请) have no form: refused, left out.
            data, errors = await execute(db, FORM, {"t": tenant, "items": [item["code"]]})
            if errors or data is None:
                continue
            form = data["applicationForm"]
            if conditions_in(form["jsonSchema"]):
                forms.append((tenant, item["code"], form["hash"], form["jsonSchema"]))
    return forms


async def test_the_adapter_drops_and_requires_what_the_server_does(
    db: Database, adapter_bundle: Path
) -> None:
    forms = await conditional_forms(db)
    assert len(forms) >= 10, [f[:2] for f in forms]
    cases: list[dict[str, Any]] = []
    server: list[dict[str, Any]] = []
    where: list[str] = []
    for index, (tenant, item, form_hash, schema) in enumerate(forms):
        for answers in generated_answers(schema, seed=index):
            check = (await query_data(db, CHECK, {"h": form_hash, "a": answers}))[
                "applicationFormCheck"
            ]
            cases.append({"schema": schema, "answers": answers})
            server.append(
                {
                    "dropped": sorted(check["dropped"]),
                    "missing": sorted(
                        error_path(e["path"])
                        for e in check["answerErrors"]
                        if e["detailCode"] == "REQUIRED"
                    ),
                }
            )
            where.append(f"{tenant} {item}: {json.dumps(answers, ensure_ascii=False)}")

    browser = run_adapter(adapter_bundle, cases)

    different = [
        (place, expected, {"dropped": sorted(got["dropped"]), "missing": sorted(got["missing"])})
        for place, expected, got in zip(where, server, browser, strict=True)
        if expected != {"dropped": sorted(got["dropped"]), "missing": sorted(got["missing"])}
    ]
    assert different == []


async def test_the_generated_answers_make_the_conditions_go_both_ways(
    db: Database, adapter_bundle: Path
) -> None:
    """Without answers that hide and require something, agreement would prove little."""
    forms = await conditional_forms(db)
    cases = [
        {"schema": schema, "answers": answers}
        for index, (_, _, _, schema) in enumerate(forms)
        for answers in generated_answers(schema, seed=index)
    ]
    results = run_adapter(adapter_bundle, cases)
    assert sum(1 for r in results if r["dropped"]) >= len(forms)
    assert sum(1 for r in results if r["missing"]) >= len(forms)
