"""The console's routes over HTTP: its files with the right caching, index.html for any app
path, config.json, the dev-only token endpoint (absent in production), and a clear 503 where
the package has no built console."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import jwt
import pytest
from starlette.applications import Starlette

from socialaid.api.app import create_app
from socialaid.config import Settings
from socialaid.console.http import console_routes
from socialaid.db.database import Database
from tests.conftest import TEST_SECRET, test_settings

INDEX = "<!doctype html><title>控制台</title>"
SCRIPT = "console.log(1)"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """A built console as Vite lays it out: index.html and hashed assets."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX, encoding="utf-8")
    (tmp_path / "assets" / "index-AbC123.js").write_text(SCRIPT)
    (tmp_path / "favicon.svg").write_text("<svg/>")
    return tmp_path


def client_for(settings: Settings, dist: Path | None) -> httpx.AsyncClient:
    app = Starlette(routes=console_routes(settings, dist))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


@pytest.fixture
async def console(dist: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(test_settings(), dist) as client:
        yield client


async def test_a_hashed_asset_may_be_kept_for_a_year(console: httpx.AsyncClient) -> None:
    response = await console.get("/console/assets/index-AbC123.js")
    assert response.status_code == 200
    assert response.text == SCRIPT
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


async def test_index_is_revalidated_every_time(console: httpx.AsyncClient) -> None:
    response = await console.get("/console/")
    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-type"].startswith("text/html")


async def test_an_unhashed_file_is_revalidated(console: httpx.AsyncClient) -> None:
    response = await console.get("/console/favicon.svg")
    assert response.headers["cache-control"] == "no-cache"


async def test_an_app_path_is_answered_with_index_for_the_router(
    console: httpx.AsyncClient,
) -> None:
    response = await console.get("/console/admin/tenants/310105/catalogue")
    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["cache-control"] == "no-cache"


async def test_a_missing_asset_is_404_not_index(console: httpx.AsyncClient) -> None:
    response = await console.get("/console/assets/gone-123.js")
    assert response.status_code == 404


async def test_a_path_out_of_the_folder_is_not_served(console: httpx.AsyncClient) -> None:
    response = await console.get("/console/..%2f..%2fetc%2fpasswd")
    assert "root:" not in response.text


async def test_console_without_slash_redirects(console: httpx.AsyncClient) -> None:
    response = await console.get("/console")
    assert response.status_code == 308
    assert response.headers["location"] == "/console/"


async def test_a_package_without_the_console_says_so_with_503() -> None:
    async with client_for(test_settings(), None) as client:
        response = await client.get("/console/")
    assert response.status_code == 503
    assert "控制台未随本服务安装" in response.text


async def test_config_names_the_provider_and_client_and_no_dev_tokens_beside_it() -> None:
    # Tokens are then verified with the provider's keys: a dev token signed with the secret
    # would be refused, so the role picker is not offered.
    settings = test_settings(
        oidc_issuer="https://id.example.gov.cn/realms/sa", console_oidc_client_id="sa-console"
    )
    async with client_for(settings, None) as client:
        config = (await client.get("/console/config.json")).json()
    assert config == {
        "oidcIssuer": "https://id.example.gov.cn/realms/sa",
        "oidcClientId": "sa-console",
        "devTokens": False,
    }


async def test_dev_tokens_mints_a_token_for_the_picked_role(console: httpx.AsyncClient) -> None:
    response = await console.post(
        "/dev/tokens",
        json={"user": "admin-1", "tenant": "310105", "roles": ["tenant_admin"]},
    )
    assert response.status_code == 200
    claims = jwt.decode(response.json()["token"], TEST_SECRET, algorithms=["HS256"])
    assert (claims["sub"], claims["tenant"], claims["roles"]) == (
        "admin-1",
        "310105",
        ["tenant_admin"],
    )


@pytest.mark.parametrize(
    "body",
    [
        {"user": "u", "tenant": "310105", "roles": ["king"]},
        {"user": "u", "tenant": "310105"},
        {"user": "", "tenant": "310105", "roles": ["auditor"]},
        [1, 2],
    ],
)
async def test_dev_tokens_refuses_bad_input_with_400(
    console: httpx.AsyncClient, body: object
) -> None:
    response = await console.post("/dev/tokens", json=body)
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_INPUT"


async def test_dev_tokens_does_not_exist_in_production(db: Database) -> None:
    settings = test_settings(env="production")
    app = create_app(db, settings)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        response = await client.post(
            "/dev/tokens", json={"user": "x", "tenant": "310105", "roles": ["auditor"]}
        )
        config = (await client.get("/console/config.json")).json()
    assert response.status_code == 404
    assert config["devTokens"] is False


async def test_dev_tokens_exists_in_dev(db: Database) -> None:
    app = create_app(db, test_settings())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        response = await client.post(
            "/dev/tokens", json={"user": "x", "tenant": "310105", "roles": ["auditor"]}
        )
    assert response.status_code == 200
