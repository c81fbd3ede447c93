"""The calendar value: what makes a schedule publishable, and how far a published run reaches."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from socialaid.calendars.working_calendar import (
    CalendarProblem,
    Holiday,
    WorkingCalendar,
    YearCalendar,
    problems_of,
)


def test_a_coherent_year_has_no_problems() -> None:
    year = YearCalendar(2030, (Holiday(date(2030, 1, 1), "元旦"),), (date(2030, 1, 5),))
    assert date(2030, 1, 5).weekday() == 5
    assert problems_of(year) == []


def test_each_incoherence_is_named_with_its_path() -> None:
    year = YearCalendar(
        2030,
        (Holiday(date(2031, 1, 1), "元旦"), Holiday(date(2030, 2, 2), "")),
        (date(2030, 2, 2), date(2030, 2, 4)),  # Sat 2 Feb is a holiday; Mon 4 Feb no weekend
    )
    assert [p.path for p in problems_of(year)] == [
        ("holidays", 0, "date"),
        ("holidays", 1, "name"),
        ("adjustedWorkdays", 0),
        ("adjustedWorkdays", 1),
    ]
    assert all(isinstance(p, CalendarProblem) and p.message for p in problems_of(year))


def test_a_year_outside_the_table_range_is_refused() -> None:
    assert [p.path for p in problems_of(YearCalendar(1, (), ()))] == [("year",)]


def test_the_published_run_ends_at_the_last_consecutive_year() -> None:
    calendar = WorkingCalendar.of(YearCalendar(y, (), ()) for y in (2026, 2027, 2029))
    assert calendar.published_until(date(2026, 12, 2)) == date(2027, 12, 31)
    assert calendar.published_until(date(2028, 3, 1)) is None


def test_a_make_up_saturday_is_worked_and_a_weekday_holiday_is_not() -> None:
    calendar = WorkingCalendar.of(
        [YearCalendar(2030, (Holiday(date(2030, 1, 1), "元旦"),), (date(2030, 1, 5),))]
    )
    assert not calendar.is_working_day(date(2030, 1, 1))
    assert calendar.is_working_day(date(2030, 1, 5))
    assert not calendar.is_working_day(date(2030, 1, 6))


def test_the_value_module_loads_neither_the_database_nor_graphql() -> None:
    probe = (
        "import sys, socialaid.calendars.working_calendar\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'strawberry'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
