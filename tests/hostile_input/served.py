"""Sending hostile operations to the real server and judging its answers."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import httpx

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from tests.conftest import test_settings

HOME = "310105"  # 长宁区: every caller's grant is here
MASKED = "Unexpected error."
# graphql-core quotes a refused value in its message, shortened to a prefix; nothing longer.
LONGEST_MESSAGE = 600


@cache
def token_for(role: Role) -> str:
    return mint_token(
        test_settings(),
        user=f"fuzz-{role.value}",
        tenant=HOME,
        roles=[role],
        departments=["civil_affairs"],
        area="huayanglu",
    )


CALLERS: list[Role | None] = [None, *Role]


def post(client: httpx.Client, caller: Role | None, body: dict[str, Any]) -> httpx.Response:
    headers = {"authorization": f"Bearer {token_for(caller)}"} if caller else {}
    # json.dumps keeps lone surrogates as \\ud800 escapes, as a browser's JSON.stringify does.
    content = json.dumps(body).encode()
    return client.post(
        "/graphql", content=content, headers={"content-type": "application/json", **headers}
    )


def faults(response: httpx.Response) -> list[str]:
    """What is wrong with an answer to hostile input: a 5xx, a masked crash, an echo."""
    found: list[str] = []
    if response.status_code >= 500:
        found.append(f"HTTP {response.status_code}: {response.text[:300]}")
        return found
    try:
        body = response.json()
    except ValueError:
        return [f"not JSON (HTTP {response.status_code}): {response.text[:300]}"]
    for error in body.get("errors") or []:
        message = str(error.get("message"))
        if message == MASKED:
            found.append(f"masked crash at {error.get('path')}")
        if len(message) > LONGEST_MESSAGE:
            found.append(f"a {len(message)}-character message echoes the input")
    return found
