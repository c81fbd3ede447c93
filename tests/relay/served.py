"""GraphQL over real HTTP as a browser client sends it, with tokens for the callers the Relay
tests need."""

from __future__ import annotations

from typing import Any

import httpx

from socialaid.access.tokens import mint_token
from tests.conftest import test_settings

CHANGNING = "310105"
AREA = "huayanglu"


def token(user: str, tenant: str, roles: list[str], **claims: Any) -> str:
    return mint_token(test_settings(), user=user, tenant=tenant, roles=roles, **claims)


CITIZEN = token("citizen-1", CHANGNING, ["applicant"])
CIVIL_WORKER = token(
    "civil_affairs-310105", CHANGNING, ["caseworker"], departments=["civil_affairs"]
)
CLERK = token("clerk-310105", CHANGNING, ["window_clerk"], area=AREA)
JIANGYIN_CLERK = token("clerk-320281", "320281", ["window_clerk"])
ANALYST = token("analyst-310105", CHANGNING, ["analyst"])
AUDITOR = token("auditor-310105", CHANGNING, ["auditor"])
ADMIN = token("admin-sh", "310000", ["tenant_admin"])


async def post(
    url: str, query: str, variables: dict[str, Any] | None = None, bearer: str | None = None
) -> dict[str, Any]:
    """The whole response body (data and errors), after checking it is not a 5xx."""
    headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        response = await client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
    assert response.status_code < 500, response.text
    body = response.json()
    assert isinstance(body, dict)
    return body


async def data(
    url: str, query: str, variables: dict[str, Any] | None = None, bearer: str | None = None
) -> dict[str, Any]:
    body = await post(url, query, variables, bearer)
    assert not body.get("errors"), body
    found = body["data"]
    assert isinstance(found, dict)
    return found


def codes(body: dict[str, Any]) -> list[tuple[list[Any], str]]:
    """Each error's path and extensions.code."""
    return [(e.get("path"), (e.get("extensions") or {}).get("code")) for e in body["errors"]]
