"""Use cases of material uploads: staging one (a signed PUT URL), completing it (reading the
stored object back and verifying it), checking references to uploads where an application or a
补正 names them, and issuing download URLs.

Who may upload is who may submit an application in the tenant; an upload belongs to its
uploader and tenant, and only the uploader may complete it or reference it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.audit.writer import write_event
from socialaid.errors import DomainError, NotFoundError
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.materials.file_types import accepted_for, describe, file_type, sniffed
from socialaid.materials.models import MaterialUpload, UploadState
from socialaid.materials.storage import SignedRequest
from socialaid.materials.stores import Files
from socialaid.tenancy.service import get_tenant

_KEYS = tuple_(col(MaterialUpload.tenant_id), col(MaterialUpload.id)).in_(
    bindparam("keys", expanding=True)
)
# The uploads named, marked referenced (kept from cleanup) in the same round trip: PostgreSQL
# runs a data-modifying CTE whether or not the query reads it. Only rows not yet referenced are
# written, so submissions naming the same upload do not queue on its row lock. A reference found
# wrong below raises, and the transaction's rollback takes the mark back.
_USE_UPLOADS = (
    select(MaterialUpload)
    .where(_KEYS)
    .add_cte(
        update(MaterialUpload)
        .where(_KEYS, col(MaterialUpload.referenced_at).is_(None))
        .values(referenced_at=bindparam("now"))
        .returning(col(MaterialUpload.id))
        .cte("referenced")
    )
)

SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_FILE_NAME = 255


@dataclass(frozen=True)
class Staged:
    upload: MaterialUpload
    put: SignedRequest
    expires_at: datetime


# Control, format (U+202E reverses what follows) and line-separator characters; spaces, the
# ideographic one included, are fine.
CONTROL = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


async def upload_create(
    uow: UnitOfWork,
    files: Files,
    *,
    tenant: str,
    file_name: str,
    content_type: str,
    byte_size: int,
    sha256: str,
    base_url: str,
) -> Staged:
    """A pending upload and the signed URL its bytes go to."""
    session, actor = uow.session, authenticated(uow.actor)
    row = await get_tenant(session, code=tenant, path=["tenant"])
    authorize(actor, Resource.APPLICATION, Action.SUBMIT, Target(tenant_path=row.path))
    name = file_name.strip()
    # Control characters: the name goes into the download's Content-Disposition header.
    if (
        not name
        or len(name) > MAX_FILE_NAME
        or any(c in name for c in "/\\")
        or any(unicodedata.category(c) in CONTROL for c in name)
    ):
        raise DomainError(
            f"文件名应为 1 到 {MAX_FILE_NAME} 个字符，且不含路径分隔符或控制字符",
            path=["fileName"],
        )
    kind = file_type(content_type)
    if kind is None:
        raise DomainError(
            "不支持的文件类型：只接受 application/pdf、image/png、image/jpeg", path=["contentType"]
        )
    if byte_size <= 0 or byte_size > files.max_bytes:
        raise DomainError(f"文件大小应在 1 到 {files.max_bytes} 字节之间", path=["byteSize"])
    digest = sha256.strip().lower()
    if SHA256.fullmatch(digest) is None:
        raise DomainError("sha256 应为 64 位十六进制摘要", path=["sha256"])
    upload = MaterialUpload(
        tenant_id=row.tenant_id,
        id=uuid.uuid4(),
        owner=actor.user_id,
        file_name=name,
        content_type=kind.value,
        byte_size=byte_size,
        sha256=digest,
        state=UploadState.PENDING,
        created_at=uow.clock(),
    )
    session.add(upload)
    await session.flush()
    await write_event(
        session,
        actor=actor,
        action="material_upload.create",
        tenant_id=row.tenant_id,
        subject_type="material_upload",
        subject_id=str(upload.id),
        after={"content_type": kind.value, "byte_size": byte_size, "sha256": digest},
        request_id=uow.request_id,
    )
    put = await files.store.put_url(
        upload.staging_key,
        content_type=kind.value,
        byte_size=byte_size,
        expires_in=files.upload_url_seconds,
        base_url=base_url,
    )
    expires_at = uow.clock() + timedelta(seconds=files.upload_url_seconds)
    return Staged(upload, put, expires_at)


async def upload_complete(uow: UnitOfWork, files: Files, *, upload_id: str) -> MaterialUpload:
    """Read the stored bytes back and verify them against what was declared; a complete upload
    is returned as it is."""
    session, actor = uow.session, authenticated(uow.actor)
    upload = await own_upload(session, actor, upload_id, path=["id"])
    if upload.state is UploadState.COMPLETE:
        return upload
    data = await files.store.read(upload.staging_key, limit=files.max_bytes)
    staged = data is not None
    if data is None:  # promoted by an attempt whose transaction did not commit
        data = await files.store.read(upload.object_key, limit=files.max_bytes)
    if data is None:
        raise DomainError("尚未收到文件：请先按 url 与 headers 上传（PUT）文件", path=["id"])
    problem = verification_problem(upload, data)
    if problem is not None:
        raise DomainError(problem, path=["id"])
    try:
        threat = await files.scanner.scan(data)
    except Exception as error:  # a scanner that fails lets nothing through unscanned
        raise DomainError("病毒扫描未能完成，请稍后重试", path=["id"]) from error
    if threat is not None:
        raise DomainError(f"文件未通过病毒扫描（{threat}），已拒收", path=["id"])
    if staged:
        await files.store.promote(upload.staging_key, upload.object_key)
    upload.state = UploadState.COMPLETE
    upload.completed_at = uow.clock()
    session.add(upload)
    await session.flush()
    await write_event(
        session,
        actor=actor,
        action="material_upload.complete",
        tenant_id=upload.tenant_id,
        subject_type="material_upload",
        subject_id=str(upload.id),
        before={"state": UploadState.PENDING.value},
        after={"state": UploadState.COMPLETE.value, "sha256": upload.sha256},
        request_id=uow.request_id,
    )
    return upload


def verification_problem(upload: MaterialUpload, data: bytes) -> str | None:
    """Why the stored bytes are not the file that was declared, or None."""
    if len(data) != upload.byte_size:
        return f"文件大小不符：声明 {upload.byte_size} 字节，收到 {len(data)} 字节"
    if hashlib.sha256(data).hexdigest() != upload.sha256:
        return "文件的 SHA-256 摘要与声明的不符"
    found = sniffed(data[:16])
    if found is None or found.value != upload.content_type:
        shown = "无法识别的类型" if found is None else found.value
        return f"文件内容与声明的类型不符：声明 {upload.content_type}，内容为 {shown}"
    return None


def parsed_id(upload_id: str, path: list[str]) -> uuid.UUID:
    try:
        return uuid.UUID(upload_id.strip())
    except ValueError:
        raise DomainError("没有这个上传", path=path) from None


async def own_upload(
    session: AsyncSession, actor: Principal, upload_id: str, *, path: list[str]
) -> MaterialUpload:
    """The actor's own upload; someone else's is as good as none (NOT_FOUND)."""
    found = await session.scalar(
        select(MaterialUpload).where(col(MaterialUpload.id) == parsed_id(upload_id, path))
    )
    if found is None or found.owner != actor.user_id:
        raise NotFoundError("没有这个上传", path=path)
    return found


@dataclass(frozen=True)
class Reference:
    """An upload id where an application or a 补正 names one, and what it must be."""

    upload_id: str
    path: list[str]
    evidence: str | None = None  # the material's evidence type; None: any verifiable type


async def use_uploads(
    uow: UnitOfWork, *, tenant_id: str, references: Sequence[Reference]
) -> dict[str, MaterialUpload]:
    """Check that each reference names a complete upload of the actor's in the tenant, of a
    type its material accepts (INVALID_INPUT at its path otherwise), and keep them from cleanup.
    """
    session, actor = uow.session, authenticated(uow.actor)
    if not references:
        return {}
    keys = {r.upload_id: parsed_id(r.upload_id, r.path) for r in references}
    now = uow.clock()
    rows = await session.execute(
        _USE_UPLOADS, {"keys": [(tenant_id, k) for k in keys.values()], "now": now}
    )
    by_id = {row.id: row for row in rows.scalars()}
    for reference in references:
        upload = by_id.get(keys[reference.upload_id])
        if upload is None or upload.owner != actor.user_id:
            raise DomainError(
                "没有这个上传（或不是本人在本租户上传的）",
                path=reference.path,
            )
        if upload.state is not UploadState.COMPLETE:
            raise DomainError("上传尚未完成：请先调用 materialUploadComplete", path=reference.path)
        if reference.evidence is not None:
            accepted = accepted_for(reference.evidence)
            if file_type(upload.content_type) not in accepted:
                raise DomainError(
                    f"该材料只接受 {describe(accepted)} 文件，上传的是 {upload.content_type}",
                    path=reference.path,
                )
    for upload in by_id.values():
        if upload.referenced_at is None:  # the statement's select saw the rows before its update
            set_committed_value(upload, "referenced_at", now)
    return {r.upload_id: by_id[keys[r.upload_id]] for r in references}
