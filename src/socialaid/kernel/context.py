"""What every resolver receives: the database, the settings, the request and the loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from socialaid.access.principal import Principal
from socialaid.api.loaders import grouped_loader, keyed_loader
from socialaid.applications.notifications import ApplicationUpdates
from socialaid.catalogue.service import CatalogueCaches
from socialaid.config import Settings
from socialaid.db.database import Database
from socialaid.forms.service import FormCaches
from socialaid.tenancy import service as tenancy
from socialaid.tenancy.models import Area, Department, Tenant


@dataclass
class Loaders:
    tenant: DataLoader[str, Tenant | None]
    children: DataLoader[str, list[Tenant]]
    departments: DataLoader[str, list[Department]]
    areas: DataLoader[str, list[Area]]

    @classmethod
    def create(cls, db: Database) -> Loaders:
        return cls(
            tenant=keyed_loader(db, tenancy.tenants_by_code),
            children=grouped_loader(db, tenancy.children_of),
            departments=grouped_loader(db, tenancy.departments_of),
            areas=grouped_loader(db, tenancy.areas_of),
        )


@dataclass
class Context:
    db: Database
    settings: Settings
    request: Request | WebSocket | None = None
    response: Response | None = None
    # None: no credentials (or refused ones); public fields still answer, others UNAUTHENTICATED.
    principal: Principal | None = None
    request_id: str = field(default_factory=lambda: uuid4().hex)
    # Shared by every request of one app: public reference data keyed by content revision.
    catalogue_caches: CatalogueCaches = field(default_factory=CatalogueCaches)
    form_caches: FormCaches = field(default_factory=FormCaches)
    # This process's LISTEN connection for applicationUpdated, fanned out to subscribers.
    application_updates: ApplicationUpdates = field(default_factory=ApplicationUpdates)
    loaders: Loaders = field(init=False)
    # Loaders a domain creates on first use in this request (keyed by domain).
    request_loaders: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.loaders = Loaders.create(self.db)


Info = StrawberryInfo[Context, Any]
