"""Progress lines of long commands: shown only once the job has run a while, then at most once
per interval, and closed with the total."""

from __future__ import annotations

from socialaid.cli_progress import ProgressLine


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def progress(clock: Clock, lines: list[str]) -> ProgressLine:
    return ProgressLine("events", lines.append, interval=2.0, clock=clock)


def test_a_job_done_within_the_interval_prints_nothing() -> None:
    clock, lines = Clock(), []
    job = progress(clock, lines)

    for _ in range(1000):
        job.advance(5)
        clock.now += 0.001
    job.finish()

    assert lines == []


def test_a_long_job_reports_its_running_count_once_per_interval_and_then_its_total() -> None:
    clock, lines = Clock(), []
    job = progress(clock, lines)

    for _ in range(10):  # one batch of 1000 every 0.9 s
        clock.now += 0.9
        job.advance(1000)
    job.finish()

    assert lines == ["… 3,000 events", "… 6,000 events", "… 9,000 events", "done: 10,000 events"]
