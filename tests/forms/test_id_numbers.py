"""GB 11643 resident ID numbers: checksum, birth date, sex and age."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialaid.forms import InvalidIdNumberError, parse_id_number
from tests.identity_numbers import check_by_definition, with_check


def test_the_standards_own_examples_are_valid() -> None:
    # The worked examples printed in GB 11643-1999.
    assert check_by_definition("11010519491231002") == "X"
    assert check_by_definition("44052418800101001") == "4"
    info = parse_id_number("11010519491231002X", at=date(2025, 6, 1))
    assert (info.region, info.birth_date, info.sex, info.age) == (
        "110105",
        date(1949, 12, 31),
        "female",
        75,
    )
    assert parse_id_number("440524188001010014").sex == "male"


def test_a_lower_case_x_is_read_as_upper_case() -> None:
    assert parse_id_number("11010519491231002x").number == "11010519491231002X"


@given(
    region=st.sampled_from(["140105", "310105", "320281", "140100"]),
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 6, 1)),
    sequence=st.integers(min_value=0, max_value=999),
)
def test_every_number_built_by_the_definition_is_valid(
    region: str, birth: date, sequence: int
) -> None:
    number = with_check(f"{region}{birth:%Y%m%d}{sequence:03d}")
    info = parse_id_number(number, at=date(2025, 6, 1))
    assert info.birth_date == birth
    assert info.sex == ("male" if sequence % 2 else "female")


@given(
    birth=st.dates(min_value=date(1950, 1, 1), max_value=date(2020, 1, 1)),
    wrong=st.sampled_from("0123456789X"),
)
def test_any_other_check_character_is_refused(birth: date, wrong: str) -> None:
    body = f"310105{birth:%Y%m%d}123"
    if wrong == check_by_definition(body):
        return
    with pytest.raises(InvalidIdNumberError) as caught:
        parse_id_number(body + wrong)
    assert caught.value.reason == "CHECKSUM"


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("11010519491231002", "FORMAT"),  # 17 characters
        ("110105491231002", "FORMAT"),  # first generation, 15 digits
        ("1101051949123100AX", "FORMAT"),
        (with_check("99010519491231002"), "REGION"),
        (with_check("11010519490230002"), "BIRTH_DATE"),  # 30 February
        (with_check("11010517991231002"), "BIRTH_DATE"),  # before 1800
    ],
)
def test_malformed_numbers_are_refused_with_the_reason(number: str, reason: str) -> None:
    with pytest.raises(InvalidIdNumberError) as caught:
        parse_id_number(number)
    assert caught.value.reason == reason


def test_a_birth_after_the_reference_date_is_refused() -> None:
    number = with_check("31010520300101001")
    assert parse_id_number(number).age is None
    with pytest.raises(InvalidIdNumberError):
        parse_id_number(number, at=date(2025, 6, 1))


@pytest.mark.parametrize(
    ("at", "age"),
    [
        (date(2025, 6, 14), 17),
        (date(2025, 6, 15), 18),  # the birthday itself
        (date(2026, 6, 14), 18),
    ],
)
def test_age_is_counted_in_full_years(at: date, age: int) -> None:
    assert parse_id_number(with_check("14010520070615001"), at=at).age == age


def test_someone_born_on_29_february_comes_of_age_on_1_march() -> None:
    number = with_check("14010520080229001")
    assert parse_id_number(number, at=date(2026, 2, 28)).age == 17
    assert parse_id_number(number, at=date(2026, 3, 1)).age == 18
