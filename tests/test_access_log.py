"""The access log: one line per request with the path and never the query string, in the app
and as `socialaid serve` runs it (uvicorn's own access log, which writes the query, is off)."""

from __future__ import annotations

import json
import logging
import signal
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from socialaid.api.access_log import printable_path
from socialaid.api.app import create_app
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.eventually import DEADLINE
from tests.identity_numbers import id_number
from tests.test_http import free_port
from tests.test_serving import environment, started

ID_NUMBER = id_number("310105", sequence=777)
GRAPHQL_GET = "/graphql?" + urlencode(
    {"query": "{ tenants { code } }", "variables": json.dumps({"idNumber": ID_NUMBER})}
)
EXPORT_GET = "/audit/export?" + urlencode({"tenant": "310105", "actor": ID_NUMBER})


def access_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "socialaid.api.access_log"]


def server_side(caplog: pytest.LogCaptureFixture) -> str:
    """What the app logged (the test's HTTP client logs the URLs it asks for)."""
    return "\n".join(
        r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))
    )


async def test_each_request_is_logged_with_its_path_and_status_but_not_its_query_string(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    app = create_app(db, test_settings())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        assert (await client.get(GRAPHQL_GET)).status_code == 200
        assert (await client.get(EXPORT_GET)).status_code == 401
        assert (await client.post("/graphql", json={"query": "{ tenants { code } }"})).is_success

    lines = access_lines(caplog)
    assert [line.split(" ms")[0].rsplit(" ", 1)[0] for line in lines] == [
        '127.0.0.1 "GET /graphql" 200',
        '127.0.0.1 "GET /audit/export" 401',
        '127.0.0.1 "POST /graphql" 200',
    ]
    logged = server_side(caplog)
    assert ID_NUMBER not in logged
    assert "idNumber" not in logged and "?" not in logged


async def test_no_access_log_line_when_it_is_turned_off(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    app = create_app(db, test_settings(access_log=False))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        assert (await client.get("/healthz")).status_code == 200
    assert access_lines(caplog) == []


def test_a_path_is_logged_as_one_bounded_line() -> None:
    assert printable_path("/graphql\n INFO forged line") == "/graphql? INFO forged line"
    assert len(printable_path("/" + "a" * 500)) == 100


def test_the_served_log_never_shows_a_query_string_or_an_id_number(
    db: Database, tmp_path: Path
) -> None:
    port = free_port()
    log_file = tmp_path / "server.log"
    env = environment(tmp_path, db) | {"SOCIALAID_ACCESS_LOG": "true"}
    with log_file.open("wb") as output:
        server = started(port, env=env, output=output)
        try:
            base = f"http://127.0.0.1:{port}"
            assert httpx.get(base + GRAPHQL_GET, timeout=DEADLINE).status_code == 200
            assert httpx.get(base + EXPORT_GET, timeout=DEADLINE).status_code == 401
            server.send_signal(signal.SIGTERM)
            assert server.wait(timeout=60) == 0
        finally:
            if server.poll() is None:
                server.kill()
    served = log_file.read_text()
    assert 'INFO socialaid.api.access_log: 127.0.0.1 "GET /graphql" 200' in served
    assert '"GET /audit/export" 401' in served
    assert ID_NUMBER not in served
    assert "?" not in served and "idNumber" not in served
    assert "HTTP/1.1" not in served, "uvicorn's access log (it writes the request line) is off"
