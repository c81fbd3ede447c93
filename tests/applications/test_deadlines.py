"""Working-day deadlines on the statutory calendar, and the 48-hour emergency review.

The calendar is the one every root tenant is seeded with: the years the `chinese-calendar`
package covers. A year outside them is counted on weekends alone and marked provisional."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from socialaid.applications import deadlines
from socialaid.applications.deadlines import Due, EmergencyMode, is_overdue
from socialaid.calendars.package_seed import package_years
from socialaid.calendars.working_calendar import WorkingCalendar, WorkingDay
from socialaid.clock import CHINA

SEEDED = WorkingCalendar.of(package_years())


def add_working_days(start: date, days: int) -> date:
    counted = deadlines.add_working_days(SEEDED, start, days)
    assert not counted.provisional
    return counted.day


def case_deadline(
    created: datetime, days: int | None, emergency: EmergencyMode | None = None
) -> datetime | None:
    due = deadlines.case_deadline(SEEDED, created, days, emergency)
    return None if due is None else due.at


def shanghai(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CHINA)


def end_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=CHINA)


def emergency(starts: datetime, ends: datetime | None = None) -> EmergencyMode:
    return EmergencyMode(provision="epidemic_48_hour_review", starts_at=starts, ends_at=ends)


# ---------------------------------------------------------------- the calendar the tests rely on


def test_national_day_2025_is_as_the_package_seed_records_it() -> None:
    # 国务院办公厅 2025 安排: 10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班.
    for day in range(1, 9):
        assert not SEEDED.is_working_day(date(2025, 10, day))
    assert date(2025, 9, 28).weekday() == 6 and SEEDED.is_working_day(date(2025, 9, 28))
    assert date(2025, 10, 11).weekday() == 5 and SEEDED.is_working_day(date(2025, 10, 11))
    assert not SEEDED.is_working_day(date(2025, 10, 12))  # an ordinary Sunday


# ---------------------------------------------------------------- add_working_days


def test_counting_starts_the_day_after_and_uses_the_make_up_sunday() -> None:
    # Fri 26 Sep → Sun 28 (make-up, 1), Mon 29 (2), Tue 30 (3).
    assert add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)
    assert add_working_days(date(2025, 9, 26), 3) == date(2025, 9, 30)


def test_a_span_across_national_day_2025_skips_the_holiday_and_counts_the_make_up_saturday() -> (
    None
):
    # Tue 30 Sep → 1–8 Oct off → Thu 9 (1), Fri 10 (2), Sat 11 make-up (3), Sun 12 off, Mon 13 (4).
    start = date(2025, 9, 30)
    assert add_working_days(start, 1) == date(2025, 10, 9)
    assert add_working_days(start, 2) == date(2025, 10, 10)
    assert add_working_days(start, 3) == date(2025, 10, 11)
    assert add_working_days(start, 4) == date(2025, 10, 13)
    # Fri 26 Sep + 7: 28, 29, 30 Sep, 9, 10, 11, 13 Oct.
    assert add_working_days(date(2025, 9, 26), 7) == date(2025, 10, 13)


def test_an_application_made_on_a_holiday_counts_from_the_next_working_day() -> None:
    assert add_working_days(date(2025, 10, 1), 1) == date(2025, 10, 9)


def test_zero_working_days_is_the_start_and_negative_is_refused() -> None:
    assert add_working_days(date(2025, 10, 4), 0) == date(2025, 10, 4)
    with pytest.raises(ValueError):
        add_working_days(date(2025, 10, 4), -1)


def test_past_the_published_years_weekends_alone_count_and_the_day_is_provisional() -> None:
    last = max(SEEDED.years)
    assert last == 2026  # chinese-calendar 1.11 (tests/applications_api: a published 2027)
    # Thu 31 Dec 2026 + 1: Fri 1 Jan 2027 (not yet published: a weekday is a working day);
    # + 2: Mon 4 Jan.
    assert deadlines.add_working_days(SEEDED, date(2026, 12, 31), 1) == WorkingDay(
        date(2027, 1, 1), provisional=True
    )
    assert deadlines.add_working_days(SEEDED, date(2026, 12, 31), 2).day == date(2027, 1, 4)
    # Wholly inside a published year: final.
    assert not deadlines.add_working_days(SEEDED, date(2026, 12, 1), 5).provisional


def test_a_provisional_case_deadline_says_so() -> None:
    due = deadlines.case_deadline(SEEDED, shanghai(2026, 12, 30, 9), 3)
    # Wed 30 Dec 2026: Thu 31 (1), Fri 1 Jan 2027 (2, unpublished), Mon 4 Jan (3).
    assert due == Due(end_of(date(2027, 1, 4)), provisional=True)


# ---------------------------------------------------------------- case_deadline


def test_a_promised_limit_runs_to_the_end_of_its_last_working_day_in_china() -> None:
    # Tue 30 Sep 10:00 + 5 working days: 9, 10, 11, 13, 14 Oct.
    due = case_deadline(shanghai(2025, 9, 30, 10), 5)
    assert due == end_of(date(2025, 10, 14))


def test_the_day_is_read_in_china_whatever_zone_the_time_comes_in() -> None:
    # 18:00 UTC on 29 Sep is 02:00 on 30 Sep in Shanghai.
    created = datetime(2025, 9, 29, 18, 0, tzinfo=UTC)
    assert case_deadline(created, 5) == end_of(date(2025, 10, 14))


def test_no_promised_limit_means_no_deadline() -> None:
    assert case_deadline(shanghai(2025, 9, 30, 10), None) is None


def test_an_emergency_period_reviews_within_48_hours_even_across_a_holiday() -> None:
    created = shanghai(2025, 9, 30, 10)
    mode = emergency(shanghai(2025, 9, 1))
    assert case_deadline(created, 5, mode) == shanghai(2025, 10, 2, 10)
    assert case_deadline(created, None, mode) == created + timedelta(hours=48)


def test_the_earlier_of_the_promised_limit_and_the_emergency_review_applies() -> None:
    # Thu 25 Sep 09:00 + 1 working day = Fri 26 Sep 23:59:59, before Sat 27 Sep 09:00.
    created = shanghai(2025, 9, 25, 9)
    assert case_deadline(created, 1, emergency(shanghai(2025, 9, 1))) == end_of(date(2025, 9, 26))


def test_an_emergency_period_applies_only_to_cases_created_within_it() -> None:
    mode = emergency(shanghai(2025, 9, 1), shanghai(2025, 9, 30))
    assert case_deadline(shanghai(2025, 8, 31, 23), 5, mode) == end_of(date(2025, 9, 5))
    assert case_deadline(shanghai(2025, 9, 30, 10), 5, mode) == end_of(date(2025, 10, 14))
    assert case_deadline(shanghai(2025, 9, 29, 23), None, mode) == shanghai(2025, 10, 1, 23)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        case_deadline(datetime(2025, 9, 30, 10), 5)
    with pytest.raises(ValueError):
        EmergencyMode(provision="p", starts_at=datetime(2025, 9, 1))
    with pytest.raises(ValueError):
        is_overdue(None, datetime(2025, 9, 30))


# ---------------------------------------------------------------- is_overdue


def test_overdue_only_after_the_due_time() -> None:
    due = end_of(date(2025, 10, 14))
    assert not is_overdue(due, due)
    assert is_overdue(due, due + timedelta(seconds=1))
    assert not is_overdue(due, shanghai(2025, 10, 14, 18))


def test_a_case_without_a_deadline_is_never_overdue() -> None:
    assert not is_overdue(None, shanghai(2030, 1, 1))
