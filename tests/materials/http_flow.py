"""A client of the real server over HTTP: GraphQL calls, and the staged upload steps
(materialUploadCreate, PUT to the URL, materialUploadComplete)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.config import Settings
from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.materials.files import sha256
from tests.test_http import free_port, on_loopback

CHANGNING = "310105"

CREATE = """mutation($i: MaterialUploadCreateInput!) { materialUploadCreate(input: $i) {
  errors { code message path } upload { id state url headers expiresAt } } }"""
COMPLETE = """mutation($i: MaterialUploadCompleteInput!) { materialUploadComplete(input: $i) {
  errors { code message path } upload { id state byteSize sha256 contentType fileName } } }"""
MATERIAL_FILES = """query($id: ID!) { application(id: $id) { materials { material evidence
  requiredBy status file { fileName byteSize sha256 contentType downloadUrl } } } }"""


def bearer(
    role: Role,
    user: str,
    *,
    departments: tuple[str, ...] = (),
    area: str | None = None,
    tenant: str = CHANGNING,
) -> str:
    return mint_token(
        test_settings(), user=user, tenant=tenant, roles=[role], departments=departments, area=area
    )


@asynccontextmanager
async def serving(db: Database, settings: Settings) -> AsyncIterator[str]:
    """The app on a loopback port, with `public_url` pointing at it: its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = settings.model_copy(update={"public_url": base})
    async with on_loopback(create_app(db, settings), port):
        yield base


class Client:
    def __init__(self, http: httpx.AsyncClient, base: str, token: str) -> None:
        self.http, self.base, self.token = http, base, token
        # Each upload's signed PUT, by upload id, for tests that try to overwrite a file.
        self.staged: dict[str, dict[str, Any]] = {}

    async def graphql(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        response = await self.http.post(
            f"{self.base}/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.token}"},
        )
        body = response.json()
        assert response.status_code == 200 and not body.get("errors"), body
        data: dict[str, Any] = body["data"]
        return data

    async def create(
        self, data: bytes, content_type: str, *, name: str = "材料.bin", **declared: Any
    ) -> dict[str, Any]:
        """materialUploadCreate's payload for `data` (what is declared may be overridden)."""
        values = {
            "tenant": CHANGNING,
            "fileName": name,
            "contentType": content_type,
            "byteSize": len(data),
            "sha256": sha256(data),
        } | declared
        payload: dict[str, Any] = (await self.graphql(CREATE, {"i": values}))[
            "materialUploadCreate"
        ]
        return payload

    async def put(self, upload: dict[str, Any], data: bytes) -> httpx.Response:
        return await self.http.put(upload["url"], content=data, headers=upload["headers"])

    async def complete(self, upload_id: str) -> dict[str, Any]:
        payload: dict[str, Any] = (await self.graphql(COMPLETE, {"i": {"id": upload_id}}))[
            "materialUploadComplete"
        ]
        return payload

    async def upload(self, data: bytes, content_type: str, name: str) -> str:
        """The three steps; the id of the complete upload."""
        created = await self.create(data, content_type, name=name)
        assert created["errors"] == [], created
        put = await self.put(created["upload"], data)
        assert put.status_code == 200, put.text
        self.staged[created["upload"]["id"]] = created["upload"]
        completed = await self.complete(created["upload"]["id"])
        assert completed["errors"] == [], completed
        assert completed["upload"]["state"] == "COMPLETE"
        upload_id: str = completed["upload"]["id"]
        return upload_id
