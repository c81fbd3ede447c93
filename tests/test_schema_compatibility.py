"""The schema changes only compatibly against the last released one, unless a break is marked."""

from __future__ import annotations

import warnings

from graphql import build_schema

from socialaid.api.schema import schema_sdl
from socialaid.api.schema_changes import (
    MarkedChange,
    SchemaChange,
    compare,
    marked_changes,
    stale,
    unmarked,
)
from tests.conftest import REPO_ROOT

RELEASED = REPO_ROOT / "schema.released.graphql"
CHANGES = REPO_ROOT / "docs" / "schema-changes.md"

OLD = '''
"""根"""
type Query {
  tenants: [String!]!
  tenant(code: String!): String
  state: State!
}
enum State { SUBMITTED ACCEPTED }
'''


def test_no_unmarked_breaking_change_against_the_released_schema() -> None:
    comparison = compare(RELEASED.read_text(encoding="utf-8"), schema_sdl())
    marked, malformed = marked_changes(CHANGES.read_text(encoding="utf-8"))
    for change in comparison.dangerous:
        warnings.warn(f"dangerous schema change: {change.kind} {change.description}", stacklevel=1)

    assert not malformed, "docs/schema-changes.md: entries not of the form\n" + "\n".join(
        ["- `CHANGE_TYPE` description — #issue: reason", *malformed]
    )
    missing = unmarked(comparison.breaking, marked)
    assert not missing, (
        "breaking changes against schema.released.graphql; undo them, or mark each under "
        "`## Unreleased` in docs/schema-changes.md with its issue and reason:\n"
        + "\n".join(change.entry() for change in missing)
    )
    undone = stale(comparison.breaking, marked)
    assert not undone, (
        "docs/schema-changes.md marks changes the schema no longer makes:\n"
        + "\n".join(m.change.entry(str(m.issue), m.reason) for m in undone)
    )


def test_the_released_schema_is_a_valid_schema() -> None:
    build_schema(RELEASED.read_text(encoding="utf-8"))


def test_a_removed_field_is_a_breaking_change() -> None:
    current = OLD.replace("  tenants: [String!]!\n", "")

    comparison = compare(OLD, current)

    assert comparison.breaking == [
        SchemaChange("FIELD_REMOVED", "Field Query.tenants was removed.")
    ]


def test_a_removed_field_of_the_real_schema_is_caught() -> None:
    released = build_schema(schema_sdl())
    current = build_schema(schema_sdl())
    assert current.query_type is not None
    del current.query_type.fields["tenants"]

    comparison = compare(released, current)

    assert comparison.breaking == [
        SchemaChange("FIELD_REMOVED", "Field Query.tenants was removed.")
    ]
    assert unmarked(comparison.breaking, []) == comparison.breaking


def test_a_required_argument_a_narrowed_type_and_a_removed_enum_value_break() -> None:
    current = (
        OLD.replace("tenant(code: String!)", "tenant(code: String!, asOf: String!)")
        .replace("tenants: [String!]!", "tenants: [Int!]!")
        .replace("SUBMITTED ACCEPTED", "SUBMITTED")
    )

    kinds = {change.kind for change in compare(OLD, current).breaking}

    assert kinds == {"REQUIRED_ARG_ADDED", "FIELD_CHANGED_KIND", "VALUE_REMOVED_FROM_ENUM"}


def test_an_added_enum_value_is_dangerous_not_breaking() -> None:
    comparison = compare(OLD, OLD.replace("SUBMITTED ACCEPTED", "SUBMITTED ACCEPTED WITHDRAWN"))

    assert comparison.breaking == []
    assert comparison.dangerous == [
        SchemaChange("VALUE_ADDED_TO_ENUM", "Enum value State.WITHDRAWN was added.")
    ]


def test_a_marked_break_passes_and_an_unmarked_or_stale_one_is_named() -> None:
    changes_file = """# Schema changes
## Unreleased
- `FIELD_REMOVED` Field Query.tenants was removed. — #17: 由 Query.tenantConnection 代替
- `FIELD_REMOVED` Field Query.gone was removed. — #12: 早已恢复
- `FIELD_REMOVED` Field Query.state was removed. — no issue number
## Released 1.0 (2026-01-01)
- `FIELD_REMOVED` Field Query.tenant was removed. — #3: an old release's entry, not read
"""
    breaking = compare(
        OLD,
        OLD.replace("  tenants: [String!]!\n", "").replace("  tenant(code: String!): String\n", ""),
    ).breaking

    marked, malformed = marked_changes(changes_file)

    assert malformed == ["- `FIELD_REMOVED` Field Query.state was removed. — no issue number"]
    assert unmarked(breaking, marked) == [
        SchemaChange("FIELD_REMOVED", "Field Query.tenant was removed.")
    ]
    assert stale(breaking, marked) == [
        MarkedChange(SchemaChange("FIELD_REMOVED", "Field Query.gone was removed."), 12, "早已恢复")
    ]


def test_an_entry_without_a_reason_is_malformed() -> None:
    marked, malformed = marked_changes(
        "## Unreleased\n- `FIELD_REMOVED` Field Query.tenants was removed. — #17: \n"
    )

    assert marked == []
    assert malformed == ["- `FIELD_REMOVED` Field Query.tenants was removed. — #17: "]
