"""Sending hostile operations to the real server and judging its answers."""

from __future__ import annotations

import asyncio
import json
from functools import cache
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


async def faults_under(
    url: str, bodies: st.SearchStrategy[dict[str, Any]], examples: int
) -> list[str]:
    """Send `examples` bodies drawn from `bodies`, each as a caller drawn from CALLERS, to the
    server at `url`; every fault found, with the start of its query and the caller. Hypothesis
    drives a blocking client in a thread while the server answers on this event loop."""

    def send_all() -> list[str]:
        found: list[str] = []
        with httpx.Client(base_url=url, timeout=60) as client:

            @settings(
                max_examples=examples,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(body=bodies, caller=st.sampled_from(CALLERS))
            def one(body: dict[str, Any], caller: Role | None) -> None:
                problems = faults(post(client, caller, body))
                if problems:
                    found.append(f"{str(body.get('query'))[:120]!r} as {caller}: {problems}")

            one()
        return found

    return await asyncio.to_thread(send_all)
