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


class SchemaNotMigratedError(RuntimeError):
    """`--no-migrate` found a database whose schema is older than this release's."""


@dataclass
class Provisioned:
    owner_url: URL
    embedded: EmbeddedPostgres | None = None

    def close(self) -> None:
        if self.embedded is not None:
            self.embedded.stop()


async def provision(settings: Settings, *, migrate_schema: bool = True) -> Provisioned:
    """Start the embedded server if needed, create the role, run migrations.

    Without `migrate_schema` (replicas: one release job migrates, the servers only serve) it
    changes nothing in the database, not even the application role's password, and raises
    SchemaNotMigratedError unless the schema is at this release's head.
    """
    if settings.database_url:
        provisioned = Provisioned(make_url(settings.database_url))
    else:
        embedded = EmbeddedPostgres(settings.data_dir)
        server_url = embedded.start()
        await create_database(server_url, EMBEDDED_DATABASE)
        provisioned = Provisioned(with_database(server_url, EMBEDDED_DATABASE), embedded)
    try:
        if migrate_schema:
            # The release step also sets the app role's statement and idle timeouts as its
            # defaults in the database: PgBouncer does not pass them on at connect.
            await ensure_app_role(
                provisioned.owner_url,
                settings.signing_key,
                role_timeout_settings(Timeouts.of(settings)),
            )
            await migrate.upgrade(provisioned.owner_url)
        elif missing := await migrate.revisions_missing(provisioned.owner_url):
            raise SchemaNotMigratedError(
                f"数据库结构未升级到本版本（缺少迁移 {', '.join(missing)}）"
                " / the database schema is behind this release: run `socialaid db upgrade` first"
            )
    except BaseException:
        provisioned.close()
        raise
    return provisioned
