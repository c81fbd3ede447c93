"""Exports for offline review: CSV or JSON Lines, streamed in batches, recorded, chain intact."""

from __future__ import annotations

import asyncio
import csv
import io
import itertools
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import httpx
import openpyxl
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.api.app import create_app
from socialaid.audit.export import COLUMNS, ExportFormat, export_lines
from socialaid.audit.queries import EventFilter, filter_conditions
from socialaid.cli import app
from socialaid.db.database import Database
from socialaid.tenancy.models import Tenant
from tests.audit.history import actions_of, add_event
from tests.conftest import TEST_SECRET, test_settings


async def six_events(db: Database) -> None:
    for day in range(1, 7):
        await add_event(
            db,
            tenant="310105",
            application=f"app-{day % 2}",
            at=datetime(2026, 3, day, 12, tzinfo=UTC),
            after={"status": "说明,含逗号\n和换行"},
        )


def linked(records: list[dict[str, str]]) -> bool:
    """Each record's previous_hash is the hash of the record before it (offline check)."""
    return all(b["previous_hash"] == a["hash"] for a, b in itertools.pairwise(records))


async def test_an_export_streams_in_batches_oldest_first(db: Database) -> None:
    await six_events(db)
    async with db.owner_session() as session, session.begin():
        tenant = await session.get_one(Tenant, "310105")
        conditions = filter_conditions(EventFilter(tenant="310105"), tenant, TEST_SECRET)
        chunks = [
            chunk
            async for chunk in export_lines(session, conditions, ExportFormat.JSONL, batch_size=4)
        ]
    assert [events for _, events in chunks] == [4, 2]
    records = [json.loads(line) for text_, _ in chunks for line in text_.splitlines()]
    assert [r["sequence"] for r in records] == list(range(1, 7))
    assert linked(records) and list(records[0]) == list(COLUMNS)


@pytest.fixture
def cli_env(db: Database) -> dict[str, str]:
    url = db.owner_url.set(drivername="postgresql").render_as_string(hide_password=False)
    return {"DATABASE_URL": url, "SOCIALAID_SECRET": TEST_SECRET}


async def test_the_command_line_exports_a_period_as_csv_and_records_the_export(
    db: Database, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    await six_events(db)
    output = tmp_path / "audit.csv"
    command = [
        "audit",
        "export",
        "--tenant",
        "310105",
        "--from",
        "2026-03-02",
        "--to",
        "2026-03-05",
    ]
    # typer runs its own event loop: off this test's loop, in a thread.
    result = await asyncio.to_thread(
        CliRunner().invoke, app, [*command, "--output", str(output)], env=cli_env
    )
    assert result.exit_code == 0, result.output
    assert output.read_bytes().startswith(b"\xef\xbb\xbftenant_id,")
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8-sig"))))
    # China time: 2026-03-02 00:00 +08:00 is 03-01 16:00 UTC, so the 12:00 UTC events of days 2–4.
    assert [int(r["sequence"]) for r in rows] == [2, 3, 4]
    assert json.loads(rows[0]["after"]) == {"status": "说明,含逗号\n和换行"}
    assert linked(rows)
    assert "wrote 3 events" in result.output
    assert (await actions_of(db, "310105"))[-1] == "audit.export"
    async with db.owner_session() as session:
        recorded = await session.scalar(
            text(
                "SELECT request_id FROM audit_event WHERE tenant_id = '310105'"
                " ORDER BY sequence DESC LIMIT 1"
            )
        )
    assert recorded is not None and re.fullmatch("[0-9a-f]{32}", recorded)


async def test_the_command_line_writes_a_workbook_and_needs_a_file_for_it(
    db: Database, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    await six_events(db)
    output = tmp_path / "audit.xlsx"
    command = ["audit", "export", "--tenant", "310105", "--format", "xlsx"]
    without_file = await asyncio.to_thread(CliRunner().invoke, app, command, env=cli_env)
    result = await asyncio.to_thread(
        CliRunner().invoke, app, [*command, "--output", str(output)], env=cli_env
    )
    assert without_file.exit_code == 1 and "--output" in without_file.output
    assert result.exit_code == 0, result.output
    assert "wrote 7 events" in result.output  # the six and the export's own record
    sheet = openpyxl.load_workbook(output)["审计事件"]
    header, *rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert header == list(COLUMNS)
    assert [row[COLUMNS.index("sequence")] for row in rows] == list(range(1, 8))


async def test_the_http_export_needs_an_auditor_and_streams_json_lines(db: Database) -> None:
    await six_events(db)
    settings = test_settings()
    transport = httpx.ASGITransport(app=create_app(db, settings))

    def bearer(role: Role, tenant: str) -> dict[str, str]:
        token = mint_token(settings, user=f"{role.value}-1", tenant=tenant, roles=[role])
        return {"Authorization": f"Bearer {token}"}

    params = {"tenant": "310105", "format": "jsonl"}
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        anonymous = await client.get("/audit/export", params=params)
        caseworker = await client.get(
            "/audit/export", params=params, headers=bearer(Role.CASEWORKER, "310105")
        )
        outsider = await client.get(
            "/audit/export", params=params, headers=bearer(Role.AUDITOR, "140000")
        )
        auditor = await client.get(
            "/audit/export", params=params, headers=bearer(Role.AUDITOR, "310000")
        )
    assert (anonymous.status_code, caseworker.status_code, outsider.status_code) == (401, 403, 403)
    assert caseworker.json()["errors"][0]["code"] == "FORBIDDEN"
    assert auditor.status_code == 200
    assert auditor.headers["content-type"].startswith("application/jsonl")
    records = [json.loads(line) for line in auditor.text.splitlines()]
    # The six events, then the export's own record, written before the stream began.
    assert [r["action"] for r in records] == ["case.update"] * 6 + ["audit.export"]
    assert linked(records)


async def test_a_nul_byte_in_a_filter_is_a_400_and_invalid_utf8_no_500(db: Database) -> None:
    settings = test_settings()
    token = mint_token(settings, user="auditor-1", tenant="310000", roles=[Role.AUDITOR])
    transport = httpx.ASGITransport(app=create_app(db, settings), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:

        async def export(query: str) -> httpx.Response:
            return await client.get(
                f"/audit/export?tenant=310105&{query}",
                headers={"Authorization": f"Bearer {token}"},
            )

        nul = [await export(q) for q in ("actor=a%00b", "action=%00", "department=%00")]
        # A surrogate's UTF-8 form is not UTF-8: it arrives as U+FFFD and finds no event.
        surrogate = await export("action=%ED%A0%80")
    assert [a.status_code for a in nul] == [400, 400, 400]
    assert [a.json()["errors"][0]["code"] for a in nul] == ["INVALID_INPUT"] * 3
    assert surrogate.status_code == 200
