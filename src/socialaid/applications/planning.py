"""Serial and parallel processing: which cases an application gets, and what a decision sets off.

000 §三（二）2: items without a before/after relation go to every department at once; where one
item rests on another's result, the earlier one's result is pushed to the later one. Here an item's
`requires_decision_of` groups say which: the case waits for a decision on (any one of) each group's
items that are in the same application or may still join it.

An item may also be ruled out by another's approval (`excluded_by_approval_of`, 000 一（二）: a
低收入困难家庭 is one not on dibao): its case waits for the decisions on those of the items in the
application too, is closed as soon as one of them is approved, and goes ahead once all are denied.
The catalogue lint keeps exclusions off auto_granted items, which follow an approval at once.

An item "may still join" when it is an auto_granted (免申即享) item the applicant did not select,
which the application gains, already approved, once every group of its own is approved (004
§三（二）3: medical aid follows the 低收入人口认定 of 低保对象 and 特困人员 without an application).
While its own prerequisites are undecided it counts in a group as a pending member, so a case naming
it is not judged before it is known whether it joins; once it cannot join (one of its groups is
lost), it is no longer part of the group, as an item outside the application never is. So a case
ends the same whichever department decides first.

Everything is keyed by item code: an application has exactly one case per item, so the service
maps codes to its case ids. Functions return effects; the service applies them (calling
`states.transition` for each state change) in the same transaction as the decision.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar, Literal

from socialaid.applications.states import (
    CASE_FINAL_STATES,
    CASE_OPEN_STATES,
    CaseEvent,
    CaseState,
)
from socialaid.catalogue.files import ItemFile, Mode
from socialaid.errors import DomainError

OnDenied = Literal["close", "continue"]


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class DependencyRef:
    """One `requires_decision_of` group: wait for a decision on any one of `items`."""

    items: tuple[str, ...]
    on_denied: OnDenied = "close"
    approved_as: tuple[str, ...] | None = None  # target groups the approval must recognise


@dataclass(frozen=True)
class ExclusionRef:
    """One `excluded_by_approval_of` group: an approval of any one of `items` rules the item out."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class ItemRef:
    """What planning needs of a catalogue item (the version the application was filed against)."""

    code: str
    department: str
    mode: Mode = Mode.ON_APPLICATION
    requires_decision_of: tuple[DependencyRef, ...] = ()
    promised_working_days: int | None = None
    name: str | None = None  # for reasons shown to people; the code when absent
    excluded_by: tuple[ExclusionRef, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.code

    @classmethod
    def from_item(cls, item: ItemFile) -> ItemRef:
        return cls(
            code=item.code,
            department=item.department,
            mode=item.mode,
            requires_decision_of=tuple(
                DependencyRef(
                    items=tuple(dependency.items),
                    on_denied=dependency.on_denied,
                    approved_as=(
                        None if dependency.approved_as is None else tuple(dependency.approved_as)
                    ),
                )
                for dependency in item.requires_decision_of
            ),
            promised_working_days=item.time_limits.promised_working_days,
            name=item.name,
            excluded_by=tuple(
                ExclusionRef(items=tuple(exclusion.items))
                for exclusion in item.excluded_by_approval_of
            ),
        )

    @property
    def waits_for(self) -> tuple[tuple[str, ...], ...]:
        """The item groups whose decisions a case of this item waits for: its dependency groups
        and the groups whose approval would rule it out."""
        return tuple(group.items for group in self.requires_decision_of) + tuple(
            group.items for group in self.excluded_by
        )

    def names(self, code: str) -> bool:
        """Whether any dependency or exclusion group of this item names `code`."""
        return any(code in items for items in self.waits_for)


class Outcome(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"


class InvalidDecisionError(DomainError):
    """A decision that cannot be recorded as given (a denial needs its reasons)."""


@dataclass(frozen=True)
class Decision:
    """A department's decision on one case (approve with amount/period, or deny with reasons)."""

    outcome: Outcome
    reasons: tuple[str, ...] = ()
    amount: Decimal | None = None
    period: str | None = None
    basis: str | None = None  # legal basis as the notice cites it
    documents: tuple[str, ...] = ()  # references to the notice and documents issued with it
    reference: str | None = None  # the decision's id as the service stores it
    # For a recognition (认定): the target groups it recognises the applicant as.
    recognised_as: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.outcome is Outcome.DENIED and not any(reason.strip() for reason in self.reasons):
            raise InvalidDecisionError("a denial states its reasons", path=["reasons"])


@dataclass(frozen=True)
class Case:
    """A case as the service loaded it: the item it is for, its state and its decision if any."""

    item: ItemRef
    state: CaseState
    decision: Decision | None = None

    @property
    def code(self) -> str:
        return self.item.code


# ---------------------------------------------------------------- planning


class PlanningError(DomainError):
    """The selection cannot be turned into cases."""


class EmptySelectionError(PlanningError):
    pass


class DuplicateItemError(PlanningError):
    pass


class NotApplicableError(PlanningError):
    """An `organised` (非依申请) item: the department starts it, an applicant cannot select it."""


class DependencyCycleError(PlanningError):
    def __init__(self, cycle: Sequence[str]) -> None:
        super().__init__(
            "the selected items wait for each other: " + " → ".join([*cycle, cycle[0]]),
            path=["items"],
        )
        self.cycle = tuple(cycle)


class NoteKind(StrEnum):
    PREREQUISITE_NOT_IN_APPLICATION = "prerequisite_not_in_application"


@dataclass(frozen=True)
class PlanNote:
    kind: NoteKind
    items: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class PlannedCase:
    """A case to create: its first state, the items it waits on, and notes.

    `waiting_on` names the selected items it waits on and the automatic grants that may still join.
    """

    item: ItemRef
    state: CaseState
    waiting_on: tuple[str, ...] = ()
    notes: tuple[PlanNote, ...] = ()

    @property
    def code(self) -> str:
        return self.item.code

    def as_case(self) -> Case:
        return Case(item=self.item, state=self.state)


def plan_cases(
    selected: Sequence[ItemRef], *, auto_granted: Iterable[ItemRef] = ()
) -> list[PlannedCase]:
    """One case per selected item, predecessors first (ties by code), whatever the selection order.

    A dependency group naming a selected item, or an automatic grant that may still join the
    application (`auto_granted`: the tenant's items, as for `on_decision`), makes the case wait on
    those of its items. A group naming only items outside the application does not hold the case:
    the form compiler has already added the prerequisite (`prerequisite: add`) or warned the
    applicant (`warn`), so what is left is an item decided elsewhere or not at all — the case starts
    ready with a note that the department checks that status itself.
    """
    if not selected:
        raise EmptySelectionError("no item selected", path=["items"])
    by_code: dict[str, ItemRef] = {}
    for item in selected:
        if item.code in by_code:
            raise DuplicateItemError(f"{item.code} is selected twice", path=["items"])
        if item.mode is Mode.ORGANISED:
            raise NotApplicableError(f"{item.code} is not applied for (非依申请)", path=["items"])
        by_code[item.code] = item

    auto = _auto_by_code(auto_granted)
    states = dict.fromkeys(by_code, CaseState.READY)  # every case starts open
    prospects = _Prospects(states, _Approvals(states, {}), auto)
    # The selected items and the automatic grants they wait on, each with what it waits on.
    predecessors: dict[str, list[str]] = {}
    unvisited = list(by_code)
    while unvisited:
        code = unvisited.pop()
        if code in predecessors:
            continue
        groups = (by_code[code] if code in by_code else auto[code]).waits_for
        predecessors[code] = sorted(
            {p for group in groups for p in group if p in by_code or prospects.may_join(p)}
        )
        unvisited.extend(predecessors[code])
    order = [code for code in _topological_order(predecessors) if code in by_code]

    planned = []
    for code in order:
        item = by_code[code]
        notes = tuple(
            PlanNote(
                kind=NoteKind.PREREQUISITE_NOT_IN_APPLICATION,
                items=group.items,
                message=(
                    "前置事项"
                    + "、".join(f"“{p}”" for p in group.items)
                    + "不在本次申请中，其办理状态须由承办部门核实。"
                ),
            )
            for group in item.requires_decision_of
            if not any(p in by_code or prospects.may_join(p) for p in group.items)
        )
        waiting_on = tuple(predecessors[code])
        state = CaseState.WAITING if waiting_on else CaseState.READY
        planned.append(PlannedCase(item=item, state=state, waiting_on=waiting_on, notes=notes))
    return planned


def _topological_order(predecessors: Mapping[str, Sequence[str]]) -> list[str]:
    """Kahn's algorithm with the smallest code first among the ready ones; cycles raise."""
    remaining = {code: len(before) for code, before in predecessors.items()}
    successors: dict[str, list[str]] = {code: [] for code in predecessors}
    for code, before in predecessors.items():
        for p in before:
            successors[p].append(code)
    ready = [code for code, count in remaining.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        code = heapq.heappop(ready)
        order.append(code)
        for successor in successors[code]:
            remaining[successor] -= 1
            if remaining[successor] == 0:
                heapq.heappush(ready, successor)
    if len(order) < len(predecessors):
        raise DependencyCycleError(_find_cycle(predecessors, set(order)))
    return order


def _find_cycle(predecessors: Mapping[str, Sequence[str]], acyclic: set[str]) -> list[str]:
    """A cycle among the codes Kahn's algorithm could not order, from the smallest code."""
    start = min(code for code in predecessors if code not in acyclic)
    path: list[str] = []
    seen: dict[str, int] = {}
    code = start
    # Every unordered code has an unordered predecessor, so following them must loop.
    while code not in seen:
        seen[code] = len(path)
        path.append(code)
        code = min(p for p in predecessors[code] if p not in acyclic)
    cycle = path[seen[code] :]
    cycle.reverse()  # predecessor first: a → b means b waits for a
    pivot = cycle.index(min(cycle))
    return cycle[pivot:] + cycle[:pivot]


# ---------------------------------------------------------------- effects


class EffectKind(StrEnum):
    FORWARD_DECISION = "forward_decision"
    RELEASE = "release"
    CLOSE = "close"
    GRANT_AUTOMATICALLY = "grant_automatically"
    WITHDRAW = "withdraw"


@dataclass(frozen=True)
class ForwardDecision:
    """Push a predecessor's decision and documents to a later case (000 §三（二）2)."""

    kind: ClassVar[EffectKind] = EffectKind.FORWARD_DECISION
    item: str  # the receiving case
    predecessor: str
    decision: Decision


@dataclass(frozen=True)
class ReleaseCase:
    """A waiting case's dependencies are settled: it becomes ready for its department."""

    kind: ClassVar[EffectKind] = EffectKind.RELEASE
    event: ClassVar[CaseEvent] = CaseEvent.RELEASE
    item: str


@dataclass(frozen=True)
class CloseCase:
    """A waiting case is closed without a decision because its predecessors were not approved."""

    kind: ClassVar[EffectKind] = EffectKind.CLOSE
    event: ClassVar[CaseEvent] = CaseEvent.CLOSE
    item: str
    predecessors: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class GrantAutomatically:
    """免申即享: an auto_granted item is approved because the decision it follows was approved.

    `case_exists` False: create the case, already approved (the applicant did not select it).
    True: the applicant selected it and its waiting case moves to approved.
    """

    kind: ClassVar[EffectKind] = EffectKind.GRANT_AUTOMATICALLY
    event: ClassVar[CaseEvent] = CaseEvent.GRANT_AUTOMATICALLY
    item: ItemRef
    trigger: str  # the item whose approval set it off
    trigger_decision: Decision | None  # None when the trigger was itself granted automatically
    case_exists: bool


@dataclass(frozen=True)
class WithdrawCase:
    kind: ClassVar[EffectKind] = EffectKind.WITHDRAW
    event: ClassVar[CaseEvent] = CaseEvent.WITHDRAW
    item: str


Effect = ForwardDecision | ReleaseCase | CloseCase | GrantAutomatically | WithdrawCase


class UnknownCaseError(DomainError):
    pass


_Verdict = Literal["wait", "release", "grant", "close"]


@dataclass(frozen=True)
class _Settlement:
    verdict: _Verdict
    failed_groups: tuple[tuple[str, ...], ...] = ()
    excluded_by: tuple[str, ...] = ()  # the approved items that rule the case out


def on_decision(
    cases: Sequence[Case],
    decided: str,
    decision: Decision,
    *,
    auto_granted: Iterable[ItemRef] = (),
) -> list[Effect]:
    """What the decision on case `decided` sets off in the other cases of its application.

    The decided case's own transition (approve/deny) is the caller's; it may be listed in `cases`
    in its state before or after. For every open case that names it, the decision is forwarded;
    each waiting case whose dependencies are now settled is released, closed (a group all denied
    with `on_denied: close`), or granted (auto_granted). Consequences cascade: a closed or granted
    case settles the cases that wait on it. `auto_granted` is the tenant's items (others are
    ignored, so the whole catalogue may be passed): one not in the application whose every group
    is approved here, one of them just now, yields a case to create, already approved; until it is
    known whether it will, it is a pending member of the groups naming it (see the module doc).
    """
    refs = {case.code: case.item for case in cases}
    if decided not in refs:
        raise UnknownCaseError(f"no case for {decided} in this application", path=["case"])
    states = {case.code: case.state for case in cases}
    states[decided] = (
        CaseState.APPROVED if decision.outcome is Outcome.APPROVED else CaseState.DENIED
    )
    recognised = {case.code: case.decision.recognised_as for case in cases if case.decision}
    recognised[decided] = decision.recognised_as
    approved = _Approvals(states, recognised)
    auto = _auto_by_code(auto_granted)
    tenant_auto = [auto[code] for code in sorted(auto)]
    fresh = {decided} if states[decided] is CaseState.APPROVED else set()  # approved just now

    effects: list[Effect] = []
    settled = deque([decided])
    while settled:
        predecessor = settled.popleft()
        if predecessor == decided:
            effects.extend(
                ForwardDecision(item=code, predecessor=decided, decision=decision)
                for code in sorted(refs)
                if states[code] in CASE_OPEN_STATES and refs[code].names(decided)
            )
        for code in sorted(refs):
            if states[code] is not CaseState.WAITING:
                continue
            prospects = _Prospects(states, approved, auto, frozenset(fresh))
            if not prospects.concerns(refs[code], predecessor):
                continue
            settlement = _settle(refs[code], states, approved, prospects)
            if settlement.verdict == "close":
                if settlement.excluded_by:
                    names = list(settlement.excluded_by)
                    reason = _exclusion_reason(names, refs)
                else:
                    names = sorted({p for group in settlement.failed_groups for p in group})
                    reason = _close_reason(names, refs, states)
                effects.append(CloseCase(item=code, predecessors=tuple(names), reason=reason))
                states[code] = CaseState.CLOSED
                settled.append(code)
            elif settlement.verdict == "grant":
                effects.append(
                    GrantAutomatically(
                        item=refs[code],
                        trigger=predecessor,
                        trigger_decision=decision if predecessor == decided else None,
                        case_exists=True,
                    )
                )
                states[code] = CaseState.APPROVED
                fresh.add(code)
                settled.append(code)
            elif settlement.verdict == "release":
                effects.append(ReleaseCase(item=code))
                states[code] = CaseState.READY
        if states[predecessor] is CaseState.APPROVED:
            for item in tenant_auto:
                if item.code in refs or not item.names(predecessor):
                    continue
                if all(approved.any_in(group) for group in item.requires_decision_of):
                    effects.append(
                        GrantAutomatically(
                            item=item,
                            trigger=predecessor,
                            trigger_decision=decision if predecessor == decided else None,
                            case_exists=False,
                        )
                    )
                    refs[item.code] = item
                    states[item.code] = CaseState.APPROVED
                    fresh.add(item.code)
                    settled.append(item.code)
    return effects


@dataclass(frozen=True)
class _Approvals:
    """Which cases' approvals count for a dependency group (some count only as a target group)."""

    states: Mapping[str, CaseState]
    recognised: Mapping[str, tuple[str, ...]]

    def counts(self, group: DependencyRef, code: str) -> bool:
        if self.states.get(code) is not CaseState.APPROVED:
            return False
        return group.approved_as is None or bool(
            set(self.recognised.get(code, ())) & set(group.approved_as)
        )

    def any_in(self, group: DependencyRef) -> bool:
        return any(self.counts(group, code) for code in group.items)


def _auto_by_code(items: Iterable[ItemRef]) -> dict[str, ItemRef]:
    """The auto_granted ones of the tenant's items (others are ignored), by code."""
    return {item.code: item for item in items if item.mode is Mode.AUTO_GRANTED}


class _Prospects:
    """Which auto_granted items not in the application may still join it (the module doc's rule).

    Built for one look at the states: it remembers its answers, so build a new one after a change.
    """

    def __init__(
        self,
        states: Mapping[str, CaseState],
        approved: _Approvals,
        auto: Mapping[str, ItemRef],
        fresh: frozenset[str] = frozenset(),  # the approvals of the cascade under way
    ) -> None:
        self._states = states
        self._approved = approved
        self._auto = auto
        self._fresh = fresh
        self._memo: dict[str, bool] = {}

    def may_join(self, code: str) -> bool:
        """An auto_granted item not in the application that no group of its own has lost (each
        counts or names an undecided item) and that something can still set off: an item it names
        is undecided, or was approved in the cascade under way (which then grants it)."""
        item = self._auto.get(code)
        if item is None or code in self._states or not item.requires_decision_of:
            return False
        if code not in self._memo:
            self._memo[code] = False  # one that waits, through others, for itself never joins
            groups = item.requires_decision_of
            named = sorted({member for group in groups for member in group.items})
            self._memo[code] = all(
                self._approved.any_in(group) or any(self._undecided(c) for c in group.items)
                for group in groups
            ) and any(c in self._fresh or self._undecided(c) for c in named)
        return self._memo[code]

    def _undecided(self, code: str) -> bool:
        if code in self._states:
            return self._states[code] not in CASE_FINAL_STATES
        return self.may_join(code)

    def concerns(self, item: ItemRef, code: str) -> bool:
        """Whether a decision on `code` may change where `item` stands: one of its groups names
        `code`, or names an auto_granted item not in the application whose joining rests on it."""
        seen: set[str] = set()
        unvisited = [item]
        while unvisited:
            for group in unvisited.pop().waits_for:
                for member in group:
                    if member == code:
                        return True
                    if member in self._auto and member not in self._states and member not in seen:
                        seen.add(member)
                        unvisited.append(self._auto[member])
        return False


def _settle(
    item: ItemRef, states: Mapping[str, CaseState], approved: _Approvals, prospects: _Prospects
) -> _Settlement:
    """Where a waiting case stands, given the states of the cases in its application."""
    failed: list[tuple[str, ...]] = []
    pending = False
    approved_everywhere = True
    excluded: list[str] = []
    for exclusion in item.excluded_by:
        present = tuple(code for code in exclusion.items if code in states)
        excluded += [c for c in present if states[c] is CaseState.APPROVED]
        if any(states[c] not in CASE_FINAL_STATES for c in present) or any(
            prospects.may_join(code) for code in exclusion.items
        ):
            pending = True
    # An approval that rules the case out closes it whatever else it waits for.
    if excluded:
        return _Settlement("close", excluded_by=tuple(sorted(excluded)))
    for group in item.requires_decision_of:
        present = tuple(code for code in group.items if code in states)
        joining = any(prospects.may_join(code) for code in group.items)
        if not present and not joining:
            # Outside the application: the department checks it (PlanNote), it holds nothing.
            approved_everywhere = False
            continue
        if any(approved.counts(group, code) for code in present):
            continue
        approved_everywhere = False
        if not joining and all(states[code] in CASE_FINAL_STATES for code in present):
            if group.on_denied == "close":
                failed.append(present)
            continue
        pending = True
    # A group already lost closes the case whatever the other groups still wait for.
    if failed:
        return _Settlement("close", tuple(failed))
    if pending:
        return _Settlement("wait")
    if item.mode is Mode.AUTO_GRANTED and approved_everywhere:
        return _Settlement("grant")
    return _Settlement("release")


def _close_reason(
    predecessors: Sequence[str], refs: Mapping[str, ItemRef], states: Mapping[str, CaseState]
) -> str:
    labels = "、".join(f"“{refs[code].label}”" for code in predecessors)
    if any(states.get(code) is CaseState.APPROVED for code in predecessors):
        return f"前置事项{labels}的认定结果不属本事项的救助对象，本事项依其前置关系不再办理。"
    return f"前置事项{labels}未获准予，本事项依其前置关系不再办理。"


def _exclusion_reason(approved: Sequence[str], refs: Mapping[str, ItemRef]) -> str:
    labels = "、".join(f"“{refs[code].label}”" for code in approved)
    return f"{labels}已获准予，本事项的对象不含其准予的对象，依排除关系不再办理。"


def on_withdrawal(cases: Sequence[Case]) -> list[WithdrawCase]:
    """The applicant withdraws the application: every case still open is withdrawn with it."""
    return [
        WithdrawCase(item=case.code)
        for case in sorted(cases, key=lambda c: c.code)
        if case.state in CASE_OPEN_STATES
    ]


# ---------------------------------------------------------------- the unified result


class OverallStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


@dataclass(frozen=True)
class CaseResult:
    item: str
    label: str
    state: CaseState
    decision: Decision | None


@dataclass(frozen=True)
class DepartmentSummary:
    """One department's column of the unified result (000 §三（一）5: 按部门分类分栏汇总)."""

    department: str
    cases: tuple[CaseResult, ...]

    def _in(self, *states: CaseState) -> tuple[str, ...]:
        return tuple(case.item for case in self.cases if case.state in states)

    @property
    def approved(self) -> tuple[str, ...]:
        return self._in(CaseState.APPROVED)

    @property
    def denied(self) -> tuple[str, ...]:
        return self._in(CaseState.DENIED)

    @property
    def closed(self) -> tuple[str, ...]:
        return self._in(CaseState.CLOSED, CaseState.WITHDRAWN)

    @property
    def open(self) -> tuple[str, ...]:
        return self._in(*CASE_OPEN_STATES)

    @property
    def status(self) -> OverallStatus:
        return OverallStatus.IN_PROGRESS if self.open else OverallStatus.COMPLETED


@dataclass(frozen=True)
class ApplicationOutcome:
    status: OverallStatus
    departments: tuple[DepartmentSummary, ...]  # by department code


def application_outcome(cases: Sequence[Case]) -> ApplicationOutcome:
    """The unified result: per-department columns; completed once every case is final.

    An application without cases (rejected or still in triage) is not completed by its cases.
    """
    by_department: dict[str, list[CaseResult]] = {}
    for case in sorted(cases, key=lambda c: c.code):
        by_department.setdefault(case.item.department, []).append(
            CaseResult(
                item=case.code, label=case.item.label, state=case.state, decision=case.decision
            )
        )
    departments = tuple(
        DepartmentSummary(department=department, cases=tuple(results))
        for department, results in sorted(by_department.items())
    )
    done = bool(cases) and all(case.state in CASE_FINAL_STATES for case in cases)
    return ApplicationOutcome(
        status=OverallStatus.COMPLETED if done else OverallStatus.IN_PROGRESS,
        departments=departments,
    )
