"""Before publishing a draft: which selections applied for in the last 90 days would get a
different merged form, and how.

The draft is published for real inside a savepoint that is always rolled back, so the preview
runs the same lint and inheritance as the publish itself and changes nothing. Applications
already submitted keep the form they were filled against (its snapshot, by hash) either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authorize
from socialaid.access.principal import Target
from socialaid.access.row_scope import tenant_subtree
from socialaid.access.vocabulary import Action, Resource
from socialaid.applications.models import Application
from socialaid.catalogue import admin
from socialaid.catalogue.models import CatalogueItem
from socialaid.catalogue.service import CatalogueCaches, forget_content_revision
from socialaid.clock import CHINA
from socialaid.errors import DomainError, NotFoundError
from socialaid.forms.compiled import CompiledForm
from socialaid.forms.difference import FormDifference, form_difference
from socialaid.forms.service import FormCaches, form_for_selection
from socialaid.kernel.caches import Caches
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.service import get_tenant

LOOKBACK = timedelta(days=90)


@dataclass(frozen=True)
class Selection:
    tenant: str
    items: tuple[str, ...]
    applications: int  # submitted with this selection in the period


@dataclass(frozen=True)
class SelectionChange:
    selection: Selection
    hash_before: str | None  # None: the selection does not compile (before or after)
    hash_after: str | None
    difference: FormDifference | None
    problem: str | None = None


async def recent_selections(
    session: AsyncSession, tenant_path: str, code: str, since: datetime
) -> list[Selection]:
    """The item selections of applications in the subtree since `since` that include `code`."""
    items = col(Application.items)
    rows = await session.execute(
        select(col(Application.tenant_id), items, func.count())
        .where(
            tenant_subtree(col(Application.tenant_id), tenant_path),
            col(Application.submitted_at) >= since,
            items.contains([code]),
        )
        .group_by(col(Application.tenant_id), items)
        .order_by(func.count().desc(), col(Application.tenant_id))
    )
    return [Selection(t, tuple(i), int(n)) for t, i, n in rows.all()]


async def _forms(
    session: AsyncSession, selections: Sequence[Selection], as_of: date
) -> dict[Selection, CompiledForm | str]:
    """Each selection's form on `as_of` from the catalogue this transaction sees (or why not)."""
    catalogue_caches, form_caches = CatalogueCaches(), FormCaches()
    forms: dict[Selection, CompiledForm | str] = {}
    for s in selections:
        try:
            forms[s] = await form_for_selection(
                session, catalogue_caches, form_caches, tenant=s.tenant, items=s.items, as_of=as_of
            )
        except DomainError as error:
            forms[s] = error.message
    return forms


async def publish_preview(
    uow: UnitOfWork,
    *,
    tenant: str,
    code: str,
    version: int,
    effective_from: date,
    now: datetime | None = None,
) -> list[SelectionChange]:
    """How publishing draft `version` of `code` from `effective_from` would change the forms of
    the selections applied for in the last 90 days; a publish that would fail raises its error."""
    session = uow.session
    row = await get_tenant(session, code=tenant)
    authorize(uow.actor, Resource.CATALOGUE, Action.PUBLISH, Target(row.path))
    draft = await session.get(CatalogueItem, (row.tenant_id, code, version))
    if draft is None or draft.status != "draft":
        raise NotFoundError(f"{row.name}没有事项 {code} 的第 {version} 版草稿", path=["version"])
    since = (now or datetime.now(CHINA)) - LOOKBACK
    selections = await recent_selections(session, row.path, code, since)
    before = await _forms(session, selections, effective_from)
    savepoint = await session.begin_nested()
    try:
        await admin.draft_publish(
            uow.in_same_transaction(Caches()),
            tenant=tenant,
            code=code,
            version=version,
            lock_version=draft.lock_version,
            effective_from=effective_from,
        )
        after = await _forms(session, selections, effective_from)
    finally:
        await savepoint.rollback()
        forget_content_revision(session)
        # The draft was refreshed inside the savepoint and would still read as published.
        session.expire_all()
    return [_change(s, before[s], after[s]) for s in selections]


async def override_preview(
    uow: UnitOfWork,
    *,
    tenant: str,
    code: str,
    patch: dict[str, Any],
    effective_from: date,
    now: datetime | None = None,
) -> list[SelectionChange]:
    """How setting the override `patch` of inherited item `code` from `effective_from` would
    change the forms of the selections applied for in the last 90 days; an override that would
    be refused (a locked element, a lint problem) raises its error. Nothing is kept."""
    session = uow.session
    row = await get_tenant(session, code=tenant)
    authorize(uow.actor, Resource.CATALOGUE, Action.PUBLISH, Target(row.path))
    since = (now or datetime.now(CHINA)) - LOOKBACK
    selections = await recent_selections(session, row.path, code, since)
    before = await _forms(session, selections, effective_from)
    savepoint = await session.begin_nested()
    try:
        await admin.override_set(
            uow.in_same_transaction(Caches()),
            tenant=tenant,
            code=code,
            patch=patch,
            effective_from=effective_from,
            reason="预览（不保存）",
        )
        after = await _forms(session, selections, effective_from)
    finally:
        await savepoint.rollback()
        forget_content_revision(session)
        session.expire_all()
    return [_change(s, before[s], after[s]) for s in selections]


def _change(
    selection: Selection, before: CompiledForm | str, after: CompiledForm | str
) -> SelectionChange:
    if isinstance(before, str) or isinstance(after, str):
        return SelectionChange(
            selection,
            None if isinstance(before, str) else before.content_hash,
            None if isinstance(after, str) else after.content_hash,
            None,
            problem=after
            if isinstance(after, str)
            else before
            if isinstance(before, str)
            else None,
        )
    return SelectionChange(
        selection, before.content_hash, after.content_hash, form_difference(before, after)
    )
