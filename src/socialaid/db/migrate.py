"""Running alembic migrations from code."""

from __future__ import annotations

import asyncio

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import URL

from socialaid.bundled_data import migrations_dir
from socialaid.db.urls import async_url


def alembic_config(owner_url: str | URL) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["url"] = async_url(owner_url).render_as_string(hide_password=False)
    return config


async def upgrade(owner_url: str | URL, revision: str = "heads") -> None:
    """Upgrade in a worker thread: alembic's async env runs its own event loop."""
    await asyncio.to_thread(command.upgrade, alembic_config(owner_url), revision)


async def check(owner_url: str | URL) -> None:
    """Raise when the models and the migrated schema differ (`alembic check`)."""
    await asyncio.to_thread(command.check, alembic_config(owner_url))
