"""statistics month rows per tenant × department (issue 23): a province-year grouped by tenant and
department reads 117 counties × 12 months × departments × working-day buckets instead of every
county's 1.2 M month rows with all case keys (ADR 0034)

Revision ID: 0032
Revises: 0030
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0032"
down_revision: str | None = "0030"
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


def upgrade() -> None:
    op.create_table(
        "statistics_case_month_department",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("working_days", sa.SmallInteger(), nullable=False),
        *[sa.Column(name, sa.Integer(), nullable=False) for name in _COUNTERS],
        sa.Column("amount_granted", sa.Numeric(16, 2), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id",
            "month",
            "department",
            "working_days",
            name=op.f("pk_statistics_case_month_department"),
        ),
    )
    enable_tenant_rls("statistics_case_month_department")
    # The months already folded; from now on the fold keeps them with the other month rows.
    cases = ", ".join((*_COUNTERS, "amount_granted"))
    sums = ", ".join(f"sum({c})" for c in (*_COUNTERS, "amount_granted"))
    op.execute(
        "INSERT INTO statistics_case_month_department"
        f" (tenant_id, month, department, working_days, {cases})"
        f" SELECT tenant_id, month, department, working_days, {sums}"
        " FROM statistics_case_month GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
    )
    # Without statistics until autovacuum gets to it, the planner took the 220,000 rows of a
    # province-year for 221 and sorted them on disk (420 ms instead of 150).
    op.execute("ANALYZE statistics_case_month_department")


def downgrade() -> None:
    disable_tenant_rls("statistics_case_month_department")
    op.drop_table("statistics_case_month_department")
