"""Reading answers the way the form's conditions see them: nested objects, rows, params."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MISSING: Any = object()  # the value at a path nobody answered


def get_path(data: Mapping[str, Any], path: list[str]) -> Any:
    """The value at a dotted path, or MISSING."""
    node: Any = data
    for segment in path:
        if not isinstance(node, Mapping) or segment not in node:
            return MISSING
        node = node[segment]
    return node


def set_path(data: dict[str, Any], path: list[str], value: Any) -> None:
    node = data
    for segment in path[:-1]:
        node = node.setdefault(segment, {})
    node[path[-1]] = value


def delete_path(data: dict[str, Any], path: list[str]) -> None:
    """Remove the value at `path` and any object left empty by the removal."""
    trail = [data]
    for segment in path[:-1]:
        child = trail[-1].get(segment)
        if not isinstance(child, dict):
            return
        trail.append(child)
    trail[-1].pop(path[-1], None)
    for depth in range(len(path) - 1, 0, -1):
        if not trail[depth]:
            trail[depth - 1].pop(path[depth - 1], None)


def is_present(data: Any, parts: list[str | int]) -> bool:
    """Whether a concrete path (with row indexes) holds a value."""
    node: Any = data
    for part in parts:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return False
        elif not isinstance(node, Mapping) or part not in node:
            return False
        node = node[part]
    return True


def is_missing(value: Any) -> bool:
    """Unanswered: absent, null, an empty string or an empty list (false and 0 are answers)."""
    return value is MISSING or value is None or value == "" or value == []


def relative_path(key: str, group: str) -> list[str]:
    return key.removeprefix(f"{group}[].").split(".")


def evaluation_data(answers: Mapping[str, Any], parameters: Mapping[str, Any]) -> dict[str, Any]:
    return {**answers, "params": dict(parameters)}


def row_scope(data: Mapping[str, Any], group: str, row: Any) -> dict[str, Any]:
    """`data` as a row field's conditions see it: `group[].key` and the undotted `key` read the
    row, dotted keys the whole answers (which win should a row key shadow a section name).

    The engine splits var names on dots, so the row is placed under the segment `members[]`
    next to the `members` list: copies along the path, nothing shared is modified.
    """
    path = group.split(".")
    own = dict(row) if isinstance(row, Mapping) else {}
    scoped: dict[str, Any] = {**own, **data}
    node = scoped
    for segment in path[:-1]:
        child = node.get(segment)
        node[segment] = dict(child) if isinstance(child, Mapping) else {}
        node = node[segment]
    node[f"{path[-1]}[]"] = row
    return scoped


def format_path(parts: list[str | int]) -> str:
    """household, members, 2, name → household.members[2].name"""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def key_of(parts: list[str | int]) -> str:
    """The canonical key of a concrete path: household, members, 2, name → household.members[].name"""
    out: list[str] = []
    for part in parts:
        if isinstance(part, int):
            if out and not out[-1].endswith("[]"):
                out[-1] += "[]"
        else:
            out.append(part)
    return ".".join(out)
