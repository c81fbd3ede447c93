"""Unexpected failures are masked; production turns off introspection."""

from __future__ import annotations

import pytest

from socialaid.db.database import Database
from socialaid.tenancy import service
from tests.conftest import test_settings
from tests.graphql_client import execute


async def test_an_unexpected_exception_reaches_the_client_as_a_masked_error(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def explode(*_: object, **__: object) -> None:
        raise RuntimeError("password=hunter2 at 10.0.0.5")

    monkeypatch.setattr(service, "list_tenants", explode)
    data, errors = await execute(db, "{ tenants { code } }")
    assert data is None
    assert errors[0]["message"] == "Unexpected error."
    assert "hunter2" not in str(errors)


async def test_production_refuses_introspection(db: Database) -> None:
    production = test_settings(env="production")
    _, errors = await execute(db, "{ __schema { types { name } } }", settings=production)
    assert errors and "introspection" in errors[0]["message"].lower()


async def test_dev_allows_introspection(db: Database) -> None:
    data, errors = await execute(db, "{ __schema { queryType { name } } }")
    assert not errors and data == {"__schema": {"queryType": {"name": "Query"}}}
