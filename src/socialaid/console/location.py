"""Where the built console is: the installed package's copy (`socialaid/console_dist`, which
setup.py puts in the wheel), else the checkout's web/dist."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLE = "console_dist"


def installed_dist() -> Path | None:
    bundled = resources.files("socialaid") / BUNDLE
    return bundled if isinstance(bundled, Path) and bundled.is_dir() else None


def checkout_web() -> Path | None:
    """web/ of the checkout this package runs from, if it runs from one."""
    package = resources.files("socialaid")
    if not isinstance(package, Path):
        return None
    web = package.parent.parent / "web"
    return web if (web / "package.json").is_file() else None


def console_dist() -> Path | None:
    """The folder holding the built console's index.html, if there is one."""
    bundled = installed_dist()
    if bundled is not None:
        return bundled
    web = checkout_web()
    return web / "dist" if web is not None else None
