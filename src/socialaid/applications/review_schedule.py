"""Re-verification (定期核查) arithmetic: which period a benefit's reviews follow, the next review's
date, and what a family's 收入豁免、救助渐退 (003 一) give when a member starts work.

Pure: no database, no GraphQL. The catalogue says which periods an item has (001 三（二）4, as
`reverification` data with its sources); which one a family gets where the seed makes it the
street's judgement (收入来源不固定, 短期内经济状况变化不大) is the caseworker's explicit choice of a
period code, never guessed from the form's answers.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class ReviewState(StrEnum):
    UNSCHEDULED = "unscheduled"  # the item has no period, or the period code is not chosen yet
    SCHEDULED = "scheduled"  # waits for its date (the periodic job opens it)
    DUE = "due"  # open: the street office checks the family now
    COMPLETED = "completed"


OPEN_STATES = frozenset({ReviewState.UNSCHEDULED, ReviewState.SCHEDULED, ReviewState.DUE})


class ReviewTrigger(StrEnum):
    APPROVAL = "approval"  # the first review after the benefit was approved
    REVIEW = "review"  # the next review after one was completed
    SELF_REPORT = "self_report"  # 主动报告: the family reported a change; reviewed early
    TAPER = "taper"  # a member started work: the review at the end of the taper period
    SPOT_CHECK = "spot_check"  # 不定期抽查: drawn in the month's random sample, reviewed early


class ReviewOutcome(StrEnum):
    CONTINUE = "continue"
    ADJUST = "adjust"  # continues with another amount
    STOP = "stop"  # the benefit ends, with a notice


class ChangeKind(StrEnum):
    """What a family reports itself (主动报告, 001 三（二）4: 家庭人口、经济状况等重大变化)."""

    EMPLOYMENT_STARTED = "employment_started"
    INCOME_CHANGED = "income_changed"
    HOUSEHOLD_CHANGED = "household_changed"  # members joined or left
    ASSETS_CHANGED = "assets_changed"
    OTHER = "other"


@dataclass(frozen=True)
class Period:
    """One period the item's catalogue entry names; `code` None for an item's single period."""

    months: int
    code: str | None = None


class PeriodChoiceError(ValueError):
    """A period code the item does not have, or one given where the item has a single period."""


def choose_period(
    single_months: int | None, periods: Mapping[str, int], chosen: str | None
) -> Period | None:
    """The period a benefit's reviews follow: the item's single period, or the one the caseworker
    chose among the item's periods; None when neither is known (the review stays unscheduled)."""
    if periods:
        if chosen is None:
            return None
        if chosen not in periods:
            raise PeriodChoiceError(
                f"本事项的核查周期代码只有：{'、'.join(sorted(periods))}（收到 {chosen}）"
            )
        return Period(periods[chosen], chosen)
    if chosen is not None:
        raise PeriodChoiceError("本事项没有分列核查周期，不需选择周期代码")
    if single_months is None:
        return None
    return Period(single_months)


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day where it is shorter (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review_on(start: date, period: Period | None) -> date | None:
    return None if period is None else add_months(start, period.months)


@dataclass(frozen=True)
class TaperTerms:
    """An item's 收入豁免、救助渐退 rule: the tenant parameters it reads, by key, with their values
    (None: the tenant has not set it)."""

    period_key: str
    period_months: int | None
    disregard_key: str | None = None
    disregard: Decimal | None = None  # yuan per month of earned income not counted
    steps_key: str | None = None
    steps: tuple[Decimal, ...] | None = None  # % of the amount paid in each taper month


@dataclass(frozen=True)
class TaperStep:
    """The amount paid in one month of the taper period: `percent` of the amount in force."""

    month_from: date
    percent: Decimal
    amount: Decimal


@dataclass(frozen=True)
class TaperPlan:
    """What a member's starting work means for the benefit: it continues at `amount` until
    `continues_until`, when its review is due; `counted_income` is the new monthly earned income
    the review counts after the disregard. `missing`: parameters not set (the review decides now)."""

    started_on: date
    continues_until: date | None
    amount: Decimal | None
    earned_income: Decimal | None
    counted_income: Decimal | None
    missing: tuple[str, ...]
    # The step-down month by month; None when the tenant set no steps (`steps_unset` names the
    # parameter) and the benefit continues unchanged until the review.
    steps: tuple[TaperStep, ...] | None = None
    steps_unset: str | None = None

    @property
    def decided_by_review(self) -> bool:
        return self.continues_until is None


def taper_plan(
    terms: TaperTerms,
    *,
    started_on: date,
    amount: Decimal | None,
    earned_income: Decimal | None,
) -> TaperPlan:
    missing: list[str] = []
    if terms.period_months is None:
        missing.append(terms.period_key)
    if terms.disregard_key is not None and terms.disregard is None:
        missing.append(terms.disregard_key)
    until = None if terms.period_months is None else add_months(started_on, terms.period_months)
    counted = None
    if earned_income is not None and terms.disregard is not None:
        counted = max(Decimal(0), earned_income - terms.disregard)
    steps = None
    if terms.period_months is not None and terms.steps is not None and amount is not None:
        steps = taper_steps(started_on, amount, terms.steps, terms.period_months)
    unset = terms.steps_key if terms.steps_key is not None and terms.steps is None else None
    return TaperPlan(
        started_on, until, amount, earned_income, counted, tuple(missing), steps, unset
    )


def taper_steps(
    started_on: date, amount: Decimal, percents: Sequence[Decimal], months: int
) -> tuple[TaperStep, ...]:
    """渐退 step-down: in the n-th month of the taper (counted from the day work started) the
    benefit is the n-th percentage of `amount`, to the fen (half up). A list shorter than the
    period keeps its last percentage for the remaining months; a longer one stops at the period."""
    out: list[TaperStep] = []
    for month in range(months):
        percent = percents[min(month, len(percents) - 1)]
        paid = (amount * percent / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        out.append(TaperStep(add_months(started_on, month), percent, paid))
    return tuple(out)


def plan_as_data(plan: TaperPlan) -> dict[str, object]:
    """The plan as stored with the review and shown to the street office (JSON)."""
    return {
        "startedOn": plan.started_on.isoformat(),
        "continuesUntil": None
        if plan.continues_until is None
        else plan.continues_until.isoformat(),
        "amount": None if plan.amount is None else f"{plan.amount:.2f}",
        "earnedIncome": None if plan.earned_income is None else f"{plan.earned_income:.2f}",
        "countedIncome": None if plan.counted_income is None else f"{plan.counted_income:.2f}",
        "missingParameters": list(plan.missing),
        "steps": None
        if plan.steps is None
        else [
            {
                "from": step.month_from.isoformat(),
                "percent": format(step.percent.normalize(), "f"),
                "amount": f"{step.amount:.2f}",
            }
            for step in plan.steps
        ],
        "stepsUnset": plan.steps_unset,
    }


def spot_check_seed(tenant: str, day: date) -> str:
    """The draw's seed: one per tenant and China month, so every run of the job in a month draws
    the same benefits (one already opened is not drawn twice) and a test can name them."""
    return f"{tenant}:{day.year:04d}-{day.month:02d}"


def spot_check_score(seed: str, case_id: str) -> float:
    """A benefit's place in the draw, in [0, 1): the first 8 bytes of SHA-256 of `seed:case_id`
    read as a big-endian integer over 2**64. Uniform and reproducible from the seed alone."""
    digest = hashlib.sha256(f"{seed}:{case_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def spot_check_sample(seed: str, rate: float, case_ids: Sequence[str]) -> list[str]:
    """The benefits drawn for a spot check: each whose score is below the tenant's rate, so about
    `rate` of them; rate 0 draws none and rate 1 every one."""
    if not 0 <= rate <= 1:
        raise ValueError(f"spot-check rate must be between 0 and 1, not {rate}")
    return [c for c in case_ids if spot_check_score(seed, c) < rate]


def cleaned_reasons(reasons: Sequence[str]) -> tuple[str, ...]:
    return tuple(r.strip() for r in reasons if r.strip())
