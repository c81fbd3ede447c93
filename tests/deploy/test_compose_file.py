"""compose.yaml, checked without Docker: valid under the Compose Specification's schema, the
services started in the right order, and its two socialaid commands, run here in that order
against a new database, migrate and seed it and then serve it."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import yaml
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from socialaid.db.bootstrap import create_database, drop_database, owner_connection
from socialaid.db.database import Database
from socialaid.db.urls import with_database
from tests.conftest import REPO_ROOT
from tests.deploy.test_dockerfile import as_served_here
from tests.test_http import free_port
from tests.test_serving import environment, started_command

COMPOSE_FILE = REPO_ROOT / "compose.yaml"
SCHEMA = Path(__file__).with_name("compose-spec.json")


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    return loaded


def problems(document: dict[str, Any]) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft201909Validator(schema)
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]


def service(name: str) -> dict[str, Any]:
    found: dict[str, Any] = compose()["services"][name]
    return found


def interpolated(value: str) -> str:
    """`value` with compose's ${NAME:-default} and ${NAME:?message} as an empty environment
    would give them (the default; the message's variable as a placeholder)."""
    value = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)
    return re.sub(r"\$\{([A-Z_]+):\?[^}]*\}", r"<\1>", value)


@pytest.fixture
async def new_database(server_url: URL) -> AsyncIterator[URL]:
    name = f"sa_c_{uuid.uuid4().hex[:10]}"
    await create_database(server_url, name)
    yield with_database(server_url, name)
    await drop_database(server_url, name)


def test_the_compose_file_is_valid_under_the_compose_specification() -> None:
    assert problems(compose()) == []


def test_the_schema_as_used_here_refuses_a_misspelt_start_condition() -> None:
    broken = compose()
    broken["services"]["api"]["depends_on"]["migrate"]["condition"] = "service_finished"

    assert problems(broken) != []


def test_servers_start_after_the_release_step_which_starts_after_postgresql_is_healthy() -> None:
    assert service("api")["depends_on"] == {
        "migrate": {"condition": "service_completed_successfully"},
        "minio-bucket": {"condition": "service_completed_successfully"},
    }
    assert service("migrate")["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert "healthcheck" in service("postgres")
    assert service("migrate")["restart"] == "no"


def test_uploads_go_to_minio_whose_bucket_is_made_once_it_is_healthy() -> None:
    environment = service("api")["environment"]
    assert interpolated(environment["SOCIALAID_UPLOAD_STORE"]) == "s3"
    assert interpolated(environment["SOCIALAID_UPLOAD_S3_ENDPOINT"]) == "http://minio:9000"
    bucket = interpolated(environment["SOCIALAID_UPLOAD_S3_BUCKET"])
    assert f"store/{bucket}" in " ".join(service("minio-bucket")["command"])
    assert service("minio-bucket")["depends_on"] == {"minio": {"condition": "service_healthy"}}
    assert "healthcheck" in service("minio")
    minio = service("minio")["environment"]
    assert interpolated(environment["SOCIALAID_UPLOAD_S3_ACCESS_KEY"]) == interpolated(
        minio["MINIO_ROOT_USER"]
    )
    assert interpolated(environment["SOCIALAID_UPLOAD_S3_SECRET_KEY"]) == interpolated(
        minio["MINIO_ROOT_PASSWORD"]
    )


def test_the_api_runs_two_workers_that_do_not_migrate() -> None:
    command = service("api")["command"]

    assert command[:2] == ["socialaid", "serve"]
    assert command[command.index("--workers") + 1] == "2"
    assert "--no-migrate" in command


def test_a_worker_service_runs_the_jobs_and_the_api_leaves_them_to_it() -> None:
    worker = service("worker")

    assert worker["command"] == ["socialaid", "worker", "--no-migrate"]
    assert worker["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
    assert service("api")["environment"]["SOCIALAID_EMBEDDED_WORKER"] == "false"
    assert "SOCIALAID_EMBEDDED_WORKER" not in service("worker")["environment"]


def test_the_socialaid_services_reach_postgresql_by_its_service_name_and_credentials() -> None:
    postgres = service("postgres")["environment"]
    for name in ("migrate", "api", "worker"):
        url = make_url(interpolated(service(name)["environment"]["DATABASE_URL"]))
        assert url.host == "postgres"
        assert url.username == interpolated(postgres["POSTGRES_USER"])
        assert url.password == interpolated(postgres["POSTGRES_PASSWORD"])
        assert url.database == interpolated(postgres["POSTGRES_DB"])


async def test_the_compose_postgresql_is_the_major_version_the_tests_run_against(
    db: Database,
) -> None:
    async with db.owner_session() as session:
        version = int(await session.scalar(text("SHOW server_version_num")) or 0)  # 180001

    assert service("postgres")["image"].split(":")[1].split("-")[0] == str(version // 10000)


def test_every_built_service_has_a_dockerfile_in_its_context() -> None:
    for name, definition in compose()["services"].items():
        if "build" in definition:
            assert (REPO_ROOT / definition["build"] / "Dockerfile").is_file(), name


async def test_the_release_command_then_the_server_command_seed_and_serve_a_new_database(
    new_database: URL, tmp_path: Path
) -> None:
    env = environment(tmp_path, None)
    env["DATABASE_URL"] = new_database.set(drivername="postgresql").render_as_string(
        hide_password=False
    )
    release = as_served_here(service("migrate")["command"], 0)
    done = await asyncio.to_thread(
        subprocess.run, release, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    await worker_command_runs_and_stops(new_database, env, tmp_path)
    port = free_port()

    server = await asyncio.to_thread(
        started_command, as_served_here(service("api")["command"], port), port, env
    )
    try:
        response = await asyncio.to_thread(
            httpx.post, f"http://127.0.0.1:{port}/graphql", json={"query": "{ tenants { code } }"}
        )
        assert {"310000", "310105", "320281", "140000"} <= {
            t["code"] for t in response.json()["data"]["tenants"]
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


async def worker_command_runs_and_stops(database: URL, env: dict[str, str], tmp_path: Path) -> None:
    """compose's worker command: it registers the periodic tasks in the new database, then
    stops on SIGTERM with exit status 0."""
    log = tmp_path / "worker.log"
    with log.open("wb") as output:
        worker = await asyncio.to_thread(
            subprocess.Popen,
            as_served_here(service("worker")["command"], 0),
            env=env,
            stdout=output,
            stderr=output,
        )
        try:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 120
            while await scheduled_tasks(database) == []:
                assert worker.poll() is None, log.read_text()
                assert loop.time() < deadline, "the worker did not start"
                await asyncio.sleep(0.1)
        finally:
            worker.terminate()
            code = await asyncio.to_thread(worker.wait, 30)
    assert code == 0, log.read_text()
    assert await scheduled_tasks(database) == [
        "deadlines.scan",
        "discovery.scan",
        "notifications.retry",
        "reform.fold",
        "reverification.scan",
        "statistics.fold",
    ]


async def scheduled_tasks(database: URL) -> list[str]:
    connection = await owner_connection(database)
    try:
        rows = await connection.fetch("SELECT entrypoint FROM pgqueuer_schedules ORDER BY 1")
    finally:
        await connection.close()
    return [row["entrypoint"] for row in rows]


def test_the_pgbouncer_profile_builds_from_a_dockerfile_hadolint_accepts() -> None:
    from tests.deploy.test_dockerfile import hadolint

    pgbouncer = service("pgbouncer")
    linted = hadolint(REPO_ROOT / pgbouncer["build"] / "Dockerfile")

    assert pgbouncer["profiles"] == ["pgbouncer"]
    assert (linted.returncode, linted.stdout) == (0, "")
    assert interpolated(pgbouncer["environment"]["DB_HOST"]) == "postgres"
