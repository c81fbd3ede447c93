"""The years the `chinese-calendar` package covers, as schedules: the seed of every root tenant's
calendar (the migration and the seed import both read it here, never a hand-typed list)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import chinese_calendar

from socialaid.calendars.working_calendar import Holiday, YearCalendar

SOURCE = f"chinese-calendar {getattr(chinese_calendar, '__version__', '')}".strip()


def _chinese_name(english: str) -> str:
    for holiday in chinese_calendar.Holiday:
        if holiday.value == english:
            return str(holiday.chinese)
    return english  # a name a newer package adds before this mapping knows it


def package_years() -> list[YearCalendar]:
    """Every whole year the package records, oldest first."""
    holidays: dict[int, list[Holiday]] = defaultdict(list)
    workdays: dict[int, list[date]] = defaultdict(list)
    for day, name in sorted(chinese_calendar.holidays.items()):
        holidays[day.year].append(Holiday(day, _chinese_name(name)))
    for day in sorted(chinese_calendar.workdays):
        workdays[day.year].append(day)
    return [
        YearCalendar(year, tuple(holidays[year]), tuple(workdays[year]))
        for year in sorted(holidays)
    ]
