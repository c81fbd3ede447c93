"""material uploads: files staged by applicants and clerks into the object store, verified on
completion, referenced by applications' materials and 补正 (issue 18)

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "material_upload",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("byte_size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("referenced_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("byte_size > 0", name=op.f("ck_material_upload_byte_size")),
        sa.CheckConstraint(
            "state IN ('pending', 'complete')", name=op.f("ck_material_upload_state")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.tenant_id"], name=op.f("fk_material_upload_tenant_id_tenant")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_material_upload")),
    )
    op.create_index(
        "ix_material_upload_unreferenced",
        "material_upload",
        ["created_at"],
        unique=False,
        postgresql_where=sa.text("referenced_at IS NULL"),
    )
    enable_tenant_rls("material_upload")


def downgrade() -> None:
    disable_tenant_rls("material_upload")
    op.drop_index(
        "ix_material_upload_unreferenced",
        table_name="material_upload",
        postgresql_where=sa.text("referenced_at IS NULL"),
    )
    op.drop_table("material_upload")
