"""Export writes back what import read: files → database → files gives the same catalogue."""

from __future__ import annotations

from pathlib import Path

from socialaid.bundled_data import catalogue_dir, tenants_dir
from socialaid.catalogue.exporter import export_tenant, write_files
from socialaid.catalogue.files import ItemFile, OverrideFile, TenantCatalogueFile
from socialaid.catalogue.loader import load_catalogue_sources
from socialaid.datafiles import parse_file
from socialaid.db.database import Database
from tests.catalogue.mini import MINI, import_folder


def parsed_catalogue(folder: Path) -> dict[str, object]:
    """Every catalogue file under a tenant folder, parsed, keyed by its relative path."""
    models = {"items": ItemFile, "overrides": OverrideFile}
    out: dict[str, object] = {}
    for file in sorted(folder.rglob("*.yaml")):
        relative = file.relative_to(folder).as_posix()
        if relative == "catalogue.yaml":
            out[relative] = parse_file(file, TenantCatalogueFile)
        elif file.parent.name in models:
            out[relative] = parse_file(file, models[file.parent.name])
    return out


async def round_trip(db: Database, root: Path, tmp_path: Path) -> None:
    sources = load_catalogue_sources(root / "catalogue", root / "tenants")
    for code, entry in sources.tenants.items():
        async with db.owner_session() as session:
            files = await export_tenant(session, code)
        exported = tmp_path / code
        write_files(exported, files)
        assert parsed_catalogue(exported) == parsed_catalogue(entry.tenant.file.parent), code


async def test_exporting_the_fixture_catalogue_reproduces_its_files(
    db: Database, tmp_path: Path
) -> None:
    await import_folder(db, MINI)
    await round_trip(db, MINI, tmp_path)


async def test_exporting_the_seed_catalogues_reproduces_their_files(
    db: Database, tmp_path: Path
) -> None:
    root = tmp_path / "seed"
    root.mkdir()
    (root / "catalogue").symlink_to(catalogue_dir())
    (root / "tenants").symlink_to(tenants_dir())
    await import_folder(db, root)
    await round_trip(db, root, tmp_path / "out")
