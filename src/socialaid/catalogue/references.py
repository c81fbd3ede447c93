"""Checking that an item's references resolve: the same rules for files and for publishing."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from socialaid.catalogue.files import ItemFile
from socialaid.catalogue.library import Library


@dataclass(frozen=True)
class UnresolvedReference:
    path: str
    message: str


def item_reference_errors(
    item: ItemFile,
    *,
    library: Library,
    departments: Collection[str],
    visible_items: Collection[str],
    inherited_items: Collection[str],
    target_groups_of: Mapping[str, Collection[str]] | None = None,
) -> list[UnresolvedReference]:
    """Every reference of `item` that does not resolve in its tenant's context.

    `target_groups_of`: the target groups of the visible items, so that a dependency's
    `approved_as` names only groups its predecessors can recognise.
    """
    errors: list[UnresolvedReference] = []

    def error(path: str, message: str) -> None:
        errors.append(UnresolvedReference(path, message))

    if item.code in inherited_items:
        error("code", f"{item.code!r} is inherited; change it with an override")
    if item.parent is not None and item.parent not in visible_items:
        error("parent", f"unknown parent item {item.parent!r}")
    if item.department not in departments:
        error("department", f"no department {item.department!r} in this tenant or above")
    for i, group in enumerate(item.target_groups):
        if group not in library.target_groups:
            error(f"target_groups[{i}]", f"unknown target group {group!r}")
    for i, dep in enumerate(item.requires_decision_of):
        for j, required in enumerate(dep.items):
            if required not in visible_items:
                error(f"requires_decision_of[{i}].items[{j}]", f"unknown item {required!r}")
        recognisable = (
            None
            if target_groups_of is None
            else {g for code in dep.items for g in target_groups_of.get(code, ())}
        )
        for j, group in enumerate(dep.approved_as or ()):
            path = f"requires_decision_of[{i}].approved_as[{j}]"
            if group not in library.target_groups:
                error(path, f"unknown target group {group!r}")
            elif recognisable is not None and group not in recognisable:
                error(path, f"none of {list(dep.items)} recognises target group {group!r}")
    for i, excluded in enumerate(item.excludes):
        if excluded not in visible_items:
            error(f"excludes[{i}]", f"unknown item {excluded!r}")
    for i, use in enumerate(item.fields):
        if use.key not in library.data_elements:
            error(f"fields[{i}].key", f"unknown data element {use.key!r}")
    for i, group_use in enumerate(item.repeat_groups):
        if group_use.key not in library.repeat_groups:
            error(f"repeat_groups[{i}].key", f"unknown repeat group {group_use.key!r}")
    for i, material in enumerate(item.materials):
        if material.evidence not in library.evidence_types:
            error(f"materials[{i}].evidence", f"unknown evidence type {material.evidence!r}")
    return errors
