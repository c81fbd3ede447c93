"""Reading catalogues: a tenant's effective items on a date, the shared libraries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.caching import RevisionCache
from socialaid.catalogue.files import (
    DiscoveryRule,
    ItemFile,
    NeedsAssessmentScheme,
    TenantCatalogueFile,
)
from socialaid.catalogue.inheritance import (
    EffectiveCatalogue,
    ItemVersion,
    OverrideVersion,
    TenantLayer,
    resolve,
)
from socialaid.catalogue.library import Library, library_from_document
from socialaid.catalogue.models import (
    CatalogueItem,
    CatalogueOverride,
    ContentRevision,
    LibraryEntry,
    TenantCatalogue,
    TenantParameter,
)
from socialaid.catalogue.parameter_values import (
    ParameterSetting,
    ResolvedParameter,
    declarations,
    resolve_all,
)
from socialaid.errors import NotFoundError
from socialaid.tenancy.models import Department, Tenant
from socialaid.tenancy.service import get_tenant


@dataclass(frozen=True)
class TenantView:
    """What a tenant sees: its effective items (parsed), the library, the serving departments.

    Built once per content revision and shared by every request, so resolvers never go back to
    the database for catalogue data.
    """

    tenant: Tenant
    catalogue: EffectiveCatalogue
    departments: dict[str, Department]  # functional code → the nearest tenant's department
    config: TenantCatalogueFile | None
    specs: dict[str, ItemFile]
    library: Library
    # Issue 19: the applicant notifications' texts by kind, the nearest tenant's template winning.
    notification_templates: dict[str, str] = field(default_factory=dict)
    # Every parameter the catalogue declares, with the value the tenant reads on the view's date
    # (its own setting, else the nearest ancestor's, else the seed's) and where it comes from.
    parameters: dict[str, ResolvedParameter] = field(default_factory=dict)
    # Issue 22: the discovery rules in force, by code, each with the tenant whose file holds it
    # (a nearer tenant's rule with an ancestor's code replaces it).
    discovery_rules: dict[str, tuple[str, DiscoveryRule]] = field(default_factory=dict)
    # Issue 22: the needs-assessment scheme of the nearest tenant on the chain that has one.
    needs_assessment: NeedsAssessmentScheme | None = None


@dataclass
class CatalogueCaches:
    views: RevisionCache[TenantView] = field(
        default_factory=lambda: RevisionCache(name="tenant_views")
    )
    library: RevisionCache[Library] = field(
        default_factory=lambda: RevisionCache(1, name="catalogue_library")
    )


_REVISION_KEY = "socialaid.content_revision"


def forget_content_revision(session: AsyncSession) -> None:
    """After a bump, the next read in this transaction must see the new revision."""
    session.info.pop(_REVISION_KEY, None)


def remember_content_revision(session: AsyncSession, revision: int) -> None:
    """`revision`, read by the caller with other things in one statement, is this transaction's:
    `content_revision` answers it without reading again."""
    session.info[_REVISION_KEY] = (session.get_transaction(), revision)


async def content_revision(session: AsyncSession) -> int:
    """The revision of public reference data, read once per transaction of `session`."""
    known = session.info.get(_REVISION_KEY)
    if known is not None and known[0] is session.get_transaction():
        return int(known[1])
    revision = int(
        await session.scalar(
            select(col(ContentRevision.revision)).where(col(ContentRevision.id) == 1)
        )
        or 0
    )
    remember_content_revision(session, revision)
    return revision


async def _chain(session: AsyncSession, tenant: Tenant) -> list[Tenant]:
    codes = tenant.path.split("/")
    rows = (await session.execute(select(Tenant).where(col(Tenant.tenant_id).in_(codes)))).scalars()
    by_code = {t.tenant_id: t for t in rows}
    return [by_code[c] for c in codes]


async def _build_view(session: AsyncSession, tenant: Tenant, as_of: date) -> TenantView:
    chain = await _chain(session, tenant)
    codes = [t.tenant_id for t in chain]
    items: dict[str, list[ItemVersion]] = defaultdict(list)
    for row in (
        await session.execute(
            select(CatalogueItem).where(
                col(CatalogueItem.tenant_id).in_(codes), col(CatalogueItem.status) == "published"
            )
        )
    ).scalars():
        items[row.tenant_id].append(
            ItemVersion(
                row.tenant_id,
                row.code,
                row.version,
                row.status,
                row.effective_from,
                row.effective_to,
                row.document,
            )
        )
    overrides: dict[str, list[OverrideVersion]] = defaultdict(list)
    for o in (
        await session.execute(
            select(CatalogueOverride).where(
                col(CatalogueOverride.tenant_id).in_(codes),
                col(CatalogueOverride.status) == "published",
            )
        )
    ).scalars():
        overrides[o.tenant_id].append(
            OverrideVersion(
                o.tenant_id,
                o.item_code,
                o.version,
                o.status,
                o.effective_from,
                o.effective_to,
                o.patch,
            )
        )
    configs = {
        c.tenant_id: TenantCatalogueFile.model_validate(c.document)
        for c in (
            await session.execute(
                select(TenantCatalogue).where(col(TenantCatalogue.tenant_id).in_(codes))
            )
        ).scalars()
    }
    layers = [
        TenantLayer(
            tenant=code,
            items=items[code],
            overrides=overrides[code],
            disabled=frozenset(configs[code].disabled_items) if code in configs else frozenset(),
        )
        for code in codes
    ]
    departments: dict[str, Department] = {}
    for d in (
        await session.execute(select(Department).where(col(Department.tenant_id).in_(codes)))
    ).scalars():
        # Nearest tenant wins: the chain is root first, so later tenants overwrite.
        if d.code not in departments or codes.index(d.tenant_id) > codes.index(
            departments[d.code].tenant_id
        ):
            departments[d.code] = d
    catalogue = resolve(layers, as_of)
    specs = {code: ItemFile.model_validate(item.document) for code, item in catalogue.items.items()}
    declared = declarations(
        codes,
        {code: config.parameters for code, config in configs.items()},
        ((catalogue.items[code].owner, spec.parameters) for code, spec in specs.items()),
    )
    return TenantView(
        tenant=tenant,
        catalogue=catalogue,
        departments=departments,
        config=configs.get(tenant.tenant_id),
        specs=specs,
        library=await _build_library(session),
        notification_templates={
            template.kind: template.text
            for code in codes  # root first: a nearer tenant's template overwrites
            if code in configs
            for template in configs[code].notification_templates
        },
        parameters=resolve_all(declared, codes, await parameter_settings(session, codes), as_of),
        discovery_rules={
            rule.code: (code, rule)
            for code in codes  # root first: a nearer tenant's rule overwrites
            if code in configs
            for rule in configs[code].discovery_rules
        },
        needs_assessment=next(
            (
                configs[code].needs_assessment
                for code in reversed(codes)
                if code in configs and configs[code].needs_assessment is not None
            ),
            None,
        ),
    )


async def parameter_settings(session: AsyncSession, codes: list[str]) -> list[ParameterSetting]:
    """Every value the tenants `codes` have set, in force or not (a few rows per parameter)."""
    rows = (
        await session.execute(
            select(TenantParameter).where(col(TenantParameter.tenant_id).in_(codes))
        )
    ).scalars()
    return [
        ParameterSetting(
            tenant=row.tenant_id,
            key=row.key,
            value=row.value,
            effective_from=row.effective_from,
            source=row.source,
            reason=row.reason,
            set_by=row.set_by,
            set_at=row.set_at or datetime.min,
            sequence=row.id or 0,
        )
        for row in rows
    ]


async def tenant_view(
    session: AsyncSession, caches: CatalogueCaches, *, tenant: str, as_of: date
) -> TenantView:
    """The tenant's effective catalogue on `as_of`, cached until the content revision changes."""
    revision = await content_revision(session)
    row = await get_tenant(session, code=tenant)

    async def build() -> TenantView:
        return await _build_view(session, row, as_of)

    return await caches.views.get(revision, (tenant, as_of), build)


async def get_item(
    session: AsyncSession, caches: CatalogueCaches, *, tenant: str, code: str, as_of: date
) -> tuple[TenantView, Any]:
    view = await tenant_view(session, caches, tenant=tenant, as_of=as_of)
    item = view.catalogue.items.get(code)
    if item is None:
        raise NotFoundError(
            f"租户 {tenant} 在 {as_of.isoformat()} 没有有效的事项 {code}", path=["code"]
        )
    return view, item


async def _build_library(session: AsyncSession) -> Library:
    entries: dict[str, dict[str, Any]] = defaultdict(dict)
    rows = (
        await session.execute(
            select(LibraryEntry).order_by(col(LibraryEntry.kind), col(LibraryEntry.position))
        )
    ).scalars()
    for row in rows:
        entries[row.kind][row.key] = row.document
    parts = {
        "code_list": "code_lists",
        "repeat_group": "repeat_groups",
        "data_element": "data_elements",
        "evidence_type": "evidence_types",
        "target_group": "target_groups",
    }
    return library_from_document({parts[kind]: docs for kind, docs in entries.items()})


async def library(session: AsyncSession, caches: CatalogueCaches) -> Library:
    revision = await content_revision(session)

    async def build() -> Library:
        return await _build_library(session)

    return await caches.library.get(revision, "library", build)


async def notification_templates_of(session: AsyncSession, tenant_path: str) -> dict[str, str]:
    """The applicant notifications' templates for the tenant at `tenant_path`, by kind: the
    nearest tenant up the tree with a template for a kind wins (as TenantView's)."""
    chain = tenant_path.split("/")
    rows = await session.execute(
        select(col(TenantCatalogue.tenant_id), col(TenantCatalogue.document)).where(
            col(TenantCatalogue.tenant_id).in_(chain)
        )
    )
    documents: dict[str, dict[str, Any]] = {tenant: document for tenant, document in rows}
    return {
        template["kind"]: template["text"]
        for code in chain  # root first: a nearer tenant's template overwrites
        for template in documents.get(code, {}).get("notification_templates", [])
    }
