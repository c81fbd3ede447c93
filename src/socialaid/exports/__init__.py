"""Tabular downloads (CSV and XLSX) that a spreadsheet opens safely: statistics, audit history.

Usage — Chinese column headers and an async iterator of rows in, a streamed response out::

    from socialaid.exports import TableFormat, table_response

    async def rows() -> AsyncIterator[Sequence[Cell]]:
        async for r in result:
            yield (r.area_name, r.applications, r.day)

    return table_response(
        "统计-310105", ["区域", "申请数", "日期"], rows(), TableFormat.XLSX
    )

CSV is UTF-8 with a BOM (Excel and WPS then read the Chinese as UTF-8) and streams as the rows
arrive; a text cell that a spreadsheet would run as a formula is neutralised (`csv_cells`).
XLSX is written by openpyxl in write-only mode into a temporary file (memory stays flat however
many rows) and streamed from there once the last row is in; its text cells are always text,
never formulas (`xlsx_book`). The file name may be Chinese: `content_disposition` sends it as
RFC 5987 `filename*` with an ASCII fallback.

`csv_cells`, `content_disposition` and `xlsx_book` import neither starlette nor the database;
`response` is the one Starlette module.
"""

from socialaid.exports.csv_cells import Cell
from socialaid.exports.response import TableFormat, table_response

__all__ = ["Cell", "TableFormat", "table_response"]
