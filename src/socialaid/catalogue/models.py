"""Catalogue tables: item versions, overrides, tenant configuration, shared library entries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    String,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from socialaid.db.base import SQLModel

STATUS_CHECK = "status IN ('draft', 'published', 'retired')"


class CatalogueItem(SQLModel, table=True):
    """One version of an item owned by a tenant; `document` is the item as its file states it."""

    __tablename__ = "catalogue_item"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        CheckConstraint(STATUS_CHECK, name="status"),
        CheckConstraint("mode IN ('on_application', 'auto_granted', 'organised')", name="mode"),
        Index("ix_catalogue_item_tenant_status", "tenant_id", "status", "effective_from"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    code: str = Field(primary_key=True)
    version: int = Field(sa_column=Column(Integer, primary_key=True))
    parent_code: str | None = None
    name: str
    department: str
    mode: str
    status: str
    effective_from: date = Field(sa_column=Column(Date, nullable=False))
    effective_to: date | None = Field(default=None, sa_column=Column(Date))
    document: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    lock_version: int = 1
    updated_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class CatalogueOverride(SQLModel, table=True):
    """One version of a tenant's merge patch on an inherited item."""

    __tablename__ = "catalogue_override"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        CheckConstraint(STATUS_CHECK, name="status"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    item_code: str = Field(primary_key=True)
    version: int = Field(sa_column=Column(Integer, primary_key=True))
    status: str
    effective_from: date = Field(sa_column=Column(Date, nullable=False))
    effective_to: date | None = Field(default=None, sa_column=Column(Date))
    patch: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    source: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    lock_version: int = 1
    updated_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class TenantCatalogue(SQLModel, table=True):
    """A tenant's catalogue configuration: channels, workflow, parameters, disabled items."""

    __tablename__ = "tenant_catalogue"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    document: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))


class LibraryEntry(SQLModel, table=True):
    """An entry of a shared library (tenant-independent, file-managed)."""

    __tablename__ = "library_entry"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('code_list', 'repeat_group', 'data_element', 'evidence_type', 'target_group')",
            name="kind",
        ),
    )

    kind: str = Field(primary_key=True)
    key: str = Field(primary_key=True)
    position: int
    document: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))


class ContentRevision(SQLModel, table=True):
    """A counter bumped by every change to public reference data; caches key on it."""

    __tablename__ = "content_revision"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: int = Field(default=1, primary_key=True)
    revision: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))


class TenantParameter(SQLModel, table=True):
    """One value a tenant admin set for a catalogue parameter, in force from `effective_from`
    (issue 21). Rows are never updated: a new value is a new row, so the history stays; the
    newest row in force wins, a later one for the same date (`id`) over an earlier."""

    __tablename__ = "tenant_parameter"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
        Index("ix_tenant_parameter_tenant_key", "tenant_id", "key", "effective_from"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: int | None = Field(
        default=None,
        sa_column=Column(BigInteger, Identity(always=True), primary_key=True),
    )
    key: str = Field(sa_column=Column(String(64), nullable=False))
    # A number or a text, as the parameter's unit asks (catalogue/parameter_values.py).
    value: Any = Field(sa_column=Column(JSONB, nullable=False))
    effective_from: date = Field(sa_column=Column(Date, nullable=False))
    source: str = Field(sa_column=Column(String(500), nullable=False))
    reason: str = Field(sa_column=Column(String(1000), nullable=False))
    set_by: str = Field(sa_column=Column(String(200), nullable=False))
    set_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
