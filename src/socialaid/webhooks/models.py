"""`webhook_subscription` and `webhook_delivery` (the outbox): both belong to the subscriber's
tenant, so a subscription and its deliveries live together (and on one Citus shard)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field

from socialaid.db.base import SQLModel
from socialaid.webhooks.events import DeliveryStatus, WebhookEvent


def _one_of(column: str, values: list[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


EVENTS_CHECK = f"events <@ ARRAY[{', '.join(repr(e.value) for e in WebhookEvent)}]::varchar[]"


class WebhookSubscription(SQLModel, table=True):
    """A department system's URL, the events it asked for and the departments it is told about
    (empty: every department of the tenant's subtree)."""

    __tablename__ = "webhook_subscription"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        CheckConstraint("cardinality(events) > 0", name="events_given"),
        CheckConstraint(EVENTS_CHECK, name="events_known"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    url: str = Field(sa_column=Column(Text, nullable=False))
    events: list[str] = Field(sa_column=Column(ARRAY(String(40)), nullable=False))
    departments: list[str] = Field(sa_column=Column(ARRAY(String(100)), nullable=False))
    # nonce + AES-GCM ciphertext of the signing secret (webhooks/secret_box.py)
    secret_sealed: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_by: str = Field(sa_column=Column(String(200), nullable=False))
    created_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    secret_rotated_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True))
    )


class WebhookDelivery(SQLModel, table=True):
    """One event for one subscription: written with the business change, sent by `deliver_due`."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "subscription_id"],
            ["webhook_subscription.tenant_id", "webhook_subscription.id"],
            ondelete="CASCADE",
        ),
        CheckConstraint(_one_of("status", [s.value for s in DeliveryStatus]), name="status"),
        # What deliver_due claims: the due rows still pending, oldest first.
        Index(
            "ix_webhook_delivery_due",
            "next_attempt_at",
            postgresql_where=text("status = 'pending'"),
        ),
        # A subscription's deliveries, newest first (webhookDeliveries).
        Index("ix_webhook_delivery_listing", "tenant_id", "subscription_id", "created_at", "id"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    subscription_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    event: str = Field(sa_column=Column(String(40), nullable=False))
    # Where the event happened (the subscriber's tenant or one below it).
    event_tenant: str = Field(sa_column=Column(String(6), nullable=False))
    occurred_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    data: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    status: str = Field(sa_column=Column(String(20), nullable=False))
    attempts: int = Field(sa_column=Column(Integer, nullable=False, server_default=text("0")))
    next_attempt_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True))
    )
    last_attempt_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True))
    )
    delivered_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    response_status: int | None = Field(default=None, sa_column=Column(Integer))
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
