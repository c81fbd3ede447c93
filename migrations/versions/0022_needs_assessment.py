"""needs assessments (issue 22): one assessment of a household's needs on the dimensions its
tenant's catalogue names (001 三（六）18), read by every department it concerns

Revision ID: 0022
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "needs_assessment",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_key", sa.String(length=80), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("area_path", sa.Text(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("supersedes", sa.Uuid(), nullable=True),
        sa.Column("scores", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("proposal", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("departments", postgresql.ARRAY(sa.String()), nullable=False),
        sa.Column("basis", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["application.tenant_id", "application.id"],
            name=op.f("fk_needs_assessment_tenant_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.tenant_id"], name=op.f("fk_needs_assessment_tenant_id_tenant")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_needs_assessment")),
    )
    op.create_index(
        "ix_needs_assessment_household",
        "needs_assessment",
        ["tenant_id", "household_key", "recorded_at"],
        unique=False,
    )
    enable_tenant_rls("needs_assessment")


def downgrade() -> None:
    disable_tenant_rls("needs_assessment")
    op.drop_index("ix_needs_assessment_household", table_name="needs_assessment")
    op.drop_table("needs_assessment")
