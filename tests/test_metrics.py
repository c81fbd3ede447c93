"""GET /metrics: the counters move by what the requests did, in one process and summed over
`socialaid serve --workers 2`; production serves them only with the token. The real app on a
loopback port, read with prometheus_client's own parser."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select, update
from sqlmodel import col

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.submission import MaterialInput, Submission, submit
from socialaid.audit.models import AuditEvent
from socialaid.clock import CHINA
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.kernel.caches import Caches
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.metrics.labels import MAX_OPERATIONS, OperationNames
from tests.applications_api.flows import (
    SHANGHAI_FAMILY,
    SUBMIT,
    accept,
    acknowledge,
    applicant,
    apply,
    case_of,
    caseworker,
    decide,
    shanghai_answers,
    submission,
    uploads_for,
    window_clerk,
)
from tests.conftest import TEST_SECRET, test_settings
from tests.identity_numbers import id_number
from tests.test_asgi_app import environment as asgi_environment
from tests.test_asgi_app import ready
from tests.test_http import free_port, on_loopback
from tests.test_serving import children_of, environment, started

CHANGNING = "310105"
CAT = 'query Cat { catalogue(tenant: "310105") { items { code } } }'
LOOKUP = 'query Lookup { tenant(code: "999999") { code } }'
DURATION = "socialaid_graphql_request_duration_seconds"

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parse(text: str) -> Samples:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


@contextlib.asynccontextmanager
async def serving(db: Database, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The app on a loopback port, and a client for it."""
    async with (
        on_loopback(create_app(db, settings)) as address,
        httpx.AsyncClient(base_url=f"http://{address}") as client,
    ):
        yield client


async def scrape(client: httpx.AsyncClient, headers: dict[str, str] | None = None) -> Samples:
    response = await client.get("/metrics", headers=headers or {})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return parse(response.text)


def bearer(user: str = "citizen-1") -> dict[str, str]:
    token = mint_token(test_settings(), user=user, tenant=CHANGNING, roles=[Role.APPLICANT])
    return {"Authorization": f"Bearer {token}"}


async def test_three_requests_of_an_operation_count_three_under_its_name_and_outcome(
    db: Database,
) -> None:
    async with serving(db, test_settings()) as client:
        before = await scrape(client)
        for _ in range(3):
            response = await client.post("/graphql", json={"query": CAT})
            assert response.status_code == 200 and "errors" not in response.json()
        await client.post("/graphql", json={"query": LOOKUP})
        await client.post("/graphql", json={"query": "{ tenants { code "})  # does not parse
        await client.post(  # refused before GraphQL (and the cache)
            "/graphql", content=b"[1, 2", headers={"content-type": "application/json"}
        )
        after = await scrape(client)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved(f"{DURATION}_count", operation="Cat", outcome="ok") == 3
    assert moved(f"{DURATION}_bucket", operation="Cat", outcome="ok", le="+Inf") == 3
    assert moved(f"{DURATION}_count", operation="Lookup", outcome="NOT_FOUND") == 1
    assert moved(f"{DURATION}_count", operation="(none)", outcome="GRAPHQL_PARSE_FAILED") == 1
    assert moved(f"{DURATION}_count", operation="(none)", outcome="http_4xx") == 1
    assert moved("socialaid_http_requests_total", route="graphql", status="2xx") == 5
    assert moved("socialaid_http_requests_total", route="graphql", status="4xx") == 1
    assert moved("socialaid_http_requests_total", route="metrics", status="2xx") == 1
    # The first Cat built the response, the other two came from the public response cache.
    assert moved("socialaid_cache_hits_total", cache="public_responses") == 2
    assert moved("socialaid_cache_misses_total", cache="public_responses") == 3


async def test_operation_names_beyond_the_cap_or_not_graphql_names_share_one_label(
    db: Database,
) -> None:
    long_name = "Q" * 65
    async with serving(db, test_settings()) as client:
        before = await scrape(client)
        await client.post("/graphql", json={"query": f"query {long_name} {{ __typename }}"})
        # A name the client claims for a document that defines no such operation is not used.
        await client.post(
            "/graphql", json={"query": "query A { __typename }", "operationName": "Forged"}
        )
        await client.post("/graphql", json={"query": "{ __typename }"})
        after = await scrape(client)

    def moved(**labels: str) -> float:
        return value(after, f"{DURATION}_count", **labels) - value(
            before, f"{DURATION}_count", **labels
        )

    assert moved(operation="(other)", outcome="ok") == 1
    assert moved(operation="(none)", outcome="http_4xx") == 1  # strawberry answers 400
    assert moved(operation="(anonymous)", outcome="ok") == 1
    assert not any(("Forged" in dict(labels).get("operation", "")) for _, labels in after), (
        "a name no document defined became a label"
    )


def test_only_the_first_names_a_process_sees_get_a_label_of_their_own() -> None:
    names = OperationNames()
    first = [f"Op{n}" for n in range(MAX_OPERATIONS)]
    assert [names.label(n) for n in first] == first
    assert names.label("OneTooMany") == "(other)"
    assert names.label("Op7") == "Op7"  # admitted names keep their label
    assert names.label(None) == "(anonymous)"
    assert names.label("has space") == "(other)"


async def test_a_submission_counts_one_and_its_replay_none(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    materials = await uploads_for(db, CHANGNING, SHANGHAI_FAMILY, answers, citizen)
    body = submission(CHANGNING, SHANGHAI_FAMILY, answers, "metrics-1", materials, area="huayanglu")
    submitted = "socialaid_applications_submitted_total"
    async with serving(db, test_settings()) as client:
        before = value(await scrape(client), submitted, channel="online")
        for _ in range(2):  # the second is a replay of the same idempotency key
            response = await client.post(
                "/graphql", json={"query": SUBMIT, "variables": {"i": body}}, headers=bearer()
            )
            assert response.json()["data"]["applicationSubmit"]["errors"] == [], response.text
        after = await scrape(client)
        assert value(after, submitted, channel="online") - before == 1


async def test_a_decision_counts_one_under_its_outcome(db: Database) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    accepted = await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    civil = await caseworker(db, CHANGNING, "civil_affairs")
    dibao = await acknowledge(db, civil, case_of(accepted, "dibao"))
    decided = "socialaid_cases_decided_total"
    async with serving(db, test_settings()) as client:
        before = await scrape(client)
        payload = await decide(db, civil, dibao, "DENIED")
        assert payload["errors"] == []
        after = await scrape(client)
    assert value(after, decided, outcome="denied") - value(before, decided, outcome="denied") == 1
    assert value(after, decided, outcome="approved") == value(before, decided, outcome="approved")


async def test_overdue_cases_and_audit_chain_length_are_read_from_the_database(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    submitted = await apply(db, citizen, CHANGNING, SHANGHAI_FAMILY, answers, area="huayanglu")
    await accept(db, await window_clerk(db, CHANGNING, "huayanglu"), submitted)
    async with db.owner_session() as session, session.begin():  # dibao's deadline passes
        await session.execute(
            update(ApplicationCase)
            .where(col(ApplicationCase.item_code) == "dibao")
            .values(due_at=datetime.now(CHINA) - timedelta(hours=1))
        )
        events = await session.scalar(select(func.count()).select_from(AuditEvent))
    assert events

    async with serving(db, test_settings()) as client:
        samples = await scrape(client)
    assert value(samples, "socialaid_overdue_cases") == 1
    assert value(samples, "socialaid_audit_chain_events") == events
    assert value(samples, "socialaid_audit_chains") >= 1
    assert value(samples, "socialaid_db_pool_size") == 5  # the test database's pool
    assert value(samples, "socialaid_db_pool_checked_out") == 0


async def test_production_serves_metrics_only_to_the_bearer_of_the_token(db: Database) -> None:
    async with serving(db, test_settings(env="production")) as client:
        assert (await client.get("/metrics")).status_code == 404
    token = "scrape-token-0123456789"
    async with serving(db, test_settings(env="production", metrics_token=token)) as client:
        assert (await client.get("/metrics")).status_code == 401
        wrong = {"Authorization": "Bearer scrape-token-0123456780"}
        assert (await client.get("/metrics", headers=wrong)).status_code == 401
        samples = await scrape(client, {"Authorization": f"Bearer {token}"})
    assert value(samples, "socialaid_http_requests_total", route="metrics", status="4xx") >= 2


async def test_metrics_turned_off_are_neither_served_nor_counted(db: Database) -> None:
    async with serving(db, test_settings()) as client:
        before = await scrape(client)
    async with serving(db, test_settings(metrics=False)) as client:
        assert (await client.get("/metrics")).status_code == 404
        assert (await client.post("/graphql", json={"query": CAT})).status_code == 200
    async with serving(db, test_settings()) as client:
        after = await scrape(client)
    assert value(after, f"{DURATION}_count", operation="Cat", outcome="ok") == value(
        before, f"{DURATION}_count", operation="Cat", outcome="ok"
    )


def test_two_workers_report_the_sum_of_their_requests_and_clean_up_their_files(
    db: Database, tmp_path: Path
) -> None:
    port = free_port()
    env = environment(tmp_path, db)
    env["TMPDIR"] = str(tmp_path)  # where serve makes its metrics directory
    parent = started(port, "--workers", "2", env=env)
    try:
        workers = children_of(parent.pid)
        assert len(workers) == 2

        def served_by() -> set[int]:
            found = [p for p in tmp_path.iterdir() if p.name.startswith("socialaid-metrics-")]
            if not found:
                return set()
            return {int(f.stem.rsplit("_", 1)[1]) for f in found[0].glob("histogram_*.db")}

        async def load() -> int:
            # New connections, many at a time, until each worker has accepted some: on a busy
            # machine the second worker may still be starting when the first batches arrive.
            async def one() -> None:
                async with httpx.AsyncClient() as client:
                    response = await client.post(
                        f"http://127.0.0.1:{port}/graphql", json={"query": CAT}
                    )
                    assert response.status_code == 200

            sent = 0
            while sent < 600 and (sent < 60 or served_by() != set(workers)):
                await asyncio.gather(*(one() for _ in range(10)))
                sent += 10
            return sent

        sent = asyncio.run(load())
        assert served_by() == set(workers), "both workers served requests"
        [metrics_dir] = [p for p in tmp_path.iterdir() if p.name.startswith("socialaid-metrics-")]
        samples = parse(httpx.get(f"http://127.0.0.1:{port}/metrics").text)
        assert value(samples, f"{DURATION}_count", operation="Cat", outcome="ok") == sent
        assert (
            value(samples, "socialaid_http_requests_total", route="graphql", status="2xx") == sent
        )

        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=30) == 0
        assert not metrics_dir.exists()
    finally:
        if parent.poll() is None:
            parent.kill()


def uvicorn_workers(port: int, env: dict[str, str], workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", "socialaid.asgi:app", "--port", str(port)]
    return subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


async def test_uvicorn_workers_with_a_multiprocess_directory_report_the_sum(
    db: Database, tmp_path: Path
) -> None:
    port = free_port()
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = asgi_environment(tmp_path, db) | {"PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}
    server = uvicorn_workers(port, env, 2)
    try:
        await ready(server, port)

        async def one() -> None:
            async with httpx.AsyncClient() as client:
                response = await client.post(
                    f"http://127.0.0.1:{port}/graphql", json={"query": CAT}
                )
                assert response.status_code == 200

        def serving_workers() -> set[str]:
            return {f.stem.rsplit("_", 1)[1] for f in metrics_dir.glob("histogram_*.db")}

        # The kernel decides which worker accepts a connection: on a busy machine one may take
        # the first hundred, so keep asking until both have served (and at least 60 requests).
        sent = 0
        while sent < 600 and (sent < 60 or len(serving_workers()) < 2):
            await asyncio.gather(*(one() for _ in range(10)))
            sent += 10
        assert len(serving_workers()) == 2, "both workers served requests"
        async with httpx.AsyncClient() as client:
            samples = parse((await client.get(f"http://127.0.0.1:{port}/metrics")).text)
        assert value(samples, f"{DURATION}_count", operation="Cat", outcome="ok") == sent
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class AbandonedError(Exception):
    pass


async def test_a_submission_rolled_back_after_the_service_returned_is_not_counted(
    db: Database,
) -> None:
    citizen = await applicant(db, CHANGNING)
    answers = shanghai_answers(id_number("310105", date(1982, 4, 2), 131))
    materials = await uploads_for(db, CHANGNING, SHANGHAI_FAMILY, answers, citizen)

    def unit_of_work() -> UnitOfWork:
        return UnitOfWork(
            db, actor=citizen, request_id="r-1", signing_key=TEST_SECRET, caches=Caches()
        )

    def counted() -> float:
        found = REGISTRY.get_sample_value(
            "socialaid_applications_submitted_total", {"channel": "online"}
        )
        return found or 0.0

    def application(key: str) -> Submission:
        return Submission(
            tenant=CHANGNING,
            channel="online",
            items=SHANGHAI_FAMILY,
            answers=answers,
            idempotency_key=key,
            materials=[
                MaterialInput(m["material"], m["subject"], m["reference"]) for m in materials
            ],
            area="huayanglu",
        )

    before = counted()
    with contextlib.suppress(AbandonedError):
        async with unit_of_work() as uow:
            await submit(uow, submission=application("rolled-back"))
            raise AbandonedError  # the request fails after the service, before the commit
    assert counted() == before
    async with unit_of_work() as uow:
        await submit(uow, submission=application("committed"))
    assert counted() == before + 1
    async with db.owner_session() as session:
        keys = set(await session.scalars(select(Application.idempotency_key)))
    assert "committed" in keys and "rolled-back" not in keys
