"""The policy_question table: a tenant admin's own entries, and changes to inherited ones."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, ForeignKeyConstraint, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from socialaid.db.base import SQLModel


class PolicyQuestion(SQLModel, table=True):
    """One entry a tenant sets: new (its own code), replacing an inherited one (the same code),
    or hiding one (`hidden`). Its tenant and every tenant below read it."""

    __tablename__ = "policy_question"
    __table_args__ = (ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"]),)

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    code: str = Field(sa_column=Column(String(120), primary_key=True))
    item_code: str | None = Field(default=None, sa_column=Column(String(100)))
    question: str = Field(sa_column=Column(Text, nullable=False))
    answer: str = Field(sa_column=Column(Text, nullable=False))
    # A citation as the catalogue writes one: {seed | document, section, quote}.
    source: dict[str, str] = Field(sa_column=Column(JSONB, nullable=False))
    hidden: bool = Field(sa_column=Column(Boolean, nullable=False))
    set_by: str = Field(sa_column=Column(String(200), nullable=False))
    set_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
