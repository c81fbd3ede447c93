"""Role assignments (grant, revoke, list) and what the caller may do."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.changes import notify_access_changed
from socialaid.access.decisions import authenticated, authorize, permitted_actions
from socialaid.access.principal import Principal, Target
from socialaid.access.row_scope import row_scope, tenant_subtree
from socialaid.access.vocabulary import Action, Resource, Role
from socialaid.audit.writer import write_event
from socialaid.errors import ConflictError, NotFoundError
from socialaid.grants.models import RoleAssignment
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.models import Tenant

SUBJECT = "role_assignment"


@dataclass(frozen=True)
class AssignmentPage:
    assignments: list[RoleAssignment]
    has_next_page: bool


@dataclass(frozen=True)
class WhoAmI:
    principal: Principal
    permissions: list[tuple[Resource, Action]]


def assignment_key(row: RoleAssignment) -> tuple[str, str, str]:
    return (row.tenant_id, row.user_id, row.role)


async def _tenant(session: AsyncSession, code: str, path: list[str]) -> Tenant:
    tenant = await session.get(Tenant, code)
    if tenant is None:
        raise NotFoundError(f"没有行政区划代码为 {code} 的租户", path=path)
    return tenant


def _snapshot(row: RoleAssignment) -> dict[str, str]:
    return {"tenant": row.tenant_id, "user": row.user_id, "role": row.role}


async def grant(
    uow: UnitOfWork,
    *,
    tenant_code: str,
    user_id: str,
    role: Role,
) -> RoleAssignment:
    session, actor = uow.session, authenticated(uow.actor)
    tenant = await _tenant(session, tenant_code, ["input", "tenant"])
    authorize(actor, Resource.ROLE_ASSIGNMENT, Action.GRANT, Target(tenant.path))
    key = (tenant.tenant_id, user_id, role.value)
    if await session.get(RoleAssignment, key) is not None:
        raise ConflictError("该用户在此租户已有这一角色", path=["input", "role"])
    row = (
        await session.execute(
            insert(RoleAssignment)
            .values(
                tenant_id=tenant.tenant_id,
                user_id=user_id,
                role=role.value,
                granted_by=actor.user_id,
            )
            .returning(RoleAssignment)
        )
    ).scalar_one()
    await write_event(
        session,
        actor=actor,
        action="role.grant",
        tenant_id=tenant.tenant_id,
        subject_type=SUBJECT,
        subject_id=f"{user_id}/{role.value}",
        after=_snapshot(row),
        request_id=uow.request_id,
    )
    await notify_access_changed(session, user_id)
    return row


async def revoke(
    uow: UnitOfWork,
    *,
    tenant_code: str,
    user_id: str,
    role: Role,
) -> None:
    session, actor = uow.session, authenticated(uow.actor)
    tenant = await _tenant(session, tenant_code, ["input", "tenant"])
    authorize(actor, Resource.ROLE_ASSIGNMENT, Action.REVOKE, Target(tenant.path))
    row = (
        await session.execute(
            delete(RoleAssignment)
            .where(
                col(RoleAssignment.tenant_id) == tenant.tenant_id,
                col(RoleAssignment.user_id) == user_id,
                col(RoleAssignment.role) == role.value,
            )
            .returning(RoleAssignment)
        )
    ).scalar_one_or_none()
    if row is None:
        raise NotFoundError("该用户在此租户没有这一角色", path=["input", "role"])
    await write_event(
        session,
        actor=actor,
        action="role.revoke",
        tenant_id=tenant.tenant_id,
        subject_type=SUBJECT,
        subject_id=f"{user_id}/{role.value}",
        before=_snapshot(row),
        request_id=uow.request_id,
    )
    await notify_access_changed(session, user_id)


async def list_assignments(
    session: AsyncSession,
    *,
    actor: Principal | None,
    tenant_code: str,
    first: int,
    after: tuple[str, str, str] | None = None,
) -> AssignmentPage:
    """Assignments in the tenant and its descendants, ordered by (tenant, user, role)."""
    actor = authenticated(actor)
    tenant = await _tenant(session, tenant_code, ["tenant"])
    authorize(actor, Resource.ROLE_ASSIGNMENT, Action.READ, Target(tenant.path))
    key = tuple_(
        col(RoleAssignment.tenant_id), col(RoleAssignment.user_id), col(RoleAssignment.role)
    )
    query = (
        select(RoleAssignment)
        .where(
            tenant_subtree(col(RoleAssignment.tenant_id), tenant.path),
            row_scope(actor, Resource.ROLE_ASSIGNMENT, tenant=col(RoleAssignment.tenant_id)),
        )
        .order_by(
            col(RoleAssignment.tenant_id), col(RoleAssignment.user_id), col(RoleAssignment.role)
        )
        .limit(first + 1)
    )
    if after is not None:
        query = query.where(key > tuple_(*after))
    rows = list((await session.execute(query)).scalars())
    return AssignmentPage(rows[:first], has_next_page=len(rows) > first)


def who_am_i(actor: Principal | None) -> WhoAmI:
    actor = authorize(actor, Resource.ME, Action.READ, Target(actor.tenant_path if actor else ""))
    return WhoAmI(actor, permitted_actions(actor, actor.tenant_path))
