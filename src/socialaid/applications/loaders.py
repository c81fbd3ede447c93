"""Per-request batch loaders for what lies under an application in GraphQL: its cases, its
timeline and its answers as the reader may see them.

A page of applications asks for these of every node at once; each loader answers the whole page
in one scoped transaction instead of one session per node.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from strawberry.dataloader import DataLoader

from socialaid.access.decisions import UnauthenticatedError
from socialaid.access.sessions import scoped_session
from socialaid.applications import queries
from socialaid.applications.models import Application, ApplicationCase, ApplicationEvent
from socialaid.applications.timeline import TimelineEvent
from socialaid.errors import DomainError, NotFoundError
from socialaid.forms.service import FormCaches, form_by_hash
from socialaid.kernel.context import Context
from socialaid.notifications.models import Notification
from socialaid.tenancy.models import Tenant
from socialaid.tenancy.service import get_tenant

# An application's key: its tenant and id (both in every primary key).
Key = tuple[str, uuid.UUID]
_SLOT = "applications"


def key_of(application: Application) -> Key:
    return application.tenant_id, application.id


@dataclass
class ApplicationLoaders:
    cases: DataLoader[Key, list[ApplicationCase]]
    timeline: DataLoader[Key, list[TimelineEvent]]
    answers: DataLoader[Key, dict[str, Any]]
    notifications: DataLoader[Key, list[Notification]]


async def _cases_by_application(
    session: AsyncSession, keys: Sequence[Key]
) -> defaultdict[Key, list[ApplicationCase]]:
    grouped: defaultdict[Key, list[ApplicationCase]] = defaultdict(list)
    rows = await session.execute(
        select(ApplicationCase)
        .where(
            tuple_(col(ApplicationCase.tenant_id), col(ApplicationCase.application_id)).in_(
                list(keys)
            )
        )
        .order_by(col(ApplicationCase.item_code))
    )
    for case in rows.scalars():
        grouped[(case.tenant_id, case.application_id)].append(case)
    return grouped


def forget_application_loaders(context: Context) -> None:
    """After a change, nothing loaded before it may answer for what follows."""
    context.request_loaders.pop(_SLOT, None)


def application_loaders(context: Context) -> ApplicationLoaders:
    """This request's loaders (created on first use)."""
    existing = context.request_loaders.get(_SLOT)
    if isinstance(existing, ApplicationLoaders):
        return existing

    async def load_cases(keys: Sequence[Key]) -> list[list[ApplicationCase]]:
        async with scoped_session(context.db, context.principal) as session:
            grouped = await _cases_by_application(session, keys)
        return [grouped[k] for k in keys]

    async def load_timeline(keys: Sequence[Key]) -> list[list[TimelineEvent]]:
        grouped: defaultdict[Key, list[ApplicationEvent]] = defaultdict(list)
        async with scoped_session(context.db, context.principal) as session:
            rows = await session.execute(
                select(ApplicationEvent)
                .where(
                    tuple_(
                        col(ApplicationEvent.tenant_id), col(ApplicationEvent.application_id)
                    ).in_(list(keys))
                )
                .order_by(col(ApplicationEvent.id))
            )
            for event in rows.scalars():
                grouped[(event.tenant_id, event.application_id)].append(event)
        return [queries.events_as_timeline(grouped[k]) for k in keys]

    async def load_answers(keys: Sequence[Key]) -> list[dict[str, Any] | BaseException]:
        actor = context.principal
        if actor is None:  # pragma: no cover - every root field returning one authenticates
            raise UnauthenticatedError()
        async with scoped_session(context.db, actor) as session:
            rows = await session.execute(
                select(Application).where(
                    tuple_(col(Application.tenant_id), col(Application.id)).in_(list(keys))
                )
            )
            by_key = {key_of(a): a for a in rows.scalars()}
            cases = await _cases_by_application(session, keys)
            tenants: dict[str, Tenant] = {}
            shown: list[dict[str, Any] | BaseException] = []
            for key in keys:
                # One node's failure (a missing snapshot, a vanished row) is that node's alone.
                try:
                    application = by_key[key]
                    if application.tenant_id not in tenants:
                        tenants[application.tenant_id] = await get_tenant(
                            session, code=application.tenant_id
                        )
                    form = await form_by_hash(
                        session, context.caches.of(FormCaches), form_hash=application.form_hash
                    )
                    shown.append(
                        await queries.disclosed_answers(
                            session,
                            actor=actor,
                            application=application,
                            form=form,
                            tenant=tenants[application.tenant_id],
                            cases=cases[key],
                            request_id=context.request_id,
                        )
                    )
                except KeyError:
                    shown.append(NotFoundError("没有这个申请", path=["answers"]))
                except DomainError as error:
                    shown.append(error)
        return shown

    async def load_notifications(keys: Sequence[Key]) -> list[list[Notification]]:
        grouped: defaultdict[Key, list[Notification]] = defaultdict(list)
        async with scoped_session(context.db, context.principal) as session:
            rows = await session.execute(
                select(Notification)
                .where(
                    tuple_(col(Notification.tenant_id), col(Notification.application_id)).in_(
                        list(keys)
                    )
                )
                .order_by(col(Notification.id))
            )
            for notification in rows.scalars():
                if notification.application_id is not None:  # a lead's has none (issue 22)
                    key = (notification.tenant_id, notification.application_id)
                    grouped[key].append(notification)
        return [grouped[k] for k in keys]

    created = ApplicationLoaders(
        cases=DataLoader(load_fn=load_cases),
        timeline=DataLoader(load_fn=load_timeline),
        answers=DataLoader(load_fn=load_answers),
        notifications=DataLoader(load_fn=load_notifications),
    )
    context.request_loaders[_SLOT] = created
    return created
