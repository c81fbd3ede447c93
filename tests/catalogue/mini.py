"""A small two-tenant catalogue (990000 → 990100) for testing the mechanics without the seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

from socialaid.catalogue.importer import import_catalogue
from socialaid.catalogue.loader import load_catalogue_sources
from socialaid.db.database import Database
from socialaid.tenancy.importer import import_tenants

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


def copy_mini(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


async def import_folder(db: Database, root: Path) -> None:
    sources = load_catalogue_sources(root / "catalogue", root / "tenants")
    async with db.owner_session() as session, session.begin():
        await import_tenants(session, root / "tenants")
        await import_catalogue(session, sources)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
