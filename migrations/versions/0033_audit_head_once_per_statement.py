"""audit: the chain head is written once per statement, not once per event (issue 22)

The chain trigger UPDATEd the tenant's head row for every event it appended; a statement
appending thousands (discovery's one INSERT … SELECT per range of leads) left as many versions of
that row until commit, and each next lock and update walked them. Each event is still chained as
before (same sequence, previous hash, hash and time); between the events of one statement the
running head lives in a transaction-local setting, and a statement trigger checks the appended
links against the locked head row and writes the row once per tenant (ADR 0039, amendment).

The guard of 0009 refuses changes to the audit functions and triggers; this migration pauses it
inside its own transaction, as 0010 does.

Revision ID: 0033
Revises: 0032
"""

from collections.abc import Sequence

from alembic import op

from socialaid.audit import ddl, ddl_0010

revision: str = "0033"
down_revision: str | None = "0032"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(ddl.ddl_guard_switch_sql(enable=False))
    op.execute(ddl.CREATE_HEAD)
    # Only the owner's functions call it, as the lock function.
    op.execute(f"REVOKE EXECUTE ON FUNCTION {ddl.HEAD_FUNCTION}(text) FROM PUBLIC")
    op.execute(ddl.CREATE_WRITE_HEADS)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {ddl.WRITE_HEADS_FUNCTION}() FROM PUBLIC")
    op.execute(ddl.CREATE_APPEND_TIME)
    op.execute(ddl.CREATE_CHAIN)
    op.execute(ddl.CREATE_HEAD_TRIGGER)
    op.execute(ddl.ddl_guard_switch_sql(enable=True))


def downgrade() -> None:
    op.execute(ddl.ddl_guard_switch_sql(enable=False))
    op.execute(f"DROP TRIGGER {ddl.HEAD_TRIGGER} ON audit_event")
    op.execute(ddl_0010.CREATE_CHAIN)
    op.execute(ddl_0010.CREATE_APPEND_TIME)
    op.execute(f"DROP FUNCTION {ddl.WRITE_HEADS_FUNCTION}()")
    op.execute(f"DROP FUNCTION {ddl.HEAD_FUNCTION}(text)")
    op.execute(ddl.ddl_guard_switch_sql(enable=True))
