"""reformEffect's per-application counts (migration 0027, ADR 0035). Written only by the fold
(fold.py) and the marking triggers (rollup_sql.py), read by `reform_effect` in SQL: tables for the
schema's metadata, no ORM classes."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table, Uuid
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
