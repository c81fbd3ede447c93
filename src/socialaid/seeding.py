"""The seed data shipped in the repository, loaded into an empty database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from socialaid.catalogue.importer import import_catalogue
from socialaid.catalogue.loader import load_catalogue_sources
from socialaid.db.database import Database
from socialaid.tenancy.importer import import_tenants
from socialaid.tenancy.models import Tenant

REPO_ROOT = Path(__file__).resolve().parents[2]
TENANTS_DIR = REPO_ROOT / "tenants"
CATALOGUE_DIR = REPO_ROOT / "catalogue"


async def load_seed_data(db: Database, *, catalogue: bool = True) -> None:
    """Import every seed file in one transaction (as the owner: imports precede row security)."""
    sources = load_catalogue_sources(CATALOGUE_DIR, TENANTS_DIR) if catalogue else None
    async with db.owner_session() as session, session.begin():
        await import_tenants(session, TENANTS_DIR)
        if sources is not None:
            await import_catalogue(session, sources)


async def load_seed_data_if_empty(db: Database) -> bool:
    async with db.owner_session() as session:
        count = await session.scalar(select(func.count()).select_from(Tenant))
    if count:
        return False
    await load_seed_data(db)
    return True
