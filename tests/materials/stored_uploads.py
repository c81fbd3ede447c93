"""Completed uploads written straight into the database, for tests that are not about uploads
and only need an upload id an application may reference (tests/materials covers the real
create → PUT → complete path)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

from socialaid.db.database import Database
from socialaid.materials.models import MaterialUpload, UploadState

PDF = b"%PDF-1.4\n% a stand-in material\n%%EOF\n"


async def completed_upload(
    db: Database,
    *,
    tenant: str,
    owner: str,
    content_type: str = "application/pdf",
    file_name: str = "材料.pdf",
) -> str:
    """The id of a complete upload of `owner`'s in `tenant` (no object behind it)."""
    upload = MaterialUpload(
        tenant_id=tenant,
        id=uuid.uuid4(),
        owner=owner,
        file_name=file_name,
        content_type=content_type,
        byte_size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
        state=UploadState.COMPLETE,
        completed_at=datetime.now(UTC),
    )
    async with db.owner_session() as session, session.begin():
        session.add(upload)
    return str(upload.id)
