"""Deadlines in working days on the Chinese statutory calendar (法定节假日 and 调休 make-up days).

The calendar is the `chinese-calendar` package, which knows only the years the State Council has
published; outside them it cannot say whether a day is worked, and neither do we
(CalendarNotCoveredError), rather than guess with weekends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import chinese_calendar

from socialaid.clock import CHINA
from socialaid.errors import DomainError

# 003 §四: during the epidemic, on personal commitment, 当日申请、48 小时内审核确认.
EMERGENCY_REVIEW_WITHIN = timedelta(hours=48)

# A working-day deadline runs to the end of its last day, China time.
_END_OF_DAY = time(23, 59, 59)


class CalendarNotCoveredError(DomainError):
    """A date outside the years the statutory holiday calendar covers."""

    def __init__(self, day: date, first_year: int, last_year: int) -> None:
        super().__init__(
            f"the working-day calendar covers {first_year}–{last_year}, not {day.isoformat()}"
        )
        self.day = day
        self.first_year = first_year
        self.last_year = last_year


def calendar_years() -> tuple[int, int]:
    """The first and last year the installed holiday calendar covers."""
    # The same bounds the package checks before raising NotImplementedError.
    return min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year


def is_working_day(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        raise CalendarNotCoveredError(day, *calendar_years()) from None


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start`; `start` itself is never counted.

    The day an act happens does not count towards a period (民法典 第二百零一条: 开始的当日不计入，
    自下一日开始计算), so a limit of n working days from an application on `start` ends on the n-th
    working day after it. `days` = 0 is `start`.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


@dataclass(frozen=True)
class EmergencyMode:
    """An emergency period switched on by the tenant (003 §四): review within 48 hours.

    The 48 hours apply on the applicant's personal commitment (在个人承诺前提下), materials
    completed later: the service passes the mode only for cases where that commitment was given.
    """

    provision: str  # the tenant's emergency_provisions code
    starts_at: datetime
    ends_at: datetime | None = None  # None: until switched off
    review_within: timedelta = EMERGENCY_REVIEW_WITHIN

    def __post_init__(self) -> None:
        _require_aware(self.starts_at, "starts_at")
        if self.ends_at is not None:
            _require_aware(self.ends_at, "ends_at")

    def covers(self, moment: datetime) -> bool:
        return self.starts_at <= moment and (self.ends_at is None or moment < self.ends_at)


def case_deadline(
    created_at: datetime,
    promised_working_days: int | None,
    emergency: EmergencyMode | None = None,
) -> datetime | None:
    """When a case is due, China time; None when the item promises no limit and no emergency applies.

    `created_at` is when the case's clock starts: its creation for a case created ready, its
    release for one that waited (its department cannot act before the predecessor's decision).
    Promised working days end at the end of the last working day. An emergency period covering
    `created_at` adds its 48-hour review limit; when both apply the earlier wins, since the
    emergency rule exists to speed cases up, never to extend them.
    """
    _require_aware(created_at, "created_at")
    local = created_at.astimezone(CHINA)
    candidates = []
    if promised_working_days is not None:
        due_day = add_working_days(local.date(), promised_working_days)
        candidates.append(datetime.combine(due_day, _END_OF_DAY, tzinfo=CHINA))
    if emergency is not None and emergency.covers(created_at):
        candidates.append(local + emergency.review_within)
    return min(candidates) if candidates else None


def is_overdue(due: datetime | None, now: datetime) -> bool:
    """Whether `now` is past `due`; a case without a deadline is never overdue."""
    _require_aware(now, "now")
    return due is not None and now > due


def _require_aware(moment: datetime, name: str) -> None:
    # A naive datetime would silently be read in the server's zone, not the applicant's.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must carry a time zone")
