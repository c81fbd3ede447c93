"""A table as a streamed Starlette download, CSV or XLSX."""

from __future__ import annotations

from collections.abc import AsyncIterable, Sequence
from enum import StrEnum

from starlette.responses import StreamingResponse

from socialaid.exports.content_disposition import attachment
from socialaid.exports.csv_cells import Cell, csv_chunks
from socialaid.exports.xlsx_book import MEDIA_TYPE as XLSX_MEDIA_TYPE
from socialaid.exports.xlsx_book import xlsx_chunks


class TableFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


MEDIA_TYPES = {TableFormat.CSV: "text/csv; charset=utf-8", TableFormat.XLSX: XLSX_MEDIA_TYPE}


def table_response(
    name: str,
    headers: Sequence[str],
    rows: AsyncIterable[Sequence[Cell]],
    table_format: TableFormat,
    *,
    sheet_title: str = "数据",
) -> StreamingResponse:
    """`rows` (each as long as `headers`) downloaded as `name` plus the format's suffix."""
    body = (
        csv_chunks(headers, rows)
        if table_format is TableFormat.CSV
        else xlsx_chunks(headers, rows, sheet_title=sheet_title)
    )
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[table_format],
        headers={
            "Content-Disposition": attachment(f"{name}.{table_format.value}"),
            # A download of records: no shared cache keeps a copy.
            "Cache-Control": "no-store",
        },
    )
