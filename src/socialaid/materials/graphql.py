"""GraphQL of material uploads: materialUploadCreate and materialUploadComplete, the upload as
a client sees it, and the file of an application's material (`MaterialFile`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.dataloader import DataLoader

from socialaid.access.sessions import scoped_session
from socialaid.errors import ErrorCode
from socialaid.kernel.context import Context, Info
from socialaid.kernel.described_enum import described_enum
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.scalars import JSON, as_json
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, errors_field, payload_error
from socialaid.materials.downloads import issue_download, stored_uploads
from socialaid.materials.models import MaterialUpload, UploadState
from socialaid.materials.service import upload_complete, upload_create
from socialaid.materials.stores import Files, FileStores

UploadStateEnum = described_enum(
    UploadState,
    name="MaterialUploadState",
    description="上传的状态",
    values={
        "PENDING": "待上传（PENDING）：已签发上传地址，文件尚未核验",
        "COMPLETE": "已完成（COMPLETE）：已读回存储的文件并核验大小、摘要、类型与病毒扫描",
    },
)


def files_of(context: Context) -> Files:
    return context.caches.of(FileStores).for_settings(context.settings)


UploadKey = tuple[str, uuid.UUID]
_LOADER = "materials.uploads"


def upload_loader(context: Context) -> DataLoader[UploadKey, MaterialUpload | None]:
    """This request's loader of complete uploads by (tenant, id): a page of applications reads
    every material's file in one query."""
    found: DataLoader[UploadKey, MaterialUpload | None] | None = context.request_loaders.get(
        _LOADER
    )
    if found is None:

        async def load(keys: list[UploadKey]) -> list[MaterialUpload | None]:
            async with scoped_session(context.db, context.principal) as session:
                rows = await stored_uploads(session, keys)
            return [rows.get(key) for key in keys]

        found = context.request_loaders[_LOADER] = DataLoader(load_fn=load)
    return found


def base_url_of(context: Context) -> str:
    """The API's address for the embedded store's URLs: the setting, else the request's."""
    if context.settings.public_url:
        return context.settings.public_url
    if context.request is not None:
        return str(context.request.base_url)
    return "http://127.0.0.1:8000"


@strawberry.type(
    name="MaterialUpload",
    description="上传的材料文件：先以 materialUploadCreate 取得上传地址，PUT 文件后以 "
    "materialUploadComplete 核验；完成后其 id 可作为 applicationSubmit 的 materials[].reference",
)
class MaterialUploadType:
    id: strawberry.ID = strawberry.field(
        description="上传标识：作为材料引用（materials[].reference、补正的 references）"
    )
    state: UploadStateEnum = strawberry.field(  # type: ignore[valid-type]
        description="待上传或已完成"
    )
    file_name: str = strawberry.field(description="文件名（下载时的名称）")
    content_type: str = strawberry.field(
        description="文件类型：application/pdf、image/png 或 image/jpeg"
    )
    byte_size: int = strawberry.field(description="文件大小（字节）")
    sha256: str = strawberry.field(description="文件的 SHA-256 摘要（64 位小写十六进制）")
    url: str | None = strawberry.field(
        default=None,
        description="上传地址：以 PUT 发送文件内容（仅 materialUploadCreate 的结果中有，其余为 null）",
    )
    headers: JSON | None = strawberry.field(
        default=None,
        description="PUT 时须带的请求头（如 Content-Type）；仅 materialUploadCreate 的结果中有",
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description="上传地址的失效时间；仅 materialUploadCreate 的结果中有"
    )

    @classmethod
    def of(cls, row: MaterialUpload) -> MaterialUploadType:
        return cls(
            id=strawberry.ID(str(row.id)),
            state=row.state,
            file_name=row.file_name,
            content_type=row.content_type,
            byte_size=row.byte_size,
            sha256=row.sha256,
        )


@strawberry.type(
    name="MaterialFile",
    description="申请材料的文件：对申请人及需要该材料的部门可见，其余读者为 null",
)
class MaterialFileType:
    file_name: str = strawberry.field(description="文件名")
    byte_size: int = strawberry.field(description="文件大小（字节）")
    sha256: str = strawberry.field(description="文件的 SHA-256 摘要")
    content_type: str = strawberry.field(description="文件类型")
    upload: strawberry.Private[MaterialUpload]
    application_id: strawberry.Private[str]

    @classmethod
    def of(cls, row: MaterialUpload, application_id: str) -> MaterialFileType:
        return cls(
            file_name=row.file_name,
            byte_size=row.byte_size,
            sha256=row.sha256,
            content_type=row.content_type,
            upload=row,
            application_id=application_id,
        )

    @strawberry.field(
        description="短期有效的下载地址（GET）；每次签发记入审计（谁、哪个文件、何时）"
    )
    async def download_url(self, info: Info) -> str:
        context = info.context
        assert context.principal is not None  # the file is shown to known readers only
        async with scoped_session(context.db, context.principal) as session:
            return await issue_download(
                session,
                files_of(context),
                actor=context.principal,
                upload=self.upload,
                application_id=self.application_id,
                base_url=base_url_of(context),
                request_id=context.request_id,
            )


@strawberry.input(description="准备上传一份材料文件：声明文件名、类型、大小与摘要")
class MaterialUploadCreateInput:
    tenant: str = strawberry.field(description="申请所在租户（行政区划代码）")
    file_name: str = strawberry.field(description="文件名（1 到 255 个字符，不含路径）")
    content_type: str = strawberry.field(
        description="文件类型：application/pdf、image/png 或 image/jpeg；须与文件内容相符"
    )
    byte_size: int = strawberry.field(description="文件大小（字节），不超过设定的上限")
    sha256: str = strawberry.field(description="文件的 SHA-256 摘要（64 位十六进制）")


@strawberry.input(description="文件已 PUT 到上传地址：核验并完成上传")
class MaterialUploadCompleteInput:
    id: strawberry.ID = strawberry.field(description="上传标识（materialUploadCreate 返回的 id）")


MaterialUploadError = payload_error(
    "MaterialUploadError",
    [ErrorCode.NOT_FOUND],
    operations="材料上传（materialUploadCreate、materialUploadComplete）",
)


@strawberry.type(description="materialUploadCreate 与 materialUploadComplete 的结果")
class MaterialUploadPayload(Failable):
    error_type = MaterialUploadError
    upload: MaterialUploadType | None = strawberry.field(
        default=None, description="上传；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(MaterialUploadError)


@strawberry.type
class MaterialMutation:
    @strawberry.mutation(
        description="暂存上传：返回签名的上传地址与请求头，客户端以 PUT 直接上传文件（不经 GraphQL）"
    )
    async def material_upload_create(
        self,
        info: Info,
        input: Annotated[
            MaterialUploadCreateInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> MaterialUploadPayload:
        async def work(uow: UnitOfWork) -> MaterialUploadPayload:
            staged = await upload_create(
                uow,
                files_of(info.context),
                tenant=input.tenant,
                file_name=input.file_name,
                content_type=input.content_type,
                byte_size=input.byte_size,
                sha256=input.sha256,
                base_url=base_url_of(info.context),
            )
            shown = MaterialUploadType.of(staged.upload)
            shown.url = staged.put.url
            shown.headers = as_json(dict(staged.put.headers))
            shown.expires_at = staged.expires_at
            return MaterialUploadPayload(upload=shown)

        return await run_mutation(info, MaterialUploadPayload, work)

    @strawberry.mutation(
        description="完成上传：读回存储的文件，核验大小、SHA-256 摘要、类型（按文件头）并经病毒扫描"
    )
    async def material_upload_complete(
        self,
        info: Info,
        input: Annotated[
            MaterialUploadCompleteInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> MaterialUploadPayload:
        async def work(uow: UnitOfWork) -> MaterialUploadPayload:
            row = await upload_complete(uow, files_of(info.context), upload_id=str(input.id))
            return MaterialUploadPayload(upload=MaterialUploadType.of(row))

        return await run_mutation(info, MaterialUploadPayload, work)
