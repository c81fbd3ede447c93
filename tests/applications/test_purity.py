"""The workflow core stays pure: no database, no GraphQL, so it is tested and reused without I/O."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import socialaid.applications

PURE_MODULES = ["states", "planning", "deadlines", "notices", "timeline", "filing"]
FORBIDDEN = (
    "sqlalchemy",
    "sqlmodel",
    "asyncpg",
    "alembic",
    "strawberry",
    "starlette",
    "socialaid.db",
    "socialaid.api",
)
PACKAGE = Path(socialaid.applications.__file__).parent


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


# A domain's models, services (here, the use-case modules) and graphql reach the database or
# strawberry.
IMPURE = {
    "models",
    "service",
    "graphql",
    "queries",
    "moves",
    "submission",
    "triage",
    "casework",
    "decision",
    "emergency",
}


def is_forbidden(name: str) -> bool:
    parts = name.split(".")
    return name.startswith(FORBIDDEN) or (parts[0] == "socialaid" and bool(IMPURE & set(parts)))


def test_the_pure_modules_import_neither_the_database_nor_graphql() -> None:
    for module in PURE_MODULES:
        offending = {
            name for name in imported_names(PACKAGE / f"{module}.py") if is_forbidden(name)
        }
        assert not offending, f"{module} imports {sorted(offending)}"


def test_importing_the_pure_modules_loads_neither_the_database_nor_graphql() -> None:
    # In a fresh interpreter, so what other tests imported does not hide an indirect import.
    modules = ", ".join(f"socialaid.applications.{m}" for m in PURE_MODULES)
    probe = (
        f"import sys, {modules}\n"
        f"print(sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
