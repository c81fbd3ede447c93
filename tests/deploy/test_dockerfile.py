"""The Dockerfile, checked without Docker (not available here): hadolint's rules, a non-root
final stage holding only the virtual environment, the locked dependencies, a build context
that builds a complete wheel, and an image command that serves."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from itertools import pairwise
from pathlib import Path

import httpx

from socialaid.db.database import Database
from tests.conftest import REPO_ROOT
from tests.deploy.dockerfile import Stage, stages
from tests.test_dev_tools import dev_module
from tests.test_http import free_port
from tests.test_serving import SOCIALAID, environment, started_command

DOCKERFILE = REPO_ROOT / "Dockerfile"
HADOLINT = Path(sys.executable).parent / "hadolint"


def image_stages() -> list[Stage]:
    return stages(DOCKERFILE.read_text(encoding="utf-8"))


def final_stage() -> Stage:
    return image_stages()[-1]


def build_stage() -> Stage:
    (stage,) = [s for s in image_stages() if s.name == "build"]
    return stage


def hadolint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(HADOLINT), "--no-color", "--failure-threshold", "style", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def as_served_here(command: list[str], port: int) -> list[str]:
    """The image's command with this venv's `socialaid`, on the loopback and a free port."""
    replaced = {"--host": "127.0.0.1", "--port": str(port)}
    result = [str(SOCIALAID) if command[0] == "socialaid" else command[0]]
    for previous, word in pairwise(command):
        result.append(replaced.get(previous, word))
    return result


def test_hadolint_finds_nothing_to_say_about_the_dockerfile() -> None:
    linted = hadolint(DOCKERFILE)

    assert (linted.returncode, linted.stdout, linted.stderr) == (0, "", "")


def test_hadolint_as_run_here_does_report_a_dockerfile_breaking_its_rules(tmp_path: Path) -> None:
    careless = tmp_path / "Dockerfile"
    careless.write_text("FROM python:latest\nRUN apt-get install gcc\n")

    linted = hadolint(careless)

    assert linted.returncode == 1
    assert "DL3007" in linted.stdout  # the latest tag
    assert "DL3008" in linted.stdout  # apt-get without pinned versions


def test_the_image_runs_as_a_numeric_user_other_than_root() -> None:
    users = final_stage().all("USER")

    assert users, "the final stage never leaves root"
    user = users[-1].arguments.split(":")[0]
    assert user.isdigit() and int(user) != 0


def apt_packages(stage: Stage) -> set[str]:
    """The Debian packages a stage's RUNs install with apt-get, without their pinned versions."""
    packages = set()
    for run in stage.all("RUN"):
        words = run.words()
        for start in (
            i for i, w in enumerate(words) if w == "install" and words[i - 1] == "apt-get"
        ):
            for word in words[start + 1 :]:
                if word == "&&":
                    break
                if not word.startswith("-"):
                    packages.add(word.split("=")[0])
    return packages


def test_the_final_image_takes_the_virtual_environment_from_the_build_and_builds_nothing() -> None:
    stage = final_stage()
    copies = [c.words() for c in stage.all("COPY")]
    runs = " ".join(r.arguments for r in stage.all("RUN"))

    assert copies == [["--from=build", "/opt/venv", "/opt/venv"]]
    for builder in ("pip ", "gcc", "build-essential", "wheel", "-dev"):
        assert builder not in runs


def test_the_final_image_installs_the_fonts_and_libraries_the_tests_print_with() -> None:
    dev = dev_module()

    assert apt_packages(final_stage()) == set(dev.DEBIAN_FILES.values())


def test_the_image_installs_the_locked_dependencies_by_their_hashes() -> None:
    installs = [r.words() for r in build_stage().all("RUN") if "install" in r.arguments]
    locked = [w for w in installs if "-r" in w and w[w.index("-r") + 1] == "requirements.lock"]

    assert locked and "--require-hashes" in locked[0]


def test_the_files_the_build_stage_copies_build_a_wheel_with_the_seed_data(tmp_path: Path) -> None:
    context = tmp_path / "context"
    for copy in build_stage().all("COPY"):
        *sources, _target = copy.words()
        for source in sources:
            origin = REPO_ROOT / source
            # What .dockerignore keeps out of the build context, so the console is built here.
            ignored = shutil.ignore_patterns(
                "__pycache__", "*.py[co]", "*.egg-info", "node_modules", "dist"
            )
            if origin.is_dir():
                shutil.copytree(origin, context / source, ignore=ignored)
            else:
                context.mkdir(exist_ok=True)
                shutil.copy(origin, context / source)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(tmp_path / "dist"), str(context)],
        check=True,
    )  # fmt: skip

    (wheel,) = (tmp_path / "dist").glob("socialaid-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "socialaid/_data/migrations/env.py",
        "socialaid/_data/tenants/310105-changning/tenant.yaml",
        "socialaid/_data/catalogue/data-elements/changning.yaml",
        "socialaid/access/policy.csv",
        "socialaid/console_dist/index.html",
    ):
        assert expected in names


def test_the_image_command_serves_the_api(db: Database, tmp_path: Path) -> None:
    (command,) = final_stage().all("CMD")
    port = free_port()

    server = started_command(as_served_here(command.words(), port), port, environment(tmp_path, db))
    try:
        response = httpx.post(
            f"http://127.0.0.1:{port}/graphql", json={"query": "{ tenants { code } }"}
        )
        assert "310105" in {t["code"] for t in response.json()["data"]["tenants"]}
    finally:
        server.terminate()
        server.wait(timeout=30)
