"""The reform's counts on small families written by hand: each expected number is worked out in
the comment beside it, not by the code under test."""

from __future__ import annotations

from datetime import date

from socialaid.catalogue.files import ReformComparison
from socialaid.reform.arithmetic import (
    ApplicationFacts,
    CaseAsWorked,
    CaseTime,
    ItemAsFiled,
    MaterialAsFiled,
    Tally,
    TargetTerms,
    check,
    fields,
    item_times,
    materials,
    steps,
    time,
    times_per_item,
    total,
    trips,
    working_days_between,
)

DIBAO = ItemAsFiled(
    "dibao",
    ("applicant", "window_clerk", "approver", "system"),
    frozenset({"applicant.name", "applicant.id_number", "household.size"}),
    promised_working_days=10,
)
MEDICAL = ItemAsFiled(
    "medical_aid",
    ("applicant", "window_clerk", "window_clerk"),
    frozenset({"applicant.name", "applicant.id_number", "medical.bills"}),
    statutory_working_days=3,
)
LEGAL = ItemAsFiled(
    "legal_aid",
    ("applicant", "caseworker", "window_clerk", "caseworker", "approver", "caseworker"),
    frozenset({"applicant.name", "legal_aid.case_summary"}),
)


def family(*items: ItemAsFiled, channel: str = "online", **extra: object) -> ApplicationFacts:
    return ApplicationFacts(channel=channel, submitted=date(2026, 11, 2), items=items, **extra)  # type: ignore[arg-type]


def weekdays(day: date) -> bool:
    return day.weekday() < 5


def on_weekdays(first: date, last: date) -> int:
    return working_days_between(weekdays, first, last)


def test_one_door_steps_count_once_and_department_steps_once_per_item() -> None:
    # dibao 4 + medical 3 + legal 6 = 13 steps item by item. Merged: applicant, window_clerk and
    # system once each (3), plus approver (dibao), caseworker ×3 and approver (legal) = 5: 8.
    assert steps(family(DIBAO, MEDICAL, LEGAL)) == Tally(13, 8)


def test_a_single_item_saves_no_step() -> None:
    assert steps(family(DIBAO)) == Tally(4, 4)


def test_a_field_two_items_ask_for_is_filled_once() -> None:
    # 3 + 3 + 2 = 8 asked item by item; distinct keys: name, id_number, household.size,
    # medical.bills, legal_aid.case_summary = 5.
    assert fields(family(DIBAO, MEDICAL, LEGAL)) == Tally(8, 5)


def test_materials_count_each_requiring_items_copy_against_what_is_handed_in() -> None:
    application = family(
        DIBAO,
        MEDICAL,
        materials=(
            MaterialAsFiled(2, "uploaded"),  # 2 → 1
            MaterialAsFiled(2, "exempt", "shared_data"),  # 2 → 0
            MaterialAsFiled(1, "personal_commitment"),  # 1 → 0
            MaterialAsFiled(1, "deferred"),  # 1 → 1
            MaterialAsFiled(1, "not_applicable"),  # nobody: not counted
            MaterialAsFiled(0, "optional"),  # no item requires it: not counted
        ),
    )

    assert materials(application) == Tally(6, 2)


def test_trips_item_by_item_are_a_window_each_and_a_visit_per_certificate_data_replaced() -> None:
    records = (
        MaterialAsFiled(1, "exempt", "electronic_licence"),
        MaterialAsFiled(1, "exempt", "shared_data"),
        MaterialAsFiled(1, "exempt", "personal_commitment"),
    )
    # 3 items + 2 certificates fetched = 5; online: no visit, the window: one.
    assert trips(family(DIBAO, MEDICAL, LEGAL, materials=records)) == Tally(5, 0)
    assert trips(family(DIBAO, MEDICAL, LEGAL, materials=records, channel="window")) == Tally(5, 1)


def test_working_days_run_from_the_day_after_to_the_last_day() -> None:
    # Fri 2026-11-06 → Mon 2026-11-09: Sat and Sun are not working days; Monday is.
    assert on_weekdays(date(2026, 11, 6), date(2026, 11, 9)) == 1
    assert on_weekdays(date(2026, 11, 6), date(2026, 11, 6)) == 0
    assert on_weekdays(date(2026, 11, 2), date(2026, 11, 16)) == 10


def test_time_compares_serial_processing_with_the_last_decision() -> None:
    # Submitted Mon 11-02, accepted Tue 11-03 (1 day at the door).
    # dibao: started 11-03, decided Tue 11-10 → 5; medical: started 11-03, decided Thu 11-05 → 2.
    # Serial: (1 + 5) + (1 + 2) = 9. Merged: 11-02 → 11-10 = 6.
    application = family(
        DIBAO,
        MEDICAL,
        cases=(
            CaseAsWorked("dibao", date(2026, 11, 3), date(2026, 11, 3), date(2026, 11, 10)),
            CaseAsWorked("medical_aid", date(2026, 11, 3), date(2026, 11, 3), date(2026, 11, 5)),
        ),
    )

    assert time(application, on_weekdays) == Tally(9, 6)


def test_time_waits_for_every_case_and_leaves_out_closed_ones() -> None:
    open_case = CaseAsWorked("dibao", date(2026, 11, 3), date(2026, 11, 3))
    closed = CaseAsWorked("medical_aid", date(2026, 11, 3), date(2026, 11, 3), final=True)
    decided = CaseAsWorked("dibao", date(2026, 11, 3), date(2026, 11, 3), date(2026, 11, 4))

    assert time(family(DIBAO, MEDICAL, cases=(open_case, closed)), on_weekdays) is None
    assert time(family(DIBAO, MEDICAL, cases=(closed,)), on_weekdays) is None
    # Serial (1 + 1) = 2, merged 11-02 → 11-04 = 2.
    assert time(family(DIBAO, MEDICAL, cases=(decided, closed)), on_weekdays) == Tally(2, 2)


def test_a_reduction_reaching_the_percentage_meets_the_target_and_one_short_does_not() -> None:
    about_40 = TargetTerms(40, ReformComparison.ABOUT)

    met = check(Tally(10, 6), about_40)  # 4 ÷ 10 = 40%
    short = check(Tally(1000, 601), about_40)  # 399 ÷ 1000 = 39.9%

    assert (met.percent, met.met) == (40.0, True)
    assert met.arithmetic == "（10 − 6）÷ 10 = 40.00%，目标 40%左右，达到"
    assert (short.percent, short.met) == (39.9, False)
    assert short.arithmetic.endswith("目标 40%左右，未达到")


def test_without_a_target_or_anything_to_count_nothing_is_said_to_be_met() -> None:
    no_target = check(Tally(8, 5), None)
    nothing = check(Tally(0, 0), TargetTerms(30, ReformComparison.AT_LEAST))

    assert (no_target.percent, no_target.met) == (37.5, None)
    assert no_target.arithmetic == "（8 − 5）÷ 8 = 37.50%；无目标"
    assert (nothing.percent, nothing.met) == (None, None)
    words_only = check(Tally(5, 1), None, unnumbered="减跑动")
    assert (words_only.percent, words_only.met) == (80.0, None)
    assert words_only.arithmetic == "（5 − 1）÷ 5 = 80.00%；目标“减跑动”未给出比例，不作判断"


def test_totals_skip_applications_without_a_count() -> None:
    assert total([Tally(3, 1), None, Tally(2, 2)]) == Tally(5, 3)


def test_item_times_hold_each_decided_case_against_the_items_limits() -> None:
    applications = [
        family(
            DIBAO,
            MEDICAL,
            cases=(
                # 11-03 → 11-20: 13 working days, over dibao's 10.
                CaseAsWorked("dibao", date(2026, 11, 3), date(2026, 11, 3), date(2026, 11, 20)),
                # 11-03 → 11-05: 2, within medical aid's statutory 3.
                CaseAsWorked(
                    "medical_aid", date(2026, 11, 3), date(2026, 11, 3), date(2026, 11, 5)
                ),
            ),
        ),
        family(
            DIBAO,
            cases=(
                # 11-03 → 11-06: 3, within 10.
                CaseAsWorked("dibao", date(2026, 11, 3), date(2026, 11, 3), date(2026, 11, 6)),
                CaseAsWorked("dibao", date(2026, 11, 3), date(2026, 11, 3)),  # open: left out
            ),
        ),
    ]

    dibao, medical = item_times(applications, on_weekdays)

    assert (dibao.item, dibao.decided, dibao.working_days) == ("dibao", 2, (13, 3))
    assert (dibao.within_promised, dibao.within_statutory) == (1, None)
    assert dibao.median_working_days == 8.0
    assert (medical.item, medical.within_promised, medical.within_statutory) == (
        "medical_aid",
        None,
        1,
    )


def test_stored_case_times_with_their_counts_give_each_items_median_and_limits() -> None:
    dibao_3 = CaseTime("dibao", 3, promised_working_days=4, statutory_working_days=30)
    dibao_5 = CaseTime("dibao", 5, promised_working_days=4, statutory_working_days=30)
    legal_2 = CaseTime("legal_aid", 2, promised_working_days=None, statutory_working_days=None)

    dibao, legal = times_per_item([(legal_2, 1), (dibao_3, 2), (dibao_5, 2)])

    assert (dibao.item, dibao.decided, dibao.median_working_days) == ("dibao", 4, 4.0)
    assert sum(dibao.working_days) == 16
    assert (dibao.within_promised, dibao.within_statutory) == (2, 4)
    assert (legal.item, legal.decided, legal.within_promised) == ("legal_aid", 1, None)
