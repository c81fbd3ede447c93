"""The outbox: one row per message to an applicant, written in the transaction that changed the
application, delivered afterwards by a job. Distributed with the application it belongs to."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    func,
)
from sqlalchemy import (
    text as sql,
)
from sqlmodel import Field

from socialaid.db.base import SQLModel
from socialaid.notifications.kinds import (
    NotificationChannel,
    NotificationKind,
    NotificationStatus,
)


def _one_of(column: str, values: list[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Notification(SQLModel, table=True):
    __tablename__ = "notification"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["application.tenant_id", "application.id"],
            ondelete="CASCADE",
        ),
        CheckConstraint(_one_of("kind", [k.value for k in NotificationKind]), name="kind"),
        CheckConstraint(_one_of("status", [s.value for s in NotificationStatus]), name="status"),
        CheckConstraint("application_id IS NOT NULL OR lead_id IS NOT NULL", name="subject"),
        CheckConstraint(
            "channel IS NULL OR " + _one_of("channel", [c.value for c in NotificationChannel]),
            name="channel",
        ),
        Index("ix_notification_application", "tenant_id", "application_id", "id"),
        # The delivery job's scan: only what is still to be sent.
        Index(
            "ix_notification_due",
            "next_attempt_at",
            postgresql_where=sql("status = 'pending'"),
        ),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: int | None = Field(
        default=None, sa_column=Column(BigInteger, Identity(always=True), primary_key=True)
    )
    # An applicant's message is about an application; an adviser's about a lead (issue 22).
    application_id: uuid.UUID | None = Field(default=None, sa_column=Column(Uuid))
    lead_id: uuid.UUID | None = Field(default=None, sa_column=Column(Uuid))
    case_id: uuid.UUID | None = Field(default=None, sa_column=Column(Uuid))
    kind: str = Field(sa_column=Column(String(40), nullable=False))
    # The applicant's account (Application.owner): the gateway behind each channel knows its
    # phone number or WeChat openid; none is copied here.
    recipient: str = Field(sa_column=Column(String(200), nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(
        sa_column=Column(String(20), nullable=False, server_default=sql("'pending'"))
    )
    channel: str | None = Field(default=None, sa_column=Column(String(20)))  # the one that took it
    attempts: int = Field(
        default=0, sa_column=Column(Integer, nullable=False, server_default=sql("0"))
    )
    next_attempt_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    sent_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
