"""Every error a client can cause carries a code in extensions.code and a Chinese message; a
masked failure carries the request id a user can report. Through the real app over HTTP."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect

from socialaid.tenancy import service
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port


async def post(url: str, body: dict[str, Any], **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(base_url=url) as client:
        return await client.post("/graphql", json=body, headers=headers)


async def only_error(url: str, query: str) -> dict[str, Any]:
    response = await post(url, {"query": query})
    assert response.status_code == 200
    [error] = response.json()["errors"]
    return dict(error)


def nested(depth: int) -> str:
    selection = "code"
    for _ in range(depth):
        selection = f"children {{ {selection} }}"
    return f"{{ tenants {{ {selection} }} }}"


async def test_a_syntax_error_is_graphql_parse_failed_with_its_location(
    base_url: str,  # noqa: F811
) -> None:
    error = await only_error(base_url, "{ tenants { code ")
    assert error["extensions"] == {"code": "GRAPHQL_PARSE_FAILED"}
    assert error["message"] == "查询文档有语法错误：Expected Name, found <EOF>."
    assert error["locations"] == [{"line": 1, "column": 18}]


async def test_an_unknown_field_is_graphql_validation_failed_naming_the_field(
    base_url: str,  # noqa: F811
) -> None:
    error = await only_error(base_url, "{ tenants { nosuchfield } }")
    assert error["extensions"] == {
        "code": "GRAPHQL_VALIDATION_FAILED",
        "original": "Cannot query field 'nosuchfield' on type 'Tenant'.",
    }
    assert error["message"] == "查询未通过校验：类型 'Tenant' 没有字段 'nosuchfield'"


@pytest.mark.parametrize(
    ("query", "limit", "message"),
    [
        (nested(15), "depth", "查询的嵌套深度超过上限 12 层"),
        (
            "{ " + " ".join(f"a{i}: __typename" for i in range(31)) + " }",
            "aliases",
            "查询使用了 31 个别名，超过上限 30 个",
        ),
        ("{ " + "__typename " * 4001 + "}", "tokens", "查询文档的记号（token）数超过上限 4000 个"),
    ],
    ids=["depth", "aliases", "tokens"],
)
async def test_each_limit_is_query_too_complex_naming_the_limit(
    base_url: str,  # noqa: F811
    query: str,
    limit: str,
    message: str,
) -> None:
    error = await only_error(base_url, query)
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX", "limit": limit}
    assert error["message"] == message


async def test_a_variable_of_the_wrong_type_is_invalid_input_in_chinese(
    base_url: str,  # noqa: F811
) -> None:
    query = "query ($c: String!) { tenant(code: $c) { code } }"
    response = await post(base_url, {"query": query, "variables": {"c": 5}})
    [error] = response.json()["errors"]
    assert error["extensions"] == {
        "code": "INVALID_INPUT",
        "original": "Variable '$c' has invalid value: String cannot represent a non string value: 5",
    }
    assert (
        error["message"] == "变量的值不合要求：变量 '$c' 的值无效：String 类型不能表示非字符串值 5"
    )


async def test_an_argument_out_of_bounds_stays_invalid_input_with_its_path(
    base_url: str,  # noqa: F811
) -> None:
    error = await only_error(base_url, '{ tenant(code: "%s") { code } }' % ("9" * 5000))
    assert error["extensions"]["code"] == "INVALID_INPUT"
    assert error["extensions"]["path"] == ["code"]
    assert error["path"] == ["tenant"]


async def test_a_masked_error_carries_the_request_id_the_client_was_given(
    base_url: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def explode(*_: object, **__: object) -> None:
        raise RuntimeError("the tenant table is on fire")

    monkeypatch.setattr(service, "list_tenants", explode)
    response = await post(base_url, {"query": "{ tenants { code } }"})
    [error] = response.json()["errors"]
    assert error["message"] == "Unexpected error."
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    # A request id the client chose is the one it can quote.
    chosen = await post(base_url, {"query": "{ tenants { code } }"}, **{"x-request-id": "rq-7f3a"})
    assert chosen.json()["errors"][0]["extensions"]["requestId"] == "rq-7f3a"
    assert "fire" not in response.text


async def test_over_the_websocket_a_syntax_error_is_an_error_message_with_its_code(
    base_url: str,  # noqa: F811
) -> None:
    async with connect(
        base_url.replace("http://", "ws://") + "/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "connection_ack"
        for id_, query, code in (
            ("1", "subscription { applicationUpdated(", "GRAPHQL_PARSE_FAILED"),
            ("2", "subscription { nosuchfield }", "GRAPHQL_VALIDATION_FAILED"),
        ):
            await ws.send(json.dumps({"id": id_, "type": "subscribe", "payload": {"query": query}}))
            answer = json.loads(await asyncio.wait_for(ws.recv(), 10))
            assert (answer["type"], answer["id"]) == ("error", id_), answer
            assert [e["extensions"]["code"] for e in answer["payload"]] == [code]
