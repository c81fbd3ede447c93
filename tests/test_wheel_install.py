"""The built wheel works on its own: installed into a fresh venv, run from a folder outside the
checkout, `socialaid` migrates the embedded database and serves the seed tenants.

The venv has no copy of the checkout's source on its path: its interpreter gets the installed
wheel (pip install --no-deps) and, for the third-party dependencies only, the shared venv's
site-packages through a .pth line. Python does not read .pth files inside a folder that a .pth line
adds, so the shared venv's editable install of socialaid (its own .pth) is not seen. The test asserts
that `socialaid` and its data are imported from the fresh venv before it starts anything. Installing
the dependencies themselves would need the package registries, which a test must not.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import venv
from pathlib import Path

import httpx

from socialaid.console.build import ensure_built
from tests.conftest import REPO_ROOT, TEST_SECRET
from tests.eventually import DEADLINE
from tests.test_http import free_port
from tests.test_serving import postgres_serving

SEED_TENANTS = {"310000", "310105", "320281", "140000"}
# Left out of the copy the wheel is built from: what git ignores and what no build reads.
NOT_BUILT_FROM = shutil.ignore_patterns(
    ".git", ".venv", ".data", "build", "dist", "*.egg-info", "__pycache__", "*.py[co]",
    ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis", ".mutmut", "mutants", "bench",
    "docs", "tests", "node_modules",
)  # fmt: skip


def build_wheel(tmp_path: Path) -> Path:
    """The wheel built from a copy of the checkout (a build leaves build/ and egg-info behind)."""
    project = tmp_path / "project"
    shutil.copytree(REPO_ROOT, project, ignore=NOT_BUILT_FROM, symlinks=True)
    # The console built here (npm, when stale) with its stamp: the copy's build finds it fresh.
    ensure_built(REPO_ROOT / "web")
    shutil.copytree(REPO_ROOT / "web" / "dist", project / "web" / "dist")
    dist = tmp_path / "dist"
    # Offline: the build backend (setuptools, wheel) comes from this venv, not the registry.
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(dist), str(project)],
        check=True,
    )
    (wheel,) = dist.glob("socialaid-*.whl")
    return wheel


def fresh_venv(tmp_path: Path, wheel: Path) -> Path:
    """A new venv holding the wheel; the venv's bin folder."""
    root = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(root)
    python = root / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # After the venv's own site-packages, so the installed wheel comes first.
    (site / "shared_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(python)]
    subprocess.run([*pip, "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    return root / "bin"


def test_the_installed_wheel_migrates_and_serves_the_seed_tenants_outside_the_checkout(
    tmp_path: Path,
) -> None:
    bin_dir = fresh_venv(tmp_path, build_wheel(tmp_path))
    elsewhere = tmp_path / "elsewhere"  # no migrations/, catalogue/ or tenants/ here
    elsewhere.mkdir()
    data_dir = tmp_path / "data"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "DATABASE_URL"} and not key.startswith("SOCIALAID_")
    }
    env |= {
        "SOCIALAID_SECRET": TEST_SECRET,
        "SOCIALAID_DATA_DIR": str(data_dir),
        "SOCIALAID_ACCESS_LOG": "false",
    }

    def run(*args: str) -> str:
        done = subprocess.run(args, cwd=elsewhere, env=env, capture_output=True, text=True)
        # The last lines of the traceback name what the installed package could not find.
        assert done.returncode == 0, f"{' '.join(args[1:])} failed:\n{done.stderr[-1500:]}"
        return done.stdout

    where = run(
        str(bin_dir / "python"),
        "-c",
        "import socialaid, socialaid.bundled_data as b; print(socialaid.__file__); print(b.data_root())",
    ).split()
    assert all(Path(p).is_relative_to(bin_dir.parent) for p in where), where
    # The print templates are package data too (ADR 0024).
    templates = run(
        str(bin_dir / "python"),
        "-c",
        "from importlib.resources import files;"
        "print(*sorted(p.name for p in (files('socialaid.printing') / 'templates').iterdir()))",
    ).split()
    assert templates == ["application.html", "notice.html", "print.css"]

    assert "database at head" in run(str(bin_dir / "socialaid"), "db", "upgrade")

    port = free_port()
    server = subprocess.Popen(
        [str(bin_dir / "socialaid"), "serve", "--port", str(port)],
        cwd=elsewhere,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                _, errors = server.communicate()
                raise AssertionError(f"the installed server did not start:\n{errors.decode()}")
            time.sleep(0.2)

        response = httpx.post(
            f"http://127.0.0.1:{port}/graphql",
            json={"query": "{ tenants { code } }"},
            timeout=DEADLINE,
        )
        codes = {t["code"] for t in response.json()["data"]["tenants"]}
        assert codes >= SEED_TENANTS
        # The console the wheel carries, served from the installed package.
        console = httpx.get(f"http://127.0.0.1:{port}/console/admin/tenants", timeout=DEADLINE)
        assert console.status_code == 200
        assert '<div id="root">' in console.text

        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    deadline = time.monotonic() + 20
    while postgres_serving(data_dir):
        assert time.monotonic() < deadline, "the embedded PostgreSQL outlived the server"
        time.sleep(0.2)
