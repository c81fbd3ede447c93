"""Every root query and mutation, and the permission it needs: the one place to look it up.

Add a line here for every new root field (the permission-matrix test fails for a field that is
missing). `tenant_argument` names the argument (dotted for input objects) that holds the target
tenant's code; None means the caller's own tenant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from socialaid.access.vocabulary import Action, Resource


@dataclass(frozen=True)
class Permission:
    resource: Resource
    action: Action
    tenant_argument: str | None = "tenant"


@dataclass(frozen=True)
class Public:
    """Readable by anyone, with or without a token."""


PUBLIC: Final = Public()

ROOT_FIELDS: dict[str, Permission | Public] = {
    # tenancy
    "tenants": PUBLIC,
    "tenant": PUBLIC,
    # catalogue (public reference data: 办事指南 is public information)
    "catalogue": PUBLIC,
    "item": PUBLIC,
    "dataElements": PUBLIC,
    "evidenceTypes": PUBLIC,
    "targetGroups": PUBLIC,
    # catalogue administration (drafts are filtered by permission inside the services)
    "itemVersions": PUBLIC,
    "itemDiff": PUBLIC,
    "catalogueDiff": PUBLIC,
    "catalogueDraftCreate": Permission(Resource.CATALOGUE_DRAFT, Action.CREATE, "input.tenant"),
    "catalogueDraftNewVersion": Permission(Resource.CATALOGUE_DRAFT, Action.CREATE, "input.tenant"),
    "catalogueDraftUpdate": Permission(Resource.CATALOGUE_DRAFT, Action.UPDATE, "input.tenant"),
    "catalogueDraftPublish": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueVersionRetire": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueOverrideSet": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueOverrideClear": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueItemDisable": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    "catalogueItemEnable": Permission(Resource.CATALOGUE, Action.PUBLISH, "input.tenant"),
    # forms (public: 一表申请 is part of the public service guide); shared data pushed by systems
    "applicationForm": PUBLIC,
    "applicationFormCheck": PUBLIC,
    "sharedRecordUpsert": Permission(Resource.SHARED_RECORD, Action.CREATE, "input.tenant"),
    # access
    "me": Permission(Resource.ME, Action.READ, tenant_argument=None),
    "roleAssignments": Permission(Resource.ROLE_ASSIGNMENT, Action.READ),
    "roleGrant": Permission(Resource.ROLE_ASSIGNMENT, Action.GRANT, "input.tenant"),
    "roleRevoke": Permission(Resource.ROLE_ASSIGNMENT, Action.REVOKE, "input.tenant"),
}


def permission_of(field_name: str) -> Permission | Public:
    try:
        return ROOT_FIELDS[field_name]
    except KeyError:
        raise KeyError(
            f"root field {field_name!r} has no entry in socialaid.access.registry.ROOT_FIELDS"
        ) from None
