"""statistics rollups (issue 23): applications and cases counted per tenant, day and dimension,
refolded from the source rows for every (tenant, day) a write marked dirty (ADR 0034)

Revision ID: 0023
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls
from socialaid.statistics.rollup_sql import (
    CREATE_MARK_FUNCTIONS,
    CREATE_TRIGGERS,
    CREATE_WORKING_DAYS_FUNCTION,
    DROP_FUNCTIONS,
    DROP_TRIGGERS,
)

revision: str = "0023"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COUNTERS = (
    "cases",
    "applications",
    "escalated",
    "approved",
    "denied",
    "closed",
    "withdrawn",
    "pending",
    "overdue",
    "supplements_requested",
)


def _counter(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "statistics_dirty",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "marked_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.PrimaryKeyConstraint("tenant_id", "day", name=op.f("pk_statistics_dirty")),
    )
    enable_tenant_rls("statistics_dirty")
    op.create_table(
        "statistics_application_day",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("area", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        _counter("applications"),
        _counter("accepted"),
        _counter("rejected_at_door"),
        _counter("escalated"),
        sa.PrimaryKeyConstraint(
            "tenant_id", "day", "area", "channel", name=op.f("pk_statistics_application_day")
        ),
    )
    enable_tenant_rls("statistics_application_day")
    op.create_table(
        "statistics_case_day",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("area", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("item", sa.String(length=100), nullable=False),
        sa.Column("target_group", sa.String(length=100), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("working_days", sa.SmallInteger(), nullable=False),
        *[_counter(name) for name in _COUNTERS],
        sa.Column("amount_granted", sa.Numeric(16, 2), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id",
            "day",
            "area",
            "channel",
            "department",
            "item",
            "target_group",
            "outcome",
            "working_days",
            name=op.f("pk_statistics_case_day"),
        ),
    )
    enable_tenant_rls("statistics_case_day")
    # Month grain without street and channel, folded from the day rows: what a province-year
    # query reads for its whole months (ADR 0034).
    op.create_table(
        "statistics_application_month",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        _counter("applications"),
        _counter("accepted"),
        _counter("rejected_at_door"),
        _counter("escalated"),
        sa.PrimaryKeyConstraint("tenant_id", "month", name=op.f("pk_statistics_application_month")),
    )
    enable_tenant_rls("statistics_application_month")
    op.create_table(
        "statistics_case_month",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("item", sa.String(length=100), nullable=False),
        sa.Column("target_group", sa.String(length=100), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("working_days", sa.SmallInteger(), nullable=False),
        *[_counter(name) for name in _COUNTERS],
        sa.Column("amount_granted", sa.Numeric(16, 2), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id",
            "month",
            "department",
            "item",
            "target_group",
            "outcome",
            "working_days",
            name=op.f("pk_statistics_case_month"),
        ),
    )
    enable_tenant_rls("statistics_case_month")
    op.execute(CREATE_WORKING_DAYS_FUNCTION)
    for statement in CREATE_MARK_FUNCTIONS + CREATE_TRIGGERS:
        op.execute(statement)
    # Everything already stored is dirty once, so the first fold builds the rollups.
    op.execute(
        "INSERT INTO statistics_dirty (tenant_id, day)"
        " SELECT DISTINCT tenant_id, (submitted_at AT TIME ZONE 'Asia/Shanghai')::date"
        " FROM application"
    )


def downgrade() -> None:
    for statement in DROP_TRIGGERS + DROP_FUNCTIONS:
        op.execute(statement)
    for table in (
        "statistics_case_month",
        "statistics_application_month",
        "statistics_case_day",
        "statistics_application_day",
        "statistics_dirty",
    ):
        disable_tenant_rls(table)
        op.drop_table(table)
