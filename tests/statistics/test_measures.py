"""The pure arithmetic of a statistics row: nearest-rank percentiles of a working-days histogram
and small-cell suppression, against values counted by hand."""

from __future__ import annotations

from decimal import Decimal

from socialaid.statistics.measures import Cell, percentile, shown


def test_percentiles_are_nearest_rank_over_the_histogram() -> None:
    # 1,1,2,3,3,3,5,8,8,13 (ten decisions): the 5th is 3, the 9th is 8.
    days = {1: 2, 2: 1, 3: 3, 5: 1, 8: 2, 13: 1}
    assert percentile(days, 0.5) == 3
    assert percentile(days, 0.9) == 8
    assert percentile({4: 1}, 0.9) == 4
    assert percentile({}, 0.5) is None


def test_counts_from_one_to_the_threshold_less_one_are_suppressed_and_zero_is_shown() -> None:
    cell = Cell(
        counts={"applications": 4, "cases": 5, "approved": 0, "denied": 1},
        working_days={2: 1},
        amount_granted=Decimal("0"),
    )
    figures = shown(cell, 5)
    assert figures.counts["applications"] is None
    assert figures.counts["cases"] == 5
    assert figures.counts["approved"] == 0
    assert figures.counts["denied"] is None
    assert figures.median_working_days is None and figures.decisions is None
    assert figures.amount_granted == Decimal("0")  # no approval: nothing to hide
    assert set(figures.suppressed) == {
        "applications",
        "denied",
        "decisions",
        "median_working_days",
        "p90_working_days",
    }


def test_an_amount_from_fewer_approvals_than_the_threshold_is_suppressed() -> None:
    cell = Cell(counts={"approved": 2}, amount_granted=Decimal("3020.00"))
    figures = shown(cell, 3)
    assert figures.amount_granted is None
    assert "amount_granted" in figures.suppressed
    assert shown(cell, 2).amount_granted == Decimal("3020.00")


def test_a_measure_undefined_for_the_grouping_stays_null_without_being_called_suppressed() -> None:
    cell = Cell(counts={"applications": None, "cases": 9})
    figures = shown(cell, 5)
    assert figures.counts["applications"] is None
    assert "applications" not in figures.suppressed


def test_a_range_reads_its_whole_months_from_the_month_rollups() -> None:
    from datetime import date

    from socialaid.statistics.queries import _whole_months

    assert _whole_months(date(2026, 1, 1), date(2026, 12, 31)) == (
        date(2026, 1, 1),
        date(2026, 12, 1),
    )
    assert _whole_months(date(2025, 12, 2), date(2026, 11, 30)) == (
        date(2026, 1, 1),
        date(2026, 11, 1),
    )
    assert _whole_months(date(2026, 2, 1), date(2026, 2, 28)) == (
        date(2026, 2, 1),
        date(2026, 2, 1),
    )
    assert _whole_months(date(2026, 11, 2), date(2026, 12, 30)) is None
