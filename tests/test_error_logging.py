"""Expected GraphQL errors are logged at INFO in one line, without a traceback or the client's
input; an unexpected one still at ERROR with its traceback. Through the real app over HTTP."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from socialaid.api.error_reporting import MAX_LOGGED_CHARS, without_input
from socialaid.tenancy import service
from tests.identity_numbers import id_number
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port
from tests.tokens import provincial_caseworker

ID_NUMBER = id_number("310105", sequence=321)
PERSON_HISTORY = (
    "query($id: String!) { personHistory(idNumber: $id) { applications { tenantCode } } }"
)


async def post(url: str, body: dict[str, Any], token: str | None = None) -> list[dict[str, Any]]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(base_url=url) as client:
        response = await client.post("/graphql", json=body, headers=headers)
    assert response.status_code == 200
    errors: list[dict[str, Any]] = response.json()["errors"]
    return errors


def codes(errors: list[dict[str, Any]]) -> list[str | None]:
    return [(e.get("extensions") or {}).get("code") for e in errors]


def assert_logged_as_expected(caplog: pytest.LogCaptureFixture, words: str) -> None:
    assert caplog.records, "the error is logged"
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert all(r.exc_info is None for r in caplog.records)
    [line] = [r.getMessage() for r in caplog.records if r.name == "socialaid.api.error_reporting"]
    assert words in line and "\n" not in line


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


async def test_not_found_is_logged_at_info_without_a_traceback(
    base_url: str,  # noqa: F811
    logs: pytest.LogCaptureFixture,
) -> None:
    errors = await post(base_url, {"query": '{ tenant(code: "999999") { code } }'})
    assert codes(errors) == ["NOT_FOUND"]
    assert_logged_as_expected(logs, "NOT_FOUND at tenant: 没有行政区划代码为 999999 的租户")


async def test_forbidden_is_logged_at_info_without_the_id_number_asked_for(
    base_url: str,  # noqa: F811
    logs: pytest.LogCaptureFixture,
) -> None:
    caseworker = provincial_caseworker()
    body = {"query": PERSON_HISTORY, "variables": {"id": ID_NUMBER}, "operationName": None}
    errors = await post(base_url, body, token=caseworker)
    assert codes(errors) == ["FORBIDDEN"]
    assert_logged_as_expected(logs, "FORBIDDEN at personHistory")
    assert ID_NUMBER not in logs.text


async def test_unauthenticated_is_logged_at_info_without_a_traceback(
    base_url: str,  # noqa: F811
    logs: pytest.LogCaptureFixture,
) -> None:
    errors = await post(base_url, {"query": "{ me { userId } }"})
    assert codes(errors) == ["UNAUTHENTICATED"]
    assert_logged_as_expected(logs, "UNAUTHENTICATED at me")


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        (
            {"query": "{ nosuchfield }"},
            "GRAPHQL_VALIDATION_FAILED",
            "invalid query at -: 查询未通过校验：类型 … 没有字段 …",
        ),
        (
            {"query": f'{{ tenant(code: "{ID_NUMBER}") {{ code '},
            "GRAPHQL_PARSE_FAILED",
            "invalid query at -: 查询文档有语法错误：",
        ),
        (
            {
                "query": "query Lookup($c: String!) { tenant(code: $c) { code } }",
                "variables": {"c": {"idNumber": ID_NUMBER}},
            },
            "INVALID_INPUT",
            "invalid query at Lookup: Variable … has invalid value",
        ),
    ],
    ids=["unknown-field", "syntax-error", "wrongly-typed-variable"],
)
async def test_an_invalid_query_is_logged_at_info_without_echoing_it(
    base_url: str,  # noqa: F811
    logs: pytest.LogCaptureFixture,
    body: dict[str, Any],
    code: str,
    words: str,
) -> None:
    errors = await post(base_url, body)
    assert errors and codes(errors) == [code]
    assert_logged_as_expected(logs, words)
    assert ID_NUMBER not in logs.text
    assert "nosuchfield" not in logs.text


async def test_an_unexpected_exception_is_still_logged_at_error_with_its_traceback(
    base_url: str,  # noqa: F811
    logs: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def explode(*_: object, **__: object) -> None:
        raise RuntimeError("the tenant table is on fire")

    monkeypatch.setattr(service, "list_tenants", explode)
    errors = await post(base_url, {"query": "{ tenants { code } }"})
    assert [e["message"] for e in errors] == ["Unexpected error."]
    [record] = [r for r in logs.records if r.levelno >= logging.ERROR]
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    assert "the tenant table is on fire" in record.getMessage()


def test_what_is_logged_of_a_message_leaves_out_quoted_input_long_numbers_and_length() -> None:
    assert without_input(f"没有行政区划代码为 {ID_NUMBER} 的租户") == "没有行政区划代码为 … 的租户"
    assert (
        without_input("Cannot query field 'x' on\ntype \"Y\".") == "Cannot query field … on type …."
    )
    long = without_input("长" * 200)
    assert len(long) == MAX_LOGGED_CHARS and long.endswith("…")
