"""The one authorization decision: may this principal do this action on this target?

Services call `authorize` once per operation, before touching data.
"""

from __future__ import annotations

from socialaid.access.policy import Policy, default_policy, tenant_covers
from socialaid.access.principal import Grant, Principal, Target
from socialaid.access.vocabulary import ROW_SCOPE, Action, Resource, Role, RowScope
from socialaid.errors import DomainError, ErrorCode


class ForbiddenError(DomainError):
    code = ErrorCode.FORBIDDEN

    def __init__(self) -> None:
        # The same words for every refusal: the message must not reveal what exists.
        super().__init__("没有权限执行此操作")


class UnauthenticatedError(DomainError):
    code = ErrorCode.UNAUTHENTICATED

    def __init__(self) -> None:
        super().__init__("需要有效的身份凭证")


def _attributes_match(actor: Principal, grant: Grant, target: Target) -> bool:
    scope = ROW_SCOPE[grant.role]
    if scope is RowScope.DEPARTMENT and target.department is not None:
        return target.department in actor.departments
    if scope is RowScope.AREA and target.area_path is not None:
        # Area codes are local to a tenant: the actor's area is one of its home tenant's.
        return (
            actor.area is not None
            and target.tenant_path == actor.tenant_path
            and tenant_covers(actor.area, target.area_path)
        )
    if scope is RowScope.OWN and target.owner is not None:
        return target.owner == actor.user_id
    return True


def allowing_grants(
    actor: Principal,
    resource: Resource,
    action: Action,
    tenant_path: str,
    *,
    policy: Policy | None = None,
) -> tuple[Grant, ...]:
    """The actor's grants that cover `tenant_path` and whose role the policy allows there."""
    policy = policy or default_policy()
    return tuple(
        g
        for g in actor.grants_at(tenant_path)
        if policy.allows(g.role, tenant_path, resource, action)
    )


def is_allowed(
    actor: Principal | None,
    resource: Resource,
    action: Action,
    target: Target,
    *,
    policy: Policy | None = None,
) -> bool:
    if actor is None:
        return False
    grants = allowing_grants(actor, resource, action, target.tenant_path, policy=policy)
    return any(_attributes_match(actor, g, target) for g in grants)


def roles_allowed(
    actor: Principal,
    resource: Resource,
    action: Action,
    target: Target,
    *,
    policy: Policy | None = None,
) -> tuple[Role, ...]:
    """The roles through which the actor may do this to this very target (not every role the
    actor holds somewhere): what a role-dependent answer, such as masking, must go by."""
    grants = allowing_grants(actor, resource, action, target.tenant_path, policy=policy)
    return tuple(dict.fromkeys(g.role for g in grants if _attributes_match(actor, g, target)))


def authenticated(actor: Principal | None) -> Principal:
    """The actor, or UNAUTHENTICATED: call first when input checks precede `authorize`."""
    if actor is None:
        raise UnauthenticatedError()
    return actor


def authorize(
    actor: Principal | None,
    resource: Resource,
    action: Action,
    target: Target,
    *,
    policy: Policy | None = None,
) -> Principal:
    """Return the actor when allowed; raise UNAUTHENTICATED without one, FORBIDDEN otherwise."""
    actor = authenticated(actor)
    if not is_allowed(actor, resource, action, target, policy=policy):
        raise ForbiddenError()
    return actor


def permitted_actions(
    actor: Principal, tenant_path: str, *, policy: Policy | None = None
) -> list[tuple[Resource, Action]]:
    """Every (resource, action) some grant of the actor allows at `tenant_path`, sorted."""
    policy = policy or default_policy()
    pairs: set[tuple[str, str]] = set()
    for grant in actor.grants_at(tenant_path):
        pairs |= policy.permissions_of(grant.role, tenant_path)
    return sorted((Resource(r), Action(a)) for r, a in pairs)


def allowed_somewhere(actor: Principal | None, resource: Resource, action: Action) -> Principal:
    """Refuse at once a caller none of whose grants allows `action` on `resource` anywhere, so a
    refusal never depends on whether the row asked for exists."""
    actor = authenticated(actor)
    if not any(
        is_allowed(actor, resource, action, Target(tenant_path=g.tenant_path)) for g in actor.grants
    ):
        raise ForbiddenError()
    return actor
