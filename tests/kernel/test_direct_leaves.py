"""Leaf fields resolved by graphql-core directly (kernel/direct_leaves.py) answer what the type's
methods compute — scalars, enums, dates, nulls — and a field that needs strawberry's resolver
refuses the schema when it is built."""

from __future__ import annotations

import enum
from datetime import date

import pytest
import strawberry

from socialaid.kernel.direct_leaves import resolve_leaves_directly


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


@strawberry.type
class Query:
    @strawberry.field
    def rows(self) -> list[Row]:
        return [Row(seed=1, label="一"), Row(seed=2, label="二")]


def test_direct_leaves_answer_what_the_methods_compute() -> None:
    schema = strawberry.Schema(query=Query)
    resolve_leaves_directly(schema, Row)

    result = schema.execute_sync("{ rows { label doubled colour day } }")

    assert result.errors is None
    assert result.data == {
        "rows": [
            {"label": "一", "doubled": 2, "colour": "GREEN", "day": "2026-12-01"},
            {"label": "二", "doubled": 4, "colour": None, "day": "2026-12-02"},
        ]
    }


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
