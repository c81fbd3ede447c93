"""hypothesis-graphql writes whole documents for the served schema — every root field, nested
selections, literal arguments — and each is sent to the real server as a caller of each role:
no 5xx, no masked crash, no message echoing the input."""

from __future__ import annotations

import asyncio
from typing import Any

import graphql
import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema, nodes

from socialaid.api.schema import schema_sdl
from tests.hostile_input.hostile_values import (
    HOSTILE_DATES,
    HOSTILE_DATETIMES,
    HOSTILE_JSON,
    HOSTILE_STRINGS,
)
from tests.hostile_input.served import CALLERS, faults, post
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

DOCUMENTS = 250


def json_literal(value: Any) -> graphql.ValueNode:
    """A JSON value written as a GraphQL literal, as a client inlines it."""
    if value is None:
        return graphql.NullValueNode()
    if isinstance(value, bool):
        return graphql.BooleanValueNode(value=value)
    if isinstance(value, int):
        return nodes.Int(value)
    if isinstance(value, float):
        return nodes.Float(value)
    if isinstance(value, str):
        return nodes.String(value)
    if isinstance(value, list):
        return graphql.ListValueNode(values=tuple(json_literal(v) for v in value))
    return nodes.Object(
        [
            graphql.ObjectFieldNode(name=graphql.NameNode(value=f"k{i}"), value=json_literal(v))
            for i, v in enumerate(value.values())
        ]
    )


CUSTOM_SCALARS = {
    "String": HOSTILE_STRINGS.filter(lambda v: len(v) < 50_000).map(nodes.String),
    "ID": HOSTILE_STRINGS.filter(lambda v: len(v) < 50_000).map(nodes.String),
    "Date": HOSTILE_DATES.map(nodes.String),
    "DateTime": HOSTILE_DATETIMES.map(nodes.String),
    "JSON": HOSTILE_JSON.filter(lambda v: len(str(v)) < 50_000).map(json_literal),
}


def fuzz(url: str) -> list[str]:
    found: list[str] = []
    # codec=None: lone surrogates too, which a JSON body can carry as \\ud800 escapes.
    documents = from_schema(schema_sdl(), custom_scalars=CUSTOM_SCALARS, codec=None)
    with httpx.Client(base_url=url, timeout=60) as client:

        @settings(
            max_examples=DOCUMENTS,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(document=documents, caller=st.sampled_from(CALLERS))
        def one(document: str, caller: Any) -> None:
            problems = faults(post(client, caller, {"query": document}))
            if problems:
                found.append(f"{document[:120]!r} as {caller}: {problems}")

        one()
    return found


async def test_generated_documents_never_crash_the_served_schema(
    base_url: str,  # noqa: F811
) -> None:
    found = await asyncio.to_thread(fuzz, base_url)
    assert found == [], "\n".join(found)
