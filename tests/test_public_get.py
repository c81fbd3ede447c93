"""GET /graphql answers only public queries asked without credentials; anything else sent by GET
is refused with 405 and `Allow: POST`, since a GET's URL ends up in proxies' logs and browser
history. Through the real app over HTTP."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import GraphQLApp
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

TENANT = "query Tenant($c: String!) { tenant(code: $c) { code } }"


async def get(url: str, params: dict[str, str], **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(base_url=url) as client:
        return await client.get("/graphql", params=params, headers=headers)


def refusal(response: httpx.Response) -> str:
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT"
    return str(error["message"])


async def test_a_public_query_is_answered_by_get(base_url: str) -> None:  # noqa: F811
    response = await get(base_url, {"query": "{ tenants { code } }"})
    assert response.status_code == 200
    assert {"code": "310105"} in response.json()["data"]["tenants"]


async def test_a_public_query_with_variables_and_an_operation_name_is_answered_by_get(
    base_url: str,  # noqa: F811
) -> None:
    params = {"query": TENANT, "variables": json.dumps({"c": "310105"}), "operationName": "Tenant"}
    response = await get(base_url, params)
    assert response.status_code == 200
    assert response.json() == {"data": {"tenant": {"code": "310105"}}}


async def test_a_get_with_a_valid_token_is_refused_even_for_a_public_query(
    base_url: str,  # noqa: F811
) -> None:
    token = mint_token(test_settings(), user="li", tenant="310105", roles=[Role.APPLICANT])
    response = await get(
        base_url, {"query": "{ tenants { code } }"}, Authorization=f"Bearer {token}"
    )
    assert refusal(response) == (
        "带身份凭证的请求请用 POST 发送：GET 的地址会留在代理日志和浏览器历史中"
    )


@pytest.mark.parametrize(
    "params",
    [
        {"query": "{ me { userId } }"},
        {"query": "{ tenants { code } me { userId } }"},
        {"query": "mutation { __typename }"},
        {"query": f"{TENANT} query Me {{ me {{ userId }} }}", "operationName": "Me"},
        {"query": "{ ...F } fragment F on Query { me { userId } }"},
        {"query": "{ tenants { code "},
    ],
    ids=["private", "public-and-private", "mutation", "private-operation", "fragment", "syntax"],
)
async def test_a_get_asking_anything_but_public_reference_data_is_refused(
    base_url: str,  # noqa: F811
    params: dict[str, str],
) -> None:
    message = refusal(await get(base_url, params))
    assert message.startswith("GET 只能用于无需登录的公开查询")


async def test_strawberry_itself_never_runs_a_mutation_sent_by_get(db: Database) -> None:
    # Underneath the GET rule, as a second line: the GraphQL app alone refuses it too.
    app: Any = GraphQLApp(db, test_settings())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        response = await client.get("/graphql", params={"query": "mutation { __typename }"})
    assert response.status_code == 400
    assert response.headers["allow"] == "POST"
    [error] = response.json()["errors"]
    assert error == {
        "message": "变更（mutation）请用 POST 发送",
        "extensions": {"code": "INVALID_INPUT"},
    }


async def test_a_post_with_a_token_is_still_answered(base_url: str) -> None:  # noqa: F811
    token = mint_token(test_settings(), user="li", tenant="310105", roles=[Role.APPLICANT])
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await client.post(
            "/graphql",
            json={"query": "{ me { userId } }"},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert response.json() == {"data": {"me": {"userId": "li"}}}
