"""Executing operations against the real schema, the way the HTTP endpoint does."""

from __future__ import annotations

from typing import Any

from socialaid.api.context import Context
from socialaid.api.schema import build_schema
from socialaid.config import Settings
from socialaid.db.database import Database
from tests.conftest import test_settings


class GraphQLFailedError(AssertionError):
    pass


async def execute(
    db: Database,
    query: str,
    variables: dict[str, Any] | None = None,
    settings: Settings | None = None,
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """Run `query`; return (data, errors as the client would see them)."""
    settings = settings or test_settings()
    schema = build_schema(settings)
    result = await schema.execute(
        query, variable_values=variables, context_value=Context(db=db, settings=settings)
    )
    errors = [e.formatted for e in result.errors or []]
    return result.data, errors


async def query_data(
    db: Database, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Run `query` and return its data, failing the test on any error."""
    data, errors = await execute(db, query, variables)
    if errors or data is None:
        raise GraphQLFailedError(f"GraphQL errors: {errors}")
    return data


async def error_codes(
    db: Database, query: str, variables: dict[str, Any] | None = None
) -> list[str]:
    _, errors = await execute(db, query, variables)
    return [str((e.get("extensions") or {}).get("code")) for e in errors]
