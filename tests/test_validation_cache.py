"""Validation results are reused per schema and query text, and refusals stay refusals."""

from __future__ import annotations

from socialaid.db.database import Database
from tests.conftest import test_settings
from tests.graphql_client import execute

INTROSPECTION = "{ __schema { queryType { name } } }"


def too_deep() -> str:
    nested = "code"
    for _ in range(15):
        nested = f"children {{ {nested} }}"
    return f"{{ tenants {{ {nested} }} }}"


async def test_a_query_refused_once_is_refused_every_time(db: Database) -> None:
    for _ in range(3):
        data, errors = await execute(db, too_deep())
        assert data is None and errors[0]["message"] == "查询的嵌套深度超过上限 12 层"
        assert errors[0]["extensions"] == {"code": "QUERY_TOO_COMPLEX", "limit": "depth"}


async def test_a_valid_query_keeps_answering_after_it_was_cached(db: Database) -> None:
    for _ in range(3):
        data, errors = await execute(db, '{ tenant(code: "310105") { code } }')
        assert errors == [] and data == {"tenant": {"code": "310105"}}


async def test_each_schema_validates_with_its_own_rules(db: Database) -> None:
    dev, _ = await execute(db, INTROSPECTION)
    production, errors = await execute(db, INTROSPECTION, settings=test_settings(env="production"))

    assert dev == {"__schema": {"queryType": {"name": "Query"}}}
    assert production is None and errors
