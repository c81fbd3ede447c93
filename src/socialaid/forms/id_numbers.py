"""Chinese resident identity numbers (公民身份号码, GB 11643-1999).

18 characters: a 6-digit region code, the birth date YYYYMMDD, a 3-digit sequence (odd for men,
even for women) and a check character by ISO 7064 MOD 11-2, where the value 10 is written X.
The first-generation 15-digit numbers stopped being valid in 2013 and are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

# Weight of position i (0-based, left to right) is 2^(17 - i) mod 11: 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
# The check value makes the weighted sum over all 18 positions ≡ 1 (mod 11); index = sum mod 11.
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")
# First two digits: the provinces of GB/T 2260, plus 81/82/83 used by residence permits for
# Hong Kong, Macao and Taiwan residents.
_PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)


class InvalidIdNumberError(ValueError):
    def __init__(self, reason: Literal["FORMAT", "REGION", "BIRTH_DATE", "CHECKSUM"]) -> None:
        self.reason = reason
        super().__init__(f"invalid resident identity number ({reason.lower()})")


@dataclass(frozen=True)
class IdNumberInfo:
    number: str  # upper-case X
    region: str  # the GB/T 2260 code at the time of issue
    birth_date: date
    sex: Literal["male", "female"]
    age: int | None  # full years at the date asked about


def check_character(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def age_on(birth: date, at: date) -> int:
    """Full years (周岁) on `at`; someone born on 29 February turns a year older on 1 March."""
    return at.year - birth.year - ((at.month, at.day) < (birth.month, birth.day))


def parse_id_number(number: str, at: date | None = None) -> IdNumberInfo:
    """Check `number` and read it; `at` gives the age and refuses births after it."""
    text = number.strip().upper()
    if not _SHAPE.match(text):
        raise InvalidIdNumberError("FORMAT")
    if int(text[:2]) not in _PROVINCES:
        raise InvalidIdNumberError("REGION")
    try:
        birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InvalidIdNumberError("BIRTH_DATE") from None
    # The standard's own worked example (440524188001010014) was born in 1880.
    if birth.year < 1800 or (at is not None and birth > at):
        raise InvalidIdNumberError("BIRTH_DATE")
    if check_character(text[:17]) != text[17]:
        raise InvalidIdNumberError("CHECKSUM")
    return IdNumberInfo(
        number=text,
        region=text[:6],
        birth_date=birth,
        sex="male" if int(text[16]) % 2 else "female",
        age=None if at is None else age_on(birth, at),
    )


def is_valid_id_number(number: str) -> bool:
    try:
        parse_id_number(number)
    except InvalidIdNumberError:
        return False
    return True
