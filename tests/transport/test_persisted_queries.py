"""Automatic persisted queries (Apollo's protocol) and the trusted-documents mode, through the
real app: over a loopback port for APQ, over httpx's ASGI transport for a server configured with
a trusted manifest."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.api.persisted_queries import PersistedDocuments, Refusal
from socialaid.config import ConfigurationError
from socialaid.db.database import Database
from socialaid.trusted_documents import load_manifest
from tests.conftest import test_settings
from tests.test_http import (
    base_url,  # noqa: F401 - the real app on a loopback port
    on_loopback,
)

TENANTS = "query Tenants { tenants { code } }"
TENANTS_HASH = hashlib.sha256(TENANTS.encode()).hexdigest()
ME = "query Me { me { userId } }"
ME_HASH = hashlib.sha256(ME.encode()).hexdigest()
NEW = "application/graphql-response+json"


def persisted(digest: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


async def post(client: httpx.AsyncClient, body: dict[str, Any], **headers: str) -> httpx.Response:
    return await client.post("/graphql", json=body, headers=headers)


def codes(response: httpx.Response) -> list[str]:
    return [e["extensions"]["code"] for e in response.json().get("errors") or ()]


async def test_an_unknown_hash_is_persisted_query_not_found_then_registered_with_its_text(
    base_url: str,  # noqa: F811
) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        unknown = await post(client, {"extensions": persisted(TENANTS_HASH)})
        assert unknown.status_code == 200
        assert unknown.headers["content-type"].startswith("application/json")
        assert unknown.json()["data"] is None
        assert codes(unknown) == ["PERSISTED_QUERY_NOT_FOUND"]

        registered = await post(client, {"query": TENANTS, "extensions": persisted(TENANTS_HASH)})
        assert registered.status_code == 200
        assert {"code": "310105"} in registered.json()["data"]["tenants"]

        by_hash = await post(client, {"extensions": persisted(TENANTS_HASH)})
        assert by_hash.json() == registered.json()


async def test_persisted_query_not_found_is_404_without_data_under_graphql_response_json(
    base_url: str,  # noqa: F811
) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await post(client, {"extensions": persisted("ab" * 32)}, accept=NEW)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(NEW)
    assert response.json() == {
        "errors": [
            {
                "message": "未找到该哈希对应的持久化查询：请连同查询文本再发送一次",
                "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
            }
        ]
    }


async def test_a_hash_that_does_not_match_the_text_is_invalid_input_and_not_kept(
    base_url: str,  # noqa: F811
) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        # The hash of another document: were it kept, that hash would run this text.
        wrong = await post(client, {"query": TENANTS, "extensions": persisted(ME_HASH)})
        assert codes(wrong) == ["INVALID_INPUT"]
        assert wrong.json()["errors"][0]["message"] == (
            "查询文本的 SHA-256 与 extensions.persistedQuery.sha256Hash 不符"
        )
        assert codes(await post(client, {"extensions": persisted(ME_HASH)})) == [
            "PERSISTED_QUERY_NOT_FOUND"
        ]


@pytest.mark.parametrize(
    "extension",
    [
        {"version": 2, "sha256Hash": TENANTS_HASH},
        {"version": 1, "sha256Hash": "not-a-hash"},
        {"version": 1, "sha256Hash": TENANTS_HASH.upper()},
        {"version": 1},
        "v1",
    ],
)
async def test_a_malformed_persisted_query_extension_is_invalid_input(
    base_url: str,  # noqa: F811
    extension: object,
) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await post(client, {"extensions": {"persistedQuery": extension}})
    assert response.status_code == 200
    assert codes(response) == ["INVALID_INPUT"]


async def test_a_get_by_hash_answers_a_public_query_and_refuses_any_other(
    base_url: str,  # noqa: F811
) -> None:
    async with httpx.AsyncClient(base_url=base_url) as client:
        params = {"extensions": json.dumps(persisted(TENANTS_HASH))}
        first = await client.get("/graphql", params=params)
        assert codes(first) == ["PERSISTED_QUERY_NOT_FOUND"]
        # Registered by a GET with the text, as Apollo Client does with useGETForHashedQueries.
        with_text = await client.get("/graphql", params={**params, "query": TENANTS})
        assert with_text.status_code == 200
        by_hash = await client.get("/graphql", params=params)
        assert by_hash.status_code == 200
        assert by_hash.json() == with_text.json()
        assert {"code": "310105"} in by_hash.json()["data"]["tenants"]

        # A hash stands for its document: `me` is not public, so not by GET either.
        token = mint_token(test_settings(), user="li", tenant="310105", roles=[Role.APPLICANT])
        await post(
            client,
            {"query": ME, "extensions": persisted(ME_HASH)},
            authorization=f"Bearer {token}",
        )
        refused = await client.get(
            "/graphql", params={"extensions": json.dumps(persisted(ME_HASH))}
        )
        assert refused.status_code == 405
        assert refused.headers["allow"] == "POST"


def test_the_documents_learnt_are_bounded_least_recently_used_first() -> None:
    documents = PersistedDocuments(max_entries=2)
    texts = ["{ a }", "{ b }", "{ c }"]
    digests = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
    documents.resolve(texts[0], persisted(digests[0]))
    documents.resolve(texts[1], persisted(digests[1]))
    assert documents.resolve(None, persisted(digests[0])) == texts[0]  # now the most recent
    documents.resolve(texts[2], persisted(digests[2]))
    assert len(documents.learnt) == 2
    assert documents.resolve(None, persisted(digests[0])) == texts[0]
    with pytest.raises(Refusal) as gone:
        documents.resolve(None, persisted(digests[1]))
    assert gone.value.code == "PERSISTED_QUERY_NOT_FOUND"


# -- Trusted documents ---------------------------------------------------------------------------


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    path = tmp_path / "trusted.json"
    path.write_text(json.dumps({TENANTS_HASH: TENANTS}), encoding="utf-8")
    return path


@pytest.fixture
async def trusted_client(db: Database, manifest: Path) -> Any:
    app = create_app(db, test_settings(trusted_documents=manifest))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        yield client


async def test_trusted_mode_runs_a_listed_document_by_hash_and_by_text(
    trusted_client: httpx.AsyncClient,
) -> None:
    by_hash = await post(trusted_client, {"extensions": persisted(TENANTS_HASH)})
    by_text = await post(trusted_client, {"query": TENANTS})
    assert by_hash.status_code == by_text.status_code == 200
    assert {"code": "310105"} in by_hash.json()["data"]["tenants"]
    assert by_hash.json() == by_text.json()


async def test_trusted_mode_refuses_any_other_document_and_learns_none(
    trusted_client: httpx.AsyncClient,
) -> None:
    other = "{ tenants { code name } }"
    other_hash = hashlib.sha256(other.encode()).hexdigest()
    as_text = await post(trusted_client, {"query": other}, accept=NEW)
    assert as_text.status_code == 403
    assert as_text.json() == {
        "errors": [
            {
                "message": "此服务只执行登记过的查询文档（可信文档模式），该文档不在清单中",
                "extensions": {"code": "PERSISTED_QUERY_NOT_TRUSTED"},
            }
        ]
    }
    as_apq = await post(trusted_client, {"query": other, "extensions": persisted(other_hash)})
    assert codes(as_apq) == ["PERSISTED_QUERY_NOT_TRUSTED"]
    assert as_apq.status_code == 200  # application/json: 200, the code says it all
    again = await post(trusted_client, {"extensions": persisted(other_hash)})
    assert codes(again) == ["PERSISTED_QUERY_NOT_FOUND"]


def test_an_apollo_persisted_query_manifest_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "persisted-query-manifest.json"
    operation = {"id": TENANTS_HASH, "body": TENANTS, "name": "Tenants", "type": "query"}
    path.write_text(
        json.dumps(
            {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [operation]}
        )
    )
    assert load_manifest(path) == {TENANTS_HASH: TENANTS}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ({ME_HASH: TENANTS}, "does not match its document"),
        ({"tenants": TENANTS}, "lowercase SHA-256"),
        ([TENANTS], "must be an object"),
    ],
)
def test_a_broken_manifest_stops_the_server_naming_the_setting(
    tmp_path: Path, content: object, words: str
) -> None:
    path = tmp_path / "trusted.json"
    path.write_text(json.dumps(content))
    with pytest.raises(ConfigurationError) as refused:
        test_settings(trusted_documents=path).check_for_serving()
    assert f"SOCIALAID_TRUSTED_DOCUMENTS={path}" in str(refused.value)
    assert words in str(refused.value)


async def test_trusted_mode_refuses_an_untrusted_subscription_over_the_websocket(
    db: Database, manifest: Path
) -> None:
    app = create_app(db, test_settings(trusted_documents=manifest))
    async with (
        on_loopback(app) as address,
        connect(
            f"ws://{address}/graphql",
            subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        ) as ws,
    ):
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "connection_ack"
        subscription = 'subscription { applicationUpdated(id: "x") { state } }'
        await ws.send(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": subscription}})
        )
        answers = []
        while not answers or answers[-1]["type"] not in ("error", "complete"):
            answers.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
        answer = answers[0]
    assert answer["type"] == "error" and answer["id"] == "1"
    assert [e["extensions"]["code"] for e in answer["payload"]] == ["PERSISTED_QUERY_NOT_TRUSTED"]


async def test_trusted_mode_holds_for_server_sent_events_too(
    trusted_client: httpx.AsyncClient,
) -> None:
    headers = {"accept": "text/event-stream", "content-type": "application/json"}
    refused = await trusted_client.post(
        "/graphql/stream", json={"query": "{ tenants { code name } }"}, headers=headers
    )
    assert "PERSISTED_QUERY_NOT_TRUSTED" in refused.text, refused.text
    assert "tenants" not in refused.text.replace("{ tenants { code name } }", "")
    answered = await trusted_client.post(
        "/graphql/stream", json={"query": TENANTS}, headers=headers
    )
    assert "310105" in answered.text, answered.text
