"""Admins configure their tenant's catalogue: drafts, publishing, retiring, overrides, disabling.

Every function authorizes once, changes rows, writes its audit event and (for what the public
sees) bumps the content revision — all in the caller's transaction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authorize
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.audit.writer import write_event
from socialaid.catalogue.files import ItemFile, Status
from socialaid.catalogue.importer import bump_revision
from socialaid.catalogue.inheritance import LockedElementError, check_patch
from socialaid.catalogue.lint import lint_catalogue, lint_title
from socialaid.catalogue.loader import document_of
from socialaid.catalogue.merge_patch import apply_merge_patch
from socialaid.catalogue.models import CatalogueItem, CatalogueOverride, TenantCatalogue
from socialaid.catalogue.service import CatalogueCaches, library, tenant_view
from socialaid.clock import today_in_china
from socialaid.datafiles import format_location
from socialaid.errors import (
    ConflictError,
    DomainError,
    ErrorCode,
    LintFailedError,
    NotFoundError,
)
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.models import Tenant
from socialaid.tenancy.service import get_tenant

# Managed by these operations, never by an edit.
MANAGED_ELEMENTS = frozenset({"code", "version", "status", "effective_from", "effective_to"})


class LockedElementDomainError(DomainError):
    code = ErrorCode.LOCKED_ELEMENT


def _item_document(data: dict[str, Any], *, path: list[str]) -> ItemFile:
    try:
        return ItemFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = format_location(first["loc"])
        raise DomainError(f"{location}: {first['msg']}", path=[*path, location]) from exc


async def _authorized_tenant(
    session: AsyncSession, actor: Principal | None, tenant: str, resource: Resource, action: Action
) -> tuple[Tenant, Principal]:
    row = await get_tenant(session, code=tenant)
    return row, authorize(actor, resource, action, Target(tenant_path=row.path))


def _check_effective_from(
    actor: Principal, tenant: Tenant, effective_from: date, backdate_reason: str | None
) -> dict[str, str]:
    """A change takes effect today or later; an earlier date rewrites what applicants were told,
    so it needs a stated reason and the backdate permission. Returns what the audit records."""
    if effective_from >= today_in_china():
        return {}
    if backdate_reason is None or not backdate_reason.strip():
        raise DomainError(
            "生效日期早于今天：补登须填写理由（backdateReason）", path=["effectiveFrom"]
        )
    authorize(actor, Resource.CATALOGUE, Action.BACKDATE, Target(tenant_path=tenant.path))
    return {"backdate_reason": backdate_reason}


async def _versions(session: AsyncSession, tenant: str, code: str) -> list[CatalogueItem]:
    rows = await session.execute(
        select(CatalogueItem)
        .where(col(CatalogueItem.tenant_id) == tenant, col(CatalogueItem.code) == code)
        .order_by(col(CatalogueItem.version))
    )
    return list(rows.scalars())


async def _inherited_codes(session: AsyncSession, tenant: Tenant) -> set[str]:
    ancestors = tenant.path.split("/")[:-1]
    if not ancestors:
        return set()
    rows = await session.execute(
        select(col(CatalogueItem.code))
        .where(col(CatalogueItem.tenant_id).in_(ancestors))
        .distinct()
    )
    return set(rows.scalars())


async def _audit(
    session: AsyncSession,
    request_id: str | None,
    actor: Principal,
    tenant: str,
    action: str,
    subject: str,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
) -> None:
    await write_event(
        session,
        actor=actor,
        action=action,
        tenant_id=tenant,
        subject_type="catalogue_item",
        subject_id=subject,
        before=before,
        after=after,
        reason=reason,
        request_id=request_id,
    )


async def draft_create(
    uow: UnitOfWork,
    *,
    tenant: str,
    document: dict[str, Any],
) -> CatalogueItem:
    """A new local item, as draft version 1."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    row, actor = await _authorized_tenant(
        session, actor, tenant, Resource.CATALOGUE_DRAFT, Action.CREATE
    )
    item = _item_document(
        {**document, "version": 1, "status": Status.DRAFT.value}, path=["document"]
    )
    if item.code in await _inherited_codes(session, row):
        raise DomainError(
            f"{item.code} 为上级事项，请使用覆盖（override）修改", path=["document", "code"]
        )
    if await _versions(session, tenant, item.code):
        raise ConflictError(f"事项 {item.code} 已存在，请新建版本", path=["document", "code"])
    draft = CatalogueItem(
        tenant_id=tenant,
        code=item.code,
        version=1,
        parent_code=item.parent,
        name=item.name,
        department=item.department,
        mode=item.mode.value,
        status=Status.DRAFT.value,
        effective_from=item.effective_from,
        effective_to=item.effective_to,
        document=document_of(item),
    )
    session.add(draft)
    await session.flush()
    await _audit(
        session,
        request_id,
        actor,
        tenant,
        "catalogue.draft_create",
        f"{item.code}@1",
        after=draft.document,
    )
    return draft


async def draft_new_version(
    uow: UnitOfWork,
    *,
    tenant: str,
    code: str,
) -> CatalogueItem:
    """A draft copy of the item's latest version, numbered one higher."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    _, actor = await _authorized_tenant(
        session, actor, tenant, Resource.CATALOGUE_DRAFT, Action.CREATE
    )
    versions = await _versions(session, tenant, code)
    if not versions:
        raise NotFoundError(f"租户 {tenant} 没有自有事项 {code}", path=["code"])
    if any(v.status == Status.DRAFT.value for v in versions):
        raise ConflictError(f"事项 {code} 已有草稿", path=["code"])
    latest = versions[-1]
    number = latest.version + 1
    document = {**latest.document, "version": number, "status": Status.DRAFT.value}
    draft = CatalogueItem(
        tenant_id=tenant,
        code=code,
        version=number,
        parent_code=latest.parent_code,
        name=latest.name,
        department=latest.department,
        mode=latest.mode,
        status=Status.DRAFT.value,
        effective_from=latest.effective_from,
        effective_to=None,
        document=document,
    )
    session.add(draft)
    await session.flush()
    await _audit(
        session,
        request_id,
        actor,
        tenant,
        "catalogue.draft_new_version",
        f"{code}@{number}",
        after=document,
    )
    return draft


async def _draft(session: AsyncSession, tenant: str, code: str, version: int) -> CatalogueItem:
    draft = await session.get(CatalogueItem, (tenant, code, version))
    if draft is None:
        raise NotFoundError(f"没有事项 {code} 的第 {version} 版", path=["version"])
    if draft.status != Status.DRAFT.value:
        raise DomainError(
            f"第 {version} 版已{draft.status}，不可修改",
            code=ErrorCode.ILLEGAL_TRANSITION,
            path=["version"],
        )
    return draft


async def _save_if_unchanged(
    session: AsyncSession, draft: CatalogueItem, expected_lock: int, values: dict[str, Any]
) -> None:
    """Optimistic locking: the update applies only if nobody saved the draft since it was read."""
    result = await session.execute(
        update(CatalogueItem)
        .where(
            col(CatalogueItem.tenant_id) == draft.tenant_id,
            col(CatalogueItem.code) == draft.code,
            col(CatalogueItem.version) == draft.version,
            col(CatalogueItem.lock_version) == expected_lock,
        )
        .values(**values, lock_version=expected_lock + 1, updated_at=func.now())
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError("草稿已被他人修改，请刷新后重试", path=["lockVersion"])


async def draft_update(
    uow: UnitOfWork,
    *,
    tenant: str,
    code: str,
    version: int,
    lock_version: int,
    patch: dict[str, Any],
) -> CatalogueItem:
    """Apply a merge patch to a draft; `lock_version` must be the one the editor read."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    _, actor = await _authorized_tenant(
        session, actor, tenant, Resource.CATALOGUE_DRAFT, Action.UPDATE
    )
    for element in patch:
        if element in MANAGED_ELEMENTS:
            raise LockedElementDomainError(
                f"{element} 由版本管理维护，不可直接编辑", path=["patch", element]
            )
    draft = await _draft(session, tenant, code, version)
    before = draft.document
    item = _item_document(apply_merge_patch(before, patch), path=["patch"])
    after = document_of(item)
    await _save_if_unchanged(
        session,
        draft,
        lock_version,
        {
            "document": after,
            "name": item.name,
            "parent_code": item.parent,
            "department": item.department,
            "mode": item.mode.value,
        },
    )
    await _audit(
        session,
        request_id,
        actor,
        tenant,
        "catalogue.draft_update",
        f"{code}@{version}",
        before=before,
        after=after,
    )
    await session.refresh(draft)
    return draft


async def lint_change(
    session: AsyncSession,
    caches: CatalogueCaches,
    tenant: Tenant,
    as_of: date,
    changed: ItemFile,
    *,
    override: bool = False,
) -> None:
    """Refuse a change if the tenant's effective catalogue on `as_of`, with `changed` in it (a
    published version of its own item, or an inherited item as its `override` leaves it), fails
    the catalogue lint: every problem the change brings, and every problem of the changed item,
    is a LINT_FAILED error naming the item and the path inside its document."""
    lib = await library(session, caches)
    view = await tenant_view(session, caches, tenant=tenant.tenant_id, as_of=as_of)
    inherited = {c for c, i in view.catalogue.items.items() if i.owner != tenant.tenant_id}
    code = changed.code
    parameters = [p.key for p in view.config.parameters] if view.config is not None else []
    departments = set(view.departments)
    after = dict(view.specs)
    if not override or code in after:  # an override of an item disabled here changes nothing
        after[code] = changed
    before = set(lint_catalogue(lib, view.specs, parameters=parameters, departments=departments))
    found = lint_catalogue(
        lib,
        after,
        parameters=parameters,
        departments=departments,
        redefined=set() if override else {code} & inherited,
    )
    brought = [e for e in found if e not in before or code in (e.item, *e.related)]
    if brought:
        raise LintFailedError(
            [
                DomainError(
                    f"事项 {e.item} 的 {e.path} 未通过目录检查：{lint_title(e.code)}"
                    f"（{e.code}：{e.message}）",
                    code=ErrorCode.LINT_FAILED,
                    path=["item", e.item, e.path],
                )
                for e in brought
            ]
        )


async def draft_publish(
    uow: UnitOfWork,
    *,
    tenant: str,
    code: str,
    version: int,
    lock_version: int,
    effective_from: date,
    backdate_reason: str | None = None,
) -> CatalogueItem:
    """Publish a draft from `effective_from`; from then on that version never changes."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    caches = uow.caches.of(CatalogueCaches)
    row, actor = await _authorized_tenant(
        session, actor, tenant, Resource.CATALOGUE, Action.PUBLISH
    )
    backdating = _check_effective_from(actor, row, effective_from, backdate_reason)
    draft = await _draft(session, tenant, code, version)
    item = _item_document(
        {
            **draft.document,
            "status": Status.PUBLISHED.value,
            "effective_from": effective_from.isoformat(),
        },
        path=["document"],
    )
    await lint_change(session, caches, row, effective_from, item)
    document = document_of(item)
    await _save_if_unchanged(
        session,
        draft,
        lock_version,
        {"status": Status.PUBLISHED.value, "effective_from": effective_from, "document": document},
    )
    await bump_revision(session)
    await _audit(
        session,
        request_id,
        actor,
        tenant,
        "catalogue.publish",
        f"{code}@{version}",
        after={"effective_from": effective_from.isoformat(), **backdating},
    )
    await session.refresh(draft)
    return draft


async def version_retire(
    uow: UnitOfWork,
    *,
    tenant: str,
    code: str,
    version: int,
) -> CatalogueItem:
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    _, actor = await _authorized_tenant(session, actor, tenant, Resource.CATALOGUE, Action.PUBLISH)
    row = await session.get(CatalogueItem, (tenant, code, version))
    if row is None:
        raise NotFoundError(f"没有事项 {code} 的第 {version} 版", path=["version"])
    if row.status != Status.PUBLISHED.value:
        raise DomainError(
            f"只有已发布的版本可以停用（当前：{row.status}）",
            code=ErrorCode.ILLEGAL_TRANSITION,
            path=["version"],
        )
    await session.execute(
        update(CatalogueItem)
        .where(
            col(CatalogueItem.tenant_id) == tenant,
            col(CatalogueItem.code) == code,
            col(CatalogueItem.version) == version,
        )
        .values(
            status=Status.RETIRED.value, lock_version=row.lock_version + 1, updated_at=func.now()
        )
    )
    await bump_revision(session)
    await _audit(session, request_id, actor, tenant, "catalogue.retire", f"{code}@{version}")
    await session.refresh(row)
    return row


async def override_set(
    uow: UnitOfWork,
    *,
    tenant: str,
    code: str,
    patch: dict[str, Any],
    effective_from: date,
    reason: str,
    replace: bool = False,
    backdate_reason: str | None = None,
) -> CatalogueOverride:
    """Change unlocked elements of an inherited item for this tenant and its descendants;
    `replace` with an empty patch clears the override."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    caches = uow.caches.of(CatalogueCaches)
    row, actor = await _authorized_tenant(
        session, actor, tenant, Resource.CATALOGUE, Action.PUBLISH
    )
    backdating = _check_effective_from(actor, row, effective_from, backdate_reason)
    try:
        check_patch(code, patch)
    except LockedElementError as exc:
        raise LockedElementDomainError(
            f"{exc.element} 为锁定要素，不可覆盖", path=["patch", exc.element]
        ) from exc
    for element in patch:
        if element in MANAGED_ELEMENTS:
            raise LockedElementDomainError(
                f"{element} 由版本管理维护，不可覆盖", path=["patch", element]
            )
    parent = row.parent_id
    base = None
    if parent is not None:
        parent_view = await tenant_view(session, caches, tenant=parent, as_of=effective_from)
        base = parent_view.catalogue.items.get(code)
    if base is None:
        raise NotFoundError(f"{code} 不是本租户继承的事项", path=["code"])
    current = (
        await session.execute(
            select(CatalogueOverride)
            .where(
                col(CatalogueOverride.tenant_id) == tenant,
                col(CatalogueOverride.item_code) == code,
            )
            .order_by(col(CatalogueOverride.version).desc())
            .limit(1)
        )
    ).scalar_one_or_none()
    current_patch = current.patch if current else {}
    # A tenant keeps one override per item: new elements merge into it (null drops one).
    combined = {} if replace else apply_merge_patch(current_patch, patch)
    changed = _item_document(apply_merge_patch(base.document, combined), path=["patch"])
    await lint_change(session, caches, row, effective_from, changed, override=True)
    latest = current.version if current else 0
    override = CatalogueOverride(
        tenant_id=tenant,
        item_code=code,
        version=latest + 1,
        status=Status.PUBLISHED.value,
        effective_from=effective_from,
        patch=combined,
        source={"document": f"管理员 {actor.user_id} 通过接口设置", "section": reason},
    )
    session.add(override)
    await session.flush()
    await bump_revision(session)
    await _audit(
        session,
        request_id,
        actor,
        tenant,
        "catalogue.override_clear" if replace else "catalogue.override_set",
        code,
        before=current_patch,
        after=combined,
        reason=f"{reason}（补登理由：{backdating['backdate_reason']}）" if backdating else reason,
    )
    return override


async def set_disabled(
    uow: UnitOfWork,
    *,
    tenant: str,
    code: str,
    disabled: bool,
    reason: str,
) -> list[str]:
    """Disable (or re-enable) an inherited item for this tenant and its descendants."""
    session, actor, request_id = uow.session, uow.actor, uow.request_id
    row, actor = await _authorized_tenant(
        session, actor, tenant, Resource.CATALOGUE, Action.PUBLISH
    )
    if code not in await _inherited_codes(session, row):
        raise NotFoundError(f"{code} 不是本租户继承的事项", path=["code"])
    config = await session.get(TenantCatalogue, tenant, with_for_update=True)
    document: dict[str, Any] = (
        dict(config.document)
        if config
        else {"source": {"document": "管理员通过接口设置", "section": "disabled_items"}}
    )
    current = list(document.get("disabled_items", []))
    updated = sorted(set(current) | {code}) if disabled else [c for c in current if c != code]
    document["disabled_items"] = updated
    if config is None:
        session.add(TenantCatalogue(tenant_id=tenant, document=document))
    else:
        config.document = document  # a new dict: JSONB is never mutated in place
    await session.flush()
    await bump_revision(session)
    await _audit(
        session,
        request_id,
        actor,
        tenant,
        "catalogue.disable" if disabled else "catalogue.enable",
        code,
        before={"disabled_items": current},
        after={"disabled_items": updated},
        reason=reason,
    )
    return updated
