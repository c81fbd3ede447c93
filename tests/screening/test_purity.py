"""Screening and the parameter rules are pure logic: they import neither the database nor
GraphQL, so they run (and are tested) without either."""

from __future__ import annotations

import subprocess
import sys
import textwrap

PURE = (
    "socialaid.screening.partial",
    "socialaid.screening.screening",
    "socialaid.screening.words",
    "socialaid.screening.questions",
    "socialaid.screening.classification",
    "socialaid.catalogue.parameter_values",
    "socialaid.catalogue.javascript_numbers",
)
FORBIDDEN = ("strawberry", "sqlalchemy", "sqlmodel", "asyncpg", "alembic", "socialaid.db")


def test_the_screening_core_imports_with_database_and_graphql_packages_blocked() -> None:
    script = textwrap.dedent(
        f"""
        import sys, importlib, importlib.abc

        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if any(name == f or name.startswith(f + ".") for f in {FORBIDDEN!r}):
                    raise ImportError("blocked: " + name)
                return None

        sys.meta_path.insert(0, Block())
        for name in {PURE!r}:
            importlib.import_module(name)
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
