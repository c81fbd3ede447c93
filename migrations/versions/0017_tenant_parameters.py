"""tenant parameters as data (issue 21): the values tenant admins set for catalogue parameters,
dated and kept (a new value is a new row); public read like the catalogue they complete

No row is seeded: the only values the seeds state are in the catalogue files themselves
(`parameters[].value`, e.g. Changning's extremely_poor_minor_age_limit, 001 三（二）3), which a
tenant reads when no tenant on its chain has set one.

Revision ID: 0017
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0017"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tenant_parameter",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column(
            "set_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.tenant_id"],
            name=op.f("fk_tenant_parameter_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_tenant_parameter")),
    )
    op.create_index(
        "ix_tenant_parameter_tenant_key",
        "tenant_parameter",
        ["tenant_id", "key", "effective_from"],
        unique=False,
    )
    # Public read: a district's rules read its city's and province's values.
    enable_tenant_rls("tenant_parameter", public_read=True)


def downgrade() -> None:
    disable_tenant_rls("tenant_parameter")
    op.drop_index("ix_tenant_parameter_tenant_key", table_name="tenant_parameter")
    op.drop_table("tenant_parameter")
