"""The seed data shipped with socialaid (socialaid.bundled_data), loaded into an empty database."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.bundled_data import catalogue_dir, tenants_dir
from socialaid.calendars.service import seed_root_calendars
from socialaid.catalogue.importer import import_catalogue
from socialaid.catalogue.loader import load_catalogue_sources
from socialaid.db.database import Database
from socialaid.tenancy.importer import import_tenants
from socialaid.tenancy.models import Tenant

# An arbitrary key of this project's own for PostgreSQL's advisory locks ("socialsd" in ASCII);
# migrations/env.py holds another.
SEEDING_LOCK = 0x736F6369616C7364


async def load_seed_data(db: Database, *, catalogue: bool = True) -> None:
    """Import every seed file in one transaction (as the owner: imports precede row security)."""
    async with db.owner_session() as session, session.begin():
        await _import_seed_files(session, catalogue=catalogue)


async def load_seed_data_if_empty(db: Database) -> bool:
    """Load the seed data into a database without tenants; False when it has some.

    Replicas starting together on one new database: the lock makes the second wait for the
    first's import and then find the tenants there, instead of importing them a second time.
    """
    async with db.owner_session() as session, session.begin():
        await session.execute(text(f"SELECT pg_advisory_xact_lock({SEEDING_LOCK})"))
        if await session.scalar(select(func.count()).select_from(Tenant)):
            return False
        await _import_seed_files(session, catalogue=True)
    return True


async def _import_seed_files(session: AsyncSession, *, catalogue: bool) -> None:
    sources = load_catalogue_sources(catalogue_dir(), tenants_dir()) if catalogue else None
    await import_tenants(session, tenants_dir())
    await seed_root_calendars(session)
    if sources is not None:
        await import_catalogue(session, sources)
