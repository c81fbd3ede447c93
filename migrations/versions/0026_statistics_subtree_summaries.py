"""statistics subtree summaries (issue 23 part 4): month rows summed over each tenant's subtree,
so a city or province reads its own summary instead of every county's rows (ADR 0034)

Revision ID: 0026
Revises: 0023
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0026"
down_revision: str | None = "0023"
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
_KEYS = "department, item, target_group, outcome, working_days"
_APPLICATION_MEASURES = ("applications", "accepted", "rejected_at_door", "escalated")


def _counter(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "statistics_application_month_subtree",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        *[_counter(name) for name in _APPLICATION_MEASURES],
        sa.PrimaryKeyConstraint(
            "tenant_id", "month", name=op.f("pk_statistics_application_month_subtree")
        ),
    )
    enable_tenant_rls("statistics_application_month_subtree")
    op.create_table(
        "statistics_case_month_subtree",
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
            name=op.f("pk_statistics_case_month_subtree"),
        ),
    )
    enable_tenant_rls("statistics_case_month_subtree")
    # The summaries of the months already folded; from now on the fold keeps them.
    applications = ", ".join(_APPLICATION_MEASURES)
    op.execute(
        f"INSERT INTO statistics_application_month_subtree (tenant_id, month, {applications})"
        f" SELECT a.tenant_id, o.month, {', '.join(f'sum(o.{c})' for c in _APPLICATION_MEASURES)}"
        " FROM tenant a JOIN tenant d ON d.path = a.path OR d.path LIKE a.path || '/%'"
        " JOIN statistics_application_month o ON o.tenant_id = d.tenant_id GROUP BY 1, 2"
    )
    cases = ", ".join((*_COUNTERS, "amount_granted"))
    op.execute(
        f"INSERT INTO statistics_case_month_subtree (tenant_id, month, {_KEYS}, {cases})"
        f" SELECT a.tenant_id, o.month, {_KEYS},"
        f" {', '.join(f'sum(o.{c})' for c in (*_COUNTERS, 'amount_granted'))}"
        " FROM tenant a JOIN tenant d ON d.path = a.path OR d.path LIKE a.path || '/%'"
        " JOIN statistics_case_month o ON o.tenant_id = d.tenant_id GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )


def downgrade() -> None:
    for table in ("statistics_case_month_subtree", "statistics_application_month_subtree"):
        disable_tenant_rls(table)
        op.drop_table(table)
