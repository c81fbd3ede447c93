"""Tenant, department and area tables. Every row carries tenant_id in its keys."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Column, ForeignKeyConstraint, Index, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from socialaid.db.base import SQLModel


class Tenant(SQLModel, table=True):
    """An administrative region with its own catalogue; identified by its GB/T 2260 code."""

    __tablename__ = "tenant"
    __table_args__ = (
        CheckConstraint("level IN ('province', 'city', 'county')", name="level"),
        CheckConstraint("tenant_id ~ '^[0-9]{6}$'", name="code_format"),
        ForeignKeyConstraint(["parent_id"], ["tenant.tenant_id"]),
        Index("ix_tenant_path_prefix", "path", postgresql_ops={"path": "text_pattern_ops"}),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    name: str
    level: str
    parent_id: str | None = Field(default=None, sa_column=Column(String(6), index=True))
    path: str
    source: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))


class Department(SQLModel, table=True):
    """A department of a tenant; `code` is functional (civil_affairs) and stable across tenants."""

    __tablename__ = "department"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        CheckConstraint("code ~ '^[a-z][a-z0-9_]*$'", name="code_format"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    code: str = Field(primary_key=True)
    name: str
    position: int = 0
    source: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))


class Area(SQLModel, table=True):
    """A street, town or community inside a tenant, where acceptance windows are."""

    __tablename__ = "area"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        ForeignKeyConstraint(
            ["tenant_id", "parent_code"], ["area.tenant_id", "area.code"], ondelete="CASCADE"
        ),
        CheckConstraint("level IN ('county', 'street', 'community')", name="level"),
        CheckConstraint("code ~ '^[a-z0-9][a-z0-9_-]*$'", name="code_format"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    code: str = Field(primary_key=True)
    name: str
    level: str
    parent_code: str | None = None
    path: str
    position: int = 0
    source: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
