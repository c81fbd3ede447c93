"""Tenant files import all or nothing, idempotently, with errors naming file and path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from socialaid.bundled_data import tenants_dir
from socialaid.datafiles import DataFileError
from socialaid.db.database import Database
from socialaid.tenancy.importer import import_tenants, load_tenant_files
from socialaid.tenancy.models import Area, Department, Tenant


async def counts(db: Database) -> tuple[int, int, int]:
    async with db.session() as session:
        return (
            int(await session.scalar(select(func.count()).select_from(Tenant)) or 0),
            int(await session.scalar(select(func.count()).select_from(Department)) or 0),
            int(await session.scalar(select(func.count()).select_from(Area)) or 0),
        )


async def run_import(db: Database, root: Path) -> list[str]:
    async with db.owner_session() as session, session.begin():
        return await import_tenants(session, root)


def write_tenant(root: Path, folder: str, text: str) -> Path:
    (root / folder).mkdir(parents=True)
    file = root / folder / "tenant.yaml"
    file.write_text(text, encoding="utf-8")
    return file


NEW_COUNTY = """
code: '310106'
name: 静安区
level: county
parent: '310000'
source: {document: test, section: t}
departments:
- code: civil_affairs
  name: 区民政局
  source: {document: test, section: t}
"""


async def test_importing_the_seed_files_twice_changes_nothing(db: Database) -> None:
    before = await counts(db)
    await run_import(db, tenants_dir())
    assert await counts(db) == before
    assert before[0] == 8


async def test_a_bad_value_names_the_file_and_path_and_imports_nothing(
    db: Database, tmp_path: Path
) -> None:
    write_tenant(tmp_path, "a-good", NEW_COUNTY)
    bad = write_tenant(
        tmp_path,
        "b-bad",
        NEW_COUNTY.replace("310106", "310107").replace(
            "code: civil_affairs", "code: Civil Affairs"
        ),
    )
    before = await counts(db)
    with pytest.raises(DataFileError) as raised:
        await run_import(db, tmp_path)
    assert raised.value.file == str(bad)
    assert raised.value.path == "departments[0].code"
    assert await counts(db) == before


async def test_an_unknown_parent_rejects_the_whole_import(db: Database, tmp_path: Path) -> None:
    write_tenant(tmp_path, "a-good", NEW_COUNTY)
    write_tenant(
        tmp_path, "b-orphan", NEW_COUNTY.replace("310106", "310108").replace("'310000'", "'999900'")
    )
    before = await counts(db)
    with pytest.raises(DataFileError, match="parent tenant 999900"):
        await run_import(db, tmp_path)
    assert await counts(db) == before


async def test_a_child_tenant_can_be_imported_under_a_parent_already_in_the_database(
    db: Database, tmp_path: Path
) -> None:
    write_tenant(tmp_path, "jingan", NEW_COUNTY)
    assert await run_import(db, tmp_path) == ["310106"]
    async with db.session() as session:
        jingan = await session.get(Tenant, "310106")
    assert jingan is not None and jingan.path == "310000/310106"


async def test_reimporting_an_edited_file_updates_and_removes_departments(
    db: Database, tmp_path: Path
) -> None:
    shutil.copytree(tenants_dir() / "320200-wuxi", tmp_path / "320200-wuxi")
    write_tenant(tmp_path, "jingan", NEW_COUNTY)
    await run_import(db, tmp_path)
    (tmp_path / "jingan" / "tenant.yaml").write_text(
        NEW_COUNTY.split("departments:")[0] + "departments: []\n", encoding="utf-8"
    )
    await run_import(db, tmp_path)
    async with db.session() as session:
        remaining = await session.scalar(
            select(func.count()).select_from(Department).where(Department.tenant_id == "310106")  # type: ignore[arg-type]
        )
    assert remaining == 0


def test_an_area_must_lie_below_its_parent_area_level(tmp_path: Path) -> None:
    write_tenant(
        tmp_path,
        "x",
        NEW_COUNTY.replace(
            "departments:",
            "areas:\n- {code: x, name: 某街道, level: street, source: {document: t, section: t}, children: [{code: y, name: 某县, level: county, source: {document: t, section: t}}]}\ndepartments:",
        ),
    )
    with pytest.raises(DataFileError) as raised:
        load_tenant_files(tmp_path)
    assert raised.value.path == "areas[0].children[0].level"


def test_a_source_must_cite_a_known_seed_file(tmp_path: Path) -> None:
    write_tenant(
        tmp_path,
        "x",
        NEW_COUNTY.replace(
            "source: {document: test, section: t}\ndepartments",
            "source: {seed: nope.txt, section: t}\ndepartments",
            1,
        ),
    )
    with pytest.raises(DataFileError) as raised:
        load_tenant_files(tmp_path)
    assert raised.value.path == "source"
