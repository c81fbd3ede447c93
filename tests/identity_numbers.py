"""Valid resident ID numbers for tests, with check digits from the definition in GB 11643-1999 /
ISO 7064 MOD 11-2 (not from the code under test): with positions counted from the right starting
at 1 (the check digit) and weights 2^(i-1) mod 11, the weighted sum of all 18 digits is ≡ 1
(mod 11); a check value of 10 is written X."""

from __future__ import annotations

from datetime import date


def check_by_definition(first17: str) -> str:
    for value in range(11):
        digits = [int(c) for c in first17] + [value]
        total = sum(d * (2 ** (i - 1) % 11) for i, d in enumerate(reversed(digits), start=1))
        if total % 11 == 1:
            return "X" if value == 10 else str(value)
    raise AssertionError("MOD 11-2 always has a check value")


def with_check(first17: str) -> str:
    return first17 + check_by_definition(first17)


def id_number(region: str = "310105", born: date = date(1980, 5, 17), sequence: int = 123) -> str:
    """A valid number; odd sequences are men, even ones women."""
    return with_check(f"{region}{born:%Y%m%d}{sequence:03d}")
