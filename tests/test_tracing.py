"""OpenTelemetry traces: one span per GraphQL operation, a child span per database query, the
caller's trace joined, exported by OTLP over HTTP when configured and nothing at all when not.

Through the real app over real HTTP (uvicorn on a loopback port), with the SDK's real
TracerProvider recording into its in-memory exporter, or exporting by OTLP to a real HTTP server
in a thread.
"""

from __future__ import annotations

import asyncio
import io
import json
import signal
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import GraphQLError
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from starlette.applications import Starlette

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.api.operation_tracing import UNEXPECTED, first_error_code, span_name
from socialaid.applications.notifications import ApplicationUpdates
from socialaid.config import ConfigurationError
from socialaid.db.database import Database
from socialaid.db.query_tracing import summarize
from socialaid.tracing import Tracing, exporting_traces, start_tracing
from tests.conftest import REPO_ROOT, test_settings
from tests.eventually import DEADLINE, eventually
from tests.identity_numbers import id_number
from tests.test_http import free_port, on_loopback
from tests.test_json_logs import json_log, of  # noqa: F401 - the JSON log lines of the test
from tests.test_serving import environment, started
from tests.tokens import provincial_caseworker

CAT = "query Cat($t: String!) { catalogue(tenant: $t) { items { code } } }"
ID_NUMBER = id_number("310105", sequence=556)
PERSON_HISTORY = (
    "query PersonHistory($id: String!) "
    "{ personHistory(idNumber: $id) { applications { tenantCode } } }"
)
GRANT = """mutation($i: RoleGrantInput!) { roleGrant(input: $i) {
  errors { code } assignment { userId } } }"""
# A caller's W3C trace context: version, trace id, parent span id, flags (sampled).
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"


async def serve(app: Starlette) -> AsyncIterator[str]:
    """`app` by uvicorn on a loopback port, for as long as the generator is not closed."""
    async with on_loopback(app) as address:
        yield f"http://{address}"


@dataclass
class Traced:
    base_url: str
    exporter: InMemorySpanExporter

    def spans(self) -> list[ReadableSpan]:
        return list(self.exporter.get_finished_spans())

    def operations(self) -> list[ReadableSpan]:
        return [s for s in self.spans() if s.kind is SpanKind.SERVER]


@pytest.fixture
async def traced(db: Database) -> AsyncIterator[Traced]:
    """The app with tracing on, its spans recorded in memory as each ends."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    app = create_app(db, test_settings(), tracing=Tracing.of(provider))
    async for url in serve(app):
        yield Traced(url, exporter)
    provider.shutdown()


async def post(
    url: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> httpx.Response:
    async with httpx.AsyncClient(base_url=url) as client:
        return await client.post("/graphql", json=body, headers=headers or {})


def attribute_values(spans: list[ReadableSpan]) -> str:
    return json.dumps([dict(s.attributes or {}) for s in spans], ensure_ascii=False)


async def test_a_query_is_one_operation_span_with_its_database_queries_as_children(
    traced: Traced,
) -> None:
    response = await post(traced.base_url, {"query": CAT, "variables": {"t": "310105"}})
    assert response.json()["data"]["catalogue"]["items"]

    [operation] = traced.operations()
    assert operation.name == "graphql.query Cat"
    assert dict(operation.attributes or {}) == {
        "graphql.operation.type": "query",
        "graphql.operation.name": "Cat",
        "socialaid.request_id": response.headers["x-request-id"],
    }
    assert operation.parent is None
    assert operation.status.status_code is StatusCode.UNSET
    queries = [s for s in traced.spans() if s is not operation]
    assert {"SELECT tenant", "SELECT catalogue_item", "SELECT catalogue_override"} <= {
        q.name for q in queries
    }
    for query in queries:
        assert query.kind is SpanKind.CLIENT
        assert query.parent is not None and query.parent.span_id == operation.context.span_id
        assert query.context.trace_id == operation.context.trace_id
        attributes = dict(query.attributes or {})
        assert attributes["db.system"] == "postgresql"
        assert attributes["db.operation.name"] == "SELECT"
        assert str(attributes["db.query.text"]).startswith("SELECT ")
    # The variable's value is a bound parameter: in no span.
    assert "310105" not in attribute_values(traced.spans())

    # The same request again is answered from the public response cache: nothing is executed.
    await post(traced.base_url, {"query": CAT, "variables": {"t": "310105"}})
    assert len(traced.operations()) == 1


async def test_a_signed_in_callers_operation_names_tenant_actor_and_error_but_no_variable(
    traced: Traced,
) -> None:
    caseworker = provincial_caseworker()
    bearer = {"Authorization": f"Bearer {caseworker}"}
    me = await post(traced.base_url, {"query": "{ me { roles } }"}, bearer)
    assert me.json()["data"]["me"]["roles"] == ["CASEWORKER"]
    refused = await post(
        traced.base_url, {"query": PERSON_HISTORY, "variables": {"id": ID_NUMBER}}, bearer
    )
    assert refused.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    named, forbidden = traced.operations()
    assert named.name == "graphql.query me"  # anonymous: named by its root field
    assert "graphql.operation.name" not in (named.attributes or {})
    assert (named.attributes or {})["socialaid.tenant"] == "310000"
    assert (named.attributes or {})["socialaid.actor"] == "staff"
    assert "error.type" not in (named.attributes or {})
    assert forbidden.name == "graphql.query PersonHistory"
    assert (forbidden.attributes or {})["error.type"] == "FORBIDDEN"
    # The caller's fault, not the server's.
    assert forbidden.status.status_code is StatusCode.UNSET
    assert ID_NUMBER not in attribute_values(traced.spans())


async def test_a_traceparent_joins_the_callers_trace_and_the_log_line_names_it(
    traced: Traced,
    json_log: io.StringIO,  # noqa: F811
) -> None:
    response = await post(
        traced.base_url,
        {"query": CAT, "variables": {"t": "310000"}},
        {"traceparent": f"00-{TRACE_ID}-{PARENT_ID}-01"},
    )
    assert response.status_code == 200

    [operation] = traced.operations()
    assert operation.context.trace_id == int(TRACE_ID, 16)
    assert operation.parent is not None and operation.parent.is_remote
    assert operation.parent.span_id == int(PARENT_ID, 16)
    assert all(s.context.trace_id == int(TRACE_ID, 16) for s in traced.spans())
    [access] = of("socialaid.api.access_log", json_log)
    assert access["trace_id"] == TRACE_ID


async def test_a_malformed_traceparent_starts_a_trace_of_our_own(traced: Traced) -> None:
    await post(
        traced.base_url,
        {"query": CAT, "variables": {"t": "310000"}},
        {"traceparent": f"00-{TRACE_ID}-zz-01"},
    )
    [operation] = traced.operations()
    assert operation.parent is None
    assert operation.context.trace_id != int(TRACE_ID, 16)


async def test_a_mutation_refused_in_its_payload_records_the_code(traced: Traced) -> None:
    admin = mint_token(test_settings(), user="admin-sh", tenant="310000", roles=[Role.TENANT_ADMIN])
    response = await post(
        traced.base_url,
        # Granting oneself a role: refused in the payload, not as a GraphQL error.
        {
            "query": GRANT,
            "variables": {"i": {"tenant": "310105", "userId": "admin-sh", "role": "JOINT_MEETING"}},
        },
        {"Authorization": f"Bearer {admin}"},
    )
    assert response.json()["data"]["roleGrant"]["errors"] == [{"code": "FORBIDDEN"}]

    [operation] = traced.operations()
    assert operation.name == "graphql.mutation roleGrant"
    attributes = dict(operation.attributes or {})
    assert attributes["graphql.operation.type"] == "mutation"
    assert attributes["error.type"] == "FORBIDDEN"
    assert attributes["socialaid.actor"] == "admin-sh"


async def test_with_tracing_off_the_app_traces_nothing_and_logs_no_trace_id(
    db: Database,
    json_log: io.StringIO,  # noqa: F811
) -> None:
    settings = test_settings()
    assert start_tracing(settings) is None
    app = create_app(db, settings)
    async for url in serve(app):
        response = await post(
            url,
            {"query": CAT, "variables": {"t": "310105"}},
            {"traceparent": f"00-{TRACE_ID}-{PARENT_ID}-01"},
        )
        assert response.status_code == 200
    assert not db.engine.sync_engine.dispatch.before_cursor_execute
    assert not db.owner_engine.sync_engine.dispatch.before_cursor_execute
    [access] = of("socialaid.api.access_log", json_log)
    assert "trace_id" not in access


async def test_a_subscription_is_one_span_that_ends_with_it(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.applications_api.test_subscription import (
        CHANGNING,
        family_submitted,
        receive,
        subscribed,
    )

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    updates = ApplicationUpdates()
    await updates.start(db.owner_url)
    try:
        app = create_app(
            db, test_settings(), application_updates=updates, tracing=Tracing.of(provider)
        )
        submitted = await family_submitted(db)
        token = mint_token(test_settings(), user="citizen-1", tenant=CHANGNING, roles=["applicant"])
        async for url in serve(app):
            ws = await subscribed(url.replace("http", "ws") + "/graphql", token, submitted["id"])
            assert (await receive(ws))["type"] == "next"  # the current state
            await ws.send(json.dumps({"id": "1", "type": "complete"}))
            await ws.close()
            await eventually(
                lambda: any(s.kind is SpanKind.SERVER for s in exporter.get_finished_spans()),
                "the subscription's span ended",
            )
    finally:
        await updates.stop()
    [subscription] = [s for s in exporter.get_finished_spans() if s.kind is SpanKind.SERVER]
    assert subscription.name == "graphql.subscription applicationUpdated"
    assert (subscription.attributes or {})["socialaid.actor"] == "citizen-1"
    assert "Failed to detach context" not in caplog.text


def test_with_tracing_off_no_provider_is_made_and_the_sdk_is_not_even_imported() -> None:
    """In a fresh process, as `serve` builds its app: nothing of OpenTelemetry is loaded."""
    program = """
import sys
from socialaid.api.app import create_app
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.tracing import start_tracing
settings = Settings(secret="x" * 32)
assert start_tracing(settings) is None
create_app(Database("postgresql://u:p@127.0.0.1:1/x", "x" * 32), settings)
print(sorted(m for m in sys.modules if m.startswith("opentelemetry")))
"""
    env = {"PYTHONPATH": str(REPO_ROOT / "src"), "PATH": "/usr/bin:/bin"}
    output = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


@dataclass
class Collector:
    """A tiny OTLP/HTTP receiver: every POST's path, content type and body."""

    url: str
    received: list[tuple[str, str, bytes]] = field(default_factory=list)

    def spans(self) -> list[tuple[str, str]]:
        """(service name, span name) of every span received at /v1/traces."""
        found = []
        for path, content_type, body in self.received:
            assert (path, content_type) == ("/v1/traces", "application/x-protobuf")
            request = ExportTraceServiceRequest.FromString(body)
            for resource_spans in request.resource_spans:
                service = next(
                    a.value.string_value
                    for a in resource_spans.resource.attributes
                    if a.key == "service.name"
                )
                found += [
                    (service, span.name)
                    for scope_spans in resource_spans.scope_spans
                    for span in scope_spans.spans
                ]
        return found


@pytest.fixture
def collector() -> Iterator[Collector]:
    received: list[tuple[str, str, bytes]] = []

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((self.path, self.headers["Content-Type"], body))
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Collector(f"http://127.0.0.1:{server.server_address[1]}", received)
    finally:
        server.shutdown()
        server.server_close()


async def test_spans_are_exported_by_otlp_over_http_and_flushed_when_serving_ends(
    db: Database, collector: Collector
) -> None:
    settings = test_settings(otel_exporter_otlp_endpoint=collector.url)
    async with exporting_traces(settings) as tracing:
        assert tracing is not None
        async for url in serve(create_app(db, settings, tracing=tracing)):
            await post(url, {"query": CAT, "variables": {"t": "310105"}})
        # Batched: nothing is sent yet (the batch waits up to 5 s), until the end flushes it.
    spans = collector.spans()
    assert ("socialaid", "graphql.query Cat") in spans
    assert ("socialaid", "SELECT catalogue_item") in spans


def test_socialaid_serve_exports_its_spans_under_the_service_name_and_flushes_on_exit(
    db: Database, tmp_path: Path, collector: Collector
) -> None:
    port = free_port()
    env = environment(tmp_path, db) | {
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": f"{collector.url}/v1/traces",
        "OTEL_SERVICE_NAME": "socialaid-test",
    }
    server = started(port, env=env)
    try:
        answer = httpx.post(
            f"http://127.0.0.1:{port}/graphql",
            json={"query": CAT, "variables": {"t": "310105"}},
            timeout=DEADLINE,
        )
        assert answer.status_code == 200
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0
    finally:
        if server.poll() is None:
            server.kill()
    assert ("socialaid-test", "graphql.query Cat") in collector.spans()


async def test_the_asgi_app_under_uvicorn_exports_its_spans_and_flushes_at_shutdown(
    db: Database, tmp_path: Path, collector: Collector
) -> None:
    from tests import test_asgi_app as hosted

    port = free_port()
    env = hosted.environment(tmp_path, db) | {"OTEL_EXPORTER_OTLP_ENDPOINT": collector.url}
    process = hosted.uvicorn(port, env)
    try:
        await hosted.ready(process, port)
        async with httpx.AsyncClient(timeout=DEADLINE) as client:
            answer = await client.post(
                f"http://127.0.0.1:{port}/graphql",
                json={"query": CAT, "variables": {"t": "310105"}},
            )
        assert answer.status_code == 200
        process.send_signal(signal.SIGTERM)
        await asyncio.to_thread(process.communicate, timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert ("socialaid", "graphql.query Cat") in collector.spans()


def test_a_malformed_endpoint_is_refused_at_start_naming_the_setting() -> None:
    settings = test_settings(otel_exporter_otlp_endpoint="collector:4318")
    with pytest.raises(ConfigurationError, match="OTEL_EXPORTER_OTLP_ENDPOINT"):
        settings.check_for_serving()
    test_settings(otel_exporter_otlp_endpoint="https://collector.example:4318").check_for_serving()


def test_the_standard_settings_choose_the_endpoint_and_the_sdk_switch_turns_it_off() -> None:
    from socialaid.tracing import traces_endpoint

    assert traces_endpoint(test_settings()) is None
    base = test_settings(otel_exporter_otlp_endpoint="http://c:4318/")
    assert traces_endpoint(base) == "http://c:4318/v1/traces"
    both = test_settings(
        otel_exporter_otlp_endpoint="http://c:4318",
        otel_exporter_otlp_traces_endpoint="http://t:9999/traces",
    )
    assert traces_endpoint(both) == "http://t:9999/traces"
    off = test_settings(otel_exporter_otlp_endpoint="http://c:4318", otel_sdk_disabled=True)
    assert traces_endpoint(off) is None


@pytest.mark.parametrize(
    ("statement", "name", "has_text"),
    [
        (
            "SELECT tenant.name \nFROM tenant WHERE tenant.tenant_id = $1::VARCHAR",
            "SELECT tenant",
            True,
        ),
        ("INSERT INTO audit_event (a, b) VALUES ($1, $2)", "INSERT audit_event", True),
        ("UPDATE application SET lock_version=$1 WHERE id = $2", "UPDATE application", True),
        ("DELETE FROM role_assignment WHERE id = $1", "DELETE role_assignment", True),
        ('SELECT x FROM "case" AS c', "SELECT case", True),
        ("SELECT set_config($1, $2, true)", "SELECT", True),
        (
            "WITH t AS (SELECT 1) SELECT * FROM public.tenant_catalogue",
            "WITH public.tenant_catalogue",
            True,
        ),
        ("select * from tenant where name = 'Wang'", "SELECT tenant", False),
        ("SELECT * FROM person WHERE id_number = 310105199001011234", "SELECT person", False),
        ("CREATE FUNCTION f() RETURNS void AS $$ BEGIN END $$", "CREATE", False),
    ],
)
def test_a_query_span_is_named_by_verb_and_table_and_keeps_no_literal(
    statement: str, name: str, has_text: bool
) -> None:
    summary = summarize(statement)
    assert summary.name == name
    assert (summary.text is not None) == has_text
    assert summary.attributes()["db.system"] == "postgresql"


def test_a_long_statement_is_cut() -> None:
    statement = "SELECT " + ", ".join(f"column_{i}" for i in range(1000)) + " FROM tenant"
    summary = summarize(statement)
    assert summary.name == "SELECT tenant"
    assert summary.text is not None and len(summary.text) == 2000


def test_operation_span_names() -> None:
    assert span_name("query", "Cat", ["catalogue"]) == "graphql.query Cat"
    assert (
        span_name("mutation", None, ["applicationSubmit"]) == "graphql.mutation applicationSubmit"
    )
    assert span_name("query", None, ["a", "b", "c", "d"]) == "graphql.query a,b,c,…"
    assert span_name(None, None, []) == "graphql"


def test_the_first_error_decides_the_code_and_a_masked_one_is_unexpected() -> None:
    coded = GraphQLError("不存在", extensions={"code": "NOT_FOUND"})
    masked = GraphQLError("Unexpected error.")
    assert first_error_code([coded, masked], ["CONFLICT"]) == "NOT_FOUND"
    assert first_error_code([masked], []) == UNEXPECTED
    assert first_error_code([], ["CONFLICT", "NOT_FOUND"]) == "CONFLICT"
    assert first_error_code([], []) is None
