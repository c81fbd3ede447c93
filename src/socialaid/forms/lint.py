"""Publish-time lint of a tenant's effective items against the shared library.

What the form compiler would otherwise discover per application is refused once, when an admin
publishes: unknown keys, redefined fields, unsatisfiable constraint combinations, conditions
outside the JSONLogic subset or naming nothing, dependency cycles, unknown items and materials.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from socialaid.catalogue.files import ElementType, ItemFile
from socialaid.catalogue.library import Library
from socialaid.forms.conditions import PARAMS_PREFIX, analyse
from socialaid.forms.merge import SUBJECT_GROUPS

LIBRARY = "<library>"


@dataclass(frozen=True)
class LintError:
    item: str
    path: str  # inside the item's document: fields[3].visible_when
    code: str
    message: str
    related: tuple[str, ...] = ()  # other items taking part (constraint combinations, cycles)


def lint_catalogue(
    library: Library,
    items: Mapping[str, ItemFile] | Iterable[ItemFile],
    *,
    parameters: Collection[str] = (),
) -> list[LintError]:
    """Every problem found; `parameters` are the tenant's parameter keys (without `params.`)."""
    listed = list(items.values()) if isinstance(items, Mapping) else list(items)
    codes = {item.code for item in listed}
    errors: list[LintError] = []
    for item in listed:
        errors += _item_errors(library, item, codes, set(parameters))
    errors += _constraint_errors(library, listed)
    errors += _row_range_errors(library, listed)
    errors += _cycle_errors(listed)
    return errors


# ---------------------------------------------------------------- one item at a time


def _item_errors(
    library: Library, item: ItemFile, codes: set[str], tenant_parameters: set[str]
) -> list[LintError]:
    out: list[LintError] = []

    def error(path: str, code: str, message: str) -> None:
        out.append(LintError(item.code, path, code, message))

    declared = tenant_parameters | {p.key for p in item.parameters}

    def condition(
        path: str, logic: object, row: str | None = None, within: str | None = None
    ) -> None:
        if logic is None:
            return
        analysis = analyse(logic, row=row, within=within)
        for problem in analysis.problems:
            error(path, problem.code, f"{problem.message} (at {problem.location})")
        for variable in analysis.variables:
            if variable.is_parameter:
                name = variable.key.removeprefix(PARAMS_PREFIX)
                if name not in declared:
                    error(path, "UNKNOWN_PARAMETER", f"params.{name} is not a declared parameter")
            elif (
                variable.key not in library.data_elements
                and variable.key not in library.repeat_groups
            ):
                error(
                    path,
                    "UNKNOWN_CONDITION_KEY",
                    f"{variable.key!r} (at {variable.location}) is neither a data element, "
                    "a repeat group nor a parameter",
                )

    if item.parent is not None and item.parent not in codes:
        error("parent", "UNKNOWN_ITEM", f"unknown parent item {item.parent!r}")
    seen_fields: dict[str, int] = {}
    for index, use in enumerate(item.fields):
        path = f"fields[{index}]"
        if use.key in seen_fields:
            error(
                f"{path}.key",
                "FIELD_REDEFINED",
                f"{use.key!r} is already used at fields[{seen_fields[use.key]}]",
            )
        seen_fields.setdefault(use.key, index)
        if use.key not in library.data_elements:
            error(f"{path}.key", "UNKNOWN_ELEMENT", f"{use.key!r} is not in the library")
        within = library.repeat_group_of(use.key)
        condition(f"{path}.visible_when", use.visible_when, within=within)
        condition(f"{path}.required_when", use.required_when, within=within)
    seen_groups: dict[str, int] = {}
    for index, group_use in enumerate(item.repeat_groups):
        path = f"repeat_groups[{index}]"
        if group_use.key in seen_groups:
            error(
                f"{path}.key",
                "GROUP_REDEFINED",
                f"{group_use.key!r} is already used at repeat_groups[{seen_groups[group_use.key]}]",
            )
        seen_groups.setdefault(group_use.key, index)
        if group_use.key not in library.repeat_groups:
            error(f"{path}.key", "UNKNOWN_REPEAT_GROUP", f"{group_use.key!r} is not in the library")
        condition(f"{path}.visible_when", group_use.visible_when)
    for index, material in enumerate(item.materials):
        path = f"materials[{index}]"
        if material.evidence not in library.evidence_types:
            error(
                f"{path}.evidence",
                "UNKNOWN_EVIDENCE",
                f"{material.evidence!r} is not an evidence type in the library",
            )
        condition(f"{path}.required_when", material.required_when)
        row = SUBJECT_GROUPS.get(material.subject)
        if material.subject_when is not None and row is None:
            error(
                f"{path}.subject_when",
                "SUBJECT_WHEN_UNUSED",
                f"subject_when selects rows; a {material.subject.value} material has none",
            )
        else:
            condition(f"{path}.subject_when", material.subject_when, row)
    condition("eligibility", item.eligibility)
    if item.benefit is not None:
        condition("benefit.formula", item.benefit.formula)
    for i, dependency in enumerate(item.requires_decision_of):
        for j, other in enumerate(dependency.items):
            if other not in codes:
                error(f"requires_decision_of[{i}].items[{j}]", "UNKNOWN_ITEM", f"no item {other!r}")
    for i, other in enumerate(item.excludes):
        if other not in codes:
            error(f"excludes[{i}]", "UNKNOWN_ITEM", f"no item {other!r}")
    return out


# ---------------------------------------------------------------- combinations of items


def _exclusive(a: ItemFile, b: ItemFile) -> bool:
    return b.code in a.excludes or a.code in b.excludes


def _emptiness(constraints: list[Mapping[str, Any]]) -> str | None:
    """Why no value satisfies every constraint set together, or None if some value may."""
    lower: tuple[float, bool] | None = None  # (bound, strict)
    upper: tuple[float, bool] | None = None
    lengths: list[tuple[str, int]] = []
    enum: set[str] | None = None
    for c in constraints:
        for keyword, strict in (("minimum", False), ("exclusiveMinimum", True)):
            if isinstance(c.get(keyword), (int, float)):
                bound = (float(c[keyword]), strict)
                if lower is None or bound[0] > lower[0] or (bound[0] == lower[0] and strict):
                    lower = bound
        for keyword, strict in (("maximum", False), ("exclusiveMaximum", True)):
            if isinstance(c.get(keyword), (int, float)):
                bound = (float(c[keyword]), strict)
                if upper is None or bound[0] < upper[0] or (bound[0] == upper[0] and strict):
                    upper = bound
        for keyword in ("minLength", "maxLength", "minItems", "maxItems"):
            if isinstance(c.get(keyword), int):
                lengths.append((keyword, c[keyword]))
        values = c.get("enum")
        if "const" in c:
            values = [c["const"]]
        if isinstance(values, list):
            as_text = {repr(v) for v in values}
            enum = as_text if enum is None else enum & as_text
    if (
        lower is not None
        and upper is not None
        and (lower[0] > upper[0] or (lower[0] == upper[0] and (lower[1] or upper[1])))
    ):
        return f"lower bound {lower[0]:g} is above upper bound {upper[0]:g}"
    for low, high in (("minLength", "maxLength"), ("minItems", "maxItems")):
        lows = [n for k, n in lengths if k == low]
        highs = [n for k, n in lengths if k == high]
        if lows and highs and max(lows) > min(highs):
            return f"{low} {max(lows)} is above {high} {min(highs)}"
    if enum is not None and not enum:
        return "the allowed values (enum) have nothing in common"
    return None


def _base_constraints(library: Library, key: str) -> dict[str, Any]:
    element = library.data_elements[key]
    base = dict(element.constraints)
    code_list = library.code_lists.get(element.code_list or "")
    if element.type is ElementType.CODE and code_list is not None:
        base["enum"] = [v.code for v in code_list.values]
    return base


def _constraint_errors(library: Library, items: list[ItemFile]) -> list[LintError]:
    users: dict[str, list[tuple[ItemFile, int, Mapping[str, Any]]]] = {}
    for item in items:
        for index, use in enumerate(item.fields):
            if use.key in library.data_elements:
                users.setdefault(use.key, []).append((item, index, use.constraints))
    out = []
    for key, uses in sorted(users.items()):
        base = _base_constraints(library, key)
        alone_bad: set[str] = set()
        for item, index, constraints in uses:
            why = _emptiness([base, constraints])
            if why:
                alone_bad.add(item.code)
                out.append(
                    LintError(
                        item.code,
                        f"fields[{index}].constraints",
                        "EMPTY_CONSTRAINTS",
                        f"{key}: with the library's constraints, {why}",
                    )
                )
        ordered = sorted(uses, key=lambda u: u[0].code)
        for (a, _, ca), (b, index_b, cb) in combinations(ordered, 2):
            if a.code == b.code or {a.code, b.code} & alone_bad or _exclusive(a, b):
                continue
            why = _emptiness([base, ca, cb])
            if why:
                out.append(
                    LintError(
                        b.code,
                        f"fields[{index_b}].constraints",
                        "EMPTY_CONSTRAINTS",
                        f"{key}: together with {a.code}, {why}",
                        related=(a.code,),
                    )
                )
    return out


def _row_range_errors(library: Library, items: list[ItemFile]) -> list[LintError]:
    users: dict[str, list[tuple[ItemFile, int, Mapping[str, Any]]]] = {}
    for item in items:
        for index, use in enumerate(item.repeat_groups):
            bounds = {"minItems": use.min_items, "maxItems": use.max_items}
            users.setdefault(use.key, []).append(
                (item, index, {k: v for k, v in bounds.items() if v is not None})
            )
    out = []
    for key, uses in sorted(users.items()):
        group = library.repeat_groups.get(key)
        if group is None:
            continue
        base: dict[str, int] = {"minItems": group.min_items}
        if group.max_items is not None:
            base["maxItems"] = group.max_items
        for item, index, item_bounds in uses:
            why = _emptiness([base, item_bounds])
            if why:
                out.append(
                    LintError(
                        item.code, f"repeat_groups[{index}]", "EMPTY_ROW_RANGE", f"{key}: {why}"
                    )
                )
        for (a, _, ba), (b, index_b, bb) in combinations(sorted(uses, key=lambda u: u[0].code), 2):
            if (
                a.code != b.code
                and not _exclusive(a, b)
                and not _emptiness([base, ba])
                and not _emptiness([base, bb])
            ):
                why = _emptiness([base, ba, bb])
                if why:
                    out.append(
                        LintError(
                            b.code,
                            f"repeat_groups[{index_b}]",
                            "EMPTY_ROW_RANGE",
                            f"{key}: together with {a.code}, {why}",
                            related=(a.code,),
                        )
                    )
    return out


# ---------------------------------------------------------------- dependency cycles


def _cycle_errors(items: list[ItemFile]) -> list[LintError]:
    known = {item.code: item for item in items}
    edges = {
        item.code: sorted({c for d in item.requires_decision_of for c in d.items if c in known})
        for item in items
    }
    out = []
    for component in _strongly_connected(edges):
        members = sorted(component)
        first = members[0]
        if len(members) == 1 and first not in edges[first]:
            continue
        path = next(
            f"requires_decision_of[{i}].items[{j}]"
            for i, dependency in enumerate(known[first].requires_decision_of)
            for j, other in enumerate(dependency.items)
            if other in component
        )
        out.append(
            LintError(
                first,
                path,
                "DEPENDENCY_CYCLE",
                "requires_decision_of goes round in a cycle through " + " → ".join(members),
                related=tuple(members[1:]),
            )
        )
    return out


def _strongly_connected(edges: dict[str, list[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative so a long chain of items cannot exhaust the stack."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = edges[node]
            if position < len(successors):
                work.append((node, position + 1))
                successor = successors[position]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components
