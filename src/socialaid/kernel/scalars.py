"""Scalars shared by every domain's GraphQL types."""

from __future__ import annotations

from typing import cast

from strawberry.scalars import JSON


def as_json(value: object) -> JSON:
    """Mark a JSON-compatible value (a dict, list, str, number, bool or None) as the JSON scalar."""
    return cast(JSON, value)


__all__ = ["JSON", "as_json"]
