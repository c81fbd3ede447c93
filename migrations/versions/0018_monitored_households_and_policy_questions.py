"""monitored households and tenants' policy Q&A entries (issue 21): families a classified recognition (分类审核认定) found in
none of its categories, placed under monitoring (纳入监测范围, 004 三（二）1)

Revision ID: 0018
Revises: 0017
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "monitored_household",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("item_code", sa.String(length=100), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("applicant_name", sa.Text(), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("person_key", sa.String(length=64), nullable=True),
        sa.Column("area_path", sa.Text(), nullable=True),
        sa.Column("household_size", sa.Integer(), nullable=True),
        sa.Column("checks", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("reasons", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("placed_by", sa.String(length=200), nullable=False),
        sa.Column(
            "placed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "case_id"],
            ["application_case.tenant_id", "application_case.id"],
            name=op.f("fk_monitored_household_tenant_id_application_case"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.tenant_id"],
            name=op.f("fk_monitored_household_tenant_id_tenant"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_monitored_household")),
        sa.UniqueConstraint(
            "tenant_id", "case_id", name=op.f("uq_monitored_household_tenant_id_case_id")
        ),
    )
    op.create_index(
        "ix_monitored_household_listing",
        "monitored_household",
        ["tenant_id", "placed_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_monitored_household_person",
        "monitored_household",
        ["tenant_id", "person_key"],
        unique=False,
    )
    enable_tenant_rls("monitored_household")
    op.create_table(
        "policy_question",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("code", sa.String(length=120), nullable=False),
        sa.Column("item_code", sa.String(length=100), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("source", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column(
            "set_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.tenant_id"], name=op.f("fk_policy_question_tenant_id_tenant")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "code", name=op.f("pk_policy_question")),
    )
    # Public read: a district's knowledge base reads its city's and province's entries.
    enable_tenant_rls("policy_question", public_read=True)


def downgrade() -> None:
    disable_tenant_rls("policy_question")
    op.drop_table("policy_question")
    disable_tenant_rls("monitored_household")
    op.drop_index("ix_monitored_household_person", table_name="monitored_household")
    op.drop_index("ix_monitored_household_listing", table_name="monitored_household")
    op.drop_table("monitored_household")
