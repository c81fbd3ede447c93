"""JSONB columns whose Python values are typed, frozen records rather than dicts.

A `Record` has one way to JSON (`to_json`) and one way back (`from_json`); a column typed
`JsonRecord(SomeRecord)` stores `record.to_json()` and reads `SomeRecord.from_json(stored)`, and
`JsonRecord(SomeRecord, many=True)` does the same for a tuple of records (a JSON array). The
column stays JSONB: only the Python side changes, so using it needs no migration.

Dates and times are written as ISO 8601 (`IsoDate`, `IsoDateTime`) and amounts as decimal strings
(`DecimalText`), each read back with the standard library's own parser.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
    SerializerFunctionWrapHandler,
    model_serializer,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class Record(BaseModel):
    """A frozen value stored as JSON."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Keys left out of the JSON while None (where what is stored has always omitted them).
    omitted_when_none: ClassVar[frozenset[str]] = frozenset()

    @model_serializer(mode="wrap")
    def _leave_out_absent(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        for key in self.omitted_when_none:
            if key in data and data[key] is None:
                del data[key]
        return data

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: Any) -> Self:
        return cls.model_validate(data)


def _datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    raise ValueError("an ISO 8601 date and time")


def _date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value)
    raise ValueError("an ISO 8601 date")


def _decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            pass
    raise ValueError("a decimal number written as a string")


IsoDateTime = Annotated[
    datetime,
    PlainValidator(_datetime),
    PlainSerializer(lambda v: v.isoformat(), return_type=str, when_used="json"),
]
IsoDate = Annotated[
    date,
    PlainValidator(_date),
    PlainSerializer(lambda v: v.isoformat(), return_type=str, when_used="json"),
]
DecimalText = Annotated[
    Decimal,
    PlainValidator(_decimal),
    PlainSerializer(str, return_type=str, when_used="json"),
]


class JsonRecord(TypeDecorator[Any]):
    """JSONB holding a `record` (or, with many=True, a tuple of them)."""

    impl = JSONB
    cache_ok = True
    # As JSONB's own: None is written as JSON null when given (an ORM insert of a row whose
    # record is None), SQL NULL when the column is left out.
    should_evaluate_none = True

    def __init__(self, record: type[Record], *, many: bool = False) -> None:
        super().__init__()
        self.record = record
        self.many = many

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if self.many:
            return [self._to_json(item) for item in value]
        return self._to_json(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if self.many:
            return tuple(self.record.from_json(item) for item in value)
        return self.record.from_json(value)

    def _to_json(self, value: Any) -> Any:
        if not isinstance(value, self.record):
            raise TypeError(f"expected {self.record.__name__}, got {type(value).__name__}")
        return value.to_json()
