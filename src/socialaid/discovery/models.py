"""The discovery tables: livelihood tags per resident, the changed set the job reads, and leads."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from socialaid.catalogue.files import TagKind
from socialaid.db.base import SQLModel
from socialaid.discovery.kinds import LeadState


def _one_of(column: str, values: list[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class LivelihoodTag(SQLModel, table=True):
    """One department's current word on one resident for one tag kind (民生体征标签, 003 三).

    The resident is the keyed hash of the ID number, as in the shared-data registry
    (forms/shared_records.py); only the last four characters are kept for people to read."""

    __tablename__ = "livelihood_tag"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        CheckConstraint(_one_of("kind", [k.value for k in TagKind]), name="kind"),
        # The holders of a kind in resident order: the discovery job's candidates (ADR 0039).
        Index("ix_livelihood_tag_kind", "tenant_id", "kind", "subject_key"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    subject_key: str = Field(sa_column=Column(String(64), primary_key=True))
    kind: str = Field(sa_column=Column(String(40), primary_key=True))
    subject_hint: str = Field(sa_column=Column(String(4), nullable=False))
    # The family as the pushing department knows it (a keyed hash of its 户号); none: the resident.
    household_key: str | None = Field(default=None, sa_column=Column(String(64)))
    area_path: str = Field(sa_column=Column(Text, nullable=False))
    facts: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    source_department: str = Field(sa_column=Column(String(100), nullable=False))
    valid_from: date | None = Field(default=None, sa_column=Column(Date))
    valid_to: date | None = Field(default=None, sa_column=Column(Date))
    pushed_by: str = Field(sa_column=Column(String(200), nullable=False))
    created_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    updated_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class DiscoveryPending(SQLModel, table=True):
    """The changed set: residents whose tags changed since the discovery job last looked. A push
    adds its resident; the job takes rows out in the transaction that evaluates them."""

    __tablename__ = "discovery_pending"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    subject_key: str = Field(sa_column=Column(String(64), primary_key=True))
    changed_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class Lead(SQLModel, table=True):
    """A family one of the tenant's discovery rules found in the tags: a 救助线索 for the
    community adviser of its area."""

    __tablename__ = "lead"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"]),
        CheckConstraint(_one_of("state", [s.value for s in LeadState]), name="state"),
        Index("ix_lead_listing", "tenant_id", "created_at", "id"),
        # The cool-off check: a family's leads under one rule.
        Index("ix_lead_family_rule", "tenant_id", "family_key", "rule_code"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    rule_code: str = Field(sa_column=Column(String(64), nullable=False))
    rule_version: int = Field(sa_column=Column(Integer, nullable=False))
    rule_tenant: str = Field(sa_column=Column(String(6), nullable=False))
    rule_name: str = Field(sa_column=Column(Text, nullable=False))
    subject_key: str = Field(sa_column=Column(String(64), nullable=False))
    subject_hint: str = Field(sa_column=Column(String(4), nullable=False))
    family_key: str = Field(sa_column=Column(String(64), nullable=False))
    area_path: str = Field(sa_column=Column(Text, nullable=False))
    suggested_items: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    # The tags the rule read when it fired: kind, facts, source department, last change.
    tags: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    source: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    state: str = Field(sa_column=Column(String(20), nullable=False))
    lock_version: int = Field(sa_column=Column(Integer, nullable=False))
    assigned_to: str | None = Field(default=None, sa_column=Column(String(200)))
    dismissed_reason: str | None = Field(default=None, sa_column=Column(Text))
    application_id: uuid.UUID | None = Field(default=None, sa_column=Column(Uuid))
    created_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    updated_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
