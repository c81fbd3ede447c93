"""Scalars shared by every domain's GraphQL types."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import cast

from strawberry.scalars import JSON
from strawberry.schema.types.scalar import DEFAULT_SCALAR_REGISTRY
from strawberry.types.scalar import ScalarDefinition

from socialaid.clock import in_china_time


def as_json(value: object) -> JSON:
    """Mark a JSON-compatible value (a dict, list, str, number, bool or None) as the JSON scalar."""
    return cast(JSON, value)


def _serialize_datetime(value: dt.datetime) -> str:
    """Every DateTime the API sends, at one offset: see the scalar's description and README."""
    return in_china_time(value).isoformat()


def _described(python_type: object, description: str) -> ScalarDefinition:
    return dataclasses.replace(DEFAULT_SCALAR_REGISTRY[python_type], description=description)


# strawberry's own scalars, unchanged but for descriptions in the schema's language.
DESCRIBED_SCALARS: dict[object, ScalarDefinition] = {
    dt.date: _described(
        dt.date, "日期（Date）：ISO 8601 日历日 YYYY-MM-DD，如 2026-12-02；按中国时间的日历"
    ),
    dt.datetime: dataclasses.replace(
        _described(
            dt.datetime,
            "时间（DateTime）：ISO 8601 日期时间，如 2026-12-02T09:30:00+08:00；输出一律为中国时间，"
            "偏移总是 +08:00（同一时刻，不论存储或来源的时区）；输入应带偏移（不带偏移时如何理解见各字段说明）",
        ),
        serialize=_serialize_datetime,
    ),
    JSON: _described(
        JSON,
        "JSON 值（ECMA-404）：对象、数组、字符串、数、布尔或 null；结构见使用它的字段的说明",
    ),
}


__all__ = ["DESCRIBED_SCALARS", "JSON", "as_json"]
