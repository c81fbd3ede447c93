"""Leaf fields resolved by graphql-core directly (kernel/direct_leaves.py) answer what the type's
methods compute — scalars, enums, dates, nulls — and a field that needs strawberry's resolver
refuses the schema when it is built."""

from __future__ import annotations

import enum
from datetime import date
from typing import Any, ClassVar

import pytest
import strawberry
from graphql import GraphQLResolveInfo
from strawberry.extensions import SchemaExtension

from socialaid.kernel.direct_leaves import DirectLeavesExecutionContext, resolve_leaves_directly


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


@strawberry.type
class Row:
    seed: strawberry.Private[int]
    label: str

    @strawberry.field
    def doubled(self) -> int:
        return self.seed * 2

    @strawberry.field
    def colour(self) -> Colour | None:
        return Colour.GREEN if self.seed % 2 else None

    @strawberry.field
    def day(self) -> date:
        return date(2026, 12, self.seed)

    @strawberry.field
    def kinds(self) -> list[Colour]:
        return [Colour.RED, Colour.GREEN][: self.seed]


@strawberry.type
class Query:
    @strawberry.field
    def rows(self) -> list[Row]:
        return [Row(seed=1, label="一"), Row(seed=2, label="二")]


def direct_schema(query: type = Query) -> strawberry.Schema:
    schema = strawberry.Schema(query=query, execution_context_class=DirectLeavesExecutionContext)
    resolve_leaves_directly(schema, Row)
    return schema


def test_direct_leaves_answer_what_the_methods_compute() -> None:
    result = direct_schema().execute_sync(
        "{ rows { label twice: doubled colour day kinds __typename } }"
    )

    assert result.errors is None
    assert result.data == {
        "rows": [
            {
                "label": "一",
                "twice": 2,
                "colour": "GREEN",
                "day": "2026-12-01",
                "kinds": ["RED"],
                "__typename": "Row",
            },
            {
                "label": "二",
                "twice": 4,
                "colour": None,
                "day": "2026-12-02",
                "kinds": ["RED", "GREEN"],
                "__typename": "Row",
            },
        ]
    }


@strawberry.type
class BrokenQuery:
    @strawberry.field
    def rows(self) -> list[Row]:
        return [Row(seed=1, label="一"), Row(seed=0, label=None)]  # type: ignore[arg-type]


def test_a_null_in_a_non_null_field_is_reported_with_its_path_as_graphql_core_does() -> None:
    result = direct_schema(BrokenQuery).execute_sync("{ rows { label } }")

    assert result.data is None
    [error] = result.errors or []
    assert error.path == ["rows", 1, "label"]
    assert "non-nullable" in error.message


@strawberry.type
class WithArgument:
    @strawberry.field
    def scaled(self, by: int) -> int:
        return by


@strawberry.type
class WithInfo:
    @strawberry.field
    def who(self, info: strawberry.Info) -> str:
        return str(info.field_name)


@strawberry.type
class RefusedQuery:
    argument: WithArgument
    info: WithInfo


@pytest.mark.parametrize(("refused", "named"), [(WithArgument, "scaled"), (WithInfo, "who")])
def test_a_field_needing_strawberrys_resolver_refuses_the_schema(refused: type, named: str) -> None:
    schema = strawberry.Schema(query=RefusedQuery)
    with pytest.raises(TypeError, match=rf"{refused.__name__}\.{named}"):
        resolve_leaves_directly(schema, refused)


class CountingExtension(SchemaExtension):
    """Counts the fields graphql-core executes one by one (a resolve hook runs for each)."""

    executed: ClassVar[list[str]] = []

    def resolve(
        self, _next: Any, root: Any, info: GraphQLResolveInfo[Any], *args: Any, **kwargs: Any
    ) -> Any:
        self.executed.append(info.field_name)
        return _next(root, info, *args, **kwargs)


def test_an_opted_in_objects_fields_are_completed_in_one_loop_not_field_by_field() -> None:
    schema = strawberry.Schema(
        query=Query,
        execution_context_class=DirectLeavesExecutionContext,
        extensions=[CountingExtension],
    )
    resolve_leaves_directly(schema, Row)
    CountingExtension.executed.clear()

    result = schema.execute_sync("{ rows { label doubled colour } }")

    assert result.errors is None and len(result.data["rows"]) == 2  # type: ignore[index]
    assert CountingExtension.executed == ["rows"]
