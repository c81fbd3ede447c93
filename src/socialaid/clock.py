"""Dates as the applicant's government counts them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    """The current instant in China time: the project's clock, which every date the API
    resolves against comes from (a test freezes it here, once for every module)."""
    return datetime.now(CHINA)


def today_in_china() -> date:
    return now().date()


def in_china_time(moment: datetime) -> datetime:
    """The same instant at China's offset (+08:00), the one policy for every time the API sends.

    A time without an offset is taken to be China time already: the database's columns all carry
    an offset, so only values built in Python can lack one, and those are built in China time.
    """
    if moment.tzinfo is None:
        return moment.replace(tzinfo=CHINA)
    try:
        return moment.astimezone(CHINA)
    except OverflowError:
        # 9999-12-31T23:00Z is past year 9999 at +08:00: send the instant at the offset it has.
        return moment
