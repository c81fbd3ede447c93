"""reformEffect: a tenant's applications in a period, turned into facts for the arithmetic
(`reform.arithmetic`) and set against the tenant's targets (`reform.targets`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, DateTime, Text, cast, literal_column, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Resource
from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.states import CaseState
from socialaid.calendars.service import calendar_for
from socialaid.catalogue.files import (
    ItemFile,
    Mode,
    ReformMeasure,
    TenantCatalogueFile,
)
from socialaid.catalogue.models import TenantCatalogue
from socialaid.clock import CHINA, now
from socialaid.forms.models import FormSnapshot
from socialaid.reform import arithmetic
from socialaid.reform.arithmetic import (
    ApplicationFacts,
    CaseAsWorked,
    Check,
    ItemAsFiled,
    ItemTime,
    MaterialAsFiled,
    Measure,
    TargetTerms,
)
from socialaid.reform.period import Scope, authorized_scope
from socialaid.reform.targets import HeldTarget, effective_targets

DECIDED = frozenset({CaseState.APPROVED, CaseState.DENIED})
ENDED_UNDECIDED = frozenset({CaseState.CLOSED, CaseState.WITHDRAWN})


@dataclass(frozen=True)
class MeasureReport:
    measure: Measure
    check: Check
    target: HeldTarget | None


@dataclass(frozen=True)
class ReformEffectReport:
    tenant: str
    start: date | None
    end: date | None
    applications: int
    timed_applications: int  # every case final and at least one decided
    measures: tuple[MeasureReport, ...]
    item_times: tuple[ItemTime, ...]
    as_of: datetime


def _day(moment: datetime | None) -> date:
    assert moment is not None, "submitted_at and created_at are NOT NULL"
    return moment.astimezone(CHINA).date()


def _item(document: dict[str, Any]) -> ItemFile:
    return ItemFile.model_validate(document)


def _filed(item: ItemFile) -> ItemAsFiled:
    return ItemAsFiled(
        code=item.code,
        step_actors=tuple(step.actor.value for step in item.process),
        fields=frozenset(use.key for use in item.fields),
        statutory_working_days=item.time_limits.statutory_working_days,
        promised_working_days=item.time_limits.promised_working_days,
    )


async def _snapshots(session: AsyncSession, hashes: set[str]) -> dict[str, dict[str, ItemAsFiled]]:
    """Each form's applied-for items (mode on_application), as its snapshot holds them."""
    rows = await session.execute(
        select(col(FormSnapshot.hash), col(FormSnapshot.items)).where(
            col(FormSnapshot.hash).in_(hashes)
        )
    )
    out: dict[str, dict[str, ItemAsFiled]] = {}
    for form_hash, documents in rows:
        items = (_item(document) for document in documents.values())
        out[form_hash] = {
            item.code: _filed(item) for item in items if item.mode is Mode.ON_APPLICATION
        }
    return out


# Only what the counts read of each material and decision, taken out of the JSONB in SQL: turning
# every stored record into its model cost most of a month's report (ADR 0035).
MATERIAL_STATUSES = literal_column(
    "ARRAY(SELECT concat_ws('|', m->>'status', coalesce(m->>'exempt_via', ''),"
    " jsonb_array_length(coalesce(m->'required_by', '[]'::jsonb)))"
    " FROM jsonb_array_elements(application.materials) AS m)",
    ARRAY(Text),
)
DECIDED_AT = cast(col(ApplicationCase.decision)["decided_at"].astext, DateTime(timezone=True))


def _material(entry: str) -> MaterialAsFiled:
    """One `status|exempt_via|number of requiring items` of MATERIAL_STATUSES."""
    status, exempt_via, requiring = entry.split("|")
    return MaterialAsFiled(int(requiring), status, exempt_via or None)


def _case(
    item: str,
    state: CaseState,
    created_at: datetime | None,
    clock_started_at: datetime | None,
    decided_at: datetime | None,
) -> CaseAsWorked:
    decided = decided_at if state in DECIDED else None
    opened = _day(created_at)
    return CaseAsWorked(
        item=item,
        accepted=opened,
        started=_day(clock_started_at) if clock_started_at is not None else opened,
        decided=_day(decided) if decided is not None else None,
        final=state in ENDED_UNDECIDED,
    )


async def _facts(session: AsyncSession, scope: Scope) -> list[ApplicationFacts]:
    period: list[ColumnElement[bool]] = [col(Application.tenant_id).in_(scope.codes)]
    if scope.start is not None:
        period.append(col(Application.submitted_at) >= scope.start)
    if scope.end is not None:
        period.append(col(Application.submitted_at) < scope.end)
    applications = (
        await session.execute(
            select(
                col(Application.tenant_id),
                col(Application.id),
                col(Application.channel),
                col(Application.form_hash),
                col(Application.items),
                MATERIAL_STATUSES,
                col(Application.submitted_at),
            ).where(*period)
        )
    ).all()
    cases: dict[tuple[str, UUID], list[CaseAsWorked]] = {}
    case_rows = await session.execute(
        select(
            col(ApplicationCase.tenant_id),
            col(ApplicationCase.application_id),
            col(ApplicationCase.item_code),
            col(ApplicationCase.state),
            col(ApplicationCase.created_at),
            col(ApplicationCase.clock_started_at),
            DECIDED_AT,
        )
        .join(
            Application,
            (col(Application.tenant_id) == col(ApplicationCase.tenant_id))
            & (col(Application.id) == col(ApplicationCase.application_id)),
        )
        .where(*period)
    )
    for tenant_id, application_id, item, state, created, started, decision in case_rows:
        cases.setdefault((tenant_id, application_id), []).append(
            _case(item, state, created, started, decision)
        )
    forms = await _snapshots(session, {row.form_hash for row in applications})
    out = []
    for tenant_id, app_id, channel, form_hash, items, materials, submitted in applications:
        filed = forms.get(form_hash, {})
        applied = tuple(filed[code] for code in items if code in filed)
        out.append(
            ApplicationFacts(
                channel=channel,
                submitted=_day(submitted),
                items=applied,
                materials=tuple(_material(entry) for entry in materials),
                cases=tuple(
                    c
                    for c in cases.get((tenant_id, app_id), [])
                    if c.item in {i.code for i in applied}
                ),
            )
        )
    return out


async def _targets(session: AsyncSession, scope: Scope) -> dict[ReformMeasure, HeldTarget]:
    chain = scope.tenant.path.split("/")
    rows = await session.execute(
        select(col(TenantCatalogue.tenant_id), col(TenantCatalogue.document)).where(
            col(TenantCatalogue.tenant_id).in_(chain)
        )
    )
    documents: dict[str, dict[str, Any]] = {code: document for code, document in rows}
    return effective_targets(
        [
            (code, TenantCatalogueFile.model_validate(documents[code]).reform_targets)
            for code in chain
            if code in documents
        ]
    )


def _terms(held: HeldTarget | None) -> TargetTerms | None:
    if held is None:
        return None
    target = held.target
    if target.reduction_percent is None or target.comparison is None:
        return None
    return TargetTerms(target.reduction_percent, target.comparison)


def _unnumbered(held: HeldTarget | None) -> str | None:
    if held is None or held.target.reduction_percent is not None:
        return None
    return held.target.name


async def reform_effect(
    session: AsyncSession,
    actor: Principal | None,
    *,
    tenant: str,
    start: date | None,
    end: date | None,
) -> ReformEffectReport:
    scope = await authorized_scope(
        session, actor, Resource.REFORM_REPORT, tenant=tenant, start=start, end=end
    )
    applications = await _facts(session, scope)
    calendar = await calendar_for(session, scope.tenant)

    def working_days(first: date, last: date) -> int:
        return arithmetic.working_days_between(calendar.is_working_day, first, last)

    timed = [arithmetic.time(a, working_days) for a in applications]
    tallies = {
        Measure.STEPS: arithmetic.total(arithmetic.steps(a) for a in applications),
        Measure.FIELDS: arithmetic.total(arithmetic.fields(a) for a in applications),
        Measure.TIME: arithmetic.total(timed),
        Measure.MATERIALS: arithmetic.total(arithmetic.materials(a) for a in applications),
        Measure.TRIPS: arithmetic.total(arithmetic.trips(a) for a in applications),
    }
    targets = await _targets(session, scope)
    # By value: fields have no ReformMeasure, no document sets a target for them.
    by_value = {measure.value: target for measure, target in targets.items()}
    held = {measure: by_value.get(measure.value) for measure in tallies}
    measures = tuple(
        MeasureReport(
            measure,
            arithmetic.check(tally, _terms(held[measure]), unnumbered=_unnumbered(held[measure])),
            held[measure],
        )
        for measure, tally in tallies.items()
    )
    return ReformEffectReport(
        tenant=scope.tenant.tenant_id,
        start=start,
        end=end,
        applications=len(applications),
        timed_applications=sum(t is not None for t in timed),
        measures=measures,
        item_times=tuple(arithmetic.item_times(applications, working_days)),
        as_of=now(),
    )
