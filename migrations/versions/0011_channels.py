"""channels: an application may come by phone (003 四) or be filed by an organisation for its
member (000 一（十二）); the channel check constraint admits both

The audit store's DDL guard (0009) refuses this ALTER TABLE although `application` is not part of
the store: its test of "part of the store" is NULL, not false, for a table outside every partition
tree (pg_partition_root answers NULL there). So, like 0010, this migration pauses the guard inside
its own transaction where it is installed (the embedded server's owner is a superuser).

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op

from socialaid.audit import ddl

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("online", "window", "self_service", "hotline_12345", "adviser")
AFTER = (*BEFORE, "phone", "organisation")


def _channels(values: tuple[str, ...]) -> str:
    return "channel IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    op.execute(ddl.ddl_guard_switch_sql(enable=False))
    op.drop_constraint(op.f("ck_application_channel"), "application", type_="check")
    op.create_check_constraint(op.f("ck_application_channel"), "application", _channels(AFTER))
    op.execute(ddl.ddl_guard_switch_sql(enable=True))


def downgrade() -> None:
    # Applications that came by the new channels would break the older constraint: refuse.
    op.execute(
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM application WHERE channel IN ('phone',"
        " 'organisation')) THEN RAISE EXCEPTION 'applications by phone or filed by an"
        " organisation exist'; END IF; END $$"
    )
    op.execute(ddl.ddl_guard_switch_sql(enable=False))
    op.drop_constraint(op.f("ck_application_channel"), "application", type_="check")
    op.create_check_constraint(op.f("ck_application_channel"), "application", _channels(BEFORE))
    op.execute(ddl.ddl_guard_switch_sql(enable=True))
