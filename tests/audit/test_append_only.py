"""Nobody edits the history: the app role lacks the privilege, the owner meets the guard trigger."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from socialaid.db.database import Database
from socialaid.db.rls import set_scope
from tests.audit.history import add_event

STATEMENTS = {
    "update": "UPDATE audit_event SET actor = 'someone-else' WHERE tenant_id = '310105'",
    "delete": "DELETE FROM audit_event WHERE tenant_id = '310105'",
}


@pytest.mark.parametrize("operation", sorted(STATEMENTS))
async def test_the_application_role_may_not_change_audit_events(
    db: Database, operation: str
) -> None:
    await add_event(db, tenant="310105")
    async with db.session() as session, session.begin():
        await set_scope(session, tenant_paths=["310000/310105"], user_id="intruder")
        with pytest.raises(DBAPIError, match="permission denied for table audit_event"):
            await session.execute(text(STATEMENTS[operation]))


@pytest.mark.parametrize(
    "statement",
    [*STATEMENTS.values(), "TRUNCATE audit_event"],
    ids=["update", "delete", "truncate"],
)
async def test_even_the_owner_is_refused_by_the_append_only_guard(
    db: Database, statement: str
) -> None:
    await add_event(db, tenant="310105")
    async with db.owner_session() as session, session.begin():
        with pytest.raises(DBAPIError, match="audit history is append-only"):
            await session.execute(text(statement))


async def test_the_application_role_may_not_move_a_chain_head(db: Database) -> None:
    await add_event(db, tenant="310105")
    async with db.session() as session, session.begin():
        await set_scope(session, tenant_paths=["310000/310105"], user_id="intruder")
        with pytest.raises(DBAPIError, match="permission denied for table audit_chain_head"):
            await session.execute(text("UPDATE audit_chain_head SET last_sequence = 0"))
