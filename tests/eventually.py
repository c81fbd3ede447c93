"""Waiting for what another task, thread or process does: CI runs the tests two at a time on a
busy two-core machine, where a cap of a few seconds fails tests whose code is right. Only a
hang should meet the deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

# Also the timeout of a request to a server the test started (a process or thread of its own).
DEADLINE = 30.0


async def eventually(check: Callable[[], bool], what: str, seconds: float = DEADLINE) -> None:
    """Return once `check()` holds; fail naming `what` if it does not within `seconds`."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"not within {seconds:g} s: {what}"
        await asyncio.sleep(0.02)
