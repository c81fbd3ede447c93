"""Every root field, every caller, hostile values in every argument: no 5xx, no masked crash,
no message that echoes the input — only answers, refusals and INVALID_INPUT."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLField, GraphQLInterfaceType, GraphQLObjectType, get_named_type
from hypothesis import strategies as st

from tests.graphql_client import default_schema
from tests.hostile_input.hostile_values import hostile
from tests.hostile_input.served import faults_under
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
        "{ __typename }"
        if isinstance(get_named_type(field.type), GraphQLObjectType | GraphQLInterfaceType)
        else ""
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


async def test_no_root_field_crashes_or_echoes_under_hostile_arguments(
    base_url: str,  # noqa: F811
) -> None:
    bodies = hostile_operations().map(lambda op: {"query": op[0], "variables": op[1]})

    found = await faults_under(base_url, bodies, EXAMPLES_PER_FIELD * len(root_fields()))

    assert found == [], "\n".join(found)
