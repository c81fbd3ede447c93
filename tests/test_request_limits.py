"""Bodies GraphQL over HTTP cannot be are refused before GraphQL sees them: 413 for too large,
400 for what is not one UTF-8 JSON object of bounded depth; never a 5xx, never the input echoed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from socialaid.api.request_limits import json_depth_exceeds
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

QUERY = b'{"query": "{ tenants { code } }"}'
SMALL_LIMIT_BODY = 2 * 1024 * 1024  # the default cap (config.max_request_bytes)


async def post(url: str, content: bytes | AsyncIterator[bytes], **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(base_url=url) as client:
        return await client.post(
            "/graphql",
            content=content,
            headers={"content-type": "application/json", **headers},
        )


def refused_as_invalid_input(response: httpx.Response) -> str:
    body: dict[str, Any] = response.json()
    [error] = body["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT"
    return str(error["message"])


async def test_a_well_formed_query_passes_the_limits(base_url: str) -> None:  # noqa: F811
    response = await post(base_url, QUERY)
    assert response.status_code == 200
    assert {"code": "310000"} in response.json()["data"]["tenants"]


async def test_a_body_declared_larger_than_the_cap_is_refused_with_413(
    base_url: str,  # noqa: F811
) -> None:
    padding = b" " * (SMALL_LIMIT_BODY + 1)
    response = await post(base_url, QUERY[:-1] + padding + b"}")
    assert response.status_code == 413
    assert "上限" in refused_as_invalid_input(response)


async def test_a_streamed_body_that_grows_past_the_cap_is_refused_with_413(
    base_url: str,  # noqa: F811
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ tenants { code } }", "x": "'
        for _ in range(3):
            yield b"a" * (1024 * 1024)
        yield b'"}'

    response = await post(base_url, chunks())
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"null", "JSON 对象"),
        (b'"hello"', "JSON 对象"),
        (b"123", "JSON 对象"),
        (b"[" + QUERY + b"]", "JSON 对象"),
        (b'{"query": "\xff\xfe"}', "UTF-8"),
        (b'{"query": ', "有效的 JSON"),
        (b'{"query": "{ tenants { code } }", "variables": {"x": NaN}}', "有效的 JSON"),
    ],
    ids=["null", "string", "number", "batch", "invalid-utf8", "truncated", "nan"],
)
async def test_a_body_that_is_not_one_json_object_is_refused_with_400(
    base_url: str,  # noqa: F811
    body: bytes,
    words: str,
) -> None:
    response = await post(base_url, body)
    assert response.status_code == 400
    assert words in refused_as_invalid_input(response)


async def test_variables_nested_past_the_cap_are_refused_without_echoing_them(
    base_url: str,  # noqa: F811
) -> None:
    deep = b'{"query": "{ tenants { code } }", "variables": {"v": ' + b"[" * 1000
    deep += b"1" + b"]" * 1000 + b"}}"
    response = await post(base_url, deep)
    assert response.status_code == 400
    message = refused_as_invalid_input(response)
    assert "嵌套" in message and "[[[" not in response.text


def test_depth_is_counted_in_arrays_and_objects_alike() -> None:
    assert not json_depth_exceeds({"a": [{"b": 1}]}, 3)
    assert json_depth_exceeds({"a": [{"b": [1]}]}, 3)
    assert not json_depth_exceeds("scalar", 0)


async def graphql_errors(url: str, body: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    async with httpx.AsyncClient(base_url=url) as client:
        response = await client.post("/graphql", json=body)
    return response.status_code, response.json().get("errors") or []


async def test_two_operations_without_an_operation_name_run_neither(
    base_url: str,  # noqa: F811
) -> None:
    document = "query A { tenants { code } } query B { tenants { name } }"

    status, errors = await graphql_errors(base_url, {"query": document})
    _, named_errors = await graphql_errors(base_url, {"query": document, "operationName": "B"})

    assert status == 200
    assert [e["extensions"]["code"] for e in errors] == ["INVALID_INPUT"]
    assert "operationName" in errors[0]["message"]
    assert named_errors == []


async def test_a_subscription_sent_over_plain_post_is_told_to_use_a_websocket(
    base_url: str,  # noqa: F811
) -> None:
    subscription = 'subscription { applicationUpdated(id: "a") { id } }'

    status, errors = await graphql_errors(base_url, {"query": subscription})

    assert status == 200
    assert [e["extensions"]["code"] for e in errors] == ["INVALID_INPUT"]
    assert "WebSocket" in errors[0]["message"]


async def test_headers_over_the_cap_are_refused_with_431(base_url: str) -> None:  # noqa: F811
    response = await post(base_url, QUERY, **{"x-padding": "a" * (17 * 1024)})

    assert response.status_code == 431
    assert "请求头" in refused_as_invalid_input(response)


async def test_a_get_query_string_over_the_cap_is_refused_with_414(base_url: str) -> None:  # noqa: F811
    query = "{ tenants { code } }" + " " * (17 * 1024)
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await client.get("/graphql", params={"query": query})

    assert response.status_code == 414
    assert "POST" in refused_as_invalid_input(response)
