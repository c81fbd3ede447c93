"""The material_upload table: one staged file, its owner and what was verified of it."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    Enum,
    ForeignKeyConstraint,
    Index,
    String,
    Text,
    Uuid,
    func,
)
from sqlmodel import Field

from socialaid.db.base import SQLModel


class UploadState(StrEnum):
    PENDING = "pending"  # created: the URL is issued, the bytes may not be there yet
    COMPLETE = "complete"  # read back and verified: size, hash, type, scan


class MaterialUpload(SQLModel, table=True):
    """A file an uploader staged in their tenant; an application references it once complete."""

    __tablename__ = "material_upload"
    __table_args__ = (
        ForeignKeyConstraint(["tenant_id"], ["tenant.tenant_id"]),
        CheckConstraint("state IN ('pending', 'complete')", name="state"),
        CheckConstraint("byte_size > 0", name="byte_size"),
        # The cleanup command looks for old unreferenced uploads.
        Index(
            "ix_material_upload_unreferenced",
            "created_at",
            postgresql_where="referenced_at IS NULL",
        ),
    )

    tenant_id: str = Field(sa_column=Column(String(6), primary_key=True))
    id: uuid.UUID = Field(sa_column=Column(Uuid, primary_key=True))
    owner: str = Field(sa_column=Column(String(200), nullable=False))  # the uploader's user id
    file_name: str = Field(sa_column=Column(Text, nullable=False))
    content_type: str = Field(sa_column=Column(String(100), nullable=False))
    byte_size: int = Field(sa_column=Column(BigInteger, nullable=False))
    sha256: str = Field(sa_column=Column(String(64), nullable=False))
    state: UploadState = Field(
        sa_column=Column(
            Enum(
                UploadState,
                native_enum=False,
                length=20,
                values_callable=lambda members: [m.value for m in members],
                validate_strings=True,
            ),
            nullable=False,
        )
    )
    created_at: datetime | None = Field(
        default=None,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    completed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    # Set when an application or a 补正 first references it; from then on it is kept.
    referenced_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))

    @property
    def staging_key(self) -> str:
        """Where the client's PUT lands; promoted to `object_key` once verified."""
        return f"staging/{self.tenant_id}/{self.id}"

    @property
    def object_key(self) -> str:
        return f"files/{self.tenant_id}/{self.id}"
