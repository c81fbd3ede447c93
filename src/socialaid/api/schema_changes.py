"""Changes between the released schema and the current one, and which breaking ones are marked.

A breaking change (graphql-core's `find_breaking_changes`: a type, field, argument or enum value
removed, a type changed, an argument or input field made required, …) may ship only when it is
marked in docs/schema-changes.md under `## Unreleased`, one line per change:

    - `FIELD_REMOVED` Field Query.foo was removed. — #17: 由 Query.bar 代替，弃用期已满

the change type and graphql-core's own description of it, then the issue and the reason. Dangerous
changes (an enum value or an optional argument added, a default changed) are reported, not refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphql import GraphQLSchema, build_schema, find_breaking_changes, find_dangerous_changes

UNRELEASED = "## Unreleased"
_ENTRY = re.compile(
    r"^- `(?P<kind>[A-Z_]+)` (?P<description>.+?) — #(?P<issue>\d+): (?P<reason>.*)$"
)


@dataclass(frozen=True, order=True)
class SchemaChange:
    kind: str  # graphql-core's BreakingChangeType / DangerousChangeType name, e.g. FIELD_REMOVED
    description: str  # graphql-core's sentence, e.g. "Query.foo was removed."

    def entry(self, issue: str = "<issue>", reason: str = "<reason>") -> str:
        """The line that marks this change in docs/schema-changes.md."""
        return f"- `{self.kind}` {self.description} — #{issue}: {reason}"


@dataclass(frozen=True)
class MarkedChange:
    change: SchemaChange
    issue: int
    reason: str


@dataclass(frozen=True)
class SchemaComparison:
    breaking: list[SchemaChange]
    dangerous: list[SchemaChange]


def compare(released: str | GraphQLSchema, current: str | GraphQLSchema) -> SchemaComparison:
    """The breaking and dangerous changes from `released` to `current` (SDL or built schemas)."""
    old = build_schema(released) if isinstance(released, str) else released
    new = build_schema(current) if isinstance(current, str) else current
    return SchemaComparison(
        breaking=sorted(
            SchemaChange(c.type.name, c.description) for c in find_breaking_changes(old, new)
        ),
        dangerous=sorted(
            SchemaChange(c.type.name, c.description) for c in find_dangerous_changes(old, new)
        ),
    )


def marked_changes(changes_file: str) -> tuple[list[MarkedChange], list[str]]:
    """The entries under `## Unreleased`, and the lines there that look like entries but are not
    well formed (no issue number, an empty reason, …)."""
    marked: list[MarkedChange] = []
    malformed: list[str] = []
    in_unreleased = False
    for line in changes_file.splitlines():
        if line.startswith("## "):
            in_unreleased = line.strip() == UNRELEASED
            continue
        if not in_unreleased or not line.startswith("- "):
            continue
        match = _ENTRY.match(line.strip())
        if match is None or not match["reason"].strip():
            malformed.append(line)
            continue
        marked.append(
            MarkedChange(
                SchemaChange(match["kind"], match["description"].strip()),
                int(match["issue"]),
                match["reason"].strip(),
            )
        )
    return marked, malformed


def unmarked(breaking: list[SchemaChange], marked: list[MarkedChange]) -> list[SchemaChange]:
    """Breaking changes no entry marks."""
    known = {m.change for m in marked}
    return [change for change in breaking if change not in known]


def stale(breaking: list[SchemaChange], marked: list[MarkedChange]) -> list[MarkedChange]:
    """Entries that mark no change the current schema makes (a change undone, or a typo)."""
    found = set(breaking)
    return [m for m in marked if m.change not in found]
