"""Applications, their cases, their timeline events and tenants' emergency periods.

Every table carries tenant_id in its primary key and in every foreign and unique key. Rows that
change state carry `lock_version`: a write names the version it read, so two people acting on one
row at once cannot both succeed (the loser gets CONFLICT).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Enum,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field

from socialaid.applications.records import (
    DecisionRecord,
    ItemRefRecord,
    MaterialRecord,
    NoticeRecord,
    Received,
    SupplementRecord,
    TriageRecord,
)
from socialaid.applications.states import ApplicationState, CaseState
from socialaid.catalogue.files import Channel
from socialaid.db.base import SQLModel
from socialaid.db.json_record import JsonRecord


def _one_of(column: str, values: list[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _state(states: type[StrEnum], length: int) -> Column[Any]:
    """A state column: VARCHAR(length) as before (the CHECK constraint lists the values), read
    and written as members of `states`."""
    return Column(
        Enum(
            states,
            native_enum=False,
            length=length,
            values_callable=lambda members: [m.value for m in members],
            validate_strings=True,
        ),
        nullable=False,
    )


CHANNELS = [c.value for c in Channel]


class Application(SQLModel, table=True):
    """One submission: the form it was filled against, the answers and each material's status."""

    __tablename__ = "application"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"]),
        # A key is the submitter's: two clients that pick the same key do not collide.
        UniqueConstraint("tenant_id", "submitted_by", "idempotency_key"),
        CheckConstraint(_one_of("state", [s.value for s in ApplicationState]), name="state"),
        CheckConstraint(_one_of("channel", CHANNELS), name="channel"),
        Index("ix_application_listing", "tenant_id", "submitted_at", "id"),
        Index("ix_application_owner", "tenant_id", "owner"),
        # Newest first across tenants: a city's or province's listing keeps its own (0019).
        Index("ix_application_recent", "submitted_at", "id"),
        # Discovery (issue 22): has this resident already applied? (0021)
        Index("ix_application_person", "tenant_id", "person_key"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    idempotency_key: str = Field(sa_column=Column(String(200), nullable=False))
    request_hash: str = Field(sa_column=Column(String(64), nullable=False))
    channel: str = Field(sa_column=Column(String(20), nullable=False))
    state: ApplicationState = Field(sa_column=_state(ApplicationState, 20))
    lock_version: int = Field(sa_column=Column(Integer, nullable=False))
    owner: str = Field(sa_column=Column(String(200), nullable=False))  # the applicant's user id
    submitted_by: str = Field(sa_column=Column(String(200), nullable=False))
    applicant_name: str = Field(sa_column=Column(Text, nullable=False))
    person_key: str | None = Field(default=None, sa_column=Column(String(64)))
    area_path: str | None = Field(default=None, sa_column=Column(Text))
    items: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    # The ItemRef of each item as filed (planning uses these, not the catalogue of the day).
    item_refs: tuple[ItemRefRecord, ...] = Field(
        sa_column=Column(JsonRecord(ItemRefRecord, many=True), nullable=False)
    )
    form_hash: str = Field(sa_column=Column(String(64), nullable=False))
    answers: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    materials: tuple[MaterialRecord, ...] = Field(
        sa_column=Column(JsonRecord(MaterialRecord, many=True), nullable=False)
    )
    personal_commitment: bool = Field(sa_column=Column(Boolean, nullable=False))
    emergency_provisions: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    lead_department: str | None = Field(default=None, sa_column=Column(String(100)))
    triage: TriageRecord | None = Field(default=None, sa_column=Column(JsonRecord(TriageRecord)))
    submitted_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    updated_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class ApplicationCase(SQLModel, table=True):
    """One item of an application, owned by the item's department."""

    __tablename__ = "application_case"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["application.tenant_id", "application.id"],
            ondelete="CASCADE",
        ),
        UniqueConstraint("tenant_id", "application_id", "item_code"),
        CheckConstraint(_one_of("state", [s.value for s in CaseState]), name="state"),
        Index("ix_application_case_department", "tenant_id", "department", "state"),
        Index("ix_application_case_listing", "tenant_id", "created_at", "id"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    application_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    item_code: str = Field(sa_column=Column(String(100), nullable=False))
    item_name: str = Field(sa_column=Column(Text, nullable=False))
    item_ref: ItemRefRecord = Field(sa_column=Column(JsonRecord(ItemRefRecord), nullable=False))
    department: str = Field(sa_column=Column(String(100), nullable=False))  # functional code
    department_name: str = Field(sa_column=Column(Text, nullable=False))
    owner: str = Field(sa_column=Column(String(200), nullable=False))
    area_path: str | None = Field(default=None, sa_column=Column(Text))
    state: CaseState = Field(sa_column=_state(CaseState, 30))
    lock_version: int = Field(sa_column=Column(Integer, nullable=False))
    waiting_on: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    clock_started_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True))
    )
    due_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    # Issue 19: due_at crosses a year whose working-day calendar is not published yet (counted on
    # weekends alone); recomputed when the year is published.
    due_provisional: bool = Field(
        default=False,
        sa_column=Column(Boolean, nullable=False, server_default=text("false")),
    )
    # Issue 19, set by the deadline job: when the case was found past due_at while open (the
    # applicant's apology is sent then), and when its department was reminded of the deadline.
    overdue_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    reminded_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    decision: DecisionRecord | None = Field(
        default=None, sa_column=Column(JsonRecord(DecisionRecord))
    )
    notice: NoticeRecord | None = Field(default=None, sa_column=Column(JsonRecord(NoticeRecord)))
    received: tuple[Received, ...] = Field(
        sa_column=Column(JsonRecord(Received, many=True), nullable=False)
    )
    supplement: SupplementRecord | None = Field(
        default=None, sa_column=Column(JsonRecord(SupplementRecord))
    )
    closed_reason: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    updated_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class ApplicationEvent(SQLModel, table=True):
    """One line of an application's timeline; `id` orders events written in the same instant."""

    __tablename__ = "application_event"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["application.tenant_id", "application.id"],
            ondelete="CASCADE",
        ),
        Index("ix_application_event_application", "tenant_id", "application_id", "id"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: int | None = Field(
        default=None, sa_column=Column(BigInteger, Identity(always=True), primary_key=True)
    )
    application_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    case_id: uuid.UUID | None = Field(default=None, sa_column=Column(Uuid))
    item: str | None = Field(default=None, sa_column=Column(String(100)))
    department: str | None = Field(default=None, sa_column=Column(String(100)))
    kind: str = Field(sa_column=Column(String(60), nullable=False))
    summary: str | None = Field(default=None, sa_column=Column(Text))
    data: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    actor: str = Field(sa_column=Column(String(200), nullable=False))
    at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class EmergencyMode(SQLModel, table=True):
    """A tenant's emergency provision (003) switched on for a period; ends_at NULL: until ended."""

    __tablename__ = "emergency_mode"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        CheckConstraint("ends_at IS NULL OR ends_at >= starts_at", name="period"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    provision: str = Field(sa_column=Column(String(100), primary_key=True))
    starts_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    ends_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    set_by: str = Field(sa_column=Column(String(200), nullable=False))
    updated_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
