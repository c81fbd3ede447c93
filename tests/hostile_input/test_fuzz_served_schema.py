"""hypothesis-graphql writes whole documents for the served schema — every root field, nested
selections, literal arguments — and each is sent to the real server as a caller of each role:
no 5xx, no masked crash, no message echoing the input."""

from __future__ import annotations

from typing import Any

import graphql
from hypothesis_graphql import from_schema, nodes

from socialaid.api.schema import schema_sdl
from tests.hostile_input.hostile_values import (
    HOSTILE_DATES,
    HOSTILE_DATETIMES,
    HOSTILE_JSON,
    HOSTILE_STRINGS,
)
from tests.hostile_input.served import faults_under
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


async def test_generated_documents_never_crash_the_served_schema(
    base_url: str,  # noqa: F811
) -> None:
    # codec=None: lone surrogates too, which a JSON body can carry as \\ud800 escapes.
    documents = from_schema(schema_sdl(), custom_scalars=CUSTOM_SCALARS, codec=None)

    found = await faults_under(base_url, documents.map(lambda d: {"query": d}), DOCUMENTS)

    assert found == [], "\n".join(found)
