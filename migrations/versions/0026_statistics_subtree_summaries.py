"""statistics subtree summaries (issue 23 part 4): month rows, and day rows without street and
channel, summed over each tenant's subtree, so a city or province reads its own summary instead
of every county's rows (ADR 0034)

Revision ID: 0026
Revises: 0023
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0026"
down_revision: str | None = "0027"
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
    for grain in ("month", "day"):
        _create_summaries(grain)


def _create_summaries(grain: str) -> None:
    """The subtree summaries at `grain` (day grain without street and channel), and those of the
    periods already folded; from now on the fold keeps them."""
    op.create_table(
        f"statistics_application_{grain}_subtree",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column(grain, sa.Date(), nullable=False),
        *[_counter(name) for name in _APPLICATION_MEASURES],
        sa.PrimaryKeyConstraint(
            "tenant_id", grain, name=op.f(f"pk_statistics_application_{grain}_subtree")
        ),
    )
    enable_tenant_rls(f"statistics_application_{grain}_subtree")
    op.create_table(
        f"statistics_case_{grain}_subtree",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column(grain, sa.Date(), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("item", sa.String(length=100), nullable=False),
        sa.Column("target_group", sa.String(length=100), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("working_days", sa.SmallInteger(), nullable=False),
        *[_counter(name) for name in _COUNTERS],
        sa.Column("amount_granted", sa.Numeric(16, 2), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id",
            grain,
            "department",
            "item",
            "target_group",
            "outcome",
            "working_days",
            name=op.f(f"pk_statistics_case_{grain}_subtree"),
        ),
    )
    enable_tenant_rls(f"statistics_case_{grain}_subtree")
    applications = ", ".join(_APPLICATION_MEASURES)
    op.execute(
        f"INSERT INTO statistics_application_{grain}_subtree (tenant_id, {grain}, {applications})"
        f" SELECT a.tenant_id, o.{grain},"
        f" {', '.join(f'sum(o.{c})' for c in _APPLICATION_MEASURES)}"
        " FROM tenant a JOIN tenant d ON d.path = a.path OR d.path LIKE a.path || '/%'"
        f" JOIN statistics_application_{grain} o ON o.tenant_id = d.tenant_id GROUP BY 1, 2"
    )
    cases = ", ".join((*_COUNTERS, "amount_granted"))
    op.execute(
        f"INSERT INTO statistics_case_{grain}_subtree (tenant_id, {grain}, {_KEYS}, {cases})"
        f" SELECT a.tenant_id, o.{grain}, {_KEYS},"
        f" {', '.join(f'sum(o.{c})' for c in (*_COUNTERS, 'amount_granted'))}"
        " FROM tenant a JOIN tenant d ON d.path = a.path OR d.path LIKE a.path || '/%'"
        f" JOIN statistics_case_{grain} o ON o.tenant_id = d.tenant_id"
        " GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )


def downgrade() -> None:
    for table in (
        "statistics_case_day_subtree",
        "statistics_application_day_subtree",
        "statistics_case_month_subtree",
        "statistics_application_month_subtree",
    ):
        disable_tenant_rls(table)
        op.drop_table(table)
