"""audit: an event's time is taken with its chain head held

`now()` is the start of the writing transaction, so a transaction that started first but
appended second got an earlier time than the event before it in the chain. The writer now asks
`socialaid_audit_append_time(tenant)`, which takes the tenant's chain head and answers
clock_timestamp(), never earlier than the head's last event (`audit_chain_head.last_occurred_at`,
kept by the chain trigger).

The guard of 0009 refuses changes to the audit functions and tables; this migration pauses it
inside its own transaction (a superuser's privilege: where the guard is installed, a superuser
runs this migration).

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from socialaid.audit import ddl, ddl_0008, ddl_0010

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(ddl.ddl_guard_switch_sql(enable=False))
    op.add_column(
        "audit_chain_head",
        sa.Column("last_occurred_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.execute(
        "UPDATE audit_chain_head h SET last_occurred_at = ("
        "  SELECT max(e.occurred_at) FROM audit_event e"
        "  WHERE e.tenant_id = h.tenant_id AND e.sequence = h.last_sequence)"
    )
    op.execute(ddl.CREATE_LOCK_HEAD)
    # Only the owner's functions below call it.
    op.execute(f"REVOKE EXECUTE ON FUNCTION {ddl.LOCK_HEAD_FUNCTION}(text) FROM PUBLIC")
    # As they were then (0033 changed both).
    op.execute(ddl_0010.CREATE_APPEND_TIME)
    op.execute(ddl_0010.CREATE_CHAIN)
    op.execute(ddl.ddl_guard_switch_sql(enable=True))


def downgrade() -> None:
    op.execute(ddl.ddl_guard_switch_sql(enable=False))
    op.execute(ddl_0008.CREATE_CHAIN)
    op.execute(f"DROP FUNCTION {ddl.APPEND_TIME_FUNCTION}(text)")
    op.execute(f"DROP FUNCTION {ddl.LOCK_HEAD_FUNCTION}(text)")
    op.drop_column("audit_chain_head", "last_occurred_at")
    op.execute(ddl.ddl_guard_switch_sql(enable=True))
