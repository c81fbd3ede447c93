"""Which answers of an application are sensitive, and the answers with those values replaced.

Pure: the form says which keys are sensitive; access/masking decides who sees them unmasked.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from socialaid.access.masking import SensitiveValue, Sensitivity
from socialaid.forms.answers import format_path
from socialaid.forms.compiled import CompiledForm

SENSITIVE = "sensitive"


def _kind(key: str) -> Sensitivity:
    leaf = key.rsplit(".", 1)[-1]
    if leaf.endswith("id_number"):
        return Sensitivity.ID_NUMBER
    if leaf == "account_number":
        return Sensitivity.BANK_ACCOUNT
    if "health" in leaf or "disease" in leaf or "disab" in leaf or "illness" in leaf:
        return Sensitivity.HEALTH
    return Sensitivity.INCOME


def _walk(
    node: Any, parts: list[str], trail: list[str | int]
) -> Iterator[tuple[list[str | int], Any]]:
    """Every concrete path (rows expanded) a canonical key's parts reach, with its value."""
    if not parts:
        yield trail, node
        return
    head, rest = parts[0], parts[1:]
    rows = head.endswith("[]")
    name = head.removesuffix("[]")
    if not isinstance(node, Mapping) or name not in node:
        return
    child = node[name]
    if rows:
        if isinstance(child, list):
            for index, row in enumerate(child):
                yield from _walk(row, rest, [*trail, name, index])
        return
    yield from _walk(child, rest, [*trail, name])


def sensitive_values(
    form: CompiledForm, answers: Mapping[str, Any]
) -> dict[str, tuple[list[str | int], SensitiveValue]]:
    """Each answered sensitive value, by its concrete path (household.members[1].id_number)."""
    found: dict[str, tuple[list[str | int], SensitiveValue]] = {}
    for field in form.fields:
        if field.sensitivity != SENSITIVE:
            continue
        for parts, value in _walk(answers, field.key.split("."), []):
            if value is None or value == "":
                continue
            text = value if isinstance(value, str) else str(value)
            found[format_path(parts)] = (parts, SensitiveValue(_kind(field.key), text))
    return found


def replaced(
    answers: Mapping[str, Any],
    found: Mapping[str, tuple[list[str | int], SensitiveValue]],
    shown: Mapping[str, str],
) -> dict[str, Any]:
    """A copy of the answers in which each sensitive value is what the reader may see."""
    out: dict[str, Any] = copy.deepcopy(dict(answers))
    for path, (parts, original) in found.items():
        value = shown.get(path)
        if value is None or value == original.value:
            continue
        node: Any = out
        for part in parts[:-1]:
            node = node[part]
        node[parts[-1]] = value
    return out
