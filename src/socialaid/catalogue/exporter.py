"""Writing what the database holds back to the file format, so API edits can be reviewed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.catalogue.files import OverrideFile, TenantCatalogueFile
from socialaid.catalogue.loader import CONFIG_FILE, ITEMS_DIR, OVERRIDES_DIR, file_dict_of
from socialaid.catalogue.models import CatalogueItem, CatalogueOverride, TenantCatalogue
from socialaid.datafiles import dump_yaml


async def export_tenant(session: AsyncSession, tenant: str) -> dict[str, str]:
    """The tenant's catalogue files as {relative path: text}: the latest version of each item."""
    files: dict[str, str] = {}
    config = await session.get(TenantCatalogue, tenant)
    if config is not None:
        data = TenantCatalogueFile.model_validate(config.document).model_dump(
            mode="json", exclude_defaults=True
        )
        files[CONFIG_FILE] = dump_yaml(data)
    latest: dict[str, CatalogueItem] = {}
    for row in (
        await session.execute(
            select(CatalogueItem)
            .where(col(CatalogueItem.tenant_id) == tenant)
            .order_by(col(CatalogueItem.version))
        )
    ).scalars():
        latest[row.code] = row
    for code, row in sorted(latest.items()):
        files[f"{ITEMS_DIR}/{code}.yaml"] = dump_yaml(file_dict_of(row.document))
    overrides: dict[str, CatalogueOverride] = {}
    for o in (
        await session.execute(
            select(CatalogueOverride)
            .where(col(CatalogueOverride.tenant_id) == tenant)
            .order_by(col(CatalogueOverride.version))
        )
    ).scalars():
        overrides[o.item_code] = o
    for code, o in sorted(overrides.items()):
        data_o: dict[str, Any] = OverrideFile.model_validate(
            {"item": code, "patch": o.patch, "effective_from": o.effective_from, "source": o.source}
        ).model_dump(mode="json", exclude_defaults=True)
        files[f"{OVERRIDES_DIR}/{code}.yaml"] = dump_yaml(data_o)
    return files


def write_files(folder: Path, files: dict[str, str]) -> list[Path]:
    written = []
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
