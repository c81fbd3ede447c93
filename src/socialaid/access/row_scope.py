"""The SQL predicate for which rows a principal sees; services and data loaders share it."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import ColumnElement, ScalarSelect, String, and_, column, false, or_, select, table
from sqlalchemy.orm import Mapped

from socialaid.access.policy import Policy, default_policy
from socialaid.access.principal import Grant, Principal
from socialaid.access.vocabulary import ROW_SCOPE, Action, Resource, RowScope

# A table's column, or a model's mapped attribute (sqlmodel's `col(Model.field)`).
ColumnLike = ColumnElement[str] | Mapped[str]

# The two columns of the tenant table (tenancy/models.py) a subtree is read from: the
# authorization core names the table, as authentication does, instead of importing the domain.
_TENANT = table("tenant", column("tenant_id", String), column("path", String))


@lru_cache(maxsize=4096)
def _subtree_codes(path: str) -> ScalarSelect[str]:
    # Cached: building this construct costs more than the rest of an authorization check.
    return (
        select(_TENANT.c.tenant_id)
        .where(or_(_TENANT.c.path == path, _TENANT.c.path.startswith(path + "/", autoescape=True)))
        .scalar_subquery()
    )


def tenant_subtree(tenant: ColumnLike, path: str) -> ColumnElement[bool]:
    """`tenant` is the tenant at `path` or one of its descendants (an indexed prefix match)."""
    return tenant.in_(_subtree_codes(path))


def _restriction(
    actor: Principal,
    grant: Grant,
    tenant: ColumnLike,
    department: ColumnLike | None,
    area: ColumnLike | None,
    owner: ColumnLike | None,
) -> ColumnElement[bool] | None:
    """None when the role sees the whole subtree; a role scoped by an attribute the table lacks
    sees none of its rows."""
    match ROW_SCOPE[grant.role]:
        case RowScope.TENANT:
            return None
        case RowScope.DEPARTMENT:
            if department is None or not actor.departments:
                return false()
            return department.in_(actor.departments)
        case RowScope.AREA:
            if area is None or actor.area is None:
                return false()
            # Area codes are local to a tenant: the actor's area is one of its home tenant's.
            return and_(
                tenant == actor.tenant_id,
                # Escaped: an area code may hold "_", which LIKE would read as any character.
                or_(area == actor.area, area.startswith(actor.area + "/", autoescape=True)),
            )
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
    clauses: list[ColumnElement[bool]] = []
    for grant in actor.grants:
        if not policy.allows(grant.role, grant.tenant_path, resource, action):
            continue
        subtree = tenant_subtree(tenant, grant.tenant_path)
        restriction = _restriction(actor, grant, tenant, department, area, owner)
        clauses.append(subtree if restriction is None else and_(subtree, restriction))
    if not clauses:
        return false()
    return clauses[0] if len(clauses) == 1 else or_(*clauses)
