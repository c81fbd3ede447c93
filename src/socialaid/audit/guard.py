"""The guard on the audit store's structure (ADR 0010): installing it where the role may, and
finding the guards that are missing.

Event triggers take a superuser to create. The embedded server's owner is one; a production
owner role usually is not, so the migration installs the guard when it can and says so when it
cannot, `socialaid audit guard-sql` prints the SQL for a superuser to run, and
`socialaid audit check` reports every guard that is missing.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.audit import ddl

log = logging.getLogger(__name__)


def install_ddl_guard(connection: Connection) -> bool:
    """Create the event triggers when the connected role is a superuser; False (and a warning)
    when it is not, which leaves everything else of the migration to go on."""
    if not connection.execute(text(ddl.IS_SUPERUSER_SQL)).scalar():
        log.warning(
            "the audit store's DDL guard was not installed: %s is not a superuser;"
            " have one run `socialaid audit guard-sql` (see docs/adr/0010)",
            connection.execute(text("SELECT current_user")).scalar(),
        )
        return False
    for statement in ddl.DDL_GUARD_STATEMENTS:
        connection.execute(text(statement))
    return True


def guard_sql() -> str:
    """The guard as one script a superuser runs against the database (replacing it if present)."""
    statements = (*ddl.DROP_DDL_GUARD_STATEMENTS, *ddl.DDL_GUARD_STATEMENTS)
    return "BEGIN;\n" + "".join(f"{s.strip()};\n" for s in statements) + "COMMIT;\n"


async def missing_guards(session: AsyncSession) -> list[str]:
    """Each guard of the audit store that is absent or disabled, by name."""
    return list((await session.execute(text(ddl.MISSING_GUARDS_SQL))).scalars())
