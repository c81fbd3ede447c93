"""The fold (ADR 0034): recount, from the source rows, every (tenant, day) a write marked dirty.

Writes only mark (a trigger in the writer's transaction, rollup_sql.py); the fold runs in the
worker every minute and after a bulk load. Recounting a whole day instead of applying deltas keeps
the rollup exact whatever path changed a row, and makes a fold safe to repeat.
"""

from __future__ import annotations

from sqlalchemy import text

from socialaid.db.database import Database
from socialaid.db.rls import set_every_tenant_scope
from socialaid.statistics.rollup_sql import (
    CLAIM,
    COUNT_APPLICATIONS,
    COUNT_CASES,
    DEEPEST,
    FOLD_MONTHS,
    FOLD_SUBTREE_LEVEL,
    FORGET,
    TOUCH_ANCESTORS,
)

BATCH_DAYS = 500


async def fold_dirty_days(db: Database, *, batch: int = BATCH_DAYS) -> int:
    """Fold every dirty day, a batch per transaction; returns how many (tenant, day) were folded."""
    folded = 0
    while True:
        async with db.session() as session, session.begin():
            await set_every_tenant_scope(session)
            # One fold at a time: two folding days of one month would each recount the month
            # without the other's days.
            await session.execute(text("SELECT pg_advisory_xact_lock(hashtext('statistics.fold'))"))
            await session.execute(text(CLAIM[0]))
            await session.execute(text(CLAIM[1]), {"batch": batch})
            # Without statistics on the temporary table the planner guesses it large and scans
            # the whole rollup to delete a few days (a statement timeout at province scale).
            await session.execute(text("ANALYZE claimed"))
            claimed = (await session.execute(text("SELECT count(*) FROM claimed"))).scalar_one()
            if not claimed:
                return folded
            for statement in FORGET:
                await session.execute(text(statement))
            await session.execute(text(COUNT_APPLICATIONS))
            await session.execute(text(COUNT_CASES))
            for statement in FOLD_MONTHS:
                await session.execute(text(statement))
            # The claimed months of every ancestor's subtree summary, leaves first, so each
            # level sums children already recounted.
            for statement in TOUCH_ANCESTORS:
                await session.execute(text(statement))
            deepest = (await session.execute(text(DEEPEST))).scalar_one()
            for depth in range(int(deepest), 0, -1):
                for statement in FOLD_SUBTREE_LEVEL:
                    await session.execute(text(statement), {"depth": depth})
        folded += int(claimed)
