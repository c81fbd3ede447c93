"""Download links for material files: short-lived signed URLs, each one's issue audited.

The issue, not the GET, is what is audited: with an S3-compatible store the client fetches the
bytes from the store and the API never sees the request, so the one place that knows who
downloads what, for both stores alike, is where the API hands out the URL (valid for
`SOCIALAID_DOWNLOAD_URL_SECONDS`, to that reader alone).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.principal import Principal
from socialaid.audit.writer import write_event
from socialaid.materials.models import MaterialUpload, UploadState
from socialaid.materials.stores import Files

DOWNLOAD = "material_upload.download"


def upload_key(reference: str | None) -> uuid.UUID | None:
    """The upload id a material's reference holds (None for an exemption's record)."""
    if reference is None:
        return None
    try:
        return uuid.UUID(reference)
    except ValueError:
        return None


async def stored_uploads(
    session: AsyncSession, keys: Sequence[tuple[str, uuid.UUID]]
) -> dict[tuple[str, uuid.UUID], MaterialUpload]:
    """The complete uploads among (tenant, id) keys, in one query."""
    if not keys:
        return {}
    rows = await session.execute(
        select(MaterialUpload).where(
            tuple_(col(MaterialUpload.tenant_id), col(MaterialUpload.id)).in_(list(keys)),
            col(MaterialUpload.state) == UploadState.COMPLETE,
        )
    )
    return {(u.tenant_id, u.id): u for u in rows.scalars()}


async def issue_download(
    session: AsyncSession,
    files: Files,
    *,
    actor: Principal,
    upload: MaterialUpload,
    application_id: str,
    base_url: str,
    request_id: str | None,
) -> str:
    """A signed URL for the file, recorded as a download by `actor`."""
    await write_event(
        session,
        actor=actor,
        action=DOWNLOAD,
        tenant_id=upload.tenant_id,
        subject_type="material_upload",
        subject_id=str(upload.id),
        after={"expires_in": files.download_url_seconds, "sha256": upload.sha256},
        request_id=request_id,
        application_id=application_id,
    )
    return await files.store.get_url(
        upload.object_key,
        file_name=upload.file_name,
        content_type=upload.content_type,
        expires_in=files.download_url_seconds,
        base_url=base_url,
    )
