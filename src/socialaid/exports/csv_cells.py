"""CSV for spreadsheets: UTF-8 with a BOM, and no cell a spreadsheet would run as a formula.

OWASP's CSV injection guidance: a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage
return may be read by Excel, WPS or LibreOffice as a formula (`=HYPERLINK(…)` exfiltrates, `=cmd|…`
ran commands); such a text cell is written with a leading `'`, which the spreadsheet shows as
text. Numbers, dates and times are not text: a negative count stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncGenerator, AsyncIterable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

# A cell as the exports accept it; None is an empty cell.
Cell = str | int | float | Decimal | date | datetime | None

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows per chunk of a streamed CSV: large enough that a chunk is not a syscall per row.
ROWS_PER_CHUNK = 500


def neutralise(text: str) -> str:
    """The text as a spreadsheet shows it without evaluating it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_value(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return neutralise(cell)
    if isinstance(cell, bool):
        raise TypeError("a boolean cell has no agreed spelling; pass text such as 是/否")
    if isinstance(cell, datetime | date):
        return cell.isoformat()
    return str(cell)


def csv_text(rows: Iterable[Sequence[Cell]]) -> str:
    """Rows as CSV lines (RFC 4180: CRLF, quotes where needed), each cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([csv_value(c) for c in row] for row in rows)
    return buffer.getvalue()


async def csv_chunks(
    headers: Sequence[str],
    rows: AsyncIterable[Sequence[Cell]],
    *,
    rows_per_chunk: int = ROWS_PER_CHUNK,
) -> AsyncGenerator[bytes, None]:
    """The whole file in UTF-8 chunks: the BOM and header line first, then rows as they come."""
    yield (BOM + csv_text([headers])).encode()
    pending: list[Sequence[Cell]] = []
    async for row in rows:
        pending.append(row)
        if len(pending) >= rows_per_chunk:
            yield csv_text(pending).encode()
            pending = []
    if pending:
        yield csv_text(pending).encode()
