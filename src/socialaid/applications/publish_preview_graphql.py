"""GraphQL for the catalogue admin's publish preview (`catalogueDraftPublishPreview`): which
selections applied for lately would get a different form once a draft is published.

A catalogue field, kept out of the applications' GraphQL and merged into the schema on its own;
it lives beside its service here, not in `catalogue`, because the preview reads applications and
`catalogue` may not import `applications` (that would be an import cycle).
"""

from __future__ import annotations

from datetime import date

import strawberry

from socialaid.applications import publish_preview
from socialaid.kernel.context import Info


@strawberry.type(
    name="PublishPreviewSelection",
    description="近 90 天申请用过的一种事项组合，在发布后表单如何变化",
)
class PublishPreviewSelectionType:
    tenant_code: str
    items: list[str]
    applications: int = strawberry.field(description="期间内以此组合提交的申请数")
    hash_before: str | None
    hash_after: str | None
    changed: bool
    fields_added: list[str]
    fields_removed: list[str]
    fields_changed: list[str] = strawberry.field(description="可见、必填条件或约束有变化的字段")
    materials_added: list[str]
    materials_removed: list[str]
    materials_changed: list[str]
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


@strawberry.type
class CataloguePublishPreviewQuery:
    @strawberry.field(
        description="发布预览：近 90 天申请用过的事项组合中，哪些在发布此草稿后表单会变化"
        "（已提交的申请仍按其填写时的表单）；发布检查不通过时返回该错误"
    )
    async def catalogue_draft_publish_preview(
        self, info: Info, tenant: str, code: str, version: int, effective_from: date
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
