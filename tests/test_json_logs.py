"""One JSON line per log event, with a timestamp, the level and the request's id (the client's
when it is a short safe token, else ours, sent back in X-Request-ID), the GraphQL operation, tenant
and actor where known, and none of the client's input. Through the real app over HTTP."""

from __future__ import annotations

import io
import json
import logging
import signal
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from socialaid.db.database import Database
from socialaid.log_format import JsonFormatter, TextFormatter, safe_request_id
from tests.conftest import test_settings
from tests.eventually import DEADLINE
from tests.identity_numbers import id_number
from tests.test_http import (
    base_url,  # noqa: F401 - the real app on a loopback port
    free_port,
)
from tests.test_serving import environment, started
from tests.tokens import provincial_caseworker

ID_NUMBER = id_number("310105", sequence=555)
TENANT_LOOKUP = 'query TenantLookup { tenant(code: "999999") { code } }'
PERSON_HISTORY = (
    "query PersonHistory($id: String!) "
    "{ personHistory(idNumber: $id) { applications { tenantCode } } }"
)


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The lines as `socialaid serve` writes them in production: formatted as they are logged,
    while the request's log context is current."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def of(logger: str, stream: io.StringIO) -> list[dict[str, Any]]:
    return [line for line in lines(stream) if line["logger"] == logger]


async def post(
    url: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> httpx.Response:
    async with httpx.AsyncClient(base_url=url) as client:
        return await client.post("/graphql", json=body, headers=headers or {})


async def test_the_clients_request_id_is_returned_and_on_every_line_of_the_request(
    base_url: str,  # noqa: F811
    json_log: io.StringIO,
) -> None:
    response = await post(
        base_url,
        {"query": TENANT_LOOKUP, "operationName": "TenantLookup"},
        {"X-Request-ID": "abc-123"},
    )
    assert response.headers["x-request-id"] == "abc-123"
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"

    [access] = of("socialaid.api.access_log", json_log)
    assert access["request_id"] == "abc-123"
    assert access["level"] == "INFO"
    assert access["operation"] == "TenantLookup"
    assert datetime.fromisoformat(access["timestamp"]).utcoffset() is not None
    assert (access["method"], access["path"], access["status"]) == ("POST", "/graphql", 200)
    assert access["duration_ms"] >= 0
    [error] = of("socialaid.api.error_reporting", json_log)
    assert error["request_id"] == "abc-123"
    assert error["message"].startswith("NOT_FOUND at TenantLookup/tenant")


@pytest.mark.parametrize("hostile", ["a" * 65, 'abc"123', "abc 123"])
async def test_a_hostile_request_id_is_replaced_by_one_of_ours(
    base_url: str,  # noqa: F811
    json_log: io.StringIO,
    hostile: str,
) -> None:
    response = await post(base_url, {"query": "{ tenants { code } }"}, {"X-Request-ID": hostile})
    ours = response.headers["x-request-id"]
    assert ours != hostile and safe_request_id(ours) == ours
    [access] = of("socialaid.api.access_log", json_log)
    assert access["request_id"] == ours
    assert hostile not in json_log.getvalue()


def test_only_a_short_token_is_accepted_as_a_request_id() -> None:
    assert safe_request_id("abc-123.x_Y") == "abc-123.x_Y"
    for hostile in ("", "a" * 65, "abc\n{}", 'a"b', "a b", "ä", None):
        assert safe_request_id(hostile) is None


async def test_no_line_holds_an_id_number_sent_in_variables_and_the_actor_is_known(
    base_url: str,  # noqa: F811
    json_log: io.StringIO,
) -> None:
    caseworker = provincial_caseworker()
    response = await post(
        base_url,
        {"query": PERSON_HISTORY, "variables": {"id": ID_NUMBER}},
        {"Authorization": f"Bearer {caseworker}"},
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    logged = json_log.getvalue()
    assert ID_NUMBER not in logged and "variables" not in logged
    [access] = of("socialaid.api.access_log", json_log)
    assert (access["operation"], access["tenant"], access["actor"]) == (
        "PersonHistory",
        "310000",
        "staff",
    )
    assert all(set(line) <= ALLOWED_KEYS for line in lines(json_log))


ALLOWED_KEYS = {
    "timestamp",
    "level",
    "logger",
    "message",
    "request_id",
    "operation",
    "tenant",
    "actor",
    "trace_id",
    "method",
    "path",
    "status",
    "duration_ms",
    "exception",
}


def test_extra_fields_other_than_the_access_logs_are_not_written() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello %s", (ID_NUMBER,), None)
    record.__dict__["variables"] = {"id": ID_NUMBER}
    line = json.loads(JsonFormatter().format(record))
    assert set(line) == {"timestamp", "level", "logger", "message"}
    assert "args" not in line and "variables" not in line


def test_the_text_format_is_one_readable_line_with_a_timestamp() -> None:
    record = logging.LogRecord("socialaid.x", logging.WARNING, __file__, 1, "hello", None, None)
    stamp, rest = TextFormatter().format(record).split(" ", 1)
    assert datetime.fromisoformat(stamp).utcoffset() is not None
    assert rest == "WARNING socialaid.x: hello"


def test_socialaid_serve_writes_every_line_as_json_uvicorns_included(
    db: Database, tmp_path: Path
) -> None:
    port = free_port()
    log_file = tmp_path / "server.log"
    env = environment(tmp_path, db) | {
        "SOCIALAID_ACCESS_LOG": "true",
        "SOCIALAID_LOG_FORMAT": "json",
    }
    with log_file.open("wb") as output:
        server = started(port, env=env, output=output)
        try:
            answer = httpx.get(
                f"http://127.0.0.1:{port}/healthz",
                headers={"X-Request-ID": "s-1"},
                timeout=DEADLINE,
            )
            assert answer.headers["x-request-id"] == "s-1"
            server.send_signal(signal.SIGTERM)
            assert server.wait(timeout=60) == 0
        finally:
            if server.poll() is None:
                server.kill()
    served = [json.loads(line) for line in log_file.read_text().splitlines()]
    assert any(line["logger"] == "uvicorn.error" for line in served)
    # The readiness polls before it are logged too.
    [access] = [line for line in served if line.get("request_id") == "s-1"]
    assert access["logger"] == "socialaid.api.access_log" and access["path"] == "/healthz"


def test_the_log_format_is_json_in_production_and_text_in_dev_unless_set() -> None:
    assert test_settings().effective_log_format == "text"
    assert test_settings(env="production").effective_log_format == "json"
    assert test_settings(log_format="json").effective_log_format == "json"
    assert test_settings(env="production", log_format="text").effective_log_format == "text"
