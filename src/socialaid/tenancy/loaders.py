"""This request's batch loaders for tenants and what hangs under them."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from socialaid.kernel.context import Context
from socialaid.kernel.loaders import grouped_loader, keyed_loader
from socialaid.tenancy import service
from socialaid.tenancy.models import Area, Department, Tenant

_SLOT = "tenancy"


@dataclass
class TenancyLoaders:
    tenant: DataLoader[str, Tenant | None]
    children: DataLoader[str, list[Tenant]]
    departments: DataLoader[str, list[Department]]
    areas: DataLoader[str, list[Area]]


def tenancy_loaders(context: Context) -> TenancyLoaders:
    """This request's loaders (created on first use)."""
    existing = context.request_loaders.get(_SLOT)
    if isinstance(existing, TenancyLoaders):
        return existing
    db = context.db
    created = TenancyLoaders(
        tenant=keyed_loader(db, service.tenants_by_code),
        children=grouped_loader(db, service.children_of),
        departments=grouped_loader(db, service.departments_of),
        areas=grouped_loader(db, service.areas_of),
    )
    context.request_loaders[_SLOT] = created
    return created
