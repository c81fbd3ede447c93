"""Every DateTime the API sends is the same instant at China's offset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from socialaid.clock import in_china_time
from socialaid.kernel.scalars import DESCRIBED_SCALARS


def test_a_utc_time_is_sent_as_the_same_instant_at_plus_eight() -> None:
    sent = in_china_time(datetime(2026, 12, 1, 23, 30, tzinfo=UTC))
    assert sent.isoformat() == "2026-12-02T07:30:00+08:00"


def test_a_time_at_another_offset_is_moved_to_plus_eight() -> None:
    berlin = timezone(timedelta(hours=1))
    assert in_china_time(datetime(2026, 12, 2, 1, tzinfo=berlin)).isoformat() == (
        "2026-12-02T08:00:00+08:00"
    )


def test_a_time_without_an_offset_is_taken_as_china_time() -> None:
    assert in_china_time(datetime(2026, 12, 2, 9)).isoformat() == "2026-12-02T09:00:00+08:00"


def test_an_instant_past_year_9999_at_plus_eight_keeps_its_own_offset() -> None:
    last = datetime(9999, 12, 31, 23, tzinfo=UTC)
    assert in_china_time(last).isoformat() == "9999-12-31T23:00:00+00:00"


def test_the_datetime_scalar_serializes_at_plus_eight_and_says_so() -> None:
    scalar = DESCRIBED_SCALARS[datetime]
    assert scalar.serialize is not None
    assert scalar.serialize(datetime(2026, 12, 1, 16, tzinfo=UTC)) == "2026-12-02T00:00:00+08:00"
    assert "+08:00" in (scalar.description or "")
