"""Deadlines in working days on a tenant's calendar (法定节假日 and 调休 make-up days), and the
48-hour emergency review.

The calendar is a value (`working_calendar.WorkingCalendar`) the caller loads for the
application's root tenant; a deadline that crosses a year with no published schedule is counted on
weekends alone and is provisional, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from socialaid.calendars.working_calendar import WorkingCalendar, WorkingDay
from socialaid.clock import CHINA

# 003 §四: during the epidemic, on personal commitment, 当日申请、48 小时内审核确认.
EMERGENCY_REVIEW_WITHIN = timedelta(hours=48)

# A working-day deadline runs to the end of its last day, China time.
_END_OF_DAY = time(23, 59, 59)


def add_working_days(calendar: WorkingCalendar, start: date, days: int) -> WorkingDay:
    """The `days`-th working day after `start` on `calendar` (see WorkingCalendar)."""
    return calendar.add_working_days(start, days)


@dataclass(frozen=True)
class Due:
    """When a case is due, and whether that rests on a year not yet published."""

    at: datetime
    provisional: bool


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
    calendar: WorkingCalendar,
    created_at: datetime,
    promised_working_days: int | None,
    emergency: EmergencyMode | None = None,
) -> Due | None:
    """When a case is due, China time; None when the item promises no limit and no emergency applies.

    `created_at` is when the case's clock starts: its creation for a case created ready, its
    release for one that waited (its department cannot act before the predecessor's decision).
    Promised working days end at the end of the last working day. An emergency period covering
    `created_at` adds its 48-hour review limit; when both apply the earlier wins, since the
    emergency rule exists to speed cases up, never to extend them. The emergency review counts
    hours, not working days, so a deadline it sets is never provisional.
    """
    _require_aware(created_at, "created_at")
    local = created_at.astimezone(CHINA)
    candidates = []
    if promised_working_days is not None:
        due_day = calendar.add_working_days(local.date(), promised_working_days)
        end = datetime.combine(due_day.day, _END_OF_DAY, tzinfo=CHINA)
        candidates.append(Due(end, due_day.provisional))
    if emergency is not None and emergency.covers(created_at):
        candidates.append(Due(local + emergency.review_within, provisional=False))
    return min(candidates, key=lambda due: due.at) if candidates else None


def is_overdue(due: datetime | None, now: datetime) -> bool:
    """Whether `now` is past `due`; a case without a deadline is never overdue."""
    _require_aware(now, "now")
    return due is not None and now > due


def _require_aware(moment: datetime, name: str) -> None:
    # A naive datetime would silently be read in the server's zone, not the applicant's.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must carry a time zone")
