"""Subscriptions (create, delete, rotate the secret, list) and their deliveries (a page).

Each use case authorizes once on the subscription's tenant and writes one audit event (ADR 0009);
the secret appears in the answer to create and rotate only, never in the audit or a read.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import allowed_somewhere, authenticated, authorize, roles_allowed
from socialaid.access.principal import Principal, Target
from socialaid.access.row_scope import tenant_subtree
from socialaid.access.vocabulary import Action, Resource, Role
from socialaid.audit.writer import write_event
from socialaid.errors import DomainError, NotFoundError
from socialaid.kernel.global_id import decode_global_id
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.models import Tenant
from socialaid.webhooks.addresses import UrlPolicy
from socialaid.webhooks.destination import refusal
from socialaid.webhooks.events import WebhookEvent
from socialaid.webhooks.models import WebhookDelivery, WebhookSubscription
from socialaid.webhooks.secret_box import new_secret, seal

SUBJECT = "webhook_subscription"
SUBSCRIPTION_TYPE = "WebhookSubscription"
MAX_DEPARTMENTS = 50


@dataclass(frozen=True)
class Created:
    subscription: WebhookSubscription
    secret: str  # shown once


@dataclass(frozen=True)
class DeliveryPage:
    deliveries: list[WebhookDelivery]
    has_next_page: bool


def _snapshot(row: WebhookSubscription) -> dict[str, object]:
    return {"url": row.url, "events": list(row.events), "departments": list(row.departments)}


async def _tenant(session: AsyncSession, code: str, path: list[str]) -> Tenant:
    tenant = await session.get(Tenant, code)
    if tenant is None:
        raise NotFoundError(f"没有行政区划代码为 {code} 的租户", path=path)
    return tenant


def _departments(actor: Principal, tenant: Tenant, asked: Sequence[str] | None) -> list[str]:
    """The departments a new subscription is told about. An administrator may name any (none:
    all); a department system only its own, and by default gets exactly its own."""
    target = Target(tenant_path=tenant.path)
    roles = roles_allowed(actor, Resource.WEBHOOK_SUBSCRIPTION, Action.CREATE, target)
    cleaned = sorted({d.strip() for d in asked or () if d.strip()})
    if len(cleaned) > MAX_DEPARTMENTS or any(len(d) > 100 for d in cleaned):
        raise DomainError(
            f"部门最多 {MAX_DEPARTMENTS} 个，每个代码不超过 100 个字符",
            path=["departments"],
        )
    if Role.TENANT_ADMIN in roles or not actor.departments:
        return cleaned
    own = sorted(actor.departments)
    if asked is None:
        return own
    outside = [d for d in cleaned if d not in own]
    if outside or not cleaned:
        raise DomainError(
            "部门系统只能订阅本部门的事件：" + "、".join(outside or ["（空）"]),
            path=["departments"],
        )
    return cleaned


async def create_subscription(
    uow: UnitOfWork,
    *,
    tenant: str,
    url: str,
    events: Sequence[WebhookEvent],
    departments: Sequence[str] | None,
    policy: UrlPolicy,
) -> Created:
    session, actor = uow.session, authenticated(uow.actor)
    row_tenant = await _tenant(session, tenant, ["tenant"])
    authorize(
        actor, Resource.WEBHOOK_SUBSCRIPTION, Action.CREATE, Target(tenant_path=row_tenant.path)
    )
    if not events:
        raise DomainError("请至少选择一种事件", path=["events"])
    problem = await refusal(url.strip(), policy)
    if problem is not None:
        raise DomainError(problem, path=["url"])
    chosen = _departments(actor, row_tenant, departments)
    subscription_id = uuid.uuid4()
    secret = new_secret()
    row = WebhookSubscription(
        tenant_id=row_tenant.tenant_id,
        id=subscription_id,
        url=url.strip(),
        events=sorted({e.value for e in events}),
        departments=chosen,
        secret_sealed=seal(uow.signing_key, str(subscription_id), secret),
        created_by=actor.user_id,
        created_at=uow.clock(),
    )
    session.add(row)
    await session.flush()
    await write_event(
        session,
        actor=actor,
        action="webhook_subscription.create",
        tenant_id=row.tenant_id,
        subject_type=SUBJECT,
        subject_id=str(row.id),
        after=_snapshot(row),
        request_id=uow.request_id,
    )
    return Created(row, secret)


def parse_subscription_id(value: str, path: list[str]) -> tuple[str, uuid.UUID]:
    decoded = decode_global_id(value)
    if decoded is None or decoded.type_name != SUBSCRIPTION_TYPE or len(decoded.parts) != 2:
        raise NotFoundError("没有这个事件推送订阅", path=path)
    try:
        return decoded.parts[0], uuid.UUID(decoded.parts[1])
    except ValueError:
        raise NotFoundError("没有这个事件推送订阅", path=path) from None


async def _subscription(
    session: AsyncSession, actor: Principal | None, value: str, action: Action, path: list[str]
) -> tuple[Principal, WebhookSubscription]:
    """The subscription `value` names, for an actor allowed `action` on it (the same refusal for
    a row that does not exist and one the actor's scope does not reach)."""
    actor = allowed_somewhere(actor, Resource.WEBHOOK_SUBSCRIPTION, action)
    tenant_id, subscription_id = parse_subscription_id(value, path)
    row = await session.get(WebhookSubscription, (tenant_id, subscription_id))
    tenant = await session.get(Tenant, tenant_id)
    if row is None or tenant is None:
        raise NotFoundError("没有这个事件推送订阅", path=path)
    authorize(actor, Resource.WEBHOOK_SUBSCRIPTION, action, Target(tenant_path=tenant.path))
    return actor, row


async def delete_subscription(uow: UnitOfWork, *, subscription: str) -> None:
    """Remove the subscription; its deliveries, sent or not, go with it."""
    session = uow.session
    actor, row = await _subscription(session, uow.actor, subscription, Action.DELETE, ["id"])
    before = _snapshot(row)
    await session.delete(row)
    await session.flush()
    await write_event(
        session,
        actor=actor,
        action="webhook_subscription.delete",
        tenant_id=row.tenant_id,
        subject_type=SUBJECT,
        subject_id=str(row.id),
        before=before,
        request_id=uow.request_id,
    )


async def rotate_secret(uow: UnitOfWork, *, subscription: str) -> Created:
    """A new secret at once: deliveries from now on, retries included, are signed with it."""
    session = uow.session
    actor, row = await _subscription(session, uow.actor, subscription, Action.UPDATE, ["id"])
    secret = new_secret()
    row.secret_sealed = seal(uow.signing_key, str(row.id), secret)
    row.secret_rotated_at = uow.clock()
    await session.flush()
    await write_event(
        session,
        actor=actor,
        action="webhook_subscription.rotate_secret",
        tenant_id=row.tenant_id,
        subject_type=SUBJECT,
        subject_id=str(row.id),
        after={"secret_rotated_at": row.secret_rotated_at.isoformat()},
        request_id=uow.request_id,
    )
    return Created(row, secret)


async def list_subscriptions(
    session: AsyncSession, *, actor: Principal | None, tenant: str
) -> list[WebhookSubscription]:
    """The subscriptions of the tenant and the tenants below it, oldest first."""
    actor = authenticated(actor)
    row_tenant = await _tenant(session, tenant, ["tenant"])
    authorize(
        actor, Resource.WEBHOOK_SUBSCRIPTION, Action.READ, Target(tenant_path=row_tenant.path)
    )
    rows = await session.execute(
        select(WebhookSubscription)
        .where(tenant_subtree(col(WebhookSubscription.tenant_id), row_tenant.path))
        .order_by(col(WebhookSubscription.created_at), col(WebhookSubscription.id))
    )
    return list(rows.scalars())


def delivery_key(row: WebhookDelivery) -> tuple[str, str]:
    assert row.created_at is not None  # set by the database
    return (row.created_at.isoformat(), str(row.id))


async def list_deliveries(
    session: AsyncSession,
    *,
    actor: Principal | None,
    subscription: str,
    first: int,
    after: tuple[str, str] | None,
) -> tuple[WebhookSubscription, DeliveryPage]:
    """A page of the subscription's deliveries, newest first."""
    _, row = await _subscription(session, actor, subscription, Action.READ, ["subscription"])
    order = tuple_(col(WebhookDelivery.created_at), col(WebhookDelivery.id))
    query = (
        select(WebhookDelivery)
        .where(
            col(WebhookDelivery.tenant_id) == row.tenant_id,
            col(WebhookDelivery.subscription_id) == row.id,
        )
        .order_by(col(WebhookDelivery.created_at).desc(), col(WebhookDelivery.id).desc())
        .limit(first + 1)
    )
    if after is not None:
        try:
            key = (datetime.fromisoformat(after[0]), uuid.UUID(after[1]))
        except ValueError:
            raise DomainError("游标无效", path=["after"]) from None
        query = query.where(order < tuple_(*key))
    rows = list((await session.execute(query)).scalars())
    return row, DeliveryPage(rows[:first], has_next_page=len(rows) > first)


async def count_deliveries(session: AsyncSession, row: WebhookSubscription) -> int:
    found = await session.scalar(
        select(func.count())
        .select_from(WebhookDelivery)
        .where(
            col(WebhookDelivery.tenant_id) == row.tenant_id,
            col(WebhookDelivery.subscription_id) == row.id,
        )
    )
    return int(found or 0)
