"""The command line, run in-process against the test database."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from socialaid.cli import app
from socialaid.db.database import Database
from tests.catalogue.mini import copy_mini, edit
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
    # Described arguments print one a line: the field, its argument and its type, in order.
    tenant_field = result.output.index("  tenant(\n")
    assert result.output.index("    code: String!\n", tenant_field) < result.output.index(
        "  ): Tenant!\n", tenant_field
    )


def _validate(root: Path, command: str = "validate") -> list[str]:
    folders = ["--catalogue", str(root / "catalogue"), "--tenants", str(root / "tenants")]
    result = CliRunner().invoke(app, ["catalogue", command, *folders])
    assert result.exit_code == 1, result.output
    return [line for line in result.output.splitlines() if line.startswith("error: ")]


def test_catalogue_validate_of_the_seed_folders_passes_the_lint() -> None:
    result = CliRunner().invoke(app, ["catalogue", "validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")


def test_catalogue_validate_prints_each_lint_problem_with_its_file_and_path(
    tmp_path: Path,
) -> None:
    root = copy_mini(tmp_path)
    parent = root / "tenants/990000-parent/items"
    edit(
        parent / "study.yaml",
        "{items: [living], reason: 需先认定困难身份}",
        "{items: [study], reason: 自己}",
    )
    edit(
        parent / "living.yaml",
        "purpose: 识别申请人}",
        "purpose: 识别申请人, visible_when: {var: situation.unheard_of}}",
    )
    edit(
        root / "tenants/990100-child/items/funeral.yaml",
        "mode: organised\n",
        "mode: organised\neligibility: {var: params.no_such_parameter}\n",
    )
    errors = _validate(root)
    expected = [
        (
            "990000-parent/items/living.yaml: fields[0].visible_when: UNKNOWN_CONDITION_KEY",
            "unheard_of",
        ),
        (
            "990000-parent/items/study.yaml: requires_decision_of[0].items[0]: DEPENDENCY_CYCLE",
            "study",
        ),
        ("990100-child/items/funeral.yaml: eligibility: UNKNOWN_PARAMETER", "no_such_parameter"),
    ]
    assert len(errors) == len(expected), errors
    for where, what in expected:
        assert any(where in line and what in line for line in errors), (where, errors)
    # The import reads the files the same way: it refuses them before touching a database.
    assert _validate(root, "import") == errors


def test_a_problem_an_override_brings_is_reported_at_the_override_file(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    edit(
        root / "tenants/990100-child/overrides/living.yaml",
        "patch:\n",
        "patch:\n  requires_decision_of: [{items: [living], reason: 自己}]\n",
    )
    errors = _validate(root)
    assert len(errors) == 1, errors
    assert "990100-child/overrides/living.yaml: requires_decision_of[0].items[0]" in errors[0]
    assert "DEPENDENCY_CYCLE" in errors[0]
