"""The needs_assessment table: one assessment of one household, never changed; a revision is a
new row naming the one it supersedes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field

from socialaid.db.base import SQLModel


class NeedsAssessment(SQLModel, table=True):
    """A household's needs scored on its tenant's dimensions, with what it proposes and on
    which scheme version and parameter values that proposal rests."""

    __tablename__ = "needs_assessment"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"]),
        ForeignKeyConstraint(
            ["tenant_id", "application_id"], ["application.tenant_id", "application.id"]
        ),
        Index("ix_needs_assessment_household", "tenant_id", "household_key", "recorded_at"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    # The applicant's pseudonymous key where the application has one, else the application's
    # own: every application of one household finds the same assessment.
    household_key: str = Field(sa_column=Column(String(80), nullable=False))
    application_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    area_path: str | None = Field(default=None, sa_column=Column(Text))
    revision: int = Field(sa_column=Column(Integer, nullable=False))
    supersedes: uuid.UUID | None = Field(default=None, sa_column=Column(Uuid))
    scores: dict[str, float] = Field(sa_column=Column(JSONB, nullable=False))
    notes: str = Field(sa_column=Column(Text, nullable=False))
    # scoring.Proposal as JSON (needs/records.py), with the items' names.
    proposal: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    # The departments it refers the household to: with the household's cases' departments,
    # the department-scoped staff who may read it.
    departments: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    # The scheme's version and source, each parameter's value with where it came from.
    basis: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    recorded_by: str = Field(sa_column=Column(String(200), nullable=False))
    recorded_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
