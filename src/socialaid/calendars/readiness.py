"""What /readyz says about the working-day calendar: the root tenants whose published years run
out within 60 days (issue 19), so an operator sees it before deadlines turn provisional."""

from __future__ import annotations

import asyncio
import logging

from socialaid.calendars.service import running_out
from socialaid.clock import today_in_china
from socialaid.db.database import Database

log = logging.getLogger(__name__)


async def calendar_running_out(db: Database, *, within: float) -> list[dict[str, object]]:
    """The warnings, or none when the database does not answer within `within` seconds (the
    probe itself has just found the database up; a slow read must not make it fail)."""

    async def read() -> list[dict[str, object]]:
        async with db.owner_session() as session:
            return await running_out(session, today_in_china())

    try:
        return await asyncio.wait_for(read(), within)
    except Exception as error:  # a warning is optional; readiness is not
        log.warning("readiness: cannot read the working calendar: %s", type(error).__name__)
        return []
