"""A tenant admin sets a value of a catalogue parameter from a date (tenantParameterSet, issue 21)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.dialects.postgresql import insert

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.audit.writer import write_event
from socialaid.catalogue.importer import bump_revision
from socialaid.catalogue.models import TenantParameter
from socialaid.catalogue.parameter_values import (
    ResolvedParameter,
    normalised,
    resolve,
    value_problem,
)
from socialaid.catalogue.service import CatalogueCaches, parameter_settings, tenant_view
from socialaid.clock import today_in_china
from socialaid.errors import DomainError, NotFoundError
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.tenancy.service import get_tenant


async def tenant_parameter_set(
    uow: UnitOfWork,
    *,
    tenant: str,
    key: str,
    value: object,
    effective_from: date,
    source: str,
    reason: str,
) -> ResolvedParameter:
    """Record `value` for `key` in `tenant` from `effective_from`; returns the parameter as the
    tenant reads it on that date. Earlier values stay (history); the change is public at once."""
    session, actor = uow.session, authenticated(uow.actor)
    row_tenant = await get_tenant(session, code=tenant, path=["tenant"])
    authorize(actor, Resource.TENANT_PARAMETER, Action.UPDATE, Target(tenant_path=row_tenant.path))
    if effective_from < today_in_china():
        # Screening answers and notices already given rest on the value then in force.
        raise DomainError("生效日期不能早于今天", path=["effectiveFrom"])
    if not source.strip():
        raise DomainError("请填写取值的出处（文件名称、文号及条款）", path=["source"])
    if not reason.strip():
        raise DomainError("请填写设定理由", path=["reason"])
    caches = uow.caches.of(CatalogueCaches)
    view = await tenant_view(session, caches, tenant=tenant, as_of=effective_from)
    before = view.parameters.get(key)
    if before is None:
        raise NotFoundError(
            f"租户 {tenant} 在 {effective_from.isoformat()} 的目录中没有参数 {key}", path=["key"]
        )
    unit = before.declaration.parameter.unit
    problem = value_problem(unit, value)
    if problem is not None:
        raise DomainError(problem, path=["value"])
    stored = normalised(unit, value)
    await session.execute(
        insert(TenantParameter).values(
            tenant_id=row_tenant.tenant_id,
            key=key,
            value=stored,
            effective_from=effective_from,
            source=source.strip(),
            reason=reason.strip(),
            set_by=actor.user_id,
            set_at=uow.clock(),
        )
    )
    await bump_revision(session)
    await write_event(
        session,
        actor=actor,
        action="tenant_parameter.set",
        tenant_id=row_tenant.tenant_id,
        subject_type="tenant_parameter",
        subject_id=key,
        before={
            "value": before.value,
            "origin": before.origin.value,
            "tenant": before.tenant,
            "effective_from": None
            if before.effective_from is None
            else before.effective_from.isoformat(),
        },
        after={
            "value": stored,
            "unit": unit,
            "effective_from": effective_from.isoformat(),
            "source": source.strip(),
        },
        reason=reason.strip(),
        request_id=uow.request_id,
    )
    # Not through the view cache: a view built inside this transaction must not outlive it.
    chain = row_tenant.path.split("/")
    settings = await parameter_settings(session, chain)
    return resolve(before.declaration, chain, settings, effective_from)
