"""audit: the store's structure is guarded

Each partition gets its own TRUNCATE guard (a statement trigger on the parent does not fire for
a TRUNCATE of one partition, and is not cloned to partitions), new partitions get theirs as the
partition function creates them, and event triggers refuse DETACH, DROP and the other DDL that
would let the owner get round the row triggers (installed when the migrating role is a
superuser; see docs/adr/0010 otherwise).

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

from alembic import op

from socialaid.audit import ddl, ddl_0008
from socialaid.audit.guard import install_ddl_guard

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(ddl.CREATE_ENSURE)
    op.execute(ddl.GUARD_EXISTING_PARTITIONS)
    install_ddl_guard(op.get_bind())


def downgrade() -> None:
    # A superuser's step when the guard is installed (only its owner may drop an event trigger).
    for statement in ddl.DROP_DDL_GUARD_STATEMENTS:
        op.execute(statement)
    op.execute(
        f"""
DO $$
DECLARE
  partition regclass;
BEGIN
  FOR partition IN SELECT inhrelid::regclass FROM pg_inherits
                   WHERE inhparent = 'public.audit_event'::regclass LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS {ddl.TRUNCATE_TRIGGER} ON %s', partition);
  END LOOP;
END $$
"""
    )
    op.execute(ddl_0008.CREATE_ENSURE)
