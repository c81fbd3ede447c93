"""reformEffect's per-application counts (migration 0027, ADR 0035). Written only by the fold
(fold.py) and the marking triggers (rollup_sql.py), read by `reform_effect` in SQL: tables for the
schema's metadata, no ORM classes."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, DateTime, Index, Integer, String, Table, Uuid
from sqlalchemy import text as sql_text

from socialaid.db.base import SQLModel

MEASURES = ("steps", "fields", "materials", "trips", "time")


def _key() -> list[Column[object]]:
    return [
        Column("tenant_id", String(6), primary_key=True),
        Column("application_id", Uuid, primary_key=True),
    ]


# Applications whose counts a write made stale (or which have none yet): the report counts them
# from their rows until the fold has counted them again.
reform_dirty = Table(
    "reform_dirty",
    SQLModel.metadata,
    *_key(),
    Column("marked_at", DateTime(timezone=True), nullable=False, server_default=sql_text("now()")),
    Index("ix_reform_dirty_marked_at", "marked_at"),  # the fold claims the oldest first
)

# One row per application: each measure item by item and merged (time null until every case is
# final and one decided).
reform_application = Table(
    "reform_application",
    SQLModel.metadata,
    *_key(),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    *(
        Column(f"{measure}_{side}", Integer, nullable=measure == "time")
        for measure in MEASURES
        for side in ("item_by_item", "merged")
    ),
    Index("ix_reform_application_period", "tenant_id", "submitted_at"),
)

# One row per decided case of an item applied for: its working days and its item's limits.
reform_case_time = Table(
    "reform_case_time",
    SQLModel.metadata,
    *_key(),
    Column("item", String(100), primary_key=True),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("working_days", Integer, nullable=False),
    Column("promised_working_days", Integer, nullable=True),
    Column("statutory_working_days", Integer, nullable=True),
    Index("ix_reform_case_time_period", "tenant_id", "submitted_at"),
)

# Issue 23 (I23FAST): the per-application counts summed per tenant and China-time month of
# submission, kept by the fold in the transaction that replaces the applications' rows, so a
# province month reads a row per tenant instead of every application.
reform_month = Table(
    "reform_month",
    SQLModel.metadata,
    Column("tenant_id", String(6), primary_key=True),
    Column("month", Date, primary_key=True),
    Column("applications", Integer, nullable=False),
    Column("timed", Integer, nullable=False),  # applications with a time (every case final)
    *(
        Column(f"{measure}_{side}", BigInteger, nullable=False)
        for measure in MEASURES
        for side in ("item_by_item", "merged")
    ),
)

# reform_case_time counted per tenant, month, item, working days and the item's limits (each
# item's histogram). Limits are null when the item sets none, so no primary key: the fold
# replaces a tenant-month's rows whole.
reform_case_time_month = Table(
    "reform_case_time_month",
    SQLModel.metadata,
    Column("tenant_id", String(6), nullable=False),
    Column("month", Date, nullable=False),
    Column("item", String(100), nullable=False),
    Column("working_days", Integer, nullable=False),
    Column("promised_working_days", Integer, nullable=True),
    Column("statutory_working_days", Integer, nullable=True),
    Column("cases", Integer, nullable=False),
    Index("ix_reform_case_time_month_period", "tenant_id", "month"),
)
