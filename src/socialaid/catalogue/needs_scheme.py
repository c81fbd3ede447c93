"""Checking a tenant's needs-assessment scheme (issue 22) against its effective catalogue: every
item, department and parameter it names exists, and weights and thresholds are shares.

Pure: the catalogue lint of the files (`loader.lint_sources`) calls it for each tenant."""

from __future__ import annotations

from collections.abc import Mapping, Set

from socialaid.catalogue.files import NeedsAssessmentScheme

SHARE_UNIT = "比例"


def scheme_problems(
    scheme: NeedsAssessmentScheme,
    *,
    items: Set[str],
    departments: Set[str],
    parameter_units: Mapping[str, str | None],
) -> list[tuple[str, str]]:
    """(path in the scheme, problem) for each reference that does not resolve."""
    problems: list[tuple[str, str]] = []

    def parameter(path: str, key: str) -> None:
        if key not in parameter_units:
            problems.append((path, f"parameter {key!r} is not declared"))
        elif parameter_units[key] != SHARE_UNIT:
            problems.append((path, f"parameter {key!r} must have unit {SHARE_UNIT}"))

    parameter("composite_threshold", scheme.composite_threshold)
    codes = [d.code for d in scheme.dimensions]
    for i, d in enumerate(scheme.dimensions):
        at = f"dimensions[{i}]"
        if d.code in codes[:i]:
            problems.append((f"{at}.code", f"dimension {d.code!r} appears twice"))
        parameter(f"{at}.weight", d.weight)
        parameter(f"{at}.threshold", d.threshold)
        problems.extend(
            (f"{at}.items[{j}]", f"item {item!r} is not in the effective catalogue")
            for j, item in enumerate(d.items)
            if item not in items
        )
        problems.extend(
            (f"{at}.departments[{j}]", f"department {dept!r} is not a department of the tenant")
            for j, dept in enumerate(d.departments)
            if dept not in departments
        )
    return problems
