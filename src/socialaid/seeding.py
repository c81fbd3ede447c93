"""The seed data shipped with socialaid (socialaid.bundled_data), loaded into an empty database."""

from __future__ import annotations

from sqlalchemy import func, select

from socialaid.bundled_data import catalogue_dir, tenants_dir
from socialaid.catalogue.importer import import_catalogue
from socialaid.catalogue.loader import load_catalogue_sources
from socialaid.db.database import Database
from socialaid.tenancy.importer import import_tenants
from socialaid.tenancy.models import Tenant


async def load_seed_data(db: Database, *, catalogue: bool = True) -> None:
    """Import every seed file in one transaction (as the owner: imports precede row security)."""
    sources = load_catalogue_sources(catalogue_dir(), tenants_dir()) if catalogue else None
    async with db.owner_session() as session, session.begin():
        await import_tenants(session, tenants_dir())
        if sources is not None:
            await import_catalogue(session, sources)


async def load_seed_data_if_empty(db: Database) -> bool:
    async with db.owner_session() as session:
        count = await session.scalar(select(func.count()).select_from(Tenant))
    if count:
        return False
    await load_seed_data(db)
    return True
