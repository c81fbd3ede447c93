"""Getting from settings to a migrated database: embedded server, database, app role, migrations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url

from socialaid.config import Settings
from socialaid.db import migrate
from socialaid.db.bootstrap import create_database, ensure_app_role
from socialaid.db.database import Timeouts, role_timeout_settings
from socialaid.db.embedded import EmbeddedPostgres
from socialaid.db.urls import with_database

EMBEDDED_DATABASE = "socialaid"


@dataclass
class Provisioned:
    owner_url: URL
    embedded: EmbeddedPostgres | None = None

    def close(self) -> None:
        if self.embedded is not None:
            self.embedded.stop()


async def provision(settings: Settings, *, migrate_schema: bool = True) -> Provisioned:
    """Start the embedded server if needed, create the role, run migrations."""
    if settings.database_url:
        provisioned = Provisioned(make_url(settings.database_url))
    else:
        embedded = EmbeddedPostgres(settings.data_dir)
        server_url = embedded.start()
        await create_database(server_url, EMBEDDED_DATABASE)
        provisioned = Provisioned(with_database(server_url, EMBEDDED_DATABASE), embedded)
    try:
        await ensure_app_role(
            provisioned.owner_url,
            settings.signing_key,
            role_timeout_settings(Timeouts.of(settings)),
        )
        if migrate_schema:
            await migrate.upgrade(provisioned.owner_url)
    except BaseException:
        provisioned.close()
        raise
    return provisioned
