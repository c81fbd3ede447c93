from __future__ import annotations

import pytest

from socialaid.db.database import Database
from socialaid.seeding import load_seed_data


@pytest.fixture
async def seeded_db(db: Database) -> Database:
    """The test database with the seed catalogues imported."""
    await load_seed_data(db)
    return db
