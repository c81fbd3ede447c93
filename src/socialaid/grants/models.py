"""Role assignments: a named user holds a role in a tenant (and so in its descendants)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKeyConstraint, Index, String, func
from sqlmodel import Field

from socialaid.access.vocabulary import Role
from socialaid.db.base import SQLModel

ROLE_CHECK = "role IN (" + ", ".join(f"'{r.value}'" for r in Role) + ")"


class RoleAssignment(SQLModel, table=True):
    __tablename__ = "role_assignment"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        CheckConstraint(ROLE_CHECK, name="role"),
        # Authentication looks a user's grants up by user across tenants.
        Index("ix_role_assignment_user_id", "user_id"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    user_id: str = Field(sa_column=Column(String(200), primary_key=True))
    role: str = Field(sa_column=Column(String(32), primary_key=True))
    granted_by: str = Field(sa_column=Column(String(200), nullable=False))
    granted_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
