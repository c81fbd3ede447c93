"""When a failed delivery is tried again. Pure: the random draw is passed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int
    base_seconds: float
    max_seconds: float

    def delay(self, attempts_made: int, draw: Callable[[], float]) -> timedelta | None:
        """The wait before the next attempt after `attempts_made` failed ones, or None when
        they were the last allowed. Exponential (base·2^(n-1), capped), then "equal jitter":
        between half and all of it, `draw()` in [0, 1) choosing where."""
        if attempts_made >= self.max_attempts:
            return None
        ceiling = min(self.max_seconds, self.base_seconds * 2 ** (attempts_made - 1))
        return timedelta(seconds=ceiling / 2 + draw() * ceiling / 2)
