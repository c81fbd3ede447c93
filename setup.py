"""Builds the wheel with the data folders inside the package (pyproject.toml holds the rest).

migrations/, catalogue/ and tenants/ stay top-level in the checkout, where they are edited, and
package-data cannot reach outside src/socialaid; so build_py copies them into the built package
as socialaid/_data/<folder>, where socialaid.bundled_data finds them with importlib.resources.
"""

from __future__ import annotations

import shutil
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


setup(cmdclass={"build_py": BuildPyWithData})
