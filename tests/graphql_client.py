"""Executing operations against the real schema, the way the HTTP endpoint does."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import strawberry

from socialaid.access.authentication import Authenticator
from socialaid.access.decisions import UnauthenticatedError
from socialaid.access.principal import Principal
from socialaid.access.tokens import TokenClaims
from socialaid.access.vocabulary import Role
from socialaid.api.schema import build_schema
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.kernel.context import Context
from tests.conftest import test_settings


class GraphQLFailedError(AssertionError):
    pass


@cache
def default_schema() -> strawberry.Schema:
    return build_schema(test_settings())


async def principal(
    db: Database,
    *,
    user: str,
    tenant: str,
    roles: Sequence[Role] = (),
    departments: Sequence[str] = (),
    area: str | None = None,
) -> Principal:
    """The principal a token with these claims authenticates as (assigned grants included)."""
    claims = TokenClaims(user, tenant, tuple(roles), tuple(departments), area)
    return await Authenticator(test_settings()).principal_for(db, claims)


async def principal_from_token(db: Database, token: str) -> Principal | None:
    """What the HTTP app puts in the context for `Authorization: Bearer <token>`."""
    try:
        return await Authenticator(test_settings()).authenticate(db, f"Bearer {token}")
    except UnauthenticatedError:
        return None


async def execute(
    db: Database,
    query: str,
    variables: dict[str, Any] | None = None,
    settings: Settings | None = None,
    *,
    actor: Principal | None = None,
    token: str | None = None,
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """Run `query` as `actor` (or the bearer of `token`, or anonymously); return (data, errors
    as the client would see them)."""
    schema = build_schema(settings) if settings else default_schema()
    settings = settings or test_settings()
    if token is not None:
        actor = await principal_from_token(db, token)
    result = await schema.execute(
        query,
        variable_values=variables,
        context_value=Context(db=db, settings=settings, principal=actor),
    )
    errors = [e.formatted for e in result.errors or []]
    return result.data, errors


async def query_data(
    db: Database,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    actor: Principal | None = None,
) -> dict[str, Any]:
    """Run `query` and return its data, failing the test on any error."""
    data, errors = await execute(db, query, variables, actor=actor)
    if errors or data is None:
        raise GraphQLFailedError(f"GraphQL errors: {errors}")
    return data


async def error_codes(
    db: Database,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    actor: Principal | None = None,
    token: str | None = None,
) -> list[str]:
    _, errors = await execute(db, query, variables, actor=actor, token=token)
    return [str((e.get("extensions") or {}).get("code")) for e in errors]
