"""`statistics`: the rollups summed over a tenant's subtree, a date range and the dimensions
asked for, with small cells suppressed (ADR 0034).

Application measures (applications, accepted, rejected at the door, escalated) come from the
application rollup when no case dimension is asked for. With a department in the grouping or the
scope (a department head's), they are counted once per application and department; grouped or
filtered by item, target group or outcome an application would be counted in several groups, so
they are null there rather than wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from socialaid.access.decisions import ForbiddenError, authorize, roles_allowed
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import ROW_SCOPE, Action, Resource, RowScope
from socialaid.errors import DomainError
from socialaid.statistics.measures import (
    CASE_DIMENSIONS,
    PERIODS,
    Cell,
    Dimension,
    Shown,
    duplicates,
    shown_table,
)
from socialaid.statistics.min_cell import read_subtree, subtree_min_cell
from socialaid.tenancy.service import get_tenant

MAX_DAYS = 3 * 366 + 1

_KEY_SQL = {
    Dimension.TENANT: "tenant_id",
    Dimension.AREA: "area",
    Dimension.CHANNEL: "channel",
    Dimension.DAY: "day",
    Dimension.WEEK: "date_trunc('week', day)::date",
    Dimension.MONTH: "date_trunc('month', day)::date",
    Dimension.DEPARTMENT: "department",
    Dimension.ITEM: "item",
    Dimension.TARGET_GROUP: "target_group",
    Dimension.OUTCOME: "outcome",
}
_CASE_SUMS = (
    "cases",
    "applications",
    "escalated",
    "approved",
    "denied",
    "closed",
    "pending",
    "overdue",
    "supplements_requested",
    "amount_granted",
)
_APPLICATION_SUMS = ("applications", "accepted", "rejected_at_door", "escalated")


@dataclass(frozen=True)
class StatisticsFilter:
    departments: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    key: dict[Dimension, Any]
    figures: Shown


@dataclass(frozen=True)
class Answer:
    groups: list[Group]
    as_of: datetime
    threshold: int
    departments: tuple[str, ...] = field(default=())  # the scope a department head was held to


def _check(first: date, last: date, group_by: Sequence[Dimension]) -> None:
    if last < first:
        raise DomainError("结束日期不能早于开始日期", path=["to"])
    if (last - first).days + 1 > MAX_DAYS:
        raise DomainError(f"统计区间至多 {MAX_DAYS} 天", path=["from"])
    if duplicates(group_by):
        raise DomainError("分组维度不能重复", path=["groupBy"])
    if len(PERIODS.intersection(group_by)) > 1:
        raise DomainError("DAY、WEEK、MONTH 至多选一个", path=["groupBy"])


def _department_scope(actor: Principal, tenant_path: str) -> tuple[str, ...] | None:
    """None: every department; else the only departments the caller's grants reach."""
    roles = roles_allowed(actor, Resource.STATISTICS, Action.READ, Target(tenant_path=tenant_path))
    if any(ROW_SCOPE[role] is RowScope.TENANT for role in roles):
        return None
    return actor.departments


async def statistics(
    session: AsyncSession,
    actor: Principal | None,
    *,
    tenant: str,
    first: date,
    last: date,
    group_by: Sequence[Dimension],
    row_filter: StatisticsFilter,
    floor: int,
) -> Answer:
    """The groups of the tenant's subtree from `first` to `last` (submission days, China time),
    small counts and their complements hidden at the subtree's threshold, never below `floor`."""
    row = await get_tenant(session, code=tenant, path=["tenant"])
    actor = authorize(actor, Resource.STATISTICS, Action.READ, Target(tenant_path=row.path))
    _check(first, last, group_by)
    departments = row_filter.departments
    scope = _department_scope(actor, row.path)
    if scope is not None:
        if not scope or set(departments) - set(scope):
            raise ForbiddenError()
        departments = departments or scope
    case_mode = bool(CASE_DIMENSIONS.intersection(group_by) or departments or row_filter.items)
    subtree = await read_subtree(session, row.path)
    tenants = subtree.tenants
    where, params = _where(tenants, first, last, departments, row_filter)
    keys = list(group_by)
    # A province-year folds a few hundred thousand rollup rows: hashed in memory, not on disk.
    await session.execute(text("SET LOCAL work_mem = '64MB'"))
    sources = _own_months(keys, row_filter, first, last, params, case_mode=case_mode)
    if sources is not None:
        # At most tens of thousands of rows: starting parallel workers cost more than the whole
        # read (≈ 150 ms on the loaded 2-core machine; bench/RESULTS.md, I23FAST).
        await session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    else:
        sources = _sources(keys, row_filter, first, last, params, root=row.tenant_id)
    cells: dict[tuple[Any, ...], Cell] = {}
    if case_mode:
        await _read_cases(session, keys, sources, where, params, cells)
        per_department = not (
            {Dimension.ITEM, Dimension.TARGET_GROUP, Dimension.OUTCOME}.intersection(keys)
            or row_filter.items
        ) and (Dimension.DEPARTMENT in keys or len(departments) == 1)
        for cell in cells.values():
            if per_department:
                cell.counts["accepted"] = cell.counts.get("applications")
            else:
                cell.counts["applications"] = cell.counts["escalated"] = None
                cell.counts["accepted"] = None
            cell.counts["rejected_at_door"] = None
    else:
        await _read_cases(session, keys, sources, where, params, cells)
        for cell in cells.values():
            cell.counts.pop("applications", None)
            cell.counts.pop("escalated", None)
        await _read_applications(session, keys, sources, where, params, cells)
    as_of = await _as_of(session, tenants)
    threshold = await subtree_min_cell(session, subtree, floor)
    ordered = sorted(cells.items(), key=lambda kv: [str(v) for v in kv[0]])
    groups = [
        Group(dict(zip(keys, key, strict=True)), figures)
        for (key, _), figures in zip(ordered, shown_table(ordered, threshold), strict=True)
    ]
    return Answer(groups, as_of, threshold, departments if scope is not None else ())


# The subtree's tenants as a list, not a subquery: with a list the planner sees how few tenants
# (one county of 118) and walks the primary key, where a semi-join scanned the whole rollup.
_SUBTREE = "tenant_id = ANY(:tenants)"


# Dimensions the month rollups do not keep: a query that needs one reads the day rows only.
_DAY_ONLY = frozenset({Dimension.AREA, Dimension.CHANNEL, Dimension.DAY, Dimension.WEEK})
# Dimensions the subtree summaries do not keep: a query that needs one sums each tenant's own rows.
_OWN_ROWS_ONLY = frozenset({Dimension.TENANT, Dimension.AREA, Dimension.CHANNEL})
_CASE_COLUMNS = (
    "department, item, target_group, outcome, working_days, cases, applications, escalated,"
    " approved, denied, closed, pending, overdue, supplements_requested, amount_granted"
)
_APPLICATION_COLUMNS = "applications, accepted, rejected_at_door, escalated"


def _whole_months(first: date, last: date) -> tuple[date, date] | None:
    """The first days of the first and last whole months from `first` to `last`, if any."""
    start = first if first.day == 1 else _next_month(first)
    end_exclusive = (
        _next_month(last)
        if _next_month(last) - timedelta(days=1) == last
        else (last.replace(day=1))
    )
    if start >= end_exclusive:
        return None
    return start, _previous_month(end_exclusive)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _previous_month(first_of_month: date) -> date:
    return (first_of_month - timedelta(days=1)).replace(day=1)


def _sources(
    keys: Sequence[Dimension],
    row_filter: StatisticsFilter,
    first: date,
    last: date,
    params: dict[str, Any],
    *,
    root: str,
) -> dict[str, str]:
    """The rows to sum, per rollup: whole months from the month rollups where the grouping
    allows (a province-year reads 12 rows per tenant and key instead of 365), the days at either
    end from the day rollups. Grouped by neither tenant, street nor channel (nor filtered by
    channel), both come from the asked tenant's subtree summaries alone (their rows already hold
    every descendant's). (Grouped by tenant, street or channel with no case dimension asked,
    `_own_months` answers first.)"""
    if _OWN_ROWS_ONLY.intersection(keys) or row_filter.channels:
        tenants, suffix = _SUBTREE, ""
    else:
        params["root"] = root
        tenants, suffix = "tenant_id = :root", "_subtree"
    months = (
        None if _DAY_ONLY.intersection(keys) or row_filter.channels else _whole_months(first, last)
    )
    day_range = "day BETWEEN :first AND :last"
    if months is None:
        return {
            "case": f"(SELECT * FROM statistics_case_day{suffix} WHERE {tenants} AND {day_range})",
            "application": (
                f"(SELECT * FROM statistics_application_day{suffix}"
                f" WHERE {tenants} AND {day_range})"
            ),
        }
    params["month_from"], params["month_to"] = months
    params["before_months"] = months[0] - timedelta(days=1)
    params["after_months"] = _next_month(months[1])
    edges = "(day BETWEEN :first AND :before_months OR day BETWEEN :after_months AND :last)"
    in_months = "month BETWEEN :month_from AND :month_to"
    return {
        "case": (
            f"(SELECT tenant_id, month AS day, {_CASE_COLUMNS} FROM statistics_case_month{suffix}"
            f" WHERE {tenants} AND {in_months}"
            f" UNION ALL SELECT tenant_id, day, {_CASE_COLUMNS} FROM statistics_case_day{suffix}"
            f" WHERE {tenants} AND {edges})"
        ),
        "application": (
            f"(SELECT tenant_id, month AS day, {_APPLICATION_COLUMNS}"
            f" FROM statistics_application_month{suffix} WHERE {tenants} AND {in_months}"
            f" UNION ALL SELECT tenant_id, day, {_APPLICATION_COLUMNS}"
            f" FROM statistics_application_day{suffix} WHERE {tenants} AND {edges})"
        ),
    }


_STREET_CASE_COLUMNS = (
    "area, channel, working_days, cases, applications, escalated, approved, denied, closed,"
    " pending, overdue, supplements_requested, amount_granted"
)
_TOTAL_CASE_COLUMNS = (
    "working_days, cases, applications, escalated, approved, denied, closed, pending, overdue,"
    " supplements_requested, amount_granted"
)


@dataclass(frozen=True)
class _OwnMonthRows:
    """A month rollup of each tenant's own rows: the groupings it answers and its columns, with
    the day rollup read for the days before and after its whole months."""

    answers: frozenset[Dimension]
    case_mode: bool  # grouped or filtered by a case dimension (department)
    channel_filter: bool
    case: tuple[str, str]  # table, columns
    application: tuple[str, str] | None = None


# Issue 23 (I23FAST): the narrowest rollup first; none keeps items, so an item filter reads days.
_OWN_MONTH_ROWS = (
    _OwnMonthRows(
        frozenset({Dimension.TENANT, Dimension.DEPARTMENT, Dimension.MONTH}),
        case_mode=True,
        channel_filter=False,
        case=("statistics_case_month_department", f"department, {_TOTAL_CASE_COLUMNS}"),
    ),
    _OwnMonthRows(
        frozenset({Dimension.TENANT, Dimension.MONTH}),
        case_mode=False,
        channel_filter=False,
        case=("statistics_case_month_total", _TOTAL_CASE_COLUMNS),
        application=("statistics_application_month", _APPLICATION_COLUMNS),
    ),
    _OwnMonthRows(
        frozenset({Dimension.TENANT, Dimension.AREA, Dimension.CHANNEL, Dimension.MONTH}),
        case_mode=False,
        channel_filter=True,
        case=("statistics_case_month_street", _STREET_CASE_COLUMNS),
        application=(
            "statistics_application_month_street",
            f"area, channel, {_APPLICATION_COLUMNS}",
        ),
    ),
)


def _own_months(
    keys: Sequence[Dimension],
    row_filter: StatisticsFilter,
    first: date,
    last: date,
    params: dict[str, Any],
    *,
    case_mode: bool,
) -> dict[str, str] | None:
    """Each tenant's own rows when the grouping needs them (tenant, street or channel), whole
    months from the first of `_OWN_MONTH_ROWS` that answers the query. None when another source
    must answer."""
    if not _OWN_ROWS_ONLY.intersection(keys) or row_filter.items:
        return None
    rows = next(
        (
            rows
            for rows in _OWN_MONTH_ROWS
            if rows.case_mode == case_mode
            and rows.answers.issuperset(keys)
            and (rows.channel_filter or not row_filter.channels)
        ),
        None,
    )
    months = _whole_months(first, last)
    if rows is None or months is None:
        return None
    params["month_from"], params["month_to"] = months
    params["before_months"] = months[0] - timedelta(days=1)
    params["after_months"] = _next_month(months[1])
    edges = "(day BETWEEN :first AND :before_months OR day BETWEEN :after_months AND :last)"
    in_months = f"{_SUBTREE} AND month BETWEEN :month_from AND :month_to"
    sources = {"case": rows.case}
    if rows.application is not None:
        sources["application"] = rows.application
    return {
        kind: (
            f"(SELECT tenant_id, month AS day, {columns} FROM {table} WHERE {in_months}"
            f" UNION ALL SELECT tenant_id, day, {columns}"
            f" FROM statistics_{kind}_day WHERE {_SUBTREE} AND {edges})"
        )
        for kind, (table, columns) in sources.items()
    }


def _where(
    tenants: list[str],
    first: date,
    last: date,
    departments: Sequence[str],
    row_filter: StatisticsFilter,
) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """The conditions on each rollup's rows (`application`, `case`; the source in `_sources`
    holds the tenants and days) and their parameters."""
    common = ["TRUE"]
    params: dict[str, Any] = {
        "tenants": tenants,
        "first": first,
        "last": last,
    }
    if row_filter.channels:
        common.append("channel = ANY(:channels)")
        params["channels"] = list(row_filter.channels)
    case = list(common)
    if departments:
        case.append("department = ANY(:departments)")
        params["departments"] = list(departments)
    if row_filter.items:
        case.append("item = ANY(:items)")
        params["items"] = list(row_filter.items)
    return {"application": common, "case": case}, params


async def _read_cases(
    session: AsyncSession,
    keys: list[Dimension],
    sources: dict[str, str],
    where: dict[str, list[str]],
    params: dict[str, Any],
    cells: dict[tuple[Any, ...], Cell],
) -> None:
    """Each group's case sums and its working-day histogram (bucket → decisions), one row per
    group: summed by bucket first, then folded into arrays, so a province by tenant × month
    brings 1,404 rows into Python instead of 37,000 bucket rows."""
    selected = [f"{_KEY_SQL[k]} AS k{i}" for i, k in enumerate(keys)]
    group_keys = [f"k{i}" for i in range(len(keys))]
    by_bucket = (
        f"SELECT {', '.join([*selected, 'working_days', *(f'sum({n}) AS {n}' for n in _CASE_SUMS)])}"
        f" FROM {sources['case']} s WHERE {' AND '.join(where['case'])}"
        f" GROUP BY {', '.join([*group_keys, 'working_days'])}"
    )
    decided = "working_days >= 0 AND approved + denied > 0"
    sql = (
        f"SELECT {', '.join([*group_keys, *(f'sum({n}) AS {n}' for n in _CASE_SUMS)])},"
        f" array_agg(working_days) FILTER (WHERE {decided}) AS days,"
        f" array_agg(approved + denied) FILTER (WHERE {decided}) AS decided"
        f" FROM ({by_bucket}) b" + (f" GROUP BY {', '.join(group_keys)}" if keys else "")
    )
    for found in (await session.execute(text(sql), params)).mappings():
        if found["cases"] is None:
            continue  # no row at all: the aggregate without GROUP BY still answers one
        key = tuple(found[f"k{i}"] for i in range(len(keys)))
        cell = cells.setdefault(key, Cell())
        cell.add_counts({n: int(found[n]) for n in _CASE_SUMS if n != "amount_granted"})
        cell.amount_granted += Decimal(found["amount_granted"])
        for days, decisions in zip(found["days"] or (), found["decided"] or (), strict=True):
            cell.working_days[days] = cell.working_days.get(days, 0) + int(decisions)


async def _read_applications(
    session: AsyncSession,
    keys: list[Dimension],
    sources: dict[str, str],
    where: dict[str, list[str]],
    params: dict[str, Any],
    cells: dict[tuple[Any, ...], Cell],
) -> None:
    selected = [f"{_KEY_SQL[k]} AS k{i}" for i, k in enumerate(keys)]
    sums = [f"sum({name}) AS {name}" for name in _APPLICATION_SUMS]
    group = f" GROUP BY {', '.join(f'k{i}' for i in range(len(keys)))}" if keys else ""
    sql = (
        f"SELECT {', '.join([*selected, *sums])} FROM {sources['application']} s"
        f" WHERE {' AND '.join(where['application'])}{group}"
    )
    for found in (await session.execute(text(sql), params)).mappings():
        if found["applications"] is None:
            continue  # no row at all: the aggregate without GROUP BY still answers one
        key = tuple(found[f"k{i}"] for i in range(len(keys)))
        cell = cells.setdefault(key, Cell())
        cell.add_counts({n: int(found[n]) for n in _APPLICATION_SUMS})
    for cell in cells.values():
        for name in _APPLICATION_SUMS:
            cell.counts.setdefault(name, 0)


async def _as_of(session: AsyncSession, tenants: list[str]) -> datetime:
    """Every write committed before this instant is counted: the oldest pending mark of the
    subtree, or now when nothing waits for the fold."""
    found = await session.execute(
        text(f"SELECT coalesce(min(marked_at), now()) FROM statistics_dirty WHERE {_SUBTREE}"),
        {"tenants": tenants},
    )
    moment: datetime = found.scalar_one()
    return moment
