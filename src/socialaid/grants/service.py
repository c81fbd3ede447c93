"""Role assignments (grant, revoke, list) and what the caller may do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, delete, func, insert, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.changes import notify_access_changed
from socialaid.access.decisions import authenticated, authorize, permitted_actions
from socialaid.access.duties import conflicting, same_jurisdiction
from socialaid.access.principal import Principal, Target
from socialaid.access.row_scope import row_scope, tenant_subtree
from socialaid.access.vocabulary import Action, Resource, Role
from socialaid.audit.writer import write_event
from socialaid.errors import ConflictError, DomainError, ErrorCode, NotFoundError
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

    def permissions(self) -> list[tuple[Resource, Action]]:
        """What the caller may do in its own tenant; asked only when a client selects it (it
        runs every rule of the policy past every grant)."""
        return permitted_actions(self.principal, self.principal.tenant_path)


def assignment_order() -> tuple[Any, ...]:
    """Users, then tenants, then roles: a stable order for reports."""
    return (col(RoleAssignment.user_id), col(RoleAssignment.tenant_id), col(RoleAssignment.role))


def assignment_key(row: RoleAssignment) -> tuple[str, str, str]:
    return (row.tenant_id, row.user_id, row.role)


async def _tenant(session: AsyncSession, code: str, path: list[str]) -> Tenant:
    tenant = await session.get(Tenant, code)
    if tenant is None:
        raise NotFoundError(f"没有行政区划代码为 {code} 的租户", path=path)
    return tenant


def _snapshot(row: RoleAssignment) -> dict[str, str]:
    return {"tenant": row.tenant_id, "user": row.user_id, "role": row.role}


class SeparationOfDutiesError(DomainError):
    """A grant that would let one person hold roles the duties file keeps apart."""

    code = ErrorCode.FORBIDDEN


async def _held_nearby(
    session: AsyncSession, user_id: str, tenant: Tenant
) -> list[tuple[str, Role]]:
    """The user's assigned roles in the tenant, above it and below it: (tenant name, role)."""
    rows = await session.execute(
        select(col(Tenant.name), col(Tenant.path), col(RoleAssignment.role))
        .join(Tenant, col(Tenant.tenant_id) == col(RoleAssignment.tenant_id))
        .where(col(RoleAssignment.user_id) == user_id)
    )
    return [(name, Role(held)) for name, path, held in rows if same_jurisdiction(path, tenant.path)]


async def _check_duties(
    session: AsyncSession, actor: Principal, tenant: Tenant, user_id: str, role: Role
) -> None:
    if user_id == actor.user_id:
        raise SeparationOfDutiesError(
            "不能给自己授予角色：授权须由他人作出", path=["input", "userId"]
        )
    for tenant_name, held in await _held_nearby(session, user_id, tenant):
        if conflicting(role, [held]):
            raise SeparationOfDutiesError(
                f"职责分离：该用户已在{tenant_name}担任 {held.value}，"
                f"不能在同一辖区再担任 {role.value}",
                path=["input", "role"],
            )


@dataclass(frozen=True)
class DutyViolation:
    user_id: str
    problem: str


async def duty_violations(session: AsyncSession) -> list[DutyViolation]:
    """Existing assignments that break the duties file or were granted by their own holder."""
    rows = (
        await session.execute(
            select(RoleAssignment, col(Tenant.path), col(Tenant.name))
            .join(Tenant, col(Tenant.tenant_id) == col(RoleAssignment.tenant_id))
            .order_by(*assignment_order())
        )
    ).all()
    found = [
        DutyViolation(a.user_id, f"{a.role} in {a.tenant_id} was granted by its holder")
        for a, _, _ in rows
        if a.granted_by == a.user_id
    ]
    for i, (a, path, _) in enumerate(rows):
        for b, other, _ in rows[i + 1 :]:
            if (
                a.user_id == b.user_id
                and same_jurisdiction(path, other)
                and conflicting(Role(a.role), [Role(b.role)])
            ):
                found.append(
                    DutyViolation(
                        a.user_id,
                        f"{a.role} in {a.tenant_id} and {b.role} in {b.tenant_id} may not go together",
                    )
                )
    return found


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
    await _check_duties(session, actor, tenant, user_id, role)
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


async def _assignment_conditions(
    session: AsyncSession, actor: Principal | None, tenant_code: str
) -> list[ColumnElement[bool]]:
    """Authorize, and the WHERE clauses of the assignments the actor may read in the subtree."""
    actor = authenticated(actor)
    tenant = await _tenant(session, tenant_code, ["tenant"])
    authorize(actor, Resource.ROLE_ASSIGNMENT, Action.READ, Target(tenant.path))
    return [
        tenant_subtree(col(RoleAssignment.tenant_id), tenant.path),
        row_scope(actor, Resource.ROLE_ASSIGNMENT, tenant=col(RoleAssignment.tenant_id)),
    ]


async def count_assignments(
    session: AsyncSession, *, actor: Principal | None, tenant_code: str
) -> int:
    """How many assignments `list_assignments` pages through (the same check and scope)."""
    conditions = await _assignment_conditions(session, actor, tenant_code)
    found = await session.scalar(
        select(func.count()).select_from(RoleAssignment).where(*conditions)
    )
    return int(found or 0)


async def list_assignments(
    session: AsyncSession,
    *,
    actor: Principal | None,
    tenant_code: str,
    first: int,
    after: tuple[str, str, str] | None = None,
) -> AssignmentPage:
    """Assignments in the tenant and its descendants, ordered by (tenant, user, role)."""
    key = tuple_(
        col(RoleAssignment.tenant_id), col(RoleAssignment.user_id), col(RoleAssignment.role)
    )
    query = (
        select(RoleAssignment)
        .where(*await _assignment_conditions(session, actor, tenant_code))
        .order_by(
            col(RoleAssignment.tenant_id), col(RoleAssignment.user_id), col(RoleAssignment.role)
        )
        .limit(first + 1)
    )
    if after is not None:
        query = query.where(key > tuple_(*after))
    rows = list((await session.execute(query)).scalars())
    return AssignmentPage(rows[:first], has_next_page=len(rows) > first)


async def get_assignment(
    session: AsyncSession, *, actor: Principal | None, tenant_code: str, user_id: str, role: str
) -> RoleAssignment:
    """One assignment, for a reader `list_assignments` would show it to (same check and scope)."""
    actor = authenticated(actor)
    tenant = await _tenant(session, tenant_code, ["id"])
    authorize(actor, Resource.ROLE_ASSIGNMENT, Action.READ, Target(tenant.path))
    row = await session.scalar(
        select(RoleAssignment).where(
            col(RoleAssignment.tenant_id) == tenant_code,
            col(RoleAssignment.user_id) == user_id,
            col(RoleAssignment.role) == role,
            row_scope(actor, Resource.ROLE_ASSIGNMENT, tenant=col(RoleAssignment.tenant_id)),
        )
    )
    if row is None:
        raise NotFoundError("没有这项角色授予", path=["id"])
    return row


def who_am_i(actor: Principal | None) -> WhoAmI:
    actor = authorize(actor, Resource.ME, Action.READ, Target(actor.tenant_path if actor else ""))
    return WhoAmI(actor)
