"""XLSX: text stays text (never a formula or an error value), numbers numbers, read back by openpyxl."""

from __future__ import annotations

import io
import zipfile
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from socialaid.exports import xlsx_book
from socialaid.exports.csv_cells import Cell
from socialaid.exports.xlsx_book import XlsxBook, xlsx_chunks


async def rows_of(*rows: Sequence[Cell]) -> AsyncIterator[Sequence[Cell]]:
    for row in rows:
        yield row


async def workbook_bytes(headers: Sequence[str], *rows: Sequence[Cell]) -> bytes:
    return b"".join([chunk async for chunk in xlsx_chunks(headers, rows_of(*rows))])


def cells(data: bytes) -> list[list[tuple[object, str]]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]


async def test_a_formula_like_text_is_a_text_cell_with_the_quote_prefix() -> None:
    data = await workbook_bytes(["撤回原因"], ['=HYPERLINK("http://evil","点我")'], ["#N/A"])
    assert cells(data) == [
        [("撤回原因", "s")],
        [('=HYPERLINK("http://evil","点我")', "s")],
        [("#N/A", "s")],
    ]
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "HYPERLINK" in sheet_xml
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.active is not None and book.active["A2"].quotePrefix is True
    assert book.active["A1"].font.b is True


async def test_numbers_and_dates_keep_their_types_and_an_aware_time_is_iso_text() -> None:
    data = await workbook_bytes(
        ["数", "日期", "时间", "空"],
        [-5, date(2026, 3, 1), datetime(2026, 3, 1, 4, 30, tzinfo=UTC), None],
    )
    assert cells(data)[1] == [
        (-5, "n"),
        (datetime(2026, 3, 1), "d"),
        ("2026-03-01T04:30:00+00:00", "s"),
        (None, "n"),
    ]


async def test_control_characters_xml_cannot_carry_become_replacement_marks() -> None:
    data = await workbook_bytes(["原因"], ["a\x01b\x1fc"])
    assert cells(data)[1] == [("a\ufffdb\ufffdc", "s")]


async def test_an_empty_table_still_has_its_header_sheet() -> None:
    data = await workbook_bytes(["区域", "申请数"])
    assert cells(data) == [[("区域", "s"), ("申请数", "s")]]


def test_rows_past_a_sheets_limit_continue_on_a_new_sheet_with_the_header(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(xlsx_book, "ROWS_PER_SHEET", 2)
    book = XlsxBook(["n"], "统计")
    for n in range(5):
        book.append([n])
    target = io.BytesIO()
    book.save(target)
    loaded = openpyxl.load_workbook(target)
    assert loaded.sheetnames == ["统计", "统计 2", "统计 3"]
    assert [[c.value for c in r] for r in loaded["统计 3"].iter_rows()] == [["n"], [4]]


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


async def test_an_abandoned_export_leaves_no_temporary_sheet_file(tmp_path: Path) -> None:
    async def rows_then_failure() -> AsyncIterator[Sequence[Cell]]:
        for n in range(5):
            yield [n]
        raise RuntimeError("the query failed")

    before = files_in(tmp_path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tempfile.tempdir", str(tmp_path))
        with pytest.raises(RuntimeError):
            async for _ in xlsx_chunks(["n"], rows_then_failure(), rows_per_batch=2):
                pass
    assert files_in(tmp_path) == before
