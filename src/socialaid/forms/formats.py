"""Value formats of the form's fields, and the JSON Schema format checker that applies them."""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal, InvalidOperation

from jsonschema import FormatChecker

from socialaid.forms.id_numbers import is_valid_id_number

ID_NUMBER_FORMAT = "cn-resident-id"
PHONE_FORMAT = "cn-phone"
BANK_CARD_FORMAT = "bank-card"
DATE_FORMAT = "date"
AMOUNT_FORMAT = "amount"

# Mainland mobile numbers: 1, then 3–9, then 9 digits; an optional +86 prefix.
_MOBILE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$")
# Landlines: a trunk 0 with a 2–3 digit area code, a 7–8 digit subscriber number not starting
# with 0 or 1, and an optional extension (010-12345678 is not valid, 010-62345678-123 is).
_LANDLINE = re.compile(r"^0\d{2,3}-?[2-9]\d{6,7}(?:-\d{1,6})?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CARD = re.compile(r"^\d{12,19}$")


def is_mobile(value: str) -> bool:
    return bool(_MOBILE.match(value))


def is_landline(value: str) -> bool:
    return bool(_LANDLINE.match(value))


def is_phone(value: str) -> bool:
    return is_mobile(value) or is_landline(value)


def luhn_valid(digits: str) -> bool:
    """ISO/IEC 7812 check: doubling every second digit from the right, the sum is ≡ 0 mod 10."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def is_bank_card(value: str) -> bool:
    return bool(_CARD.match(value)) and luhn_valid(value)


def is_iso_date(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def has_cents_at_most(value: float | int) -> bool:
    """At most two decimals (yuan and fen); NaN and infinities are not amounts."""
    if isinstance(value, float) and not math.isfinite(value):
        return False
    try:
        exponent = Decimal(str(value)).as_tuple().exponent
    except InvalidOperation:
        return False
    return isinstance(exponent, int) and exponent >= -2


def build_format_checker() -> FormatChecker:
    """A checker knowing only our formats; each passes values of other types (`type` reports those)."""
    checker = FormatChecker(formats=())

    @checker.checks(ID_NUMBER_FORMAT)
    def _id_number(value: object) -> bool:
        return not isinstance(value, str) or is_valid_id_number(value)

    @checker.checks(PHONE_FORMAT)
    def _phone(value: object) -> bool:
        return not isinstance(value, str) or is_phone(value)

    @checker.checks(BANK_CARD_FORMAT)
    def _bank_card(value: object) -> bool:
        return not isinstance(value, str) or is_bank_card(value)

    @checker.checks(DATE_FORMAT)
    def _date(value: object) -> bool:
        return not isinstance(value, str) or is_iso_date(value)

    @checker.checks(AMOUNT_FORMAT)
    def _amount(value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return True
        return has_cents_at_most(value)

    return checker


FORMAT_CHECKER = build_format_checker()
