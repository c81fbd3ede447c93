"""channels: an application may come by phone (003 四) or be filed by an organisation for its
member (000 一（十二）); the channel check constraint admits both

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("online", "window", "self_service", "hotline_12345", "adviser")
AFTER = (*BEFORE, "phone", "organisation")


def _channels(values: tuple[str, ...]) -> str:
    return "channel IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    op.drop_constraint(op.f("ck_application_channel"), "application", type_="check")
    op.create_check_constraint(op.f("ck_application_channel"), "application", _channels(AFTER))


def downgrade() -> None:
    # Applications that came by the new channels would break the older constraint: refuse.
    op.execute(
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM application WHERE channel IN ('phone',"
        " 'organisation')) THEN RAISE EXCEPTION 'applications by phone or filed by an"
        " organisation exist'; END IF; END $$"
    )
    op.drop_constraint(op.f("ck_application_channel"), "application", type_="check")
    op.create_check_constraint(op.f("ck_application_channel"), "application", _channels(BEFORE))
