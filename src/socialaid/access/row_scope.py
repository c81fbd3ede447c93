"""The SQL predicate for which rows a principal sees; services and data loaders share it."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.orm import Mapped
from sqlmodel import col

from socialaid.access.policy import Policy, default_policy
from socialaid.access.principal import Grant, Principal
from socialaid.access.vocabulary import ROW_SCOPE, Action, Resource, RowScope
from socialaid.tenancy.models import Tenant

# A table's column, or a model's mapped attribute (sqlmodel's `col(Model.field)`).
ColumnLike = ColumnElement[str] | Mapped[str]


def tenant_subtree(tenant: ColumnLike, path: str) -> ColumnElement[bool]:
    """`tenant` is the tenant at `path` or one of its descendants (an indexed prefix match)."""
    codes = select(col(Tenant.tenant_id)).where(
        or_(col(Tenant.path) == path, col(Tenant.path).like(path + "/%"))
    )
    return tenant.in_(codes)


def _restriction(
    actor: Principal,
    grant: Grant,
    department: ColumnLike | None,
    area: ColumnLike | None,
    owner: ColumnLike | None,
) -> ColumnElement[bool]:
    """A role scoped by an attribute the table lacks sees none of its rows."""
    match ROW_SCOPE[grant.role]:
        case RowScope.TENANT:
            return true()
        case RowScope.DEPARTMENT:
            if department is None or not actor.departments:
                return false()
            return department.in_(actor.departments)
        case RowScope.AREA:
            if area is None or actor.area is None:
                return false()
            return or_(area == actor.area, area.like(actor.area + "/%"))
        case RowScope.OWN:
            return false() if owner is None else owner == actor.user_id


def row_scope(
    actor: Principal | None,
    resource: Resource,
    *,
    tenant: ColumnLike,
    department: ColumnLike | None = None,
    area: ColumnLike | None = None,
    owner: ColumnLike | None = None,
    action: Action = Action.READ,
    policy: Policy | None = None,
) -> ColumnElement[bool]:
    """Rows of `resource` the actor may `action`: for each grant whose role the policy allows,
    the grant's tenant subtree narrowed by the role's row scope (department, area, own)."""
    if actor is None:
        return false()
    policy = policy or default_policy()
    clauses = [
        and_(tenant_subtree(tenant, g.tenant_path), _restriction(actor, g, department, area, owner))
        for g in actor.grants
        if policy.allows(g.role, g.tenant_path, resource, action)
    ]
    return or_(false(), *clauses)
