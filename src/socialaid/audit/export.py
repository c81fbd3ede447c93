"""Exporting a filtered history for offline review, as CSV or JSON Lines, streamed in batches.

Rows come through a server-side cursor (`AsyncSession.stream` with `yield_per`), so an export of
millions of events holds one batch in memory. Hashes are exported in hex with the content, so
a reviewer can recompute the chain offline.
"""

from __future__ import annotations

import csv
import io
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

AUDIT_EXPORT = "audit.export"
BATCH_SIZE = 2000
# The chained content in the chain's order, with the row id and both hashes, so that an offline
# reviewer can recompute the chain.
COLUMNS = (*CONTENT_COLUMNS[:3], "id", *CONTENT_COLUMNS[3:], "previous_hash", "hash")


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


MEDIA_TYPES = {ExportFormat.CSV: "text/csv; charset=utf-8", ExportFormat.JSONL: "application/jsonl"}


def event_record(values: Mapping[Any, Any]) -> dict[str, Any]:
    """One event row as plain JSON values: times in ISO 8601, hashes in hex."""
    record = {c: values[c] for c in COLUMNS}
    record["occurred_at"] = values["occurred_at"].isoformat()
    record["roles"] = list(values["roles"])
    record["previous_hash"] = bytes(values["previous_hash"]).hex()
    record["hash"] = bytes(values["hash"]).hex()
    return record


def _csv_cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value


def _csv_lines(rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()


def render_batch(rows: Sequence[Mapping[Any, Any]], export_format: ExportFormat) -> str:
    records = [event_record(r) for r in rows]
    if export_format is ExportFormat.JSONL:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return _csv_lines([[_csv_cell(r[c]) for c in COLUMNS] for r in records])


async def export_lines(
    session: AsyncSession,
    conditions: Sequence[ColumnElement[bool]],
    export_format: ExportFormat,
    *,
    batch_size: int = BATCH_SIZE,
) -> AsyncIterator[tuple[str, int]]:
    """The matching events, oldest first, as (text, events in it) per batch; CSV starts with a
    header. Run inside a transaction: the cursor lives as long as it does."""
    if export_format is ExportFormat.CSV:
        yield _csv_lines([COLUMNS]), 0
    # Plain rows, not ORM objects: nothing is kept in the session between batches.
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    result = await session.stream(
        select(*(table.c[c] for c in COLUMNS))
        .where(*conditions)
        .order_by(*oldest_first())
        .execution_options(yield_per=batch_size)
    )
    async for batch in result.mappings().partitions():
        yield render_batch(batch, export_format), len(batch)


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
