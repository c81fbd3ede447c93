"""Separation of duties: which roles one person may not hold together, read from duties.csv."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from socialaid.access.vocabulary import Role

DUTIES_FILE = Path(__file__).resolve().parent / "duties.csv"


def parse_duties(text: str) -> frozenset[frozenset[Role]]:
    """Pairs of roles, one pair per line (`a, b`); `#` starts a comment."""
    pairs = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        names = [part.strip() for part in line.split(",")]
        if len(names) != 2 or names[0] == names[1]:
            raise ValueError(f"duties line {number}: two different roles expected, got {raw!r}")
        pairs.add(frozenset(Role(name) for name in names))
    return frozenset(pairs)


@cache
def default_duties() -> frozenset[frozenset[Role]]:
    return parse_duties(DUTIES_FILE.read_text(encoding="utf-8"))


def conflicting(
    role: Role, held: Iterable[Role], duties: frozenset[frozenset[Role]] | None = None
) -> list[Role]:
    """The roles among `held` that may not go together with `role`."""
    pairs = default_duties() if duties is None else duties
    return sorted({other for other in held if frozenset({role, other}) in pairs})


def same_jurisdiction(path: str, other: str) -> bool:
    """One tenant path is the other or lies below it (a grant covers its descendants)."""
    return path == other or path.startswith(other + "/") or other.startswith(path + "/")
