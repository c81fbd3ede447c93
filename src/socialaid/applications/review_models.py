"""Re-verification (定期核查) of approved benefits and the changes families report themselves
(主动报告), issue 22. One `reverification` row per review of one approved case: the open one
(unscheduled, scheduled or due) and the completed ones before it, each with its outcome, so a
count of reviews by outcome is one GROUP BY (`review_queries.count_by_outcome`).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from socialaid.applications.review_schedule import (
    ChangeKind,
    ReviewOutcome,
    ReviewState,
    ReviewTrigger,
)
from socialaid.db.base import SQLModel


def _one_of(column: str, values: list[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


OPEN = "state IN ('unscheduled', 'scheduled', 'due')"


class Reverification(SQLModel, table=True):
    __tablename__ = "reverification"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "case_id"],
            ["application_case.tenant_id", "application_case.id"],
            ondelete="CASCADE",
        ),
        CheckConstraint(_one_of("state", [s.value for s in ReviewState]), name="state"),
        CheckConstraint(_one_of("trigger", [t.value for t in ReviewTrigger]), name="trigger"),
        CheckConstraint(
            "outcome IS NULL OR " + _one_of("outcome", [o.value for o in ReviewOutcome]),
            name="outcome",
        ),
        # At most one open review per benefit: the job and a self-report cannot open two.
        Index(
            "uq_reverification_open_case",
            "tenant_id",
            "case_id",
            unique=True,
            postgresql_where=text(OPEN),
        ),
        Index("ix_reverification_due", "tenant_id", "state", "due_on", "id"),
        Index("ix_reverification_application", "tenant_id", "application_id"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    application_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    case_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    item_code: str = Field(sa_column=Column(String(100), nullable=False))
    department: str = Field(sa_column=Column(String(100), nullable=False))
    owner: str = Field(sa_column=Column(String(200), nullable=False))  # the applicant's user id
    area_path: str | None = Field(default=None, sa_column=Column(Text))
    state: str = Field(sa_column=Column(String(20), nullable=False))
    trigger: str = Field(sa_column=Column(String(20), nullable=False))
    period_code: str | None = Field(default=None, sa_column=Column(String(100)))
    period_months: int | None = Field(default=None, sa_column=Column(Integer))
    due_on: date | None = Field(default=None, sa_column=Column(Date))  # China date
    opened_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    amount: Decimal | None = Field(default=None, sa_column=Column(Numeric(14, 2)))  # in force
    taper: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))
    outcome: str | None = Field(default=None, sa_column=Column(String(10)))
    new_amount: Decimal | None = Field(default=None, sa_column=Column(Numeric(14, 2)))
    reasons: list[str] = Field(sa_column=Column(JSONB, nullable=False))
    notice: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))
    completed_by: str | None = Field(default=None, sa_column=Column(String(200)))
    completed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    lock_version: int = Field(sa_column=Column(Integer, nullable=False))
    created_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class HouseholdChangeReport(SQLModel, table=True):
    """主动报告: a change in the family's members or economic situation, as reported."""

    __tablename__ = "household_change_report"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["application.tenant_id", "application.id"],
            ondelete="CASCADE",
        ),
        CheckConstraint(_one_of("kind", [k.value for k in ChangeKind]), name="kind"),
        Index("ix_household_change_report_application", "tenant_id", "application_id"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    application_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    kind: str = Field(sa_column=Column(String(30), nullable=False))
    occurred_on: date = Field(sa_column=Column(Date, nullable=False))
    description: str = Field(sa_column=Column(Text, nullable=False))
    monthly_income: Decimal | None = Field(default=None, sa_column=Column(Numeric(14, 2)))
    reported_by: str = Field(sa_column=Column(String(200), nullable=False))
    reported_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
