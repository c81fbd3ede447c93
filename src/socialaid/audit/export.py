"""Exporting a filtered history for offline review, as CSV, XLSX or JSON Lines, streamed in batches.

Rows come through a server-side cursor (`AsyncSession.stream` with `yield_per`), so an export of
millions of events holds one batch in memory. Hashes are exported in hex with the content, so
a reviewer can recompute the chain offline.

CSV and XLSX go to spreadsheets, and events carry text anyone could type (an applicant's
withdrawal reason): both are written by `socialaid.exports`, so that text never runs as a formula
(CSV: a leading `'`; XLSX: a text cell) and the CSV opens as UTF-8 (BOM). A reviewer recomputing
the chain from the CSV drops that one added `'` from a cell that begins with `'=`, `'+`, `'-`,
`'@`, a quote and tab or a quote and CR; JSON Lines carries the values exactly.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping, Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.audit.ddl import CONTENT_COLUMNS
from socialaid.audit.models import AuditEvent
from socialaid.audit.queries import oldest_first
from socialaid.audit.writer import write_event
from socialaid.exports.csv_cells import BOM, Cell, csv_text
from socialaid.exports.response import MEDIA_TYPES as TABLE_MEDIA_TYPES
from socialaid.exports.response import TableFormat

AUDIT_EXPORT = "audit.export"
BATCH_SIZE = 2000
# The chained content in the chain's order, with the row id and both hashes, so that an offline
# reviewer can recompute the chain.
COLUMNS = (*CONTENT_COLUMNS[:3], "id", *CONTENT_COLUMNS[3:], "previous_hash", "hash")


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    XLSX = "xlsx"


MEDIA_TYPES = {
    ExportFormat.CSV: TABLE_MEDIA_TYPES[TableFormat.CSV],
    ExportFormat.JSONL: "application/jsonl",
    ExportFormat.XLSX: TABLE_MEDIA_TYPES[TableFormat.XLSX],
}


def event_record(values: Mapping[Any, Any]) -> dict[str, Any]:
    """One event row as plain JSON values: times in ISO 8601, hashes in hex."""
    record = {c: values[c] for c in COLUMNS}
    record["occurred_at"] = values["occurred_at"].isoformat()
    record["roles"] = list(values["roles"])
    record["previous_hash"] = bytes(values["previous_hash"]).hex()
    record["hash"] = bytes(values["hash"]).hex()
    return record


def _table_cell(value: Any) -> Cell:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value  # type: ignore[no-any-return]


def table_row(values: Mapping[Any, Any]) -> list[Cell]:
    """One event as a spreadsheet row, in `COLUMNS` order: JSON for roles, before and after."""
    record = event_record(values)
    return [_table_cell(record[c]) for c in COLUMNS]


def render_batch(rows: Sequence[Mapping[Any, Any]], export_format: ExportFormat) -> str:
    if export_format is ExportFormat.JSONL:
        return "".join(json.dumps(event_record(r), ensure_ascii=False) + "\n" for r in rows)
    return csv_text([table_row(r) for r in rows])


async def _batches(
    session: AsyncSession, conditions: Sequence[ColumnElement[bool]], batch_size: int
) -> AsyncIterator[Sequence[Mapping[Any, Any]]]:
    # Plain rows, not ORM objects: nothing is kept in the session between batches.
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    result = await session.stream(
        select(*(table.c[c] for c in COLUMNS))
        .where(*conditions)
        .order_by(*oldest_first())
        .execution_options(yield_per=batch_size)
    )
    async for batch in result.mappings().partitions():
        yield batch


async def export_lines(
    session: AsyncSession,
    conditions: Sequence[ColumnElement[bool]],
    export_format: ExportFormat,
    *,
    batch_size: int = BATCH_SIZE,
) -> AsyncIterator[tuple[str, int]]:
    """The matching events, oldest first, as (text, events in it) per batch, in CSV or JSON
    Lines; CSV starts with the BOM and a header. Run inside a transaction: the cursor lives as
    long as it does."""
    if export_format is ExportFormat.XLSX:
        raise ValueError("XLSX is not text: use export_rows")
    if export_format is ExportFormat.CSV:
        yield BOM + csv_text([COLUMNS]), 0
    async for batch in _batches(session, conditions, batch_size):
        yield render_batch(batch, export_format), len(batch)


async def export_rows(
    session: AsyncSession,
    conditions: Sequence[ColumnElement[bool]],
    *,
    batch_size: int = BATCH_SIZE,
) -> AsyncIterator[list[Cell]]:
    """The matching events, oldest first, one spreadsheet row each (`COLUMNS` is the header)."""
    async for batch in _batches(session, conditions, batch_size):
        for values in batch:
            yield table_row(values)


async def record_export(
    session: AsyncSession,
    *,
    actor: Principal,
    tenant_id: str,
    description: dict[str, Any],
    export_format: ExportFormat,
) -> None:
    """An export is a read of the whole filtered history: recorded before the first row leaves."""
    await write_event(
        session,
        actor=actor,
        action=AUDIT_EXPORT,
        tenant_id=tenant_id,
        subject_type="audit_event",
        subject_id=tenant_id,
        after={"filter": description, "format": export_format.value},
    )
