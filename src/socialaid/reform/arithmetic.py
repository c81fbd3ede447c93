"""The reform's effect, counted: what applying item by item would have asked of a family against
what its one merged application asked, and each total against the tenant's target.

Pure: no database, no GraphQL. The service turns stored applications into `ApplicationFacts`
(from the form snapshot each was filed against and the material statuses it stored); the
definitions of each count are in docs/adr/0035-reform-effect-and-completion-summary.md.

Step (环节): one entry of an item's catalogue `process`. Applying item by item a family meets
every step of every item. In the merged application the one-door steps — the family applying
(applicant), the adviser's consultation (adviser), the window's acceptance (window_clerk) and
the system's notices and feedback (system) — happen once for the application, whatever the
number of items: each of those actors counts once. Departments' own steps (caseworker,
approver, organisation, joint_meeting) stay one per item.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from socialaid.catalogue.files import ReformComparison, ReformMeasure

# Steps done once at the one door for the whole merged application (000 三（二）: 一表申请、
# 一口受理, 统一反馈).
ONE_DOOR_ACTORS = frozenset({"applicant", "adviser", "window_clerk", "system"})
# Material statuses the family still hands in with the merged application: uploaded, to upload,
# or accepted now and handed in later (容缺受理). Exempt (shared data, electronic licence) and
# replaced by a personal commitment are not handed in.
HANDED_IN = frozenset({"uploaded", "upload_required", "deferred"})
# A status with nobody to hand it in for is not a material the family meets either way.
NOT_MET = frozenset({"not_applicable", "optional"})
# Materials whose exemption comes from a record held elsewhere: the family would have fetched
# the certificate from its issuer (a visit) to apply item by item.
DATA_ROUTES = frozenset({"shared_data", "electronic_licence"})
# Channels that bring the family to a counter (the window, or the community adviser).
VISIT_CHANNELS = frozenset({"window", "adviser"})


@dataclass(frozen=True)
class ItemAsFiled:
    """One item the family applied for, as the form snapshot holds it."""

    code: str
    step_actors: tuple[str, ...]  # the actor of each `process` step, in order
    fields: frozenset[str]  # the data element keys the item asks for
    statutory_working_days: int | None = None
    promised_working_days: int | None = None


@dataclass(frozen=True)
class MaterialAsFiled:
    """One material for one person, as the application stored its status."""

    requiring: int  # how many of the application's items require it (`required_by`)
    status: str
    exempt_via: str | None = None


@dataclass(frozen=True)
class CaseAsWorked:
    """One item's case: when its department could start, and when it decided (None: not yet
    decided; `final` says whether it ended without a decision, closed or withdrawn)."""

    item: str
    accepted: date  # the case was opened: the one door accepted the application
    started: date  # the department's clock started (a waiting case: its release)
    decided: date | None = None
    final: bool = False


@dataclass(frozen=True)
class ApplicationFacts:
    channel: str
    submitted: date
    items: tuple[ItemAsFiled, ...]
    materials: tuple[MaterialAsFiled, ...] = ()
    cases: tuple[CaseAsWorked, ...] = ()


@dataclass(frozen=True)
class Tally:
    """What applying item by item would have meant, and what the merged application meant."""

    item_by_item: int = 0
    merged: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.item_by_item + other.item_by_item, self.merged + other.merged)

    @property
    def saved(self) -> int:
        return self.item_by_item - self.merged


def steps(application: ApplicationFacts) -> Tally:
    every = [actor for item in application.items for actor in item.step_actors]
    one_door = {actor for actor in every if actor in ONE_DOOR_ACTORS}
    departments = [actor for actor in every if actor not in ONE_DOOR_ACTORS]
    return Tally(len(every), len(one_door) + len(departments))


def fields(application: ApplicationFacts) -> Tally:
    asked = [item.fields for item in application.items]
    return Tally(sum(len(keys) for keys in asked), len(frozenset().union(*asked)))


def materials(application: ApplicationFacts) -> Tally:
    """Each requiring item would have asked for its own copy; the merged application asked
    once, and not at all for what shared data, an electronic licence or a commitment replaced."""
    met = [m for m in application.materials if m.requiring and m.status not in NOT_MET]
    return Tally(sum(m.requiring for m in met), sum(1 for m in met if m.status in HANDED_IN))


def trips(application: ApplicationFacts) -> Tally:
    """Item by item: one visit to each item's window, and one to the issuer of each certificate
    that data sharing supplied instead. Merged: one visit when the channel is a counter."""
    fetched = sum(1 for m in application.materials if m.exempt_via in DATA_ROUTES)
    return Tally(
        len(application.items) + fetched, 1 if application.channel in VISIT_CHANNELS else 0
    )


WorkingDays = Callable[[date, date], int]


def working_days_between(is_working_day: Callable[[date], bool], start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when decided the same day or
    before): the count a limit of N working days from `start` allows N of."""
    count = 0
    day = start + timedelta(days=1)
    while day <= end:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count


def time(application: ApplicationFacts, working_days: WorkingDays) -> Tally | None:
    """Serial processing against what happened, in working days; None while a case is open or
    when no case was decided.

    Item by item, each decided item would have passed the one door on its own and then its
    department, one after the other: the sum over decided cases of (submission → acceptance)
    plus (department's start → decision). Merged: submission → the last decision.
    """
    cases = application.cases
    if any(c.decided is None and not c.final for c in cases):
        return None
    decided = [c for c in cases if c.decided is not None]
    if not decided:
        return None
    serial = sum(
        working_days(application.submitted, c.accepted) + working_days(c.started, c.decided)
        for c in decided
        if c.decided is not None
    )
    last = max(c.decided for c in decided if c.decided is not None)
    return Tally(serial, working_days(application.submitted, last))


@dataclass(frozen=True)
class TargetTerms:
    percent: float
    comparison: ReformComparison


class Measure(StrEnum):
    """What the report counts: the four targets' measures, and the form's fields (which no
    document sets a target for)."""

    STEPS = ReformMeasure.STEPS.value
    FIELDS = "fields"
    TIME = ReformMeasure.TIME.value
    MATERIALS = ReformMeasure.MATERIALS.value
    TRIPS = ReformMeasure.TRIPS.value


@dataclass(frozen=True)
class Check:
    """One measure's totals against its target, with the arithmetic shown."""

    tally: Tally
    percent: float | None  # reduction, None when item by item asked nothing
    met: bool | None  # None: no target, a target without a number, or nothing to count
    arithmetic: str


def check(tally: Tally, target: TargetTerms | None, *, unnumbered: str | None = None) -> Check:
    """The reduction `saved ÷ item by item` and whether it reaches the target's percentage.
    "About X%" (左右) is met only from X% up: the documents give no tolerance (ADR 0035).
    `unnumbered`: the name of a target its document states without a number (减跑动)."""
    if tally.item_by_item == 0:
        return Check(tally, None, None, "逐项办理所需为 0，无法计算减少比例")
    reduction = Fraction(tally.saved, tally.item_by_item) * 100
    percent = round(float(reduction), 2)
    shown = f"（{tally.item_by_item} − {tally.merged}）÷ {tally.item_by_item} = {percent:.2f}%"
    if target is None and unnumbered is not None:
        return Check(tally, percent, None, shown + f"；目标“{unnumbered}”未给出比例，不作判断")
    if target is None:
        return Check(tally, percent, None, shown + "；无目标")
    met = reduction >= Fraction(str(target.percent))
    words = "以上" if target.comparison is ReformComparison.AT_LEAST else "左右"
    verdict = "达到" if met else "未达到"
    shown += f"，目标 {target.percent:g}%{words}，{verdict}"
    return Check(tally, percent, met, shown)


def total(tallies: Iterable[Tally | None]) -> Tally:
    out = Tally()
    for tally in tallies:
        if tally is not None:
            out += tally
    return out


@dataclass(frozen=True)
class ItemTime:
    """One item's decided cases: working days from the department's start to its decision,
    against the item's promised and statutory limits."""

    item: str
    decided: int
    working_days: tuple[int, ...]
    promised_working_days: int | None
    statutory_working_days: int | None
    within_promised: int | None  # None: the item promises no limit
    within_statutory: int | None

    @property
    def median_working_days(self) -> float | None:
        ordered = sorted(self.working_days)
        if not ordered:
            return None
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return float(ordered[middle])
        return (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True)
class CaseTime:
    """One decided case's working days from its department's start, with its item's limits as
    the application filed them: what `item_times` sums per item."""

    item: str
    working_days: int
    promised_working_days: int | None
    statutory_working_days: int | None


@dataclass(frozen=True)
class ApplicationTallies:
    """One application's counts, kept per application so a report can sum them (ADR 0035)."""

    steps: Tally
    fields: Tally
    materials: Tally
    trips: Tally
    time: Tally | None  # None while a case is open or when no case was decided
    case_times: tuple[CaseTime, ...]


def case_times(application: ApplicationFacts, working_days: WorkingDays) -> list[CaseTime]:
    """Every decided case of an item the family applied for."""
    filed = {item.code: item for item in application.items}
    return [
        CaseTime(
            item=case.item,
            working_days=working_days(case.started, case.decided),
            promised_working_days=filed[case.item].promised_working_days,
            statutory_working_days=filed[case.item].statutory_working_days,
        )
        for case in application.cases
        if case.decided is not None and case.item in filed
    ]


def tallies(application: ApplicationFacts, working_days: WorkingDays) -> ApplicationTallies:
    return ApplicationTallies(
        steps=steps(application),
        fields=fields(application),
        materials=materials(application),
        trips=trips(application),
        time=time(application, working_days),
        case_times=tuple(case_times(application, working_days)),
    )


def item_times(
    applications: Sequence[ApplicationFacts], working_days: WorkingDays
) -> list[ItemTime]:
    """Per item code, in code order, over every decided case of `applications`."""
    return times_per_item(
        (times, 1)
        for application in applications
        for times in case_times(application, working_days)
    )


def times_per_item(counted: Iterable[tuple[CaseTime, int]]) -> list[ItemTime]:
    """Per item code, in code order, over decided cases given with how many had those values.
    An item's limits are those of its first case (every form of a period states the same)."""
    days: dict[str, list[int]] = {}
    limits: dict[str, CaseTime] = {}
    for times, count in counted:
        limits.setdefault(times.item, times)
        days.setdefault(times.item, []).extend([times.working_days] * count)
    out = []
    for code in sorted(days):
        spent = tuple(days[code])
        promised = limits[code].promised_working_days
        statutory = limits[code].statutory_working_days
        out.append(
            ItemTime(
                item=code,
                decided=len(spent),
                working_days=spent,
                promised_working_days=promised,
                statutory_working_days=statutory,
                within_promised=None if promised is None else sum(d <= promised for d in spent),
                within_statutory=None if statutory is None else sum(d <= statutory for d in spent),
            )
        )
    return out
