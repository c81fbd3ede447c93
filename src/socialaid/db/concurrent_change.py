"""Telling a lost race from a fault: two requests changed the same rows at once."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

# unique_violation (two inserts of the same next version), serialization_failure,
# deadlock_detected: the loser may simply try again, with what the winner wrote in view.
RACE_SQLSTATES = frozenset({"23505", "40001", "40P01"})


def is_concurrent_change(error: BaseException) -> bool:
    if not isinstance(error, DBAPIError):
        return False
    return getattr(error.orig, "sqlstate", None) in RACE_SQLSTATES
