"""Small-cell protection against tables worked by hand: complementary suppression leaves no lone
hidden cell in any line whose total is published, and the threshold of a subtree is the largest
its tenants read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from socialaid.reform.completion_cells import shown_rows
from socialaid.statistics.measures import Cell, shown_table
from socialaid.statistics.small_cells import (
    Equation,
    ThresholdSetting,
    complementary,
    grouping_equations,
    subtree_threshold,
    tenant_threshold,
)

TODAY = date(2026, 12, 2)


def one_way(**counts: int) -> dict[tuple[object, ...], int]:
    return {(name,): value for name, value in counts.items()}


def test_a_lone_small_cell_takes_the_next_smallest_cell_of_its_line_with_it() -> None:
    values = one_way(civil=3, justice=12, education=20)
    equations = grouping_equations(values, 1)

    assert complementary(values, {("civil",)}, equations) == {("civil",), ("justice",)}


def test_two_small_cells_in_a_line_need_no_complement() -> None:
    values = one_way(civil=3, justice=2, education=20)
    equations = grouping_equations(values, 1)

    assert complementary(values, {("civil",), ("justice",)}, equations) == {
        ("civil",),
        ("justice",),
    }


def test_zeros_are_never_complements_and_a_table_without_small_cells_is_untouched() -> None:
    values = one_way(civil=3, justice=0, education=9)
    equations = grouping_equations(values, 1)

    assert complementary(values, {("civil",)}, equations) == {("civil",), ("education",)}
    assert (
        complementary(one_way(a=7, b=9), set(), grouping_equations(one_way(a=7, b=9), 1)) == set()
    )


def test_a_two_way_table_hides_a_rectangle_not_the_whole_table() -> None:
    #            c1   c2   c3
    #     r1      3   10    8
    #     r2      6    9   20
    # Row and column totals are published by the coarser groupings. Hiding (r1,c1) forces one
    # more in row r1 and in column c1; the corners (r1,c3), (r2,c1), (r2,c3) close every line.
    table: dict[tuple[object, ...], int] = {("r1", "c1"): 3, ("r1", "c2"): 10, ("r1", "c3"): 8}
    table |= {("r2", "c1"): 6, ("r2", "c2"): 9, ("r2", "c3"): 20}
    found = complementary(table, {("r1", "c1")}, grouping_equations(table, 2))

    assert found == {("r1", "c1"), ("r1", "c3"), ("r2", "c1"), ("r2", "c3")}


def test_a_hidden_total_is_protected_through_its_parts() -> None:
    # 4 = 1 + 3 with every cell small but 3: hiding 4 and 1 leaves 3 = 4 − 1 unknown; fine. With
    # the total shown (9) and one part hidden, the other part must go.
    values = {"approved": 2, "denied": 7, "decided": 9}
    line = Equation(("approved", "denied"), "decided")

    assert complementary(values, {"approved"}, [line]) == {"approved", "denied"}


def cell(**counts: int) -> Cell:
    return Cell(counts=dict(counts), working_days={}, amount_granted=Decimal(0))


def test_statistics_hide_the_complement_per_measure_and_name_it_suppressed() -> None:
    groups = [
        (("civil_affairs",), cell(cases=3, approved=12)),
        (("education",), cell(cases=8, approved=20)),
        (("justice",), cell(cases=30, approved=9)),
    ]

    figures = shown_table(groups, 5)

    assert [f.counts["cases"] for f in figures] == [None, None, 30]
    assert [f.counts["approved"] for f in figures] == [12, 20, 9]
    assert [f.suppressed for f in figures] == [("cases",), ("cases",), ()]


def test_a_measure_no_test_knows_is_protected_too() -> None:
    groups = [(("a",), cell(leads=2)), (("b",), cell(leads=40)), (("c",), cell(leads=50))]

    figures = shown_table(groups, 5)

    assert [f.counts["leads"] for f in figures] == [None, None, 50]


def test_the_completion_summary_hides_down_its_columns_and_across_its_sums() -> None:
    def row(approved: int, denied: int, pending: int) -> dict[str, int]:
        decided = approved + denied
        return {
            "received": decided + pending,
            "decided": decided,
            "approved": approved,
            "denied": denied,
            "closed": 0,
            "withdrawn": 0,
            "concluded": decided,
            "pending": pending,
            "overdue": 0,
            "within_limit": 0,
            "late": 0,
        }

    civil, justice = row(20, 2, 10), row(15, 8, 12)
    total = {name: civil[name] + justice[name] for name in civil}

    (civil_shown, justice_shown), total_shown = shown_rows([civil, justice], total, 5)

    # denied 2 is small; the total row (10) would give it back as 10 − 8, so justice's 8 goes,
    # and civil's decided = approved + denied would give it back as 22 − 20, so approved 20 goes
    # — which the column's total 35 would give back, so justice's approved 15 goes too.
    assert civil_shown.counts["denied"] is None and justice_shown.counts["denied"] is None
    assert civil_shown.counts["approved"] is None and justice_shown.counts["approved"] is None
    assert civil_shown.counts["decided"] == 22 and total_shown.counts["denied"] == 10
    assert set(civil_shown.suppressed) == {"denied", "approved"}
    assert total_shown.suppressed == ()


def test_a_tenant_reads_the_nearest_setting_in_force_else_the_catalogue_else_five() -> None:
    chain = ["310000", "310105"]
    city = ThresholdSetting("310000", 8, date(2026, 1, 1), 1)
    later = ThresholdSetting("310105", 12, date(2027, 1, 1), 2)

    assert tenant_threshold(chain, [], {}, TODAY) == 5
    assert tenant_threshold(chain, [], {"310000": 6}, TODAY) == 6
    assert tenant_threshold(chain, [city], {"310000": 6}, TODAY) == 8
    assert tenant_threshold(chain, [city, later], {}, TODAY) == 8  # the county's is not in force


def test_a_subtree_uses_its_largest_threshold_and_never_goes_under_the_floor() -> None:
    paths = ["310000", "310000/310105", "310000/310104"]
    county = ThresholdSetting("310105", 10, date(2026, 1, 1), 1)
    city = ThresholdSetting("310000", 3, date(2026, 1, 1), 2)

    assert subtree_threshold(paths, [county, city], {}, TODAY, floor=1) == 10
    assert subtree_threshold(paths[:1] + paths[2:], [county, city], {}, TODAY, floor=1) == 3
    assert subtree_threshold(paths[:1], [city], {}, TODAY, floor=5) == 5
