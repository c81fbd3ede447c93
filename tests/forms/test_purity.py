"""The form core is pure (DESIGN §9): it imports neither the database nor GraphQL."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import socialaid.forms

FORMS = Path(socialaid.forms.__file__).parent
# The domain folder also holds its tables, service and GraphQL (DESIGN §9); the rest is the core.
NOT_CORE = {"models", "service", "shared_records", "graphql"}
FORBIDDEN = (
    "strawberry",
    "sqlalchemy",
    "sqlmodel",
    "asyncpg",
    "alembic",
    "socialaid.db",
    "socialaid.api",
)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_module_of_the_form_core_names_a_database_or_graphql_package() -> None:
    offending = {
        f"{path.name}: {name}"
        for path in FORMS.glob("*.py")
        if path.stem not in NOT_CORE
        for name in _imports(path)
        if any(name == f or name.startswith(f"{f}.") for f in FORBIDDEN)
    }
    assert offending == set()


def test_the_form_core_imports_with_database_and_graphql_packages_blocked() -> None:
    script = textwrap.dedent(
        f"""
        import sys, importlib.abc

        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if any(name == f or name.startswith(f + ".") for f in {FORBIDDEN!r}):
                    raise ImportError("blocked: " + name)
                return None

        sys.meta_path.insert(0, Block())
        import pkgutil, importlib, socialaid.forms
        for module in pkgutil.iter_modules(socialaid.forms.__path__):
            if module.name not in {sorted(NOT_CORE)!r}:
                importlib.import_module("socialaid.forms." + module.name)
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
