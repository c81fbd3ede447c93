"""The GraphQL-over-HTTP spec as graphql-http's conformance audit checks it, against the real
server over real HTTP: no error and no warning."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

HERE = Path(__file__).resolve().parent
NPM = HERE.parent / "npm"
SETUP = "run `python3 dev.py test` (it installs the npm packages of tests/npm with npm ci)"


def run_audit(url: str) -> list[dict[str, object]]:
    node = shutil.which("node")
    assert node is not None, f"the graphql-http audit needs Node.js: {SETUP}"
    assert (NPM / "node_modules" / "graphql-http").is_dir(), f"graphql-http is missing: {SETUP}"
    finished = subprocess.run(
        [node, str(HERE / "graphql_http_audit.mjs"), f"{url}/graphql"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    report: list[dict[str, object]] = json.loads(finished.stdout)
    return report


async def test_the_graphql_http_audit_finds_no_error_and_no_warning(
    base_url: str,  # noqa: F811
) -> None:
    # The audit's client blocks in a subprocess while the server answers on this event loop.
    report = await asyncio.to_thread(run_audit, base_url)
    failed = [entry for entry in report if entry["status"] != "ok"]
    assert len(report) >= 50, report  # all of the audit ran, not an early stop
    assert failed == [], json.dumps(failed, ensure_ascii=False, indent=1)
