"""graphql-codegen generates TypeScript types from schema.graphql and the example operations, and
`tsc --strict` accepts them together with examples/usage.ts, the way a frontend would use them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.examples.example_operations import EXAMPLES, operations
from tests.examples.npm_tools import npm_program, run_npm_program

CONFIG = EXAMPLES / "codegen.yml"
# What a browser bundle targets; `--strict` is the point of the check.
TSC = ("--noEmit", "--strict", "--target", "es2022", "--module", "esnext")
TSC_MODULES = ("--moduleResolution", "bundler", "--lib", "es2022,dom")


def generate(out: Path, schema: Path) -> Path:
    """Run codegen as examples/codegen.yml says, into out/generated; the generated file."""
    result = run_npm_program(
        "graphql-codegen",
        "--config",
        str(CONFIG),
        cwd=REPO_ROOT,
        env={"CODEGEN_OUTPUT_DIR": str(out / "generated"), "CODEGEN_SCHEMA": str(schema)},
    )
    generated = out / "generated" / "graphql.ts"
    assert result.returncode == 0 and generated.exists(), result.stdout + result.stderr
    return generated


def type_check(out: Path) -> tuple[int, str]:
    """`tsc --strict` over examples/usage.ts beside the generated types; (exit code, output)."""
    shutil.copy(EXAMPLES / "usage.ts", out / "usage.ts")
    result = run_npm_program("tsc", *TSC, *TSC_MODULES, "usage.ts", cwd=out)
    return result.returncode, result.stdout + result.stderr


def test_codegen_generates_a_type_for_every_example_operation_and_usage_ts_type_checks(
    tmp_path: Path,
) -> None:
    generated = generate(tmp_path, REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")

    suffix = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}
    missing = [
        example.where
        for example in operations().values()
        if f"export type {example.name}{suffix[example.kind]} = " not in generated
        or f"export type {example.name}{suffix[example.kind]}Variables = " not in generated
    ]
    assert missing == []
    # Custom scalars are mapped, never `any`.
    assert re.search(r"[:<|]\s*any\b", generated) is None
    assert type_check(tmp_path) == (0, "")


def test_a_schema_change_to_a_field_usage_ts_reads_fails_the_type_check(tmp_path: Path) -> None:
    # Application.id (and Node.id) becomes nullable: every example operation stays valid, but usage.ts returns
    # the submitted application's id as a string.
    sdl = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")
    start = sdl.index("type Application ")
    broken = tmp_path / "schema.graphql"
    changed = sdl[:start] + sdl[start:].replace("  id: ID!", "  id: ID", 1)
    # Node.id too, or the schema itself is invalid (Application implements Node).
    node = changed.index("interface Node ")
    broken.write_text(changed[:node] + changed[node:].replace("  id: ID!", "  id: ID", 1))
    generate(tmp_path, broken)

    code, output = type_check(tmp_path)

    assert code != 0
    assert (
        "usage.ts(" in output
        and "Type 'string | null' is not assignable to type 'string'" in output
    )


def test_a_custom_scalar_without_a_mapping_stops_codegen(tmp_path: Path) -> None:
    sdl = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")
    unmapped = tmp_path / "schema.graphql"
    # The shared CaseCard fragment selects Case.dueAt.
    unmapped.write_text(
        sdl.replace("  dueAt: DateTime\n", "  dueAt: Instant\n", 1) + "\nscalar Instant\n"
    )
    result = run_npm_program(
        "graphql-codegen",
        "--config",
        str(CONFIG),
        cwd=REPO_ROOT,
        env={"CODEGEN_OUTPUT_DIR": str(tmp_path / "generated"), "CODEGEN_SCHEMA": str(unmapped)},
    )
    assert result.returncode != 0
    assert "Instant" in result.stdout + result.stderr


def test_a_missing_npm_install_fails_naming_dev_py_test(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match=r"run `python3 dev\.py test`"):
        npm_program("graphql-codegen", node_modules=tmp_path / "node_modules")
