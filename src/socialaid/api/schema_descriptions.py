"""Which elements of an introspected schema lack a description (the schema's documentation gaps)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

# GraphQL's own scalars are described by the specification, not by us.
BUILT_IN_SCALARS = frozenset({"String", "Int", "Float", "Boolean", "ID"})


def undescribed(introspection: Mapping[str, Any]) -> list[str]:
    """Schema coordinates of every type, field, argument, input field and enum value of our own
    that has no description or a blank one, and of every deprecation without a reason.

    `introspection` is the `data` of the standard introspection query (`{"__schema": …}`).
    Coordinates follow the GraphQL schema-coordinate syntax: `Type`, `Type.field`,
    `Type.field(arg:)`, `Input.field`, `Enum.VALUE`.
    """
    return sorted(set(_gaps(introspection["__schema"]["types"])))


def _gaps(types: list[Mapping[str, Any]]) -> Iterator[str]:
    for t in types:
        name = t["name"]
        if name.startswith("__") or name in BUILT_IN_SCALARS:
            continue
        if _blank(t.get("description")):
            yield name
        for field in t.get("fields") or ():
            coordinate = f"{name}.{field['name']}"
            yield from _element(coordinate, field)
            for arg in field.get("args") or ():
                yield from _element(f"{coordinate}({arg['name']}:)", arg)
        for input_field in t.get("inputFields") or ():
            yield from _element(f"{name}.{input_field['name']}", input_field)
        for value in t.get("enumValues") or ():
            yield from _element(f"{name}.{value['name']}", value)


def _element(coordinate: str, element: Mapping[str, Any]) -> Iterator[str]:
    if _blank(element.get("description")):
        yield coordinate
    if element.get("isDeprecated") and _blank(element.get("deprecationReason")):
        yield f"{coordinate} @deprecated without a reason"


def _blank(text: object) -> bool:
    return not isinstance(text, str) or not text.strip()


def enum_labels(introspection: Mapping[str, Any]) -> dict[str, dict[str, str | None]]:
    """Every enum of our own: value -> the Chinese label its description starts with, or None.

    The convention is `标签（CODE）：说明` (the explanation optional), e.g.
    `已准予（APPROVED）：部门决定给予救助`; a UI shows the label, and code generators that copy
    descriptions from schema.graphql carry it into the client at build time.
    """
    labels: dict[str, dict[str, str | None]] = {}
    for t in introspection["__schema"]["types"]:
        if t["kind"] != "ENUM" or t["name"].startswith("__"):
            continue
        labels[t["name"]] = {
            value["name"]: enum_label(value.get("description"), value["name"])
            for value in t["enumValues"]
        }
    return labels


def enum_label(description: object, value: str) -> str | None:
    """The label of `标签（VALUE）：…`, or None when the description does not follow it."""
    if not isinstance(description, str):
        return None
    label, marker, rest = description.partition(f"（{value}）")
    label = label.strip()
    if not marker or not label or any(c in label for c in "（）：") or rest[:1] not in ("", "："):
        return None
    return label
