"""Recording, revising and reading needs assessments: authorized and audited here, once per
operation (ADR 0009). Every read is audited too: an assessment describes a family's hardship."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import (
    ForbiddenError,
    allowed_somewhere,
    authenticated,
    authorize,
    is_allowed,
)
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.audit.writer import write_event
from socialaid.catalogue.files import NeedsAssessmentScheme
from socialaid.catalogue.service import CatalogueCaches, TenantView, content_revision, tenant_view
from socialaid.errors import DomainError, ErrorCode, NotFoundError
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.needs.households import Household, case_departments, household_of, person_key_of
from socialaid.needs.identity import parse_application_id, parse_assessment_id
from socialaid.needs.models import NeedsAssessment
from socialaid.needs.scoring import propose, score_problems
from socialaid.tenancy.service import get_tenant

MAX_NOTES = 2000
READ = "needs_assessment.read"


class ScoresError(DomainError):
    """Every problem of the scores at once: one error per dimension."""

    def __init__(self, problems: list[DomainError]) -> None:
        super().__init__(problems[0].message, path=problems[0].path)
        self._problems = problems

    @property
    def failures(self) -> list[DomainError]:
        return list(self._problems)


def _targets(tenant_path: str, area_path: str | None, departments: set[str]) -> list[Target]:
    """A department-scoped role acts through one of `departments`; with none, no department
    reaches it (an empty department names none, where None would skip the check)."""
    return [
        Target(tenant_path=tenant_path, department=d, area_path=area_path)
        for d in sorted(departments) or [""]
    ]


def _allowed(actor: Principal, action: Action, targets: list[Target]) -> bool:
    return any(is_allowed(actor, Resource.NEEDS_ASSESSMENT, action, t) for t in targets)


def _scheme(view: TenantView, tenant: str) -> NeedsAssessmentScheme:
    if view.needs_assessment is None:
        raise NotFoundError(f"租户 {tenant} 的目录没有规定需求综合评估", path=["input", "tenant"])
    return view.needs_assessment


def _checked(scheme: NeedsAssessmentScheme, scores: Mapping[str, float], notes: str) -> None:
    problems = [
        DomainError(p.message, path=["input", *p.path]) for p in score_problems(scheme, scores)
    ]
    if len(notes) > MAX_NOTES:
        problems.append(DomainError(f"备注至多 {MAX_NOTES} 字", path=["input", "notes"]))
    if problems:
        raise ScoresError(problems)


def _basis(view: TenantView, scheme: NeedsAssessmentScheme, revision: int) -> dict[str, Any]:
    keys = [scheme.composite_threshold] + [
        k for d in scheme.dimensions for k in (d.weight, d.threshold)
    ]
    # A list, in the scheme's order: JSONB keeps no key order.
    parameters = []
    for key in keys:
        resolved = view.parameters.get(key)
        parameters.append(
            {
                "key": key,
                "value": None if resolved is None else resolved.value,
                "origin": "none" if resolved is None else resolved.origin.value,
                "tenant": None if resolved is None else resolved.tenant,
                "effective_from": (
                    None
                    if resolved is None or resolved.effective_from is None
                    else resolved.effective_from.isoformat()
                ),
                "label": None if resolved is None else resolved.declaration.parameter.label,
            }
        )
    return {
        "scheme_version": scheme.version,
        "scheme_source": scheme.source.model_dump(exclude_none=True),
        "content_revision": revision,
        "parameters": parameters,
    }


async def _assess(
    uow: UnitOfWork,
    household: Household,
    *,
    tenant_code: str,
    scores: Mapping[str, float],
    notes: str,
    today: date,
    revision: int,
    supersedes: uuid.UUID | None,
    action: str,
) -> NeedsAssessment:
    session = uow.session
    view = await tenant_view(
        session, uow.caches.of(CatalogueCaches), tenant=tenant_code, as_of=today
    )
    scheme = _scheme(view, tenant_code)
    _checked(scheme, scores, notes)
    values = {key: p.value for key, p in view.parameters.items()}
    departments = {code: spec.department for code, spec in view.specs.items()}
    proposal = propose(scheme, values, scores, departments)
    stored = asdict(proposal)
    stored["item_names"] = {i: view.specs[i].name for i in proposal.items}
    stored["sources"] = {
        d.code: {
            "source": d.source.model_dump(exclude_none=True),
            "referral_source": (
                None
                if d.referral_source is None
                else d.referral_source.model_dump(exclude_none=True)
            ),
        }
        for d in scheme.dimensions
    }
    row = NeedsAssessment(
        tenant_id=household.tenant_id,
        id=uuid.uuid4(),
        household_key=household.key,
        application_id=household.application_id,
        area_path=household.area_path,
        revision=revision,
        supersedes=supersedes,
        scores={k: float(v) for k, v in scores.items()},
        notes=notes.strip(),
        proposal=stored,
        departments=list(proposal.departments),
        basis=_basis(view, scheme, await content_revision(session)),
        recorded_by=authenticated(uow.actor).user_id,
        recorded_at=uow.clock(),
    )
    session.add(row)
    await session.flush()
    await write_event(
        session,
        actor=authenticated(uow.actor),
        action=action,
        tenant_id=row.tenant_id,
        subject_type="needs_assessment",
        subject_id=str(row.id),
        before=None if supersedes is None else {"id": str(supersedes)},
        after={
            "revision": revision,
            "scores": row.scores,
            "outcome": proposal.outcome.value,
            "items": list(proposal.items),
            "departments": list(proposal.departments),
            "missing_parameters": list(proposal.missing_parameters),
        },
        request_id=uow.request_id,
        application_id=str(row.application_id),
        person_key=person_key_of(row.household_key),
    )
    return row


async def needs_assessment_record(
    uow: UnitOfWork,
    *,
    tenant: str,
    application: str,
    scores: Mapping[str, float],
    notes: str,
    today: date,
) -> NeedsAssessment:
    """Assess the household of `application` (an Application id; the first time, or again: a
    new assessment becomes the household's current one)."""
    session = uow.session
    row_tenant = await get_tenant(session, code=tenant, path=["input", "tenant"])
    # The tenant first: what the caller may do there decides before anything about the row.
    actor = authorize(
        uow.actor, Resource.NEEDS_ASSESSMENT, Action.CREATE, Target(tenant_path=row_tenant.path)
    )
    application_id = parse_application_id(application, ["input", "application"])
    household = await household_of(
        session, tenant_id=row_tenant.tenant_id, application_id=application_id
    )
    if household is None:
        raise NotFoundError(f"租户 {tenant} 没有这份申请", path=["input", "application"])
    departments = await case_departments(session, tenant_id=household.tenant_id, key=household.key)
    if not _allowed(
        actor, Action.CREATE, _targets(row_tenant.path, household.area_path, departments)
    ):
        raise ForbiddenError()
    latest = await _current(session, tenant_id=household.tenant_id, key=household.key)
    return await _assess(
        uow,
        household,
        tenant_code=tenant,
        scores=scores,
        notes=notes,
        today=today,
        revision=1 if latest is None else latest.revision + 1,
        supersedes=None if latest is None else latest.id,
        action="needs_assessment.record",
    )


async def needs_assessment_revise(
    uow: UnitOfWork,
    *,
    assessment: str,
    scores: Mapping[str, float],
    notes: str,
    today: date,
) -> NeedsAssessment:
    """A corrected assessment of the same household: only the current one may be revised (an
    older one was superseded already: CONFLICT)."""
    actor = allowed_somewhere(uow.actor, Resource.NEEDS_ASSESSMENT, Action.UPDATE)
    tenant, assessment_id = parse_assessment_id(assessment, ["input", "id"])
    session = uow.session
    row_tenant = await get_tenant(session, code=tenant, path=["input", "id"])
    old = await session.get(NeedsAssessment, (row_tenant.tenant_id, assessment_id))
    if old is None:
        raise NotFoundError("没有这份需求评估", path=["input", "id"])
    departments = set(old.departments) | await case_departments(
        session, tenant_id=old.tenant_id, key=old.household_key
    )
    if not _allowed(actor, Action.UPDATE, _targets(row_tenant.path, old.area_path, departments)):
        raise ForbiddenError()
    latest = await _current(session, tenant_id=old.tenant_id, key=old.household_key)
    if latest is not None and latest.id != old.id:
        raise DomainError(
            "这份需求评估已被更新的评估取代，请修订当前的评估",
            code=ErrorCode.CONFLICT,
            path=["input", "id"],
        )
    household = Household(old.tenant_id, old.application_id, old.household_key, old.area_path)
    return await _assess(
        uow,
        household,
        tenant_code=tenant,
        scores=scores,
        notes=notes,
        today=today,
        revision=old.revision + 1,
        supersedes=old.id,
        action="needs_assessment.revise",
    )


async def _current(session: AsyncSession, *, tenant_id: str, key: str) -> NeedsAssessment | None:
    return (
        await session.execute(
            select(NeedsAssessment)
            .where(
                col(NeedsAssessment.tenant_id) == tenant_id,
                col(NeedsAssessment.household_key) == key,
            )
            .order_by(col(NeedsAssessment.revision).desc(), col(NeedsAssessment.recorded_at).desc())
            .limit(1)
        )
    ).scalar_one_or_none()


async def _readable(
    session: AsyncSession, actor: Principal | None, row: NeedsAssessment
) -> Principal | None:
    """The actor when it may read `row`: staff of its area, of the departments it refers to or
    that hold a case of the household, and the tenant-wide roles the policy lets read it."""
    if actor is None:
        return None
    path = (await get_tenant(session, code=row.tenant_id)).path
    departments = set(row.departments) | await case_departments(
        session, tenant_id=row.tenant_id, key=row.household_key
    )
    if not _allowed(actor, Action.READ, _targets(path, row.area_path, departments)):
        return None
    return actor


async def _audited_read(
    session: AsyncSession, actor: Principal, row: NeedsAssessment, via: str, request_id: str | None
) -> None:
    await write_event(
        session,
        actor=actor,
        action=READ,
        tenant_id=row.tenant_id,
        subject_type="needs_assessment",
        subject_id=str(row.id),
        after={"via": via, "revision": row.revision},
        request_id=request_id,
        application_id=str(row.application_id),
        person_key=person_key_of(row.household_key),
    )


async def read_assessment(
    session: AsyncSession,
    actor: Principal | None,
    assessment: str,
    *,
    request_id: str | None,
    via: str = "needsAssessment",
) -> NeedsAssessment:
    """`needsAssessment(id)` (and `node(id:)`, `via` "node"): NOT_FOUND when there is none,
    FORBIDDEN for whoever may not read it."""
    actor = allowed_somewhere(actor, Resource.NEEDS_ASSESSMENT, Action.READ)
    tenant, assessment_id = parse_assessment_id(assessment, ["id"])
    row = await session.get(NeedsAssessment, (tenant, assessment_id))
    if row is None:
        raise NotFoundError("没有这份需求评估", path=["id"])
    if await _readable(session, actor, row) is None:
        raise ForbiddenError()
    await _audited_read(session, actor, row, via, request_id)
    return row


async def current_of_application(
    session: AsyncSession,
    actor: Principal | None,
    *,
    tenant_id: str,
    application_id: uuid.UUID,
    via: str,
    request_id: str | None,
) -> NeedsAssessment | None:
    """The current assessment of the application's household, as `Application` and `Case` show
    it: None when there is none or the reader may not read it (a field, not an error)."""
    household = await household_of(session, tenant_id=tenant_id, application_id=application_id)
    if household is None:
        return None
    row = await _current(session, tenant_id=tenant_id, key=household.key)
    if row is None:
        return None
    reader = await _readable(session, actor, row)
    if reader is None:
        return None
    await _audited_read(session, reader, row, via, request_id)
    return row
