"""completionSummary (办结汇总, 002 5.6): each department's results on the cases it received in a
period, summarised back to the acceptance centre — one aggregate statement, no personal data.

A case is received when the one door opens it (its creation). Decided: approved or denied.
Ended without a decision: closed by planning (a predecessor denied, an exclusion approved) or
withdrawn. Pending: not final. Overdue: pending past its deadline now. Within limit / late: a
decision by / after its deadline; a decided case without a deadline counts in neither.
Small counts are hidden as in `statistics`, at the same threshold (`completion_cells`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, DateTime, and_, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.principal import Principal
from socialaid.access.vocabulary import Resource
from socialaid.applications.models import ApplicationCase
from socialaid.applications.states import CaseState
from socialaid.clock import now
from socialaid.reform.completion_cells import COUNTS, ShownRow, shown_rows
from socialaid.reform.period import authorized_scope
from socialaid.statistics.min_cell import min_cell

OPEN = (
    CaseState.WAITING,
    CaseState.READY,
    CaseState.ACKNOWLEDGED,
    CaseState.SUPPLEMENT_REQUESTED,
)


@dataclass(frozen=True)
class DepartmentResults:
    department: str
    department_name: str
    received: int
    approved: int
    denied: int
    closed: int
    withdrawn: int
    pending: int
    overdue: int
    within_limit: int
    late: int

    @property
    def decided(self) -> int:
        return self.approved + self.denied

    @property
    def concluded(self) -> int:
        """办结: decided, or ended without a decision."""
        return self.decided + self.closed + self.withdrawn

    def counts(self) -> dict[str, int]:
        return {name: int(getattr(self, name)) for name in COUNTS}


@dataclass(frozen=True)
class CompletionSummary:
    tenant: str
    start: date | None
    end: date | None
    departments: tuple[DepartmentResults, ...]
    as_of: datetime
    threshold: int  # counts from 1 to this less one are hidden (statistics.small_cells)

    def shown(self) -> tuple[list[ShownRow], ShownRow]:
        """The departments' rows and the total row as shown: small counts and complements hidden."""
        return shown_rows(
            [d.counts() for d in self.departments], self.total.counts(), self.threshold
        )

    @property
    def total(self) -> DepartmentResults:
        def add(name: str) -> int:
            return sum(int(getattr(d, name)) for d in self.departments)

        return DepartmentResults(
            department="",
            department_name="合计",
            **{
                name: add(name)
                for name in (
                    "received",
                    "approved",
                    "denied",
                    "closed",
                    "withdrawn",
                    "pending",
                    "overdue",
                    "within_limit",
                    "late",
                )
            },
        )


def _count(condition: Any) -> Any:
    return func.count().filter(condition)


async def completion_summary(
    session: AsyncSession,
    actor: Principal | None,
    *,
    tenant: str,
    start: date | None,
    end: date | None,
    floor: int,
) -> CompletionSummary:
    scope = await authorized_scope(
        session, actor, Resource.COMPLETION_SUMMARY, tenant=tenant, start=start, end=end
    )
    moment = now()
    state = col(ApplicationCase.state)
    due = col(ApplicationCase.due_at)
    decided_at = cast(col(ApplicationCase.decision)["decided_at"].astext, DateTime(timezone=True))
    decided = state.in_([CaseState.APPROVED, CaseState.DENIED])
    where: list[ColumnElement[bool]] = [col(ApplicationCase.tenant_id).in_(scope.codes)]
    if scope.start is not None:
        where.append(col(ApplicationCase.created_at) >= scope.start)
    if scope.end is not None:
        where.append(col(ApplicationCase.created_at) < scope.end)
    rows = await session.execute(
        select(
            col(ApplicationCase.department),
            func.min(col(ApplicationCase.department_name)),
            func.count(),
            _count(state == CaseState.APPROVED),
            _count(state == CaseState.DENIED),
            _count(state == CaseState.CLOSED),
            _count(state == CaseState.WITHDRAWN),
            _count(state.in_(OPEN)),
            _count(and_(state.in_(OPEN), due < moment)),
            _count(and_(decided, decided_at <= due)),
            _count(and_(decided, decided_at > due)),
        )
        .where(*where)
        .group_by(col(ApplicationCase.department))
        .order_by(col(ApplicationCase.department))
    )
    return CompletionSummary(
        tenant=scope.tenant.tenant_id,
        start=start,
        end=end,
        departments=tuple(DepartmentResults(*row) for row in rows),
        as_of=moment,
        threshold=await min_cell(session, scope.tenant.path, floor),
    )
