"""The monitored_household table: one family placed under monitoring by one decision."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from socialaid.db.base import SQLModel


class MonitoredHousehold(SQLModel, table=True):
    """A family a classified recognition (分类审核认定) placed under monitoring: who, where, by
    which case and why, so that later discovery can find it again."""

    __tablename__ = "monitored_household"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"]),
        ForeignKeyConstraint(
            ["tenant_id", "case_id"], ["application_case.tenant_id", "application_case.id"]
        ),
        UniqueConstraint("tenant_id", "case_id"),
        Index("ix_monitored_household_listing", "tenant_id", "placed_at", "id"),
        Index("ix_monitored_household_person", "tenant_id", "person_key"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    application_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    case_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    item_code: str = Field(sa_column=Column(String(100), nullable=False))
    department: str = Field(sa_column=Column(String(100), nullable=False))
    applicant_name: str = Field(sa_column=Column(Text, nullable=False))
    id_number: str | None = Field(default=None, sa_column=Column(String(18)))
    # The applicant's pseudonymous key (as on the application), for discovery across tenants.
    person_key: str | None = Field(default=None, sa_column=Column(String(64)))
    area_path: str | None = Field(default=None, sa_column=Column(Text))
    household_size: int | None = Field(default=None, sa_column=Column(Integer))
    # Each category's check as the office saw it: target group, outcome, reason in words.
    checks: list[dict[str, str]] = Field(sa_column=Column(JSONB, nullable=False))
    reasons: list[str] = Field(sa_column=Column(JSONB, nullable=False))
    placed_by: str = Field(sa_column=Column(String(200), nullable=False))
    placed_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
