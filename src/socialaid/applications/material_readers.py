"""Who may read an application's material file: the applicant (and whoever filed for them), and
the departments whose cases require that material; everyone else sees no file.

Pure: the caller passes the application's owner and submitter and its cases' items and
departments.
"""

from __future__ import annotations

from collections.abc import Iterable

from socialaid.access.principal import Principal


def may_read_file(
    actor: Principal | None,
    *,
    owner: str,
    submitted_by: str,
    required_by: Iterable[str],
    cases: Iterable[tuple[str, str]],
) -> bool:
    """`cases`: (item code, department) of each case of the application."""
    if actor is None:
        return False
    if actor.user_id in (owner, submitted_by):
        return True
    needing = set(required_by)
    return any(item in needing and department in actor.departments for item, department in cases)
