"""CORS over real HTTP and WebSocket: the pages of SOCIALAID_CORS_ORIGINS may call the API, others
may not, and a setting that is not a list of exact origins stops the server naming it."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from socialaid.api.app import create_app
from socialaid.config import ConfigurationError, Settings
from socialaid.db.database import Database
from tests.browser_access.served import PORTAL, STRANGER, Served, serving
from tests.conftest import test_settings

TENANTS = {"query": "{ tenants { code } }"}


@pytest.fixture
async def served(db: Database) -> AsyncIterator[Served]:
    async with serving(db, test_settings(cors_origins=f"{PORTAL}, https://other.example.cn")) as s:
        yield s


async def test_a_preflight_from_an_allowed_origin_is_answered_204_with_what_it_may_send(
    served: Served,
) -> None:
    async with httpx.AsyncClient(base_url=served.url) as client:
        response = await client.options(
            "/graphql",
            headers={
                "Origin": PORTAL,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type, x-request-id",
            },
        )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == PORTAL
    assert {m.strip() for m in response.headers["access-control-allow-methods"].split(",")} >= {
        "GET",
        "POST",
    }
    allowed = {
        h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")
    }
    assert allowed >= {"authorization", "content-type", "x-request-id"}
    assert int(response.headers["access-control-max-age"]) > 0
    assert "origin" in response.headers["vary"].lower()
    assert "access-control-allow-credentials" not in response.headers


async def test_a_preflight_from_another_origin_is_refused_without_allowing_it(
    served: Served,
) -> None:
    async with httpx.AsyncClient(base_url=served.url) as client:
        response = await client.options(
            "/graphql",
            headers={"Origin": STRANGER, "Access-Control-Request-Method": "POST"},
        )
    assert response.status_code == 403
    assert "access-control-allow-origin" not in response.headers
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_an_allowed_origins_request_may_read_the_answer_and_its_request_id(
    served: Served,
) -> None:
    async with httpx.AsyncClient(base_url=served.url) as client:
        response = await client.post(
            "/graphql", json=TENANTS, headers={"Origin": PORTAL, "X-Request-ID": "portal-1"}
        )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == PORTAL
    assert response.headers["access-control-expose-headers"].lower() == "x-request-id"
    assert response.headers["x-request-id"] == "portal-1"
    assert "origin" in response.headers["vary"].lower()
    assert "310105" in {t["code"] for t in response.json()["data"]["tenants"]}


async def test_another_origins_request_gets_no_allow_origin_so_the_browser_hides_it(
    served: Served,
) -> None:
    async with httpx.AsyncClient(base_url=served.url) as client:
        stranger = await client.post("/graphql", json=TENANTS, headers={"Origin": STRANGER})
        no_origin = await client.post("/graphql", json=TENANTS)
    assert "access-control-allow-origin" not in stranger.headers
    assert "access-control-allow-origin" not in no_origin.headers
    # A cache in front must not hand the portal's answer to the stranger, or the reverse.
    assert "origin" in stranger.headers["vary"].lower()
    assert "origin" in no_origin.headers["vary"].lower()


async def test_a_refused_request_from_an_allowed_origin_still_lets_the_page_read_why(
    served: Served,
) -> None:
    async with httpx.AsyncClient(base_url=served.url) as client:
        response = await client.post("/graphql", content=b"{not json", headers={"Origin": PORTAL})
    assert response.status_code == 400
    assert response.headers["access-control-allow-origin"] == PORTAL


async def test_websocket_handshakes_pass_from_allowed_origins_and_are_refused_from_others(
    served: Served,
) -> None:
    async with connect(
        served.ws_url,
        subprotocols=["graphql-transport-ws"],
        origin=PORTAL,  # type: ignore[list-item,arg-type]
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
    with pytest.raises(InvalidStatus) as refused:
        await connect(
            served.ws_url,
            subprotocols=["graphql-transport-ws"],
            origin=STRANGER,  # type: ignore[list-item,arg-type]
        )
    assert refused.value.response.status_code == 403


async def test_no_origin_is_allowed_by_default(db: Database) -> None:
    async with serving(db, test_settings()) as served:
        async with httpx.AsyncClient(base_url=served.url) as client:
            response = await client.options(
                "/graphql", headers={"Origin": PORTAL, "Access-Control-Request-Method": "POST"}
            )
        assert response.status_code == 403
        with pytest.raises(InvalidStatus):
            await connect(served.ws_url, subprotocols=["graphql-transport-ws"], origin=PORTAL)  # type: ignore[list-item,arg-type]


@pytest.mark.parametrize(
    "value",
    [
        "*",
        "https://*.example.cn",
        "https://portal.example.cn/app",
        "portal.example.cn",
        "ftp://x.cn",
    ],
)
def test_a_wildcard_or_anything_but_an_exact_origin_is_a_configuration_error(
    value: str,
) -> None:
    settings = Settings(cors_origins=f"https://ok.example.cn,{value}", secret="s" * 32)
    with pytest.raises(ConfigurationError, match="SOCIALAID_CORS_ORIGINS"):
        settings.check_for_serving()
    with pytest.raises(ConfigurationError, match="SOCIALAID_CORS_ORIGINS"):
        settings.allowed_origins  # noqa: B018 - reading it is the check


def test_origins_are_compared_in_the_form_browsers_send_them() -> None:
    settings = Settings(cors_origins=" HTTPS://Portal.Example.cn:443/ , http://127.0.0.1:8080")
    assert settings.allowed_origins == ("https://portal.example.cn", "http://127.0.0.1:8080")


async def test_preflights_and_refused_origins_are_access_logged(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    app = create_app(db, test_settings(cors_origins=PORTAL))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        for origin in (PORTAL, STRANGER):
            await client.options(
                "/graphql", headers={"Origin": origin, "Access-Control-Request-Method": "POST"}
            )

    lines = [r.getMessage() for r in caplog.records if r.name == "socialaid.api.access_log"]
    assert [line.split(" ms")[0].rsplit(" ", 1)[0] for line in lines] == [
        '127.0.0.1 "OPTIONS /graphql" 204',
        '127.0.0.1 "OPTIONS /graphql" 403',
    ]
