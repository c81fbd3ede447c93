"""Turning the items an applicant ticked into the items the form is compiled for.

Decisions (docs in forms/__init__.py):
- A parent item that has sub-items (教育救助 → 学前…) cannot be selected: it expands to nothing and
  the error names the sub-items to choose from. Expanding to every sub-item would ask a family for
  seven school stages' materials at once.
- `mode: organised` (非依申请) items cannot be applied for. `auto_granted` (免申即享) items may be
  selected; they merge like any other (they usually ask for nothing).
- A missing prerequisite with `prerequisite: add` adds the first item of the dependency that can be
  applied for; with `warn` (or when none can be added) the form carries a PREREQUISITE_MISSING note.
- Items that exclude each other are an error naming both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from socialaid.catalogue.files import ItemFile, Mode
from socialaid.forms.compiled import Note, NoteCode
from socialaid.forms.errors import FormCompileError, SelectionProblem


@dataclass(frozen=True)
class Selection:
    items: tuple[ItemFile, ...]  # sorted by code, so the merge never depends on selection order
    added_for: Mapping[str, tuple[str, ...]]  # prerequisite item → the items that needed it
    notes: tuple[Note, ...]


def _label(item: ItemFile) -> str:
    return f"{item.code} ({item.name})"


def _sub_items(catalogue: Mapping[str, ItemFile]) -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    for code, item in catalogue.items():
        if item.parent is not None:
            children.setdefault(item.parent, []).append(code)
    return {parent: sorted(codes) for parent, codes in children.items()}


def _can_apply(
    code: str, catalogue: Mapping[str, ItemFile], children: dict[str, list[str]]
) -> bool:
    item = catalogue.get(code)
    return item is not None and item.mode is not Mode.ORGANISED and code not in children


def resolve_selection(catalogue: Mapping[str, ItemFile], selected: Sequence[str]) -> Selection:
    """Check the choice, add prerequisites, refuse excluded pairs; raise FormCompileError."""
    chosen = sorted(set(selected))
    children = _sub_items(catalogue)
    problems: list[SelectionProblem] = []
    if not chosen:
        problems.append(SelectionProblem("EMPTY_SELECTION", "select at least one item", ()))
    for code in chosen:
        item = catalogue.get(code)
        if item is None:
            problems.append(SelectionProblem("UNKNOWN_ITEM", f"no item {code!r}", (code,)))
        elif item.mode is Mode.ORGANISED:
            problems.append(
                SelectionProblem(
                    "ORGANISED_ITEM",
                    f"{_label(item)} is organised by the authorities (非依申请), not applied for",
                    (code,),
                )
            )
        elif code in children:
            problems.append(
                SelectionProblem(
                    "PARENT_ITEM_SELECTED",
                    f"{_label(item)} has sub-items; select one or more of: "
                    + ", ".join(children[code]),
                    (code, *children[code]),
                )
            )
    if problems:
        raise FormCompileError(problems)

    final = set(chosen)
    queue = list(chosen)
    while queue:
        item = catalogue[queue.pop(0)]
        for dependency in item.requires_decision_of:
            if dependency.prerequisite != "add" or final.intersection(dependency.items):
                continue
            addable = [c for c in dependency.items if _can_apply(c, catalogue, children)]
            if addable:
                final.add(addable[0])
                queue.append(addable[0])
                queue.sort()

    items = tuple(catalogue[code] for code in sorted(final))
    added_for = {
        code: tuple(
            sorted(
                other.code
                for other in items
                if any(code in d.items for d in other.requires_decision_of)
            )
        )
        for code in sorted(final - set(chosen))
    }
    notes = [
        Note(
            NoteCode.PREREQUISITE_ADDED,
            f"{_label(catalogue[code])} added: {', '.join(needers)} wait(s) for its decision",
            (code, *needers),
        )
        for code, needers in added_for.items()
    ]
    for item in items:
        for dependency in item.requires_decision_of:
            if not final.intersection(dependency.items):
                notes.append(
                    Note(
                        NoteCode.PREREQUISITE_MISSING,
                        f"{_label(item)} waits for a decision on one of "
                        f"{', '.join(dependency.items)}, which is not selected: {dependency.reason}",
                        (item.code, *dependency.items),
                    )
                )

    excluded: set[tuple[str, str]] = set()
    for item in items:
        for other in item.excludes:
            if other in final:
                a, b = sorted((item.code, other))
                excluded.add((a, b))
    if excluded:
        raise FormCompileError(
            [
                SelectionProblem(
                    "ITEMS_EXCLUDE_EACH_OTHER",
                    f"{_label(catalogue[a])} and {_label(catalogue[b])} cannot be applied for together",
                    (a, b),
                )
                for a, b in sorted(excluded)
            ]
        )
    return Selection(items, added_for, tuple(notes))
