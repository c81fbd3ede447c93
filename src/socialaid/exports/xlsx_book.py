"""XLSX through openpyxl's write-only mode: rows go to a temporary file as they come, so memory
stays flat however long the export; the workbook is zipped once the last row is in.

Text is always a text cell: openpyxl would otherwise store a string beginning with `=` as a
formula and `#N/A` as an error value. Text a spreadsheet would read as a formula when retyped also
gets Excel's quote prefix (shown as text, kept as text when edited), the XLSX form of the CSV `'`.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncGenerator, AsyncIterable, Sequence
from datetime import datetime
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from socialaid.exports.csv_cells import FORMULA_STARTS, Cell

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel's last row is 1,048,576: the header and this many rows fill a sheet, the rest go on.
ROWS_PER_SHEET = 1_048_575
ROWS_PER_BATCH = 2000
CHUNK_BYTES = 64 * 1024


class XlsxBook:
    """One export's workbook: a sheet titled `sheet_title`, header row in bold, then rows; more
    sheets (`数据 2`, …) when Excel's row limit is reached."""

    def __init__(self, headers: Sequence[str], sheet_title: str = "数据") -> None:
        self._book = Workbook(write_only=True)
        self._headers = list(headers)
        self._title = sheet_title
        self._sheet: WriteOnlyWorksheet | None = None
        self._rows_in_sheet = ROWS_PER_SHEET

    def _new_sheet(self) -> WriteOnlyWorksheet:
        number = len(self._book.worksheets) + 1
        sheet: WriteOnlyWorksheet = self._book.create_sheet(
            self._title if number == 1 else f"{self._title} {number}"
        )
        header = []
        for name in self._headers:
            cell = self._text_cell(sheet, name)
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        self._rows_in_sheet = 0
        return sheet

    @staticmethod
    def _text_cell(sheet: WriteOnlyWorksheet, text: str) -> Any:
        # XML 1.0 cannot carry most control characters; openpyxl refuses them.
        cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
        cell.data_type = "s"
        if text.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
        return cell

    def _value(self, sheet: WriteOnlyWorksheet, cell: Cell) -> Any:
        if isinstance(cell, str):
            return self._text_cell(sheet, cell)
        if isinstance(cell, bool):
            raise TypeError("a boolean cell has no agreed spelling; pass text such as 是/否")
        if isinstance(cell, datetime) and cell.tzinfo is not None:
            # Excel has no time zones: the instant as written, offset included.
            return self._text_cell(sheet, cell.isoformat())
        return cell

    def append(self, row: Sequence[Cell]) -> None:
        if self._sheet is None or self._rows_in_sheet >= ROWS_PER_SHEET:
            self._sheet = self._new_sheet()
        sheet = self._sheet
        sheet.append([self._value(sheet, c) for c in row])
        self._rows_in_sheet += 1

    def save(self, target: IO[bytes]) -> None:
        """Zip the workbook into `target`; a write-only workbook is saved once."""
        if self._sheet is None:
            self._sheet = self._new_sheet()
        self._book.save(target)

    def discard(self) -> None:
        """Remove the sheets' temporary files of an export abandoned before `save`."""
        for sheet in self._book.worksheets:
            # openpyxl removes these at interpreter exit only; a server runs for weeks.
            with contextlib.suppress(OSError, ValueError, RuntimeError):
                sheet.close()
                sheet._writer.cleanup()


async def xlsx_chunks(
    headers: Sequence[str],
    rows: AsyncIterable[Sequence[Cell]],
    *,
    sheet_title: str = "数据",
    rows_per_batch: int = ROWS_PER_BATCH,
) -> AsyncGenerator[bytes, None]:
    """The workbook's bytes, once every row is written; openpyxl's work runs off the event loop,
    a batch of rows at a time."""
    book = XlsxBook(headers, sheet_title)
    saved = False
    try:
        pending: list[Sequence[Cell]] = []
        async for row in rows:
            pending.append(row)
            if len(pending) >= rows_per_batch:
                await asyncio.to_thread(_append_all, book, pending)
                pending = []
        await asyncio.to_thread(_append_all, book, pending)
        with tempfile.TemporaryFile() as zipped:
            await asyncio.to_thread(book.save, zipped)
            saved = True
            zipped.seek(0)
            while chunk := await asyncio.to_thread(zipped.read, CHUNK_BYTES):
                yield chunk
    finally:
        if not saved:
            book.discard()


def _append_all(book: XlsxBook, rows: Sequence[Sequence[Cell]]) -> None:
    for row in rows:
        book.append(row)
