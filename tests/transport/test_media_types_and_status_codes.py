"""Which media type and status a client gets, by its Accept header (GraphQL over HTTP), through
the real app over HTTP; and the Accept negotiation itself."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from socialaid.api.graphql_over_http import negotiate
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

NEW = "application/graphql-response+json"
LEGACY = "application/json"
APOLLO_CLIENT = "application/graphql-response+json,application/json;q=0.9"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, LEGACY),
        ("", LEGACY),
        ("*/*", LEGACY),
        ("application/*", LEGACY),
        ("application/json", LEGACY),
        (NEW, NEW),
        (APOLLO_CLIENT, NEW),
        ("application/json, application/graphql-response+json", NEW),
        ("application/json;q=1, application/graphql-response+json;q=0.5", LEGACY),
        ("application/graphql-response+json;q=0", LEGACY),
        ("application/graphql-response+json;charset=utf-8", NEW),
        ("APPLICATION/GRAPHQL-RESPONSE+JSON", NEW),
        ("text/html", LEGACY),
        ("*/*;q=0.1, application/graphql-response+json;q=0.2", NEW),
    ],
)
def test_accept_negotiation_prefers_graphql_response_json_and_falls_back_to_json(
    accept: str | None, expected: str
) -> None:
    assert negotiate(accept) == expected


async def post(url: str, body: object, accept: str | None) -> httpx.Response:
    headers = {"accept": accept} if accept else {}
    async with httpx.AsyncClient(base_url=url) as client:
        return await client.post("/graphql", json=body, headers=headers)


def media_type(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0]


async def test_an_answered_query_is_200_in_either_media_type(base_url: str) -> None:  # noqa: F811
    for accept, expected in ((APOLLO_CLIENT, NEW), (None, LEGACY), (LEGACY, LEGACY)):
        response = await post(base_url, {"query": '{ tenant(code: "310105") { code } }'}, accept)
        assert (response.status_code, media_type(response)) == (200, expected)
        assert response.headers["content-type"].endswith("charset=utf-8")
        assert response.json() == {"data": {"tenant": {"code": "310105"}}}


BAD_DOCUMENTS: list[tuple[str, dict[str, Any], str]] = [
    ("unparsable", {"query": "{ tenants { code "}, "GRAPHQL_PARSE_FAILED"),
    ("invalid", {"query": "{ nosuchfield }"}, "GRAPHQL_VALIDATION_FAILED"),
    (
        "bad-variable",
        {"query": "query ($c: String!) { tenant(code: $c) { code } }", "variables": {"c": 5}},
        "INVALID_INPUT",
    ),
    (
        "argument-out-of-bounds",
        {"query": '{ tenant(code: "%s") { code } }' % ("9" * 5000)},
        "INVALID_INPUT",
    ),
]


@pytest.mark.parametrize(
    ("body", "code"), [(b, c) for _, b, c in BAD_DOCUMENTS], ids=[i for i, _, _ in BAD_DOCUMENTS]
)
async def test_a_refused_document_is_400_without_data_under_graphql_response_json(
    base_url: str,  # noqa: F811
    body: dict[str, Any],
    code: str,
) -> None:
    response = await post(base_url, body, APOLLO_CLIENT)
    assert (response.status_code, media_type(response)) == (400, NEW)
    payload = response.json()
    assert "data" not in payload
    assert [e["extensions"]["code"] for e in payload["errors"]] == [code]


@pytest.mark.parametrize(
    ("body", "code"), [(b, c) for _, b, c in BAD_DOCUMENTS], ids=[i for i, _, _ in BAD_DOCUMENTS]
)
async def test_a_refused_document_stays_200_with_null_data_under_application_json(
    base_url: str,  # noqa: F811
    body: dict[str, Any],
    code: str,
) -> None:
    for accept in (LEGACY, None):
        response = await post(base_url, body, accept)
        assert (response.status_code, media_type(response)) == (200, LEGACY)
        payload = response.json()
        assert payload["data"] is None
        assert [e["extensions"]["code"] for e in payload["errors"]] == [code]


async def test_a_field_error_after_the_operation_ran_is_200_with_data_in_both(
    base_url: str,  # noqa: F811
) -> None:
    # NOT_FOUND comes from a resolver: the operation ran, so data is there (null) and it is 200.
    for accept in (APOLLO_CLIENT, LEGACY):
        response = await post(base_url, {"query": '{ tenant(code: "999999") { code } }'}, accept)
        assert response.status_code == 200
        payload = response.json()
        assert "data" in payload and payload["data"] is None  # `tenant` is non-null
        assert [e["extensions"]["code"] for e in payload["errors"]] == ["NOT_FOUND"]


async def test_a_body_refused_before_graphql_is_a_graphql_error_in_the_accepted_media_type(
    base_url: str,  # noqa: F811
) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        for accept, expected in ((APOLLO_CLIENT, NEW), (LEGACY, LEGACY)):
            not_json = await client.post(
                "/graphql",
                content=b"{not json",
                headers={"content-type": "application/json", "accept": accept},
            )
            no_type = await client.post(
                "/graphql", content=b'{"query": "{ __typename }"}', headers={"accept": accept}
            )
            for response, message in (
                (not_json, "请求体不是有效的 JSON"),
                (no_type, "请求的 Content-Type 应为 application/json"),
            ):
                assert (response.status_code, media_type(response)) == (400, expected)
                [error] = response.json()["errors"]
                assert error == {"message": message, "extensions": {"code": "INVALID_INPUT"}}


async def test_an_operation_name_that_is_not_a_string_is_400_not_a_crash(
    base_url: str,  # noqa: F811
) -> None:
    for name in (["x"], {"x": 1}, 5, True):
        response = await post(base_url, {"query": "{ __typename }", "operationName": name}, None)
        assert response.status_code == 400
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "INVALID_INPUT"
        assert error["message"] == "operationName 应为字符串或 null"


async def test_the_public_cache_does_not_answer_one_media_type_with_the_other(
    base_url: str,  # noqa: F811
) -> None:
    body = {"query": "{ tenants { code } }"}
    for _ in range(2):  # the second round is answered from the cache
        for accept, expected in ((APOLLO_CLIENT, NEW), (LEGACY, LEGACY), (None, LEGACY)):
            response = await post(base_url, body, accept)
            assert (response.status_code, media_type(response)) == (200, expected)
