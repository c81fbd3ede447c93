"""The download as a client receives it: media type, Chinese file name, the bytes."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Sequence

import httpx
import openpyxl
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from socialaid.exports import Cell, TableFormat, table_response


async def two_rows() -> AsyncIterator[Sequence[Cell]]:
    yield ["长宁区", 3]
    yield ["-1+1", 0]


async def download(request: Request) -> Response:
    table_format = TableFormat(request.query_params["format"])
    return table_response("统计-310105", ["区域", "申请数"], two_rows(), table_format)


async def fetch(table_format: str) -> httpx.Response:
    app = Starlette(routes=[Route("/table", download)])
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        return await client.get("/table", params={"format": table_format})


ENCODED_NAME = "%E7%BB%9F%E8%AE%A1-310105"


async def test_a_csv_download_is_utf8_with_a_bom_under_its_chinese_name() -> None:
    response = await fetch("csv")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == (
        f"attachment; filename=\"310105.csv\"; filename*=UTF-8''{ENCODED_NAME}.csv"
    )
    assert response.headers["cache-control"] == "no-store"
    assert response.content == (b"\xef\xbb\xbf" + "区域,申请数\r\n长宁区,3\r\n'-1+1,0\r\n".encode())


async def test_an_xlsx_download_opens_as_a_workbook_under_its_chinese_name() -> None:
    response = await fetch("xlsx")
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response.headers["content-disposition"].endswith(f"''{ENCODED_NAME}.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None and sheet.title == "数据"
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["区域", "申请数"],
        ["长宁区", 3],
        ["-1+1", 0],
    ]
