"""re-verification of approved benefits and families' own change reports (issue 22): one row per
review (定期核查, 001 三（二）4) with its due date and outcome, and each 主动报告

Revision ID: 0020
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0020"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = "state IN ('unscheduled', 'scheduled', 'due')"
_KINDS = (
    "'submitted', 'accepted', 'rejected', 'supplement_requested', 'approved', 'denied',"
    " 'overdue', 'completed', 'lead_created'"
)
_EVENTS = (
    "'APPLICATION_SUBMITTED', 'APPLICATION_ACCEPTED', 'CASE_READY', 'CASE_DECIDED',"
    " 'CASE_SUPPLEMENT_REQUESTED', 'CASE_OVERDUE', 'LEAD_CREATED'"
)


def _checks(kinds: str, events: str) -> None:
    """The notification kinds and webhook events the outboxes accept (issue 22 adds the
    review's notifications and REVERIFICATION_DUE)."""
    op.drop_constraint(op.f("ck_notification_kind"), "notification", type_="check")
    op.create_check_constraint(op.f("ck_notification_kind"), "notification", f"kind IN ({kinds})")
    op.drop_constraint(
        op.f("ck_webhook_subscription_events_known"), "webhook_subscription", type_="check"
    )
    op.create_check_constraint(
        op.f("ck_webhook_subscription_events_known"),
        "webhook_subscription",
        f"events <@ ARRAY[{events}]::varchar[]",
    )


def upgrade() -> None:
    _checks(_KINDS + ", 'review_due', 'review_completed'", _EVENTS + ", 'REVERIFICATION_DUE'")
    op.create_table(
        "reverification",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("item_code", sa.String(length=100), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("area_path", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("trigger", sa.String(length=20), nullable=False),
        sa.Column("period_code", sa.String(length=100), nullable=True),
        sa.Column("period_months", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("amount", sa.Numeric(14, 2), nullable=True),
        sa.Column("taper", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=True),
        sa.Column("new_amount", sa.Numeric(14, 2), nullable=True),
        sa.Column("reasons", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("notice", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("completed_by", sa.String(length=200), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lock_version", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "state IN ('unscheduled', 'scheduled', 'due', 'completed')",
            name=op.f("ck_reverification_state"),
        ),
        sa.CheckConstraint(
            "trigger IN ('approval', 'review', 'self_report', 'taper')",
            name=op.f("ck_reverification_trigger"),
        ),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('continue', 'adjust', 'stop')",
            name=op.f("ck_reverification_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "case_id"],
            ["application_case.tenant_id", "application_case.id"],
            name=op.f("fk_reverification_tenant_id_application_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_reverification")),
    )
    op.create_index(
        "uq_reverification_open_case",
        "reverification",
        ["tenant_id", "case_id"],
        unique=True,
        postgresql_where=sa.text(_OPEN),
    )
    op.create_index(
        "ix_reverification_due", "reverification", ["tenant_id", "state", "due_on", "id"]
    )
    op.create_index(
        "ix_reverification_application", "reverification", ["tenant_id", "application_id"]
    )
    enable_tenant_rls("reverification")
    op.create_table(
        "household_change_report",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("monthly_income", sa.Numeric(14, 2), nullable=True),
        sa.Column("reported_by", sa.String(length=200), nullable=False),
        sa.Column(
            "reported_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('employment_started', 'income_changed', 'household_changed',"
            " 'assets_changed', 'other')",
            name=op.f("ck_household_change_report_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["application.tenant_id", "application.id"],
            name=op.f("fk_household_change_report_tenant_id_application"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_household_change_report")),
    )
    op.create_index(
        "ix_household_change_report_application",
        "household_change_report",
        ["tenant_id", "application_id"],
    )
    enable_tenant_rls("household_change_report")


def downgrade() -> None:
    _checks(_KINDS, _EVENTS)
    disable_tenant_rls("household_change_report")
    op.drop_index("ix_household_change_report_application", table_name="household_change_report")
    op.drop_table("household_change_report")
    disable_tenant_rls("reverification")
    op.drop_index("ix_reverification_application", table_name="reverification")
    op.drop_index("ix_reverification_due", table_name="reverification")
    op.drop_index("uq_reverification_open_case", table_name="reverification")
    op.drop_table("reverification")
