"""Dates relative to the day the tests run: inputs are bounded to a window around today, so a
date written into a test would fall out of it as the calendar moves on."""

from __future__ import annotations

from socialaid.clock import today_in_china

TODAY = today_in_china()
TODAY_ISO = TODAY.isoformat()
THIS_MORNING = f"{TODAY_ISO}T00:00:00+08:00"
