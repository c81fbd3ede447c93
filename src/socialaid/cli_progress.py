"""Progress of a long command-line job, for the operator watching it: a line now and then."""

from __future__ import annotations

import time
from collections.abc import Callable


class ProgressLine:
    """Counts what a job has done and reports the count through `write` at most once every
    `interval` seconds, so a job of minutes shows it is moving and one of a second stays quiet."""

    def __init__(
        self,
        what: str,
        write: Callable[[str], None],
        *,
        interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.what = what
        self.done = 0
        self._write = write
        self._interval = interval
        self._clock = clock
        self._next_report = clock() + interval
        self._reported = False

    def advance(self, count: int) -> None:
        self.done += count
        now = self._clock()
        if now >= self._next_report:
            self._write(f"… {self.done:,} {self.what}")
            self._reported = True
            self._next_report = now + self._interval

    def finish(self) -> None:
        """The final count, when a progress line was shown (else the job's own summary does)."""
        if self._reported:
            self._write(f"done: {self.done:,} {self.what}")
