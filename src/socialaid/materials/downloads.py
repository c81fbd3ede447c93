"""Download links for material files: short-lived signed URLs, each one's issue audited.

The issue, not the GET, is what is audited: with an S3-compatible store the client fetches the
bytes from the store and the API never sees the request, so the one place that knows who
downloads what, for both stores alike, is where the API hands out the URL (valid for
`SOCIALAID_DOWNLOAD_URL_SECONDS`, to that reader alone).
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.principal import Principal
from socialaid.audit.writer import write_event
from socialaid.materials.models import MaterialUpload, UploadState
from socialaid.materials.stores import Files

DOWNLOAD = "material_upload.download"


async def stored_upload(
    session: AsyncSession, *, tenant_id: str, reference: str | None
) -> MaterialUpload | None:
    """The complete upload a material's reference names (None for an exemption's record)."""
    if reference is None:
        return None
    try:
        key = uuid.UUID(reference)
    except ValueError:
        return None
    upload = await session.get(MaterialUpload, (tenant_id, key))
    return upload if upload is not None and upload.state is UploadState.COMPLETE else None


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
