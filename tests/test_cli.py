"""The command line, run in-process against the test database."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from socialaid.cli import app
from socialaid.db.database import Database
from tests.conftest import TEST_SECRET


@pytest.fixture
def cli_env(db: Database) -> dict[str, str]:
    url = db.owner_url.set(drivername="postgresql").render_as_string(hide_password=False)
    return {"DATABASE_URL": url, "SOCIALAID_SECRET": TEST_SECRET}


def test_tenants_import_reports_the_bad_file_and_exits_non_zero(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "tenant.yaml").write_text(
        "code: '31'\nname: 坏\nlevel: county\nsource: {document: t, section: t}\n"
    )
    result = CliRunner().invoke(app, ["tenants", "import", str(tmp_path)], env=cli_env)
    assert result.exit_code == 1
    assert "tenant.yaml: code:" in result.output


def test_tenants_import_of_the_seed_folder_succeeds(cli_env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["tenants", "import", "tenants"], env=cli_env)
    assert result.exit_code == 0, result.output
    assert "imported 8 tenants" in result.output


def test_export_schema_prints_the_sdl() -> None:
    result = CliRunner().invoke(app, ["export-schema"])
    assert result.exit_code == 0
    assert "tenant(code: String!): Tenant!" in result.output
