"""Form snapshots (what an application was filled against) and the shared-data registry."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, DateTime, ForeignKeyConstraint, String, func
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field

from socialaid.db.base import SQLModel


class LibrarySnapshot(SQLModel, table=True):
    """The shared libraries as they were, addressed by the hash of their content.

    `document` is service.library_snapshot_document: the entries, and each part's keys in library
    order as arrays (a JSONB object does not keep its keys' order, and forms follow it).
    """

    __tablename__ = "library_snapshot"

    hash: str = Field(sa_column=Column(String(64), primary_key=True))
    document: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))


class FormSnapshot(SQLModel, table=True):
    """The inputs of a compiled form, addressed by the form's content hash.

    Not tenant-owned: a compiled form is public reference data, and equal forms of different
    tenants share a hash; `compiled_for` records the first tenant that compiled it.
    Recompiling these inputs gives the same form, whatever the catalogue holds since.
    """

    __tablename__ = "form_snapshot"

    hash: str = Field(sa_column=Column(String(64), primary_key=True))
    compiled_for: str = Field(sa_column=Column(String(6), nullable=False))
    as_of: date = Field(sa_column=Column(Date, nullable=False))
    # The items chosen; `items` also holds the prerequisites the compiler added to them.
    selected: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    items: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    parameters: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    library_hash: str = Field(sa_column=Column(String(64), nullable=False))
    created_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class SharedRecord(SQLModel, table=True):
    """A department's or the data centre's word that a person holds a piece of evidence.

    The person is identified by a keyed hash of the ID number (socialaid.audit.person), so the
    registry answers "does X hold a 残疾证" without storing ID numbers.
    """

    __tablename__ = "shared_record"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"], ondelete="CASCADE"),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    evidence: str = Field(primary_key=True)
    subject_key: str = Field(sa_column=Column(String(64), primary_key=True))
    subject_hint: str  # the ID number's last four characters, for people reading the registry
    issuer: str
    reference: str | None = None
    valid_from: date | None = Field(default=None, sa_column=Column(Date))
    valid_to: date | None = Field(default=None, sa_column=Column(Date))
    pushed_by: str
    updated_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
