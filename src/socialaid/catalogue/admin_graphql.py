"""GraphQL for admins configuring catalogues: drafts, publishing, overrides, versions, diffs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Annotated, Any, ClassVar

import strawberry

from socialaid.access.sessions import scoped_session
from socialaid.catalogue import admin, history
from socialaid.catalogue.diff import ElementChange
from socialaid.catalogue.files import Status
from socialaid.catalogue.graphql_vocabulary import ChangeEnum, ItemStatusEnum
from socialaid.catalogue.models import CatalogueItem, CatalogueOverride
from socialaid.catalogue.service import CatalogueCaches
from socialaid.clock import today_in_china
from socialaid.errors import ErrorCode
from socialaid.kernel.connections import TotalConnection, relay_connection
from socialaid.kernel.context import Info
from socialaid.kernel.node import Node
from socialaid.kernel.pagination import (
    AFTER,
    FIRST,
    PageInfo,
    check_page_size,
    encode_cursor,
    slice_after,
)
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.scalars import JSON, as_json
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, errors_field, payload_error
from socialaid.tenancy.graphql import TenantType, tenant_of


@strawberry.type(name="ItemVersion", description="租户自有事项的一个版本（草稿仅管理员可见）")
class ItemVersionType(Node):
    node_type: ClassVar[str] = "ItemVersion"
    tenant_code: str = strawberry.field(
        description="所有者租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )
    code: str = strawberry.field(description="事项代码")
    version: int = strawberry.field(description="版本号，从 1 起")
    status: ItemStatusEnum = strawberry.field(  # type: ignore[valid-type]
        description="状态：草稿可编辑，已发布不再改变"
    )
    effective_from: date = strawberry.field(description="生效日期（含）")
    effective_to: date | None = strawberry.field(
        description="失效日期（不含）：下一版本生效或停用之日；长期有效时为 null"
    )
    lock_version: int = strawberry.field(description="编辑草稿时回传，用于并发冲突检测")
    updated_at: datetime | None = strawberry.field(description="最后修改时间；从未修改时为 null")
    document: JSON = strawberry.field(description="事项文档（格式见 docs/catalogue-format.md）")

    def node_key(self) -> tuple[str, ...]:
        return (self.tenant_code, self.code, str(self.version))

    @strawberry.field(description="所有者租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    @classmethod
    def of(cls, row: CatalogueItem) -> ItemVersionType:
        return cls(
            tenant_code=row.tenant_id,
            code=row.code,
            version=row.version,
            status=Status(row.status),
            effective_from=row.effective_from,
            effective_to=row.effective_to,
            lock_version=row.lock_version,
            updated_at=row.updated_at,
            document=as_json(row.document),
        )


@relay_connection(
    description="事项版本的分页列表（Relay 连接），按版本号",
    edge="事项版本连接中的一条",
    node="事项的一个版本",
    edges="本页的版本",
)
class ItemVersionConnection(TotalConnection[ItemVersionType]):
    pass


def _version_key(row: CatalogueItem) -> list[str]:
    return [str(row.version)]


@strawberry.type(name="ElementChange", description="一个要素的变化")
class ElementChangeType:
    element: str = strawberry.field(description="要素名（事项文档的顶层键，如 benefit、materials）")
    change: ChangeEnum = strawberry.field(  # type: ignore[valid-type]
        description="变化"
    )
    before: JSON | None = strawberry.field(description="变化前的取值；新增时为 null")
    after: JSON | None = strawberry.field(description="变化后的取值；删除时为 null")

    @classmethod
    def of(cls, c: ElementChange) -> ElementChangeType:
        return cls(
            element=c.element,
            change=c.change,
            before=as_json(c.before),
            after=as_json(c.after),
        )


@strawberry.type(name="OverrideSummary", description="本级对一个继承事项的覆盖概要")
class OverrideSummaryType:
    code: str = strawberry.field(description="被覆盖的事项代码")
    elements: list[str] = strawberry.field(description="被覆盖的要素名")
    changes: list[ElementChangeType] = strawberry.field(description="各要素相对上级的变化")


@strawberry.type(name="CatalogueDiff", description="租户相对上级的变化：覆盖、新增、停用")
class CatalogueDiffType:
    tenant_code: str = strawberry.field(
        description="租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    parent_code: str | None = strawberry.field(description="上级租户代码；最高级租户为 null")
    overrides: list[OverrideSummaryType] = strawberry.field(description="本级对继承事项的覆盖")
    additions: list[str] = strawberry.field(description="本级新增（自有）的事项代码")
    disabled: list[str] = strawberry.field(description="本级停用的继承事项代码")


@strawberry.type(
    name="CatalogueOverride", description="本级对一个继承事项的覆盖（合并补丁），自生效日起适用"
)
class CatalogueOverrideType:
    tenant_code: str = strawberry.field(
        description="作出覆盖的租户代码",
        deprecation_reason="#17：请用 tenant { code }（指向租户对象，客户端缓存可归一）",
    )

    @strawberry.field(description="作出覆盖的租户")
    async def tenant(self, info: Info) -> TenantType:
        return await tenant_of(info, self.tenant_code)

    code: str = strawberry.field(description="被覆盖的事项代码")
    version: int = strawberry.field(
        description="本级对该事项的覆盖版本号（每次设定或取消各增一版，取消即空补丁）"
    )
    effective_from: date = strawberry.field(description="生效日期（含）")
    patch: JSON = strawberry.field(description="RFC 7386 合并补丁（作用于事项文档）")

    @classmethod
    def of(cls, row: CatalogueOverride) -> CatalogueOverrideType:
        return cls(
            tenant_code=row.tenant_id,
            code=row.item_code,
            version=row.version,
            effective_from=row.effective_from,
            patch=as_json(row.patch),
        )


@strawberry.input(description="新建本级事项：草稿第 1 版")
class CatalogueDraftCreateInput:
    tenant: str = strawberry.field(
        description="租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin"
    )
    document: JSON = strawberry.field(description="事项文档，格式见 docs/catalogue-format.md")


@strawberry.input(description="为本级事项新建草稿版本：复制最新版本")
class CatalogueDraftNewVersionInput:
    tenant: str = strawberry.field(
        description="租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin"
    )
    code: str = strawberry.field(description="本级事项代码")


@strawberry.input(description="以合并补丁编辑草稿")
class CatalogueDraftUpdateInput:
    tenant: str = strawberry.field(
        description="租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin"
    )
    code: str = strawberry.field(description="本级事项代码")
    version: int = strawberry.field(description="草稿的版本号")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；他人已修改时返回 CONFLICT"
    )
    patch: JSON = strawberry.field(description="RFC 7386 合并补丁")


@strawberry.input(description="发布草稿：先运行目录检查，不通过时每个问题一条 LINT_FAILED 错误")
class CatalogueDraftPublishInput:
    tenant: str = strawberry.field(
        description="租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin"
    )
    code: str = strawberry.field(description="本级事项代码")
    version: int = strawberry.field(description="草稿的版本号")
    lock_version: int = strawberry.field(
        description="读到的 lockVersion；他人已修改时返回 CONFLICT"
    )
    effective_from: date = strawberry.field(
        description="生效日期（YYYY-MM-DD，中国时间）；早于今天须有补登权限与 backdateReason"
    )
    backdate_reason: str | None = strawberry.field(
        default=None,
        description="生效日期早于今天时必填：补登理由（记入审计，且须有补登权限）",
    )


@strawberry.input(description="停用一个已发布版本")
class CatalogueVersionRetireInput:
    tenant: str = strawberry.field(
        description="租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin"
    )
    code: str = strawberry.field(description="本级事项代码")
    version: int = strawberry.field(description="已发布的版本号")


@strawberry.input(
    description="覆盖继承事项的非锁定要素（code、name、legal_basis、parent 锁定，覆盖时返回 LOCKED_ELEMENT）"
)
class CatalogueOverrideSetInput:
    tenant: str = strawberry.field(
        description="租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin"
    )
    code: str = strawberry.field(description="继承事项的代码")
    patch: JSON = strawberry.field(description="RFC 7386 合并补丁，作用于事项文档；null 值删除该键")
    effective_from: date = strawberry.field(
        description="生效日期（YYYY-MM-DD，中国时间）；早于今天须有补登权限与 backdateReason"
    )
    reason: str = strawberry.field(description="覆盖理由（记入审计）")
    backdate_reason: str | None = strawberry.field(
        default=None,
        description="生效日期早于今天时必填：补登理由（记入审计，且须有补登权限）",
    )


@strawberry.input(description="取消本级对继承事项的覆盖，自生效日起")
class CatalogueOverrideClearInput:
    tenant: str = strawberry.field(
        description="租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin"
    )
    code: str = strawberry.field(description="继承事项的代码")
    effective_from: date = strawberry.field(description="自此日起不再覆盖（YYYY-MM-DD，中国时间）")
    reason: str = strawberry.field(description="取消理由（记入审计）")
    backdate_reason: str | None = strawberry.field(
        default=None,
        description="生效日期早于今天时必填：补登理由（记入审计，且须有补登权限）",
    )


@strawberry.input(description="在本级停用或恢复一个继承事项")
class CatalogueItemToggleInput:
    tenant: str = strawberry.field(
        description="租户（行政区划代码，GB/T 2260）；调用者须在此租户（或其上级）持有 tenant_admin"
    )
    code: str = strawberry.field(description="继承事项的代码")
    reason: str = strawberry.field(description="理由（记入审计）")


ItemVersionError = payload_error(
    "ItemVersionError",
    [
        ErrorCode.NOT_FOUND,
        ErrorCode.LOCKED_ELEMENT,
        ErrorCode.ILLEGAL_TRANSITION,
        ErrorCode.LINT_FAILED,
    ],
    operations="事项版本变更（catalogueDraft…、catalogueVersionRetire）",
)
CatalogueOverrideError = payload_error(
    "CatalogueOverrideError",
    [ErrorCode.NOT_FOUND, ErrorCode.LOCKED_ELEMENT, ErrorCode.LINT_FAILED],
    operations="覆盖变更（catalogueOverrideSet、catalogueOverrideClear）",
)
DisabledItemsError = payload_error(
    "DisabledItemsError",
    [ErrorCode.NOT_FOUND],
    operations="停用、恢复继承事项（catalogueItemDisable、catalogueItemEnable）",
)


@strawberry.type(description="事项版本变更的结果")
class ItemVersionPayload(Failable):
    error_type = ItemVersionError
    item_version: ItemVersionType | None = strawberry.field(
        default=None, description="变更后的版本；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(ItemVersionError)

    @classmethod
    def of(cls, row: CatalogueItem) -> ItemVersionPayload:
        return cls(item_version=ItemVersionType.of(row))


@strawberry.type(description="覆盖变更的结果")
class CatalogueOverridePayload(Failable):
    error_type = CatalogueOverrideError
    override: CatalogueOverrideType | None = strawberry.field(
        default=None, description="变更后的覆盖；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(CatalogueOverrideError)


@strawberry.type(description="停用、恢复继承事项的结果")
class DisabledItemsPayload(Failable):
    error_type = DisabledItemsError
    disabled_items: list[str] | None = strawberry.field(
        default=None, description="变更后本级停用的继承事项代码；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(DisabledItemsError)


async def _item_version(
    info: Info, work: Callable[[UnitOfWork], Awaitable[CatalogueItem]]
) -> ItemVersionPayload:
    async def payload(uow: UnitOfWork) -> ItemVersionPayload:
        return ItemVersionPayload.of(await work(uow))

    return await run_mutation(info, ItemVersionPayload, payload)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@strawberry.type(description="事项目录的版本与差异查询")
class CatalogueAdminQuery:
    @strawberry.field(
        description="租户自有事项的所有版本，按版本号；公开，草稿仅对有草稿查看权限者（tenant_admin、auditor）可见",
        deprecation_reason="#17：请用 itemVersionsConnection（分页，随版本增长的列表）",
    )
    async def item_versions(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="所有者租户（行政区划代码）")],
        code: Annotated[str, strawberry.argument(description="该租户自有事项的代码")],
    ) -> list[ItemVersionType]:
        async with scoped_session(info.context.db, info.context.principal) as session:
            rows = await history.item_versions(
                session, actor=info.context.principal, tenant=tenant, code=code
            )
        return [ItemVersionType.of(r) for r in rows]

    @strawberry.field(
        description="租户自有事项的版本的分页列表，按版本号（最早的在前）；公开，草稿仅对有草稿查看权限者（tenant_admin、auditor）可见"
    )
    async def item_versions_connection(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="所有者租户（行政区划代码）")],
        code: Annotated[str, strawberry.argument(description="该租户自有事项的代码")],
        first: Annotated[int, strawberry.argument(description=FIRST)] = 20,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> ItemVersionConnection:
        check_page_size(first, path=["first"])
        async with scoped_session(info.context.db, info.context.principal) as session:
            rows = await history.item_versions(
                session, actor=info.context.principal, tenant=tenant, code=code
            )
        page, more = slice_after(rows, _version_key, first=first, after=after, path=["after"])
        edges = [
            ItemVersionConnection.edge(
                cursor=encode_cursor(_version_key(r)), node=ItemVersionType.of(r)
            )
            for r in page
        ]
        return ItemVersionConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=more, after=after),
            total_count=len(rows),
        )

    @strawberry.field(
        name="itemDiff", description="同一事项两个版本之间逐要素的差异；公开（草稿须有查看权限）"
    )
    async def item_diff(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="所有者租户（行政区划代码）")],
        code: Annotated[str, strawberry.argument(description="该租户自有事项的代码")],
        from_version: Annotated[int, strawberry.argument(description="比较的起点版本号")],
        to_version: Annotated[int, strawberry.argument(description="比较的终点版本号")],
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

    @strawberry.field(description="租户相对上级的变化：覆盖、新增、停用；公开，无需令牌")
    async def catalogue_diff(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="租户（行政区划代码）")],
        as_of: Annotated[
            date | None,
            strawberry.argument(description="日期（YYYY-MM-DD，中国时间的日历日）；省略为今天"),
        ] = None,
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


@strawberry.type(description="事项目录的管理（tenant_admin，管辖范围内）")
class CatalogueAdminMutation:
    @strawberry.mutation(description="新建本级事项（草稿第 1 版）")
    async def catalogue_draft_create(
        self,
        info: Info,
        input: Annotated[
            CatalogueDraftCreateInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> ItemVersionPayload:
        return await _item_version(
            info,
            lambda uow: admin.draft_create(
                uow, tenant=input.tenant, document=_dict(input.document)
            ),
        )

    @strawberry.mutation(description="为本级事项新建草稿版本（复制最新版本）")
    async def catalogue_draft_new_version(
        self,
        info: Info,
        input: Annotated[
            CatalogueDraftNewVersionInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> ItemVersionPayload:
        return await _item_version(
            info, lambda uow: admin.draft_new_version(uow, tenant=input.tenant, code=input.code)
        )

    @strawberry.mutation(description="以合并补丁编辑草稿；lockVersion 不符时返回 CONFLICT")
    async def catalogue_draft_update(
        self,
        info: Info,
        input: Annotated[
            CatalogueDraftUpdateInput, strawberry.argument(description=MUTATION_INPUT)
        ],
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
        self,
        info: Info,
        input: Annotated[
            CatalogueDraftPublishInput, strawberry.argument(description=MUTATION_INPUT)
        ],
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
        self,
        info: Info,
        input: Annotated[
            CatalogueVersionRetireInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> ItemVersionPayload:
        return await _item_version(
            info,
            lambda uow: admin.version_retire(
                uow, tenant=input.tenant, code=input.code, version=input.version
            ),
        )

    @strawberry.mutation(description="覆盖继承事项的非锁定要素（合并补丁）")
    async def catalogue_override_set(
        self,
        info: Info,
        input: Annotated[
            CatalogueOverrideSetInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> CatalogueOverridePayload:
        return await _override(info, input, _dict(input.patch))

    @strawberry.mutation(description="取消对继承事项的覆盖（自生效日起）")
    async def catalogue_override_clear(
        self,
        info: Info,
        input: Annotated[
            CatalogueOverrideClearInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> CatalogueOverridePayload:
        return await _override(info, input, {}, replace=True)

    @strawberry.mutation(description="在本级及下级停用一个继承事项")
    async def catalogue_item_disable(
        self,
        info: Info,
        input: Annotated[CatalogueItemToggleInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> DisabledItemsPayload:
        return await _toggle(info, input, disabled=True)

    @strawberry.mutation(description="在本级恢复一个被停用的继承事项")
    async def catalogue_item_enable(
        self,
        info: Info,
        input: Annotated[CatalogueItemToggleInput, strawberry.argument(description=MUTATION_INPUT)],
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
