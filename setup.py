"""Builds the wheel with the data folders inside the package (pyproject.toml holds the rest).

migrations/, catalogue/ and tenants/ stay top-level in the checkout, where they are edited, and
package-data cannot reach outside src/socialaid; so build_py copies them into the built package
as socialaid/_data/<folder>, where socialaid.bundled_data finds them with importlib.resources.
The built web console (web/dist, built here with npm when missing or stale) goes in as
socialaid/console_dist, where socialaid.console.location finds it; without npm and without a
built copy the wheel has no console and /console/ says so (503).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# The same folders as socialaid.bundled_data.FOLDERS.
FOLDERS = ("migrations", "catalogue", "tenants")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            # An editable install reads the checkout's folders; copies would go stale.
            return
        target = Path(self.build_lib, "socialaid", "_data")
        shutil.rmtree(target, ignore_errors=True)
        for folder in FOLDERS:
            shutil.copytree(
                ROOT / folder,
                target / folder,
                ignore=shutil.ignore_patterns("__pycache__", "*.py[co]"),
            )
        _copy_console(Path(self.build_lib, "socialaid", "console_dist"))


def _copy_console(target: Path) -> None:
    web = ROOT / "web"
    if not (web / "package.json").is_file():
        return
    # socialaid is not importable yet: load the build module (standard library only) by path.
    spec = importlib.util.spec_from_file_location(
        "_console_build", ROOT / "src" / "socialaid" / "console" / "build.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    try:
        build.ensure_built(web)
    except build.ConsoleBuildError as exc:
        print(f"setup.py: the wheel ships without the console: {exc}", file=sys.stderr)
        return
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(web / "dist", target)


setup(cmdclass={"build_py": BuildPyWithData})
