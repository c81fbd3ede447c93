"""Every root field, every caller, hostile values in every argument: no 5xx, no masked crash,
no message that echoes the input — only answers, refusals and INVALID_INPUT."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from graphql import GraphQLField, GraphQLObjectType, get_named_type
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.graphql_client import default_schema
from tests.hostile_input.hostile_values import hostile
from tests.hostile_input.served import CALLERS, faults, post
from tests.test_http import base_url  # noqa: F401 - the real app on a loopback port

EXAMPLES_PER_FIELD = 12


def root_fields() -> list[tuple[str, str, GraphQLField]]:
    schema = default_schema()._schema
    return [
        (operation, name, field)
        for operation, root in (("query", schema.query_type), ("mutation", schema.mutation_type))
        for name, field in (root.fields if root else {}).items()
        if field.args
    ]


def operation_text(operation: str, name: str, field: GraphQLField) -> str:
    declared = ", ".join(f"${a}: {arg.type}" for a, arg in field.args.items())
    passed = ", ".join(f"{a}: ${a}" for a in field.args)
    selection = (
        "{ __typename }" if isinstance(get_named_type(field.type), GraphQLObjectType) else ""
    )
    return f"{operation} Hostile({declared}) {{ {name}({passed}) {selection} }}"


def hostile_operations() -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    return st.one_of(
        [
            st.tuples(
                st.just(operation_text(operation, name, field)),
                st.fixed_dictionaries({a: hostile(arg.type) for a, arg in field.args.items()}),
            )
            for operation, name, field in root_fields()
        ]
    )


def fuzz(url: str) -> list[str]:
    found: list[str] = []
    with httpx.Client(base_url=url, timeout=60) as client:

        @settings(
            max_examples=EXAMPLES_PER_FIELD * len(root_fields()),
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(operation=hostile_operations(), caller=st.sampled_from(CALLERS))
        def one(operation: tuple[str, dict[str, Any]], caller: Any) -> None:
            query, variables = operation
            problems = faults(post(client, caller, {"query": query, "variables": variables}))
            if problems:
                found.append(f"{query[:80]} as {caller}: {problems}")

        one()
    return found


async def test_no_root_field_crashes_or_echoes_under_hostile_arguments(
    base_url: str,  # noqa: F811
) -> None:
    found = await asyncio.to_thread(fuzz, base_url)
    assert found == [], "\n".join(found)
