"""The npm programs under tests/npm/node_modules (installed by `python3 dev.py test`)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import REPO_ROOT

NODE_MODULES = REPO_ROOT / "tests" / "npm" / "node_modules"


def npm_program(name: str, node_modules: Path = NODE_MODULES) -> Path:
    """tests/npm/node_modules/.bin/<name>, or a failure that says how to install it."""
    program = node_modules / ".bin" / name
    if not program.exists():
        raise AssertionError(
            f"{program} is missing: run `python3 dev.py test` "
            "(it runs `npm ci --prefix tests/npm` before pytest)"
        )
    if shutil.which("node") is None:
        raise AssertionError("no `node` on PATH: run `python3 dev.py test`, which installs Node.js")
    return program


def run_npm_program(
    name: str, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(npm_program(name)), *args],
        cwd=cwd,
        # Plugins are resolved from the working directory; tests/npm is not an ancestor of it.
        env={**os.environ, "NODE_PATH": str(NODE_MODULES), **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
