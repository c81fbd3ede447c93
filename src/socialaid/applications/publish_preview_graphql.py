"""GraphQL for the catalogue admin's publish preview (`catalogueDraftPublishPreview`): which
selections applied for lately would get a different form once a draft is published.

A catalogue field, kept out of the applications' GraphQL and merged into the schema on its own;
it lives beside its service here, not in `catalogue`, because the preview reads applications and
`catalogue` may not import `applications` (that would be an import cycle).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import strawberry

from socialaid.applications import publish_preview
from socialaid.errors import DomainError
from socialaid.kernel.context import Info
from socialaid.kernel.scalars import JSON
from socialaid.tenancy.graphql import TenantType, tenant_of


@strawberry.type(
    name="PublishPreviewSelection",
    description="近 90 天申请用过的一种事项组合，在发布后表单如何变化",
)
class PublishPreviewSelectionType:
    tenant_code: str = strawberry.field(
        description="申请所在租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="申请所在租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    items: list[str] = strawberry.field(description="事项组合（事项代码）")
    applications: int = strawberry.field(description="期间内以此组合提交的申请数")
    hash_before: str | None = strawberry.field(
        description="发布前此组合的表单哈希；无法编译时为 null"
    )
    hash_after: str | None = strawberry.field(
        description="发布后此组合的表单哈希；无法编译时为 null"
    )
    changed: bool = strawberry.field(description="发布后表单是否变化（哈希不同）")
    fields_added: list[str] = strawberry.field(description="新增的字段键")
    fields_removed: list[str] = strawberry.field(description="删除的字段键")
    fields_changed: list[str] = strawberry.field(description="可见、必填条件或约束有变化的字段")
    materials_added: list[str] = strawberry.field(description="新增的材料标识")
    materials_removed: list[str] = strawberry.field(description="删除的材料标识")
    materials_changed: list[str] = strawberry.field(
        description="必交条件、适用条件或审查标准有变化的材料标识"
    )
    problem: str | None = strawberry.field(description="发布前或发布后无法编译时的原因")

    @classmethod
    def of(cls, c: publish_preview.SelectionChange) -> PublishPreviewSelectionType:
        d = c.difference
        return cls(
            tenant_code=c.selection.tenant,
            items=list(c.selection.items),
            applications=c.selection.applications,
            hash_before=c.hash_before,
            hash_after=c.hash_after,
            changed=c.hash_before != c.hash_after,
            fields_added=list(d.fields_added) if d else [],
            fields_removed=list(d.fields_removed) if d else [],
            fields_changed=list(d.fields_changed) if d else [],
            materials_added=list(d.materials_added) if d else [],
            materials_removed=list(d.materials_removed) if d else [],
            materials_changed=list(d.materials_changed) if d else [],
            problem=c.problem,
        )


@strawberry.type(description="事项草稿的发布预览")
class CataloguePublishPreviewQuery:
    @strawberry.field(
        description="发布预览：近 90 天申请用过的事项组合中，哪些在发布此草稿后表单会变化"
        "（已提交的申请仍按其填写时的表单）；发布检查不通过时返回该错误；需发布权限（tenant_admin）"
    )
    async def catalogue_draft_publish_preview(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="所有者租户（行政区划代码）")],
        code: Annotated[str, strawberry.argument(description="草稿的事项代码")],
        version: Annotated[int, strawberry.argument(description="草稿的版本号")],
        effective_from: Annotated[
            date, strawberry.argument(description="拟定的生效日期（YYYY-MM-DD，中国时间）")
        ],
    ) -> list[PublishPreviewSelectionType]:
        async with info.context.unit_of_work() as uow:
            changes = await publish_preview.publish_preview(
                uow,
                tenant=tenant,
                code=code,
                version=version,
                effective_from=effective_from,
            )
        return [PublishPreviewSelectionType.of(c) for c in changes]

    @strawberry.field(
        description="覆盖预览：近 90 天申请用过的事项组合中，哪些在设置此覆盖后表单会变化"
        "（不保存；已提交的申请仍按其填写时的表单）；覆盖会被拒绝时（锁定要素 LOCKED_ELEMENT、"
        "发布检查 LINT_FAILED）返回该错误；需发布权限（tenant_admin）"
    )
    async def catalogue_override_preview(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="覆盖所在租户（行政区划代码）")],
        code: Annotated[str, strawberry.argument(description="继承事项的代码")],
        patch: Annotated[
            JSON,
            strawberry.argument(
                description="拟设置的 RFC 7386 合并补丁（与 catalogueOverrideSet 的 patch 相同）"
            ),
        ],
        effective_from: Annotated[
            date, strawberry.argument(description="拟定的生效日期（YYYY-MM-DD，中国时间）")
        ],
    ) -> list[PublishPreviewSelectionType]:
        document: Any = patch
        if not isinstance(document, dict):
            raise DomainError("patch 须为 JSON 对象（合并补丁）", path=["patch"])
        async with info.context.unit_of_work() as uow:
            changes = await publish_preview.override_preview(
                uow, tenant=tenant, code=code, patch=document, effective_from=effective_from
            )
        return [PublishPreviewSelectionType.of(c) for c in changes]
