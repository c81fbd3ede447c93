from __future__ import annotations

import pytest

from socialaid.forms.formats import has_cents_at_most, is_bank_card, is_iso_date, is_phone


def luhn_check_digit(body: str) -> str:
    """From ISO/IEC 7812: double every second digit counting leftwards from the check position,
    add the digits of the products, and pick the digit making the total a multiple of 10."""
    total = 0
    for i, char in enumerate(reversed(body)):
        d = int(char) * (2 if i % 2 == 0 else 1)
        total += d // 10 + d % 10
    return str((10 - total % 10) % 10)


@pytest.mark.parametrize(
    "number",
    ["13812345678", "19912345678", "+8613812345678", "010-62345678", "0351-4567890", "02162345678"],
)
def test_mobile_and_landline_numbers_are_phones(number: str) -> None:
    assert is_phone(number)


@pytest.mark.parametrize(
    "number",
    ["12812345678", "1381234567", "138123456789", "010-12345678", "62345678", "1381234567a", ""],
)
def test_other_strings_are_not_phones(number: str) -> None:
    assert not is_phone(number)


@pytest.mark.parametrize("body", ["62220212345678901", "62148301234567", "4111111111111111"[:-1]])
def test_bank_cards_pass_with_their_luhn_digit_and_fail_with_any_other(body: str) -> None:
    good = luhn_check_digit(body)
    assert is_bank_card(body + good)
    for wrong in "0123456789":
        if wrong != good:
            assert not is_bank_card(body + wrong)


def test_bank_cards_have_12_to_19_digits() -> None:
    for length in (11, 20):
        body = "6" * (length - 1)
        assert not is_bank_card(body + luhn_check_digit(body))
    assert not is_bank_card("6222 0212 3456 7890")


@pytest.mark.parametrize(
    ("text", "ok"),
    [("2025-06-01", True), ("2025-02-30", False), ("2025-6-1", False), ("20250601", False)],
)
def test_dates_are_iso_calendar_dates(text: str, ok: bool) -> None:
    assert is_iso_date(text) is ok


@pytest.mark.parametrize(
    ("amount", "ok"),
    [
        (0, True),
        (12, True),
        (12.5, True),
        (12.34, True),
        (12.345, False),
        (1e-5, False),
        (float("nan"), False),
    ],
)
def test_amounts_have_at_most_two_decimals(amount: float, ok: bool) -> None:
    assert has_cents_at_most(amount) is ok
