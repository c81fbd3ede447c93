"""CSV for spreadsheets: BOM first, formula-like text neutralised, numbers left numbers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from socialaid.exports.csv_cells import Cell, csv_chunks, csv_text, neutralise


async def rows_of(*rows: Sequence[Cell]) -> AsyncIterator[Sequence[Cell]]:
    for row in rows:
        yield row


async def whole_file(
    headers: Sequence[str], rows: AsyncIterator[Sequence[Cell]], per_chunk: int = 500
) -> list[bytes]:
    return [chunk async for chunk in csv_chunks(headers, rows, rows_per_chunk=per_chunk)]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('=HYPERLINK("http://evil","点我")', '\'=HYPERLINK("http://evil","点我")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("家庭困难=1", "家庭困难=1"),
        (" =1", " =1"),
        ("", ""),
        ("'already", "'already"),
    ],
)
def test_text_a_spreadsheet_would_evaluate_gets_a_leading_quote(text: str, shown: str) -> None:
    assert neutralise(text) == shown


def test_numbers_dates_and_empty_cells_are_written_as_they_are() -> None:
    row: list[Cell] = [-5, 2.5, Decimal("-1200.50"), date(2026, 3, 1), None, "-5"]
    assert csv_text([row]) == "-5,2.5,-1200.50,2026-03-01,,'-5\r\n"


def test_a_time_keeps_its_offset() -> None:
    assert csv_text([[datetime(2026, 3, 1, 4, 30, tzinfo=UTC)]]) == "2026-03-01T04:30:00+00:00\r\n"


def test_a_boolean_is_refused_rather_than_spelled_in_english() -> None:
    with pytest.raises(TypeError):
        csv_text([[True]])


def test_commas_quotes_and_newlines_are_quoted_as_rfc_4180_says() -> None:
    assert csv_text([["甲,乙", 'say "hi"', "一\n二"]]) == '"甲,乙","say ""hi""","一\n二"\r\n'


async def test_the_file_starts_with_the_bom_and_a_chinese_header_line() -> None:
    chunks = await whole_file(["区域", "申请数"], rows_of(["长宁区", 12], ["=1+1", -1]))
    assert b"".join(chunks) == (
        b"\xef\xbb\xbf" + "区域,申请数\r\n".encode() + "长宁区,12\r\n'=1+1,-1\r\n".encode()
    )


async def test_an_empty_table_is_the_bom_and_the_header() -> None:
    chunks = await whole_file(["区域"], rows_of())
    assert chunks == [b"\xef\xbb\xbf" + "区域\r\n".encode()]


async def test_rows_go_out_in_chunks_of_the_given_size() -> None:
    chunks = await whole_file(["n"], rows_of([1], [2], [3], [4], [5]), per_chunk=2)
    assert chunks[1:] == [b"1\r\n2\r\n", b"3\r\n4\r\n", b"5\r\n"]


async def test_the_header_leaves_before_the_first_row_exists() -> None:
    """Streaming: a slow query's download starts at once."""
    first_row_requested = asyncio.Event()

    async def slow_rows() -> AsyncIterator[Sequence[Cell]]:
        first_row_requested.set()
        await asyncio.sleep(3600)
        yield ["never"]

    stream = csv_chunks(["区域"], slow_rows())
    first = await anext(stream)
    assert first == b"\xef\xbb\xbf" + "区域\r\n".encode()
    assert not first_row_requested.is_set()
    await stream.aclose()
