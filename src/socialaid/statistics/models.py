"""The rollups' tables (migration 0023, ADR 0034). Written only by the fold (fold.py) and the
marking triggers, read by the `statistics` query in SQL: no ORM class is needed, only the
tables for the schema's metadata."""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Integer, Numeric, SmallInteger, String, Table, Text
from sqlalchemy import text as sql_text

from socialaid.db.base import SQLModel

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


def _keys(*extra: Column[object]) -> list[Column[object]]:
    return [
        Column("tenant_id", String(6), primary_key=True),
        Column("day", Date, primary_key=True),
        Column("area", Text, primary_key=True),
        Column("channel", String(20), primary_key=True),
        *extra,
    ]


# (tenant, China day of submission) whose rollup rows a write made stale.
statistics_dirty = Table(
    "statistics_dirty",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("marked_at", DateTime(timezone=True), nullable=False, server_default=sql_text("now()")),
)

statistics_application_day = Table(
    "statistics_application_day",
    SQLModel.metadata,
    *_keys(),
    *(
        Column(name, Integer, nullable=False)
        for name in ("applications", "accepted", "rejected_at_door", "escalated")
    ),
)

statistics_case_day = Table(
    "statistics_case_day",
    SQLModel.metadata,
    *_keys(
        Column("department", String(100), primary_key=True),
        Column("item", String(100), primary_key=True),
        Column("target_group", String(100), primary_key=True),
        Column("outcome", String(20), primary_key=True),
        # −1: no decision; else working days from submission to decision (the histogram's bucket)
        Column("working_days", SmallInteger, primary_key=True),
    ),
    *(Column(name, Integer, nullable=False) for name in _COUNTERS),
    Column("amount_granted", Numeric(16, 2), nullable=False),
)


# Month grain, without street and channel (folded from the day rows; ADR 0034).
statistics_application_month = Table(
    "statistics_application_month",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("month", Date, primary_key=True),
    *(
        Column(name, Integer, nullable=False)
        for name in ("applications", "accepted", "rejected_at_door", "escalated")
    ),
)

statistics_case_month = Table(
    "statistics_case_month",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("month", Date, primary_key=True),
    Column("department", String(100), primary_key=True),
    Column("item", String(100), primary_key=True),
    Column("target_group", String(100), primary_key=True),
    Column("outcome", String(20), primary_key=True),
    Column("working_days", SmallInteger, primary_key=True),
    *(Column(name, Integer, nullable=False) for name in _COUNTERS),
    Column("amount_granted", Numeric(16, 2), nullable=False),
)


# The month rows of a tenant's whole subtree (its own and every descendant's), summed by the fold
# from the tenant's own month rows and its children's subtree rows: a city or province query
# reads its own summary instead of every county's rows (ADR 0034, amended by issue 23 part 4).
statistics_application_month_subtree = Table(
    "statistics_application_month_subtree",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("month", Date, primary_key=True),
    *(
        Column(name, Integer, nullable=False)
        for name in ("applications", "accepted", "rejected_at_door", "escalated")
    ),
)

statistics_case_month_subtree = Table(
    "statistics_case_month_subtree",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("month", Date, primary_key=True),
    Column("department", String(100), primary_key=True),
    Column("item", String(100), primary_key=True),
    Column("target_group", String(100), primary_key=True),
    Column("outcome", String(20), primary_key=True),
    Column("working_days", SmallInteger, primary_key=True),
    *(Column(name, Integer, nullable=False) for name in _COUNTERS),
    Column("amount_granted", Numeric(16, 2), nullable=False),
)

# The day rows of a tenant's whole subtree without street and channel (the fold keeps them as the
# month summaries): a city or province by day or week reads its own summary.
statistics_application_day_subtree = Table(
    "statistics_application_day_subtree",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("day", Date, primary_key=True),
    *(
        Column(name, Integer, nullable=False)
        for name in ("applications", "accepted", "rejected_at_door", "escalated")
    ),
)

statistics_case_day_subtree = Table(
    "statistics_case_day_subtree",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("department", String(100), primary_key=True),
    Column("item", String(100), primary_key=True),
    Column("target_group", String(100), primary_key=True),
    Column("outcome", String(20), primary_key=True),
    Column("working_days", SmallInteger, primary_key=True),
    *(Column(name, Integer, nullable=False) for name in _COUNTERS),
    Column("amount_granted", Numeric(16, 2), nullable=False),
)

# Month rows keeping street and channel but no case dimension (issue 23, I23FAST): a county-year
# by street × channel reads 12 months × its streets × channels × working-day buckets instead of
# 365 days of every case key. Folded from the day rows with the other month rows.
statistics_application_month_street = Table(
    "statistics_application_month_street",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("month", Date, primary_key=True),
    Column("area", Text, primary_key=True),
    Column("channel", String(20), primary_key=True),
    *(
        Column(name, Integer, nullable=False)
        for name in ("applications", "accepted", "rejected_at_door", "escalated")
    ),
)

statistics_case_month_street = Table(
    "statistics_case_month_street",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("month", Date, primary_key=True),
    Column("area", Text, primary_key=True),
    Column("channel", String(20), primary_key=True),
    Column("working_days", SmallInteger, primary_key=True),
    *(Column(name, Integer, nullable=False) for name in _COUNTERS),
    Column("amount_granted", Numeric(16, 2), nullable=False),
)

# A tenant's own month rows with every case dimension summed away but the working-day bucket (the
# histogram of the median and p90): a province-year by tenant reads 117 counties × 12 months ×
# buckets instead of 1.2 M month rows.
statistics_case_month_total = Table(
    "statistics_case_month_total",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("month", Date, primary_key=True),
    Column("working_days", SmallInteger, primary_key=True),
    *(Column(name, Integer, nullable=False) for name in _COUNTERS),
    Column("amount_granted", Numeric(16, 2), nullable=False),
)
