"""Every example operation validates against the committed schema.graphql, so a schema change that
breaks what a frontend sends fails here, naming the file and the operation."""

from __future__ import annotations

import pytest
from graphql import GraphQLSchema, build_schema, validate
from graphql import parse as parse_document

from socialaid.access.vocabulary import Role
from tests.conftest import REPO_ROOT
from tests.examples.example_operations import (
    ExampleOperation,
    example_files,
    fragments,
    operations,
    spreads_in,
)

SCHEMA_FILE = REPO_ROOT / "schema.graphql"


def committed_schema() -> GraphQLSchema:
    return build_schema(SCHEMA_FILE.read_text(encoding="utf-8"))


def problems_of(example: ExampleOperation, schema: GraphQLSchema) -> list[str]:
    errors = validate(schema, parse_document(example.document))
    return [f"{example.where}: {error.message}" for error in errors]


@pytest.mark.parametrize("name", sorted(operations()))
def test_the_example_operation_is_valid_against_schema_graphql(name: str) -> None:
    example = operations()[name]
    assert problems_of(example, committed_schema()) == []


def test_a_schema_without_a_field_an_example_selects_fails_naming_the_file_and_operation() -> None:
    # Rename Application.lockVersion, which the shared ApplicationSummary fragment selects.
    sdl = SCHEMA_FILE.read_text(encoding="utf-8")
    start = sdl.index("type Application ")
    end = sdl.index("\n}\n", start)
    body = sdl[start:end].replace("  lockVersion: Int!", "  revision: Int!", 1)
    broken = build_schema(sdl[:start] + body + sdl[end:])

    problems = problems_of(operations()["MyApplications"], broken)

    assert problems == [
        "examples/operations/applicant/MyApplications.graphql (query MyApplications): "
        "Cannot query field 'lockVersion' on type 'Application'."
    ]


def test_every_role_has_a_folder_of_example_operations() -> None:
    folders = {example.folder for example in operations().values()}
    assert {role.value for role in Role} - folders == set()
    assert folders - {role.value for role in Role} == {"shared"}


def test_every_example_fragment_is_used_by_some_operation() -> None:
    used: set[str] = set()
    for example in operations().values():
        used |= spreads_in(parse_document(example.document))
    assert set(fragments()) - used == set()


def test_every_example_file_holds_at_least_one_operation_or_fragment() -> None:
    files = {example.file for example in operations().values()}
    files |= {fragment.file for fragment in fragments().values()}
    assert [f for f in example_files() if f not in files] == []
