"""The working-day calendar as a value: each published year's statutory holidays (法定节假日) and
adjusted working days (调休上班日), and the arithmetic of working days over it.

A year nobody has published yet is counted on weekends alone; a result that depends on such a
year is provisional, to be recomputed when the State Council's schedule is published. Pure: no
database, no package data (the package seed is in `package_seed`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

# The years a calendar may be published for (the table's CHECK constraint says the same).
FIRST_YEAR = 1949
LAST_YEAR = 2200


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str


@dataclass(frozen=True)
class YearCalendar:
    """One year's schedule as published."""

    year: int
    holidays: tuple[Holiday, ...]
    adjusted_workdays: tuple[date, ...]


@dataclass(frozen=True)
class CalendarProblem:
    """Why a schedule cannot be published: the input path and a message for the clerk."""

    path: tuple[str | int, ...]
    message: str


def problems_of(schedule: YearCalendar) -> list[CalendarProblem]:
    """Every reason `schedule` is not a coherent year; empty when it is."""
    found: list[CalendarProblem] = []
    if not FIRST_YEAR <= schedule.year <= LAST_YEAR:
        found.append(CalendarProblem(("year",), f"年份须在 {FIRST_YEAR}–{LAST_YEAR} 之间"))
    holiday_days: set[date] = set()
    for index, holiday in enumerate(schedule.holidays):
        path: tuple[str | int, ...] = ("holidays", index)
        if holiday.day.year != schedule.year:
            found.append(CalendarProblem((*path, "date"), f"日期不在 {schedule.year} 年内"))
        if holiday.day in holiday_days:
            found.append(CalendarProblem((*path, "date"), "该日期重复"))
        holiday_days.add(holiday.day)
        if not holiday.name.strip():
            found.append(CalendarProblem((*path, "name"), "请填写节日名称"))
    seen: set[date] = set()
    for index, day in enumerate(schedule.adjusted_workdays):
        path = ("adjustedWorkdays", index)
        if day.year != schedule.year:
            found.append(CalendarProblem(path, f"日期不在 {schedule.year} 年内"))
        if day in holiday_days:
            found.append(CalendarProblem(path, "同一日期不能既是节假日又是调休上班日"))
        if day.weekday() < 5:
            found.append(CalendarProblem(path, "调休上班日须为周六或周日"))
        if day in seen:
            found.append(CalendarProblem(path, "该日期重复"))
        seen.add(day)
    return found


@dataclass(frozen=True)
class WorkingDay:
    """A day found by counting working days; provisional when the count crossed a year whose
    schedule is not published yet."""

    day: date
    provisional: bool


@dataclass(frozen=True)
class WorkingCalendar:
    """The published years of one root tenant (province)."""

    years: Mapping[int, YearCalendar] = field(default_factory=dict)
    _holidays: frozenset[date] = field(init=False, repr=False, compare=False)
    _workdays: frozenset[date] = field(init=False, repr=False, compare=False)

    @classmethod
    def of(cls, schedules: Iterable[YearCalendar]) -> WorkingCalendar:
        return cls({s.year: s for s in schedules})

    def __post_init__(self) -> None:
        holidays = {h.day for s in self.years.values() for h in s.holidays}
        workdays = {d for s in self.years.values() for d in s.adjusted_workdays}
        object.__setattr__(self, "_holidays", frozenset(holidays))
        object.__setattr__(self, "_workdays", frozenset(workdays))

    def is_published(self, year: int) -> bool:
        return year in self.years

    def is_working_day(self, day: date) -> bool:
        """Whether `day` is worked; in an unpublished year, whether it is a weekday."""
        if day in self._workdays:
            return True
        return day.weekday() < 5 and day not in self._holidays

    def add_working_days(self, start: date, days: int) -> WorkingDay:
        """The `days`-th working day after `start`; `start` itself is never counted.

        The day an act happens does not count towards a period (民法典 第二百零一条: 开始的当日不计入，
        自下一日开始计算), so a limit of n working days from an application on `start` ends on the
        n-th working day after it. `days` = 0 is `start`.
        """
        if days < 0:
            raise ValueError("days must not be negative")
        day = start
        counted = 0
        provisional = False
        while counted < days:
            day += timedelta(days=1)
            provisional = provisional or not self.is_published(day.year)
            if self.is_working_day(day):
                counted += 1
        return WorkingDay(day, provisional)

    def published_until(self, today: date) -> date | None:
        """The last day of the run of published years that starts with `today`'s; None when
        `today`'s year itself is not published."""
        year = today.year
        if not self.is_published(year):
            return None
        while self.is_published(year + 1):
            year += 1
        return date(year, 12, 31)
