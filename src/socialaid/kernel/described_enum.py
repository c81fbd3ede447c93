"""GraphQL enums over domain enums, with a description (a label a UI can show) on every value."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

import strawberry

E = TypeVar("E", bound=type[Enum])


def described_enum(cls: E, *, name: str, description: str, values: Mapping[str, str]) -> E:
    """`strawberry.enum(cls)` with `values[member name]` as each value's description.

    The domain enum stays free of strawberry; a key naming no member is a typo and fails at import,
    a member without a key is left undescribed for the schema description test to name.
    """
    unknown = set(values) - set(cls.__members__)
    if unknown:
        raise ValueError(f"{name}: no such members {sorted(unknown)}")
    wrapped = strawberry.enum(cls, name=name, description=description)
    for value in wrapped.__strawberry_definition__.values:  # type: ignore[attr-defined]
        if value.name in values:
            value.description = values[value.name]
    return wrapped
