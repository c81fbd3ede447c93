"""Every domain error code reaches clients as a described GraphQL enum value, and nothing else."""

from __future__ import annotations

from socialaid.errors import ErrorCode
from socialaid.kernel.user_error import ErrorCodeEnum
from tests.graphql_client import default_schema


def test_the_graphql_error_codes_are_exactly_the_domain_error_codes() -> None:
    assert [c.value for c in ErrorCodeEnum] == [c.value for c in ErrorCode]


def test_every_error_code_is_described_in_the_schema() -> None:
    enum = default_schema()._schema.get_type("ErrorCode")
    undescribed = [name for name, value in enum.values.items() if not value.description]
    assert undescribed == []
