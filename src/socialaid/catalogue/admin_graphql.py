"""GraphQL for admins configuring catalogues: drafts, publishing, overrides, versions, diffs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.catalogue import admin, history
from socialaid.catalogue.diff import ElementChange
from socialaid.catalogue.models import CatalogueItem, CatalogueOverride
from socialaid.catalogue.service import CatalogueCaches
from socialaid.clock import today_in_china
from socialaid.kernel.context import Info
from socialaid.kernel.runner import run_mutation
from socialaid.kernel.scalars import JSON, as_json
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ERRORS, Failable, UserError


@strawberry.type(name="ItemVersion", description="租户自有事项的一个版本（草稿仅管理员可见）")
class ItemVersionType:
    tenant_code: str
    code: str
    version: int
    status: str
    effective_from: date
    effective_to: date | None
    lock_version: int = strawberry.field(description="编辑草稿时回传，用于并发冲突检测")
    updated_at: datetime | None
    document: JSON

    @classmethod
    def of(cls, row: CatalogueItem) -> ItemVersionType:
        return cls(
            tenant_code=row.tenant_id,
            code=row.code,
            version=row.version,
            status=row.status,
            effective_from=row.effective_from,
            effective_to=row.effective_to,
            lock_version=row.lock_version,
            updated_at=row.updated_at,
            document=as_json(row.document),
        )


@strawberry.type(name="ElementChange", description="一个要素的变化")
class ElementChangeType:
    element: str
    change: str
    before: JSON | None
    after: JSON | None

    @classmethod
    def of(cls, c: ElementChange) -> ElementChangeType:
        return cls(
            element=c.element,
            change=c.change.value,
            before=as_json(c.before),
            after=as_json(c.after),
        )


@strawberry.type(name="OverrideSummary")
class OverrideSummaryType:
    code: str
    elements: list[str]
    changes: list[ElementChangeType]


@strawberry.type(name="CatalogueDiff", description="租户相对上级的变化：覆盖、新增、停用")
class CatalogueDiffType:
    tenant_code: str
    parent_code: str | None
    overrides: list[OverrideSummaryType]
    additions: list[str]
    disabled: list[str]


@strawberry.type(name="CatalogueOverride")
class CatalogueOverrideType:
    tenant_code: str
    code: str
    version: int
    effective_from: date
    patch: JSON

    @classmethod
    def of(cls, row: CatalogueOverride) -> CatalogueOverrideType:
        return cls(
            tenant_code=row.tenant_id,
            code=row.item_code,
            version=row.version,
            effective_from=row.effective_from,
            patch=as_json(row.patch),
        )


@strawberry.input
class CatalogueDraftCreateInput:
    tenant: str
    document: JSON = strawberry.field(description="事项文档，格式见 docs/catalogue-format.md")


@strawberry.input
class CatalogueDraftNewVersionInput:
    tenant: str
    code: str


@strawberry.input
class CatalogueDraftUpdateInput:
    tenant: str
    code: str
    version: int
    lock_version: int
    patch: JSON = strawberry.field(description="RFC 7386 合并补丁")


@strawberry.input
class CatalogueDraftPublishInput:
    tenant: str
    code: str
    version: int
    lock_version: int
    effective_from: date
    backdate_reason: str | None = strawberry.field(
        default=None,
        description="生效日期早于今天时必填：补登理由（记入审计，且须有补登权限）",
    )


@strawberry.input
class CatalogueVersionRetireInput:
    tenant: str
    code: str
    version: int


@strawberry.input
class CatalogueOverrideSetInput:
    tenant: str
    code: str
    patch: JSON
    effective_from: date
    reason: str
    backdate_reason: str | None = strawberry.field(
        default=None,
        description="生效日期早于今天时必填：补登理由（记入审计，且须有补登权限）",
    )


@strawberry.input
class CatalogueOverrideClearInput:
    tenant: str
    code: str
    effective_from: date
    reason: str
    backdate_reason: str | None = strawberry.field(
        default=None,
        description="生效日期早于今天时必填：补登理由（记入审计，且须有补登权限）",
    )


@strawberry.input
class CatalogueItemToggleInput:
    tenant: str
    code: str
    reason: str


@strawberry.type
class ItemVersionPayload(Failable):
    item_version: ItemVersionType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)

    @classmethod
    def of(cls, row: CatalogueItem) -> ItemVersionPayload:
        return cls(item_version=ItemVersionType.of(row))


@strawberry.type
class CatalogueOverridePayload(Failable):
    override: CatalogueOverrideType | None = None
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type
class DisabledItemsPayload(Failable):
    disabled_items: list[str] | None = None
    errors: list[UserError] = strawberry.field(default_factory=list, description=ERRORS)


async def _item_version(
    info: Info, work: Callable[[UnitOfWork], Awaitable[CatalogueItem]]
) -> ItemVersionPayload:
    async def payload(uow: UnitOfWork) -> ItemVersionPayload:
        return ItemVersionPayload.of(await work(uow))

    return await run_mutation(info, ItemVersionPayload, payload)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@strawberry.type
class CatalogueAdminQuery:
    @strawberry.field(description="租户自有事项的所有版本；草稿仅对有权限者可见")
    async def item_versions(self, info: Info, tenant: str, code: str) -> list[ItemVersionType]:
        async with scoped_session(info.context.db, info.context.principal) as session:
            rows = await history.item_versions(
                session, actor=info.context.principal, tenant=tenant, code=code
            )
        return [ItemVersionType.of(r) for r in rows]

    @strawberry.field(name="itemDiff", description="两个版本之间逐要素的差异")
    async def item_diff(
        self, info: Info, tenant: str, code: str, from_version: int, to_version: int
    ) -> list[ElementChangeType]:
        async with scoped_session(info.context.db, info.context.principal) as session:
            changes = await history.item_diff(
                session,
                actor=info.context.principal,
                tenant=tenant,
                code=code,
                from_version=from_version,
                to_version=to_version,
            )
        return [ElementChangeType.of(c) for c in changes]

    @strawberry.field(description="租户相对上级的变化：覆盖、新增、停用")
    async def catalogue_diff(
        self, info: Info, tenant: str, as_of: date | None = None
    ) -> CatalogueDiffType:
        async with info.context.db.session() as session:
            diff = await history.catalogue_diff(
                session,
                info.context.caches.of(CatalogueCaches),
                tenant=tenant,
                as_of=as_of or today_in_china(),
            )
        return CatalogueDiffType(
            tenant_code=diff.tenant,
            parent_code=diff.parent,
            overrides=[
                OverrideSummaryType(
                    code=o.code,
                    elements=o.elements,
                    changes=[ElementChangeType.of(c) for c in o.changes],
                )
                for o in diff.overrides
            ],
            additions=diff.additions,
            disabled=diff.disabled,
        )


@strawberry.type
class CatalogueAdminMutation:
    @strawberry.mutation(description="新建本级事项（草稿第 1 版）")
    async def catalogue_draft_create(
        self, info: Info, input: CatalogueDraftCreateInput
    ) -> ItemVersionPayload:
        return await _item_version(
            info,
            lambda uow: admin.draft_create(
                uow, tenant=input.tenant, document=_dict(input.document)
            ),
        )

    @strawberry.mutation(description="为本级事项新建草稿版本（复制最新版本）")
    async def catalogue_draft_new_version(
        self, info: Info, input: CatalogueDraftNewVersionInput
    ) -> ItemVersionPayload:
        return await _item_version(
            info, lambda uow: admin.draft_new_version(uow, tenant=input.tenant, code=input.code)
        )

    @strawberry.mutation(description="以合并补丁编辑草稿；lockVersion 不符时返回 CONFLICT")
    async def catalogue_draft_update(
        self, info: Info, input: CatalogueDraftUpdateInput
    ) -> ItemVersionPayload:
        return await _item_version(
            info,
            lambda uow: admin.draft_update(
                uow,
                tenant=input.tenant,
                code=input.code,
                version=input.version,
                lock_version=input.lock_version,
                patch=_dict(input.patch),
            ),
        )

    @strawberry.mutation(description="发布草稿（先运行发布检查）；已发布版本不再改变")
    async def catalogue_draft_publish(
        self, info: Info, input: CatalogueDraftPublishInput
    ) -> ItemVersionPayload:
        return await _item_version(
            info,
            lambda uow: admin.draft_publish(
                uow,
                tenant=input.tenant,
                code=input.code,
                version=input.version,
                lock_version=input.lock_version,
                effective_from=input.effective_from,
                backdate_reason=input.backdate_reason,
            ),
        )

    @strawberry.mutation(description="停用一个已发布版本")
    async def catalogue_version_retire(
        self, info: Info, input: CatalogueVersionRetireInput
    ) -> ItemVersionPayload:
        return await _item_version(
            info,
            lambda uow: admin.version_retire(
                uow, tenant=input.tenant, code=input.code, version=input.version
            ),
        )

    @strawberry.mutation(description="覆盖继承事项的非锁定要素（合并补丁）")
    async def catalogue_override_set(
        self, info: Info, input: CatalogueOverrideSetInput
    ) -> CatalogueOverridePayload:
        return await _override(info, input, _dict(input.patch))

    @strawberry.mutation(description="取消对继承事项的覆盖（自生效日起）")
    async def catalogue_override_clear(
        self, info: Info, input: CatalogueOverrideClearInput
    ) -> CatalogueOverridePayload:
        return await _override(info, input, {}, replace=True)

    @strawberry.mutation(description="在本级及下级停用一个继承事项")
    async def catalogue_item_disable(
        self, info: Info, input: CatalogueItemToggleInput
    ) -> DisabledItemsPayload:
        return await _toggle(info, input, disabled=True)

    @strawberry.mutation(description="在本级恢复一个被停用的继承事项")
    async def catalogue_item_enable(
        self, info: Info, input: CatalogueItemToggleInput
    ) -> DisabledItemsPayload:
        return await _toggle(info, input, disabled=False)


async def _override(
    info: Info,
    input: CatalogueOverrideSetInput | CatalogueOverrideClearInput,
    patch: dict[str, Any],
    *,
    replace: bool = False,
) -> CatalogueOverridePayload:
    async def work(uow: UnitOfWork) -> CatalogueOverridePayload:
        row = await admin.override_set(
            uow,
            tenant=input.tenant,
            code=input.code,
            patch=patch,
            effective_from=input.effective_from,
            reason=input.reason,
            replace=replace,
            backdate_reason=input.backdate_reason,
        )
        return CatalogueOverridePayload(override=CatalogueOverrideType.of(row))

    return await run_mutation(info, CatalogueOverridePayload, work)


async def _toggle(
    info: Info, input: CatalogueItemToggleInput, *, disabled: bool
) -> DisabledItemsPayload:
    async def work(uow: UnitOfWork) -> DisabledItemsPayload:
        items = await admin.set_disabled(
            uow, tenant=input.tenant, code=input.code, disabled=disabled, reason=input.reason
        )
        return DisabledItemsPayload(disabled_items=items)

    return await run_mutation(info, DisabledItemsPayload, work)
