"""The audit store: events appended in the transaction of the change they record, hash-chained
per tenant, partitioned by month on `occurred_at`.

The database does the bookkeeping (migrations 0008 and 0009): the writer's INSERT takes the
tenant's chain head row (`audit_chain_head`, SELECT … FOR UPDATE) to time the event
(`socialaid_audit_append_time`: never before the event ahead of it), and a BEFORE INSERT trigger
numbers the event, links it to the previous event's hash and hashes its canonical content
(`socialaid_audit_digest`). Other triggers refuse UPDATE, DELETE and TRUNCATE for everyone, on
the table and on each partition, the application role holds no such privilege, and event
triggers refuse DETACH, DROP and the other DDL that would get round them (ADR 0010). Partitions
live in the `audit_partitions` schema, which the application role cannot reach except through
this table (and so through its row-level security).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    FetchedValue,
    ForeignKeyConstraint,
    Identity,
    Index,
    LargeBinary,
    String,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field

from socialaid.db.base import SQLModel

PARTITION_SCHEMA = "audit_partitions"
# The keyset every listing sorts by, after the column a filter fixes.
_ORDER = ("occurred_at", "tenant_id", "sequence")


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"]),
        Index("ix_audit_event_time", *_ORDER),
        Index("ix_audit_event_tenant_time", "tenant_id", "occurred_at", "sequence"),
        Index("ix_audit_event_person", "person_key", *_ORDER),
        Index("ix_audit_event_application", "application_id", *_ORDER),
        Index("ix_audit_event_actor", "actor", *_ORDER),
        Index("ix_audit_event_department", "department", *_ORDER),
        Index("ix_audit_event_action", "action", *_ORDER),
        Index("ix_audit_event_subject", "tenant_id", "subject_type", "subject_id"),
        # auditEvents of one tenant and department, newest first (0019).
        Index(
            "ix_audit_event_tenant_department", "tenant_id", "department", "occurred_at", "sequence"
        ),
        {"postgresql_partition_by": "RANGE (occurred_at)"},
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    # Per tenant, gap-free, assigned by the chain trigger.
    sequence: int | None = Field(
        default=None,
        sa_column=Column(
            BigInteger, primary_key=True, autoincrement=False, server_default=FetchedValue()
        ),
    )
    # The writer sets it with the chain head held (non-decreasing along the chain); the default
    # serves rows loaded by hand, which choose their own times.
    occurred_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), primary_key=True, server_default=func.now()),
    )
    id: int | None = Field(
        default=None, sa_column=Column(BigInteger, Identity(always=True), nullable=False)
    )
    actor: str = Field(sa_column=Column(String(200), nullable=False))
    roles: list[str] = Field(default_factory=list, sa_column=Column(ARRAY(String), nullable=False))
    department: str | None = None
    action: str
    subject_type: str
    subject_id: str
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB))
    reason: str | None = None
    request_id: str | None = None
    client_address: str | None = Field(default=None, sa_column=Column(String(64)))
    # Cross-department histories: the application an event belongs to and the person it concerns.
    application_id: str | None = None
    person_key: str | None = Field(default=None, sa_column=Column(String(64)))
    previous_hash: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=False))
    hash: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=False))


class AuditChainHead(SQLModel, table=True):
    """The last link of each tenant's chain: writers in one tenant serialise on this row only."""

    __tablename__ = "audit_chain_head"
    __table_args__ = (ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"]),)

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    last_sequence: int = Field(sa_column=Column(BigInteger, nullable=False))
    last_hash: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    # The time of the last event: the next one the writer appends is not earlier.
    last_occurred_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
