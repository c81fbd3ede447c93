"""reformEffect: a tenant's applications in a period, their counts summed (`reform.arithmetic`)
and set against the tenant's targets (`reform.targets`).

Each application's counts are kept by the fold (`reform.fold`, ADR 0035) and summed here in SQL;
the applications a write marked since (or not folded yet) are counted from their rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Resource
from socialaid.applications.models import Application
from socialaid.calendars.service import calendar_for
from socialaid.catalogue.files import ReformMeasure, TenantCatalogueFile
from socialaid.catalogue.models import TenantCatalogue
from socialaid.clock import CHINA, now
from socialaid.reform import arithmetic
from socialaid.reform.arithmetic import (
    ApplicationTallies,
    CaseTime,
    Check,
    ItemTime,
    Measure,
    Tally,
    TargetTerms,
)
from socialaid.reform.facts import load_facts, marked
from socialaid.reform.period import Scope, authorized_scope
from socialaid.reform.targets import HeldTarget, effective_targets


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


SUMMED = (Measure.STEPS, Measure.FIELDS, Measure.MATERIALS, Measure.TRIPS, Measure.TIME)


@dataclass(frozen=True)
class Counted:
    """What the report sums: applications, those timed, each measure's tally, each decided
    case's working days (with how many cases had them)."""

    applications: int
    timed: int
    tallies: dict[Measure, Tally]
    case_times: list[tuple[CaseTime, int]]


def _period_sql(scope: Scope, alias: str) -> tuple[str, dict[str, Any]]:
    where = [f"{alias}.tenant_id = ANY(CAST(:codes AS text[]))"]
    params: dict[str, Any] = {"codes": list(scope.codes)}
    if scope.start is not None:
        where.append(f"{alias}.submitted_at >= :start")
        params["start"] = scope.start
    if scope.end is not None:
        where.append(f"{alias}.submitted_at < :end")
        params["end"] = scope.end
    return " AND ".join(where), params


# Stored counts that a later write made stale are left out: those applications are counted live.
NOT_MARKED = (
    "(r.tenant_id, r.application_id) NOT IN"
    " (SELECT * FROM unnest(CAST(:marked_tenants AS text[]), CAST(:marked_ids AS uuid[])))"
)
# The marked applications' stored rows, looked up by key from the (short) list of marks: as
# `IN (…)` the planner read the whole period first.
MARKED_ROWS = (
    "unnest(CAST(:marked_tenants AS text[]), CAST(:marked_ids AS uuid[]))"
    " AS k(tenant_id, application_id) JOIN {table} r"
    " ON r.tenant_id = k.tenant_id AND r.application_id = k.application_id"
)


@dataclass(frozen=True)
class _Months:
    """The whole China-time months of a period, read from the month rows (I23FAST): `months`
    on a month row, `instants` on an application's `submitted_at`; the rest of the period (its
    part months) is read from the applications' rows."""

    months: str
    instants: str
    edges: str  # the part months, as ranges an index on (tenant_id, submitted_at) can walk
    params: dict[str, Any]


def _whole_months(scope: Scope) -> _Months | None:
    months, instants = ["m.tenant_id = ANY(CAST(:codes AS text[]))"], ["TRUE"]
    edges = []
    params: dict[str, Any] = {}
    if scope.start is not None:
        first = scope.start.date()
        if first.day != 1:
            first = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        months.append("m.month >= :first_month")
        instants.append("r.submitted_at >= :first_month_at")
        edges.append("(r.submitted_at >= :start AND r.submitted_at < :first_month_at)")
        params |= {"first_month": first, "first_month_at": _midnight(first)}
    if scope.end is not None:
        after = scope.end.date().replace(day=1)  # the end is exclusive: its month is not whole
        months.append("m.month < :after_months")
        instants.append("r.submitted_at < :after_months_at")
        edges.append("(r.submitted_at >= :after_months_at AND r.submitted_at < :end)")
        params |= {"after_months": after, "after_months_at": _midnight(after)}
        if scope.start is not None and params["first_month"] >= after:
            return None
    return _Months(
        " AND ".join(months),
        " AND ".join(instants),
        f"({' OR '.join(edges)})" if edges else "FALSE",
        params,
    )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=CHINA)


async def _stored(
    session: AsyncSession, scope: Scope, tenants: list[str], ids: list[UUID]
) -> Counted:
    """The stored counts of the period's applications but the marked ones: whole months from
    the month rows minus the marked applications' stored rows in them, part months from the
    applications' rows. One statement per sum, so a fold committing meanwhile is seen (or not)
    by the month rows and the subtracted rows alike."""
    where, params = _period_sql(scope, "r")
    params |= {"marked_tenants": tenants, "marked_ids": ids}
    whole = _whole_months(scope)
    columns = ["count(*)", "count(time_item_by_item)"] + [
        f"coalesce(sum({m.value}_{side}), 0)" for m in SUMMED for side in ("item_by_item", "merged")
    ]
    if whole is None:
        parts = (
            f"SELECT {', '.join(columns)} FROM reform_application r WHERE {where} AND {NOT_MARKED}"
        )
        histogram_parts = (
            "SELECT item, working_days, promised_working_days, statutory_working_days, 1 AS n"
            f" FROM reform_case_time r WHERE {where} AND {NOT_MARKED}"
        )
    else:
        params |= whole.params
        month_columns = ["applications", "timed"] + [
            f"{m.value}_{side}" for m in SUMMED for side in ("item_by_item", "merged")
        ]
        parts = (
            f"SELECT {', '.join(month_columns)} FROM reform_month m WHERE {whole.months}"
            f" UNION ALL SELECT {', '.join(columns)} FROM reform_application r"
            f" WHERE {where} AND {whole.edges} AND {NOT_MARKED}"
            f" UNION ALL SELECT {', '.join(f'-{c}' for c in columns)}"
            f" FROM {MARKED_ROWS.format(table='reform_application')}"
            f" WHERE {where} AND {whole.instants}"
        )
        keys = "item, working_days, promised_working_days, statutory_working_days"
        histogram_parts = (
            f"SELECT {keys}, cases AS n FROM reform_case_time_month m WHERE {whole.months}"
            f" UNION ALL SELECT {keys}, 1 FROM reform_case_time r"
            f" WHERE {where} AND {whole.edges} AND {NOT_MARKED}"
            f" UNION ALL SELECT {keys}, -1 FROM {MARKED_ROWS.format(table='reform_case_time')}"
            f" WHERE {where} AND {whole.instants}"
        )
    summed = ", ".join(f"coalesce(sum(c{i}), 0)" for i in range(len(columns)))
    named = ", ".join(f"c{i}" for i in range(len(columns)))
    row = (
        await session.execute(text(f"SELECT {summed} FROM ({parts}) AS parts({named})"), params)
    ).one()
    values = [int(v) for v in row]
    tallies = {m: Tally(values[2 + 2 * i], values[3 + 2 * i]) for i, m in enumerate(SUMMED)}
    histogram = await session.execute(
        text(
            "SELECT item, working_days, promised_working_days, statutory_working_days, sum(n)"
            f" FROM ({histogram_parts}) AS parts GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0"
            " ORDER BY 1, 2, 3, 4"
        ),
        params,
    )
    return Counted(
        applications=values[0],
        timed=values[1],
        tallies=tallies,
        case_times=[(CaseTime(*times), int(count)) for *times, count in histogram],
    )


async def _marked(session: AsyncSession, scope: Scope) -> tuple[list[str], list[UUID]]:
    """The subtree's applications whose stored counts are stale or missing."""
    rows = await session.execute(
        text(
            "SELECT tenant_id, application_id FROM reform_dirty"
            " WHERE tenant_id = ANY(CAST(:codes AS text[]))"
        ),
        {"codes": list(scope.codes)},
    )
    pairs = rows.all()
    return [t for t, _ in pairs], [i for _, i in pairs]


async def _live(
    session: AsyncSession, scope: Scope, tenants: list[str], ids: list[UUID]
) -> list[ApplicationTallies]:
    """The marked applications of the period, counted from their rows as the fold would."""
    if not ids:
        return []
    where: list[Any] = [marked(tenants, ids)]
    if scope.start is not None:
        where.append(col(Application.submitted_at) >= scope.start)
    if scope.end is not None:
        where.append(col(Application.submitted_at) < scope.end)
    stored = await load_facts(session, where)
    if not stored:
        return []
    calendar = await calendar_for(session, scope.tenant)

    def working_days(first: date, last: date) -> int:
        return arithmetic.working_days_between(calendar.is_working_day, first, last)

    return [arithmetic.tallies(s.facts, working_days) for s in stored]


async def _counted(session: AsyncSession, scope: Scope) -> Counted:
    tenants, ids = await _marked(session, scope)
    stored = await _stored(session, scope, tenants, ids)
    live = await _live(session, scope, tenants, ids)
    tallies = dict(stored.tallies)
    for counts in live:
        tallies[Measure.STEPS] += counts.steps
        tallies[Measure.FIELDS] += counts.fields
        tallies[Measure.MATERIALS] += counts.materials
        tallies[Measure.TRIPS] += counts.trips
        if counts.time is not None:
            tallies[Measure.TIME] += counts.time
    return Counted(
        applications=stored.applications + len(live),
        timed=stored.timed + sum(counts.time is not None for counts in live),
        tallies=tallies,
        case_times=stored.case_times
        + [(times, 1) for counts in live for times in counts.case_times],
    )


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
    counted = await _counted(session, scope)
    # The report's order: steps, fields, time, materials, trips.
    tallies = {
        measure: counted.tallies[measure]
        for measure in (
            Measure.STEPS,
            Measure.FIELDS,
            Measure.TIME,
            Measure.MATERIALS,
            Measure.TRIPS,
        )
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
        applications=counted.applications,
        timed_applications=counted.timed,
        measures=measures,
        item_times=tuple(arithmetic.times_per_item(counted.case_times)),
        as_of=now(),
    )
