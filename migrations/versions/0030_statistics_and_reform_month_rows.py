"""statistics month rollups for the shapes that need each tenant's own rows (issue 23, I23FAST):
per month with street and channel (no case dimension), and per month with only the working-day
bucket, so a county-year by street × channel and a province-year by tenant read hundreds or tens
of thousands of rows instead of 55 k day rows or 1.2 M month rows (ADR 0034); and reformEffect's
per-application counts summed per tenant and month (ADR 0035)

Revision ID: 0030
Revises: 0028
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from socialaid.db.rls import disable_tenant_rls, enable_tenant_rls

revision: str = "0030"
down_revision: str | None = "0028"
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
_APPLICATION_MEASURES = ("applications", "accepted", "rejected_at_door", "escalated")
_MONTH = "date_trunc('month', day)::date"


def _counter(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=False)


def _case_measures() -> list[sa.Column[object]]:
    return [
        sa.Column("working_days", sa.SmallInteger(), nullable=False),
        *[_counter(name) for name in _COUNTERS],
        sa.Column("amount_granted", sa.Numeric(16, 2), nullable=False),
    ]


def _street() -> list[sa.Column[object]]:
    return [
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("area", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "statistics_application_month_street",
        *_street(),
        *[_counter(name) for name in _APPLICATION_MEASURES],
        sa.PrimaryKeyConstraint(
            "tenant_id",
            "month",
            "area",
            "channel",
            name=op.f("pk_statistics_application_month_street"),
        ),
    )
    op.create_table(
        "statistics_case_month_street",
        *_street(),
        *_case_measures(),
        sa.PrimaryKeyConstraint(
            "tenant_id",
            "month",
            "area",
            "channel",
            "working_days",
            name=op.f("pk_statistics_case_month_street"),
        ),
    )
    op.create_table(
        "statistics_case_month_total",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        *_case_measures(),
        sa.PrimaryKeyConstraint(
            "tenant_id", "month", "working_days", name=op.f("pk_statistics_case_month_total")
        ),
    )
    for table in (
        "statistics_application_month_street",
        "statistics_case_month_street",
        "statistics_case_month_total",
    ):
        enable_tenant_rls(table)
    # The months already folded; from now on the fold keeps them with the other month rows. In
    # key order, as the fold writes them (a tenant-month at a time): a county's rows stay on a
    # few pages instead of one row per page.
    applications = ", ".join(_APPLICATION_MEASURES)
    op.execute(
        "INSERT INTO statistics_application_month_street"
        f" (tenant_id, month, area, channel, {applications})"
        f" SELECT tenant_id, {_MONTH}, area, channel,"
        f" {', '.join(f'sum({c})' for c in _APPLICATION_MEASURES)}"
        " FROM statistics_application_day GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
    )
    cases = ", ".join((*_COUNTERS, "amount_granted"))
    sums = ", ".join(f"sum({c})" for c in (*_COUNTERS, "amount_granted"))
    op.execute(
        "INSERT INTO statistics_case_month_street"
        f" (tenant_id, month, area, channel, working_days, {cases})"
        f" SELECT tenant_id, {_MONTH}, area, channel, working_days, {sums}"
        " FROM statistics_case_day GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
    )
    op.execute(
        f"INSERT INTO statistics_case_month_total (tenant_id, month, working_days, {cases})"
        f" SELECT tenant_id, month, working_days, {sums}"
        " FROM statistics_case_month GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    )
    _reform_months()


_REFORM_MEASURES = ("steps", "fields", "materials", "trips", "time")
# The China-time month of an application's submission.
_SUBMITTED_MONTH = "date_trunc('month', submitted_at AT TIME ZONE 'Asia/Shanghai')::date"


def _reform_months() -> None:
    """reformEffect's counts per tenant and month, and those of the applications already folded;
    from now on the reform fold keeps them."""
    sums = [f"{m}_{side}" for m in _REFORM_MEASURES for side in ("item_by_item", "merged")]
    op.create_table(
        "reform_month",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("applications", sa.Integer(), nullable=False),
        sa.Column("timed", sa.Integer(), nullable=False),
        *[sa.Column(name, sa.BigInteger(), nullable=False) for name in sums],
        sa.PrimaryKeyConstraint("tenant_id", "month", name=op.f("pk_reform_month")),
    )
    op.create_table(
        "reform_case_time_month",
        sa.Column("tenant_id", sa.String(length=6), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("item", sa.String(length=100), nullable=False),
        sa.Column("working_days", sa.Integer(), nullable=False),
        sa.Column("promised_working_days", sa.Integer(), nullable=True),
        sa.Column("statutory_working_days", sa.Integer(), nullable=True),
        sa.Column("cases", sa.Integer(), nullable=False),
    )
    op.create_index(
        "ix_reform_case_time_month_period", "reform_case_time_month", ["tenant_id", "month"]
    )
    # The fold claims the oldest marks first: without an index each batch of 1,000 sorted every
    # mark (3 s a batch with 300,000 marked after a bulk load).
    op.create_index("ix_reform_dirty_marked_at", "reform_dirty", ["marked_at"])
    enable_tenant_rls("reform_month")
    enable_tenant_rls("reform_case_time_month")
    op.execute(
        f"INSERT INTO reform_month (tenant_id, month, applications, timed, {', '.join(sums)})"
        f" SELECT tenant_id, {_SUBMITTED_MONTH}, count(*), count(time_item_by_item),"
        f" {', '.join(f'coalesce(sum({c}), 0)' for c in sums)}"
        " FROM reform_application GROUP BY 1, 2"
    )
    op.execute(
        "INSERT INTO reform_case_time_month (tenant_id, month, item, working_days,"
        " promised_working_days, statutory_working_days, cases)"
        f" SELECT tenant_id, {_SUBMITTED_MONTH}, item, working_days, promised_working_days,"
        " statutory_working_days, count(*) FROM reform_case_time GROUP BY 1, 2, 3, 4, 5, 6"
    )


def downgrade() -> None:
    op.drop_index("ix_reform_dirty_marked_at", table_name="reform_dirty")
    for table in ("reform_case_time_month", "reform_month"):
        disable_tenant_rls(table)
        op.drop_table(table)
    for table in (
        "statistics_case_month_total",
        "statistics_case_month_street",
        "statistics_application_month_street",
    ):
        disable_tenant_rls(table)
        op.drop_table(table)
