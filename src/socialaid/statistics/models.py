"""The rollups' tables (migration 0023, ADR 0034). Written only by the fold (fold.py) and the
marking triggers, read by the `statistics` query in SQL: no ORM class is needed, only the
tables for the schema's metadata."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Date, DateTime, Integer, Numeric, SmallInteger, String, Table, Text
from sqlalchemy import text as sql_text
from sqlalchemy.types import TypeEngine

from socialaid.db.base import SQLModel

# A rollup column: its name and type. A Column belongs to one table, so each table makes its own
# from these specs; every list below is written once and shared by the eight rollup tables.
_Spec = tuple[str, TypeEngine[Any]]

_STREET_AND_CHANNEL: tuple[_Spec, ...] = (("area", Text()), ("channel", String(20)))
# What a case row is broken down by besides time and place.
_CASE_BREAKDOWN: tuple[_Spec, ...] = (
    ("department", String(100)),
    ("item", String(100)),
    ("target_group", String(100)),
    ("outcome", String(20)),
    # −1: no decision; else working days from submission to decision (the histogram's bucket)
    ("working_days", SmallInteger()),
)
_APPLICATION_MEASURES: tuple[_Spec, ...] = tuple(
    (name, Integer()) for name in ("applications", "accepted", "rejected_at_door", "escalated")
)
_CASE_MEASURES: tuple[_Spec, ...] = (
    *(
        (name, Integer())
        for name in (
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
    ),
    ("amount_granted", Numeric(16, 2)),
)


def _rollup(
    name: str,
    grain: str,
    *,
    keys: tuple[_Spec, ...] = (),
    measures: tuple[_Spec, ...],
) -> Table:
    """A rollup table: keyed by tenant, the period's first day (`grain`: day or month) and
    `keys`; one non-null column per measure."""
    return Table(
        name,
        SQLModel.metadata,
        Column("tenant_id", String(6), primary_key=True),
        Column(grain, Date, primary_key=True),
        *(Column(column, kind, primary_key=True) for column, kind in keys),
        *(Column(column, kind, nullable=False) for column, kind in measures),
    )


# (tenant, China day of submission) whose rollup rows a write made stale.
statistics_dirty = Table(
    "statistics_dirty",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("marked_at", DateTime(timezone=True), nullable=False, server_default=sql_text("now()")),
)

statistics_application_day = _rollup(
    "statistics_application_day",
    "day",
    keys=_STREET_AND_CHANNEL,
    measures=_APPLICATION_MEASURES,
)
statistics_case_day = _rollup(
    "statistics_case_day",
    "day",
    keys=_STREET_AND_CHANNEL + _CASE_BREAKDOWN,
    measures=_CASE_MEASURES,
)

# Month grain, without street and channel (folded from the day rows; ADR 0034).
statistics_application_month = _rollup(
    "statistics_application_month", "month", measures=_APPLICATION_MEASURES
)
statistics_case_month = _rollup(
    "statistics_case_month", "month", keys=_CASE_BREAKDOWN, measures=_CASE_MEASURES
)

# The month rows of a tenant's whole subtree (its own and every descendant's), summed by the fold
# from the tenant's own month rows and its children's subtree rows: a city or province query
# reads its own summary instead of every county's rows (ADR 0034, amended by issue 23 part 4).
statistics_application_month_subtree = _rollup(
    "statistics_application_month_subtree", "month", measures=_APPLICATION_MEASURES
)
statistics_case_month_subtree = _rollup(
    "statistics_case_month_subtree", "month", keys=_CASE_BREAKDOWN, measures=_CASE_MEASURES
)

# The day rows of a tenant's whole subtree without street and channel (the fold keeps them as the
# month summaries): a city or province by day or week reads its own summary.
statistics_application_day_subtree = _rollup(
    "statistics_application_day_subtree", "day", measures=_APPLICATION_MEASURES
)
statistics_case_day_subtree = _rollup(
    "statistics_case_day_subtree", "day", keys=_CASE_BREAKDOWN, measures=_CASE_MEASURES
)

# Month rows keeping street and channel but no case dimension (issue 23, I23FAST): a county-year
# by street × channel reads 12 months × its streets × channels × working-day buckets instead of
# 365 days of every case key. Folded from the day rows with the other month rows.
statistics_application_month_street = _rollup(
    "statistics_application_month_street",
    "month",
    keys=_STREET_AND_CHANNEL,
    measures=_APPLICATION_MEASURES,
)
statistics_case_month_street = _rollup(
    "statistics_case_month_street",
    "month",
    keys=(*_STREET_AND_CHANNEL, ("working_days", SmallInteger())),
    measures=_CASE_MEASURES,
)

# A tenant's own month rows with every case dimension summed away but the working-day bucket (the
# histogram of the median and p90): a province-year by tenant reads 117 counties × 12 months ×
# buckets instead of 1.2 M month rows.
statistics_case_month_total = _rollup(
    "statistics_case_month_total",
    "month",
    keys=(("working_days", SmallInteger()),),
    measures=_CASE_MEASURES,
)

# A tenant's own month rows per department with the working-day bucket (issue 23): a
# province-year by tenant × department reads counties × months × departments × buckets instead
# of every county's month rows with all case keys.
statistics_case_month_department = _rollup(
    "statistics_case_month_department",
    "month",
    keys=(("department", String(100)), ("working_days", SmallInteger())),
    measures=_CASE_MEASURES,
)
