"""What changed: an item's versions, the difference between two, a tenant against its parent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import is_allowed
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.catalogue.diff import ElementChange, diff_documents
from socialaid.catalogue.files import Status
from socialaid.catalogue.inheritance import Origin
from socialaid.catalogue.models import CatalogueItem
from socialaid.catalogue.service import CatalogueCaches, tenant_view
from socialaid.errors import NotFoundError
from socialaid.tenancy.service import get_tenant


async def item_versions(
    session: AsyncSession, *, actor: Principal | None, tenant: str, code: str
) -> list[CatalogueItem]:
    """Every version the tenant owns; drafts only for those who may read drafts there."""
    row = await get_tenant(session, code=tenant)
    sees_drafts = is_allowed(
        actor, Resource.CATALOGUE_DRAFT, Action.READ, Target(tenant_path=row.path)
    )
    rows = await session.execute(
        select(CatalogueItem)
        .where(col(CatalogueItem.tenant_id) == tenant, col(CatalogueItem.code) == code)
        .order_by(col(CatalogueItem.version))
    )
    versions = [v for v in rows.scalars() if sees_drafts or v.status != Status.DRAFT.value]
    if not versions:
        raise NotFoundError(f"租户 {tenant} 没有自有事项 {code}", path=["code"])
    return versions


async def item_diff(
    session: AsyncSession,
    *,
    actor: Principal | None,
    tenant: str,
    code: str,
    from_version: int,
    to_version: int,
) -> list[ElementChange]:
    versions = {
        v.version: v for v in await item_versions(session, actor=actor, tenant=tenant, code=code)
    }
    for name, number in (("from", from_version), ("to", to_version)):
        if number not in versions:
            raise NotFoundError(f"没有事项 {code} 的第 {number} 版", path=[name])
    return diff_documents(versions[from_version].document, versions[to_version].document)


@dataclass(frozen=True)
class OverrideSummary:
    code: str
    elements: list[str]
    changes: list[ElementChange]


@dataclass(frozen=True)
class CatalogueDiff:
    tenant: str
    parent: str | None
    overrides: list[OverrideSummary]
    additions: list[str]
    disabled: list[str]


async def catalogue_diff(
    session: AsyncSession, caches: CatalogueCaches, *, tenant: str, as_of: date
) -> CatalogueDiff:
    """What `tenant` changes relative to its parent on `as_of`: overrides, own items, disabled."""
    row = await get_tenant(session, code=tenant)
    view = await tenant_view(session, caches, tenant=tenant, as_of=as_of)
    parent_items: dict[str, Any] = {}
    if row.parent_id is not None:
        parent_view = await tenant_view(session, caches, tenant=row.parent_id, as_of=as_of)
        parent_items = dict(parent_view.catalogue.items)
    overrides = []
    for code, item in sorted(view.catalogue.items.items()):
        if tenant in item.overridden_by and code in parent_items:
            patched = [
                e
                for e, o in item.elements.items()
                if o.origin is Origin.OVERRIDDEN and o.tenant == tenant
            ]
            overrides.append(
                OverrideSummary(
                    code,
                    sorted(patched),
                    diff_documents(parent_items[code].document, item.document),
                )
            )
    additions = sorted(c for c, i in view.catalogue.items.items() if i.owner == tenant)
    disabled = sorted(c for c in parent_items if c not in view.catalogue.items)
    return CatalogueDiff(tenant, row.parent_id, overrides, additions, disabled)
