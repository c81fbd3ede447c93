"""`working_calendar`: one row per root tenant and published year."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKeyConstraint,
    Integer,
    String,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from socialaid.calendars.working_calendar import Holiday, YearCalendar
from socialaid.db.base import SQLModel


class WorkingCalendarYear(SQLModel, table=True):
    """A year's statutory holidays and adjusted working days, as a province publishes them.

    `holidays` is a list of {"date": ISO, "name": 中文名}, `adjusted_workdays` a list of ISO dates;
    `source` says where the year came from (the package seed, or `published`).
    """

    __tablename__ = "working_calendar"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        CheckConstraint("year BETWEEN 1949 AND 2200", name="year"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    year: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    holidays: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    adjusted_workdays: list[str] = Field(sa_column=Column(JSONB, nullable=False))
    source: str = Field(sa_column=Column(String(200), nullable=False))
    published_by: str | None = Field(default=None, sa_column=Column(String(200)))
    published_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )

    def schedule(self) -> YearCalendar:
        return YearCalendar(
            self.year,
            tuple(Holiday(date.fromisoformat(h["date"]), h["name"]) for h in self.holidays),
            tuple(date.fromisoformat(d) for d in self.adjusted_workdays),
        )


def stored_values(schedule: YearCalendar) -> dict[str, Any]:
    """The JSON columns for `schedule`."""
    return {
        "holidays": [{"date": h.day.isoformat(), "name": h.name} for h in schedule.holidays],
        "adjusted_workdays": [d.isoformat() for d in schedule.adjusted_workdays],
    }
