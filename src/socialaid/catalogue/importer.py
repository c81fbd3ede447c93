"""Importing the catalogue files: all or nothing; the same files twice change nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.catalogue.library import Library
from socialaid.catalogue.loader import CatalogueSources, TenantCatalogueFiles, document_of
from socialaid.catalogue.models import (
    CatalogueItem,
    CatalogueOverride,
    ContentRevision,
    LibraryEntry,
    TenantCatalogue,
)
from socialaid.catalogue.revision import notify_content_changed
from socialaid.catalogue.service import forget_content_revision
from socialaid.datafiles import DataFileError

LIBRARY_KINDS = (
    ("code_list", "code_lists"),
    ("repeat_group", "repeat_groups"),
    ("data_element", "data_elements"),
    ("evidence_type", "evidence_types"),
    ("target_group", "target_groups"),
)


async def bump_revision(session: AsyncSession) -> None:
    """Every cached answer about public reference data is stale after this commits."""
    stmt = insert(ContentRevision).values(id=1, revision=1)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=["id"], set_={"revision": ContentRevision.revision + 1}
        )
    )
    await notify_content_changed(session)
    forget_content_revision(session)


async def import_library(session: AsyncSession, library: Library) -> None:
    await session.execute(delete(LibraryEntry))
    rows: list[dict[str, Any]] = []
    for kind, attribute in LIBRARY_KINDS:
        for position, (key, entry) in enumerate(getattr(library, attribute).items()):
            rows.append(
                {
                    "kind": kind,
                    "key": key,
                    "position": position,
                    "document": entry.model_dump(mode="json"),
                }
            )
    if rows:
        await session.execute(insert(LibraryEntry).values(rows))


async def _import_items(session: AsyncSession, entry: TenantCatalogueFiles) -> None:
    for file, item in entry.items:
        document = document_of(item)
        existing = await session.get(CatalogueItem, (entry.code, item.code, item.version))
        if existing is not None:
            if existing.document == document:
                continue
            if existing.status != "draft":
                raise DataFileError(
                    file,
                    "version",
                    f"version {item.version} of {item.code} is {existing.status} and cannot change; give the change a new version",
                )
            await session.delete(existing)
            await session.flush()
        session.add(
            CatalogueItem(
                tenant_id=entry.code,
                code=item.code,
                version=item.version,
                parent_code=item.parent,
                name=item.name,
                department=item.department,
                mode=item.mode.value,
                status=item.status.value,
                effective_from=item.effective_from,
                effective_to=item.effective_to,
                document=document,
            )
        )


async def _import_overrides(session: AsyncSession, entry: TenantCatalogueFiles) -> None:
    for _file, override in entry.overrides:
        latest = (
            await session.execute(
                select(CatalogueOverride)
                .where(
                    col(CatalogueOverride.tenant_id) == entry.code,
                    col(CatalogueOverride.item_code) == override.item,
                )
                .order_by(col(CatalogueOverride.version).desc())
                .limit(1)
            )
        ).scalar_one_or_none()
        source = override.source.model_dump(mode="json", exclude_none=True)
        if (
            latest is not None
            and latest.patch == override.patch
            and latest.effective_from == override.effective_from
            and latest.source == source
        ):
            continue
        # Earlier versions stay: what applied on a past date can still be answered.
        session.add(
            CatalogueOverride(
                tenant_id=entry.code,
                item_code=override.item,
                version=(latest.version + 1) if latest else 1,
                status="published",
                effective_from=override.effective_from,
                patch=override.patch,
                source=source,
            )
        )


async def import_catalogue(session: AsyncSession, sources: CatalogueSources) -> None:
    """Import the library and every tenant's configuration, items and overrides."""
    await import_library(session, sources.library)
    for code, entry in sources.tenants.items():
        if entry.config is not None:
            stmt = insert(TenantCatalogue).values(
                tenant_id=code, document=entry.config.model_dump(mode="json")
            )
            await session.execute(
                stmt.on_conflict_do_update(
                    index_elements=["tenant_id"], set_={"document": stmt.excluded.document}
                )
            )
        await _import_items(session, entry)
        await _import_overrides(session, entry)
    await session.flush()
    await bump_revision(session)
