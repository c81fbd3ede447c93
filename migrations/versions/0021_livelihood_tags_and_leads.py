"""livelihood tags, the discovery changed set and leads (issue 22, 政策找人): tags departments push
per resident (003 三), the residents whose tags changed since the discovery job last ran, and the
leads its rules raise for community advisers; adviser notifications in the outbox

Revision ID: 0021
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0021"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TAG_KINDS = (
    "'age', 'health', 'employment', 'disability', 'family_situation', 'large_medical_bills',"
    " 'disaster'"
)
_NOTIFICATION_KINDS = (
    "'submitted', 'accepted', 'rejected', 'supplement_requested', 'approved', 'denied',"
    " 'overdue', 'completed'"
)


def upgrade() -> None:
    op.create_table(
        "livelihood_tag",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("subject_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject_hint", sa.String(length=4), nullable=False),
        sa.Column("household_key", sa.String(length=64), nullable=True),
        sa.Column("area_path", sa.Text(), nullable=False),
        sa.Column("facts", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("source_department", sa.String(length=100), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("pushed_by", sa.String(length=200), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(f"kind IN ({_TAG_KINDS})", name=op.f("ck_livelihood_tag_kind")),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.tenant_id"],
            name=op.f("fk_livelihood_tag_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "subject_key", "kind", name=op.f("pk_livelihood_tag")),
    )
    enable_tenant_rls("livelihood_tag")
    op.create_table(
        "discovery_pending",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("subject_key", sa.String(length=64), nullable=False),
        sa.Column(
            "changed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.tenant_id"],
            name=op.f("fk_discovery_pending_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "subject_key", name=op.f("pk_discovery_pending")),
    )
    enable_tenant_rls("discovery_pending")
    op.create_table(
        "lead",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("rule_code", sa.String(length=64), nullable=False),
        sa.Column("rule_version", sa.Integer(), nullable=False),
        sa.Column("rule_tenant", sa.String(length=6), nullable=False),
        sa.Column("rule_name", sa.Text(), nullable=False),
        sa.Column("subject_key", sa.String(length=64), nullable=False),
        sa.Column("subject_hint", sa.String(length=4), nullable=False),
        sa.Column("family_key", sa.String(length=64), nullable=False),
        sa.Column("area_path", sa.Text(), nullable=False),
        sa.Column("suggested_items", postgresql.ARRAY(sa.String()), nullable=False),
        sa.Column("tags", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("source", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("lock_version", sa.Integer(), nullable=False),
        sa.Column("assigned_to", sa.String(length=200), nullable=True),
        sa.Column("dismissed_reason", sa.Text(), nullable=True),
        sa.Column("application_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "state IN ('open', 'assigned', 'dismissed', 'converted')",
            name=op.f("ck_lead_state"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.tenant_id"], name=op.f("fk_lead_tenant_id_tenant")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_lead")),
    )
    op.create_index("ix_lead_listing", "lead", ["tenant_id", "created_at", "id"], unique=False)
    op.create_index(
        "ix_lead_family_rule", "lead", ["tenant_id", "family_key", "rule_code"], unique=False
    )
    enable_tenant_rls("lead")
    # The discovery job asks whether a resident already applied (a batch of person keys).
    op.create_index(
        "ix_application_person", "application", ["tenant_id", "person_key"], unique=False
    )
    # An adviser's notification is about a lead, not an application.
    op.alter_column("notification", "application_id", existing_type=sa.Uuid(), nullable=True)
    op.add_column("notification", sa.Column("lead_id", sa.Uuid(), nullable=True))
    op.drop_constraint(op.f("ck_notification_kind"), "notification", type_="check")
    op.create_check_constraint(
        op.f("ck_notification_kind"),
        "notification",
        f"kind IN ({_NOTIFICATION_KINDS}, 'lead_created')",
    )
    op.create_check_constraint(
        op.f("ck_notification_subject"),
        "notification",
        "application_id IS NOT NULL OR lead_id IS NOT NULL",
    )


def downgrade() -> None:
    op.execute("DELETE FROM notification WHERE application_id IS NULL")
    op.drop_constraint(op.f("ck_notification_subject"), "notification", type_="check")
    op.drop_constraint(op.f("ck_notification_kind"), "notification", type_="check")
    op.create_check_constraint(
        op.f("ck_notification_kind"), "notification", f"kind IN ({_NOTIFICATION_KINDS})"
    )
    op.drop_column("notification", "lead_id")
    op.alter_column("notification", "application_id", existing_type=sa.Uuid(), nullable=False)
    op.drop_index("ix_application_person", table_name="application")
    disable_tenant_rls("lead")
    op.drop_index("ix_lead_family_rule", table_name="lead")
    op.drop_index("ix_lead_listing", table_name="lead")
    op.drop_table("lead")
    disable_tenant_rls("discovery_pending")
    op.drop_table("discovery_pending")
    disable_tenant_rls("livelihood_tag")
    op.drop_table("livelihood_tag")
