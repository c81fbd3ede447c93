"""compile_form: a tenant's items at a date, a selection → one form and one set of materials."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from socialaid.canonical_json import content_hash
from socialaid.catalogue.conditions import analyse
from socialaid.catalogue.files import ItemFile
from socialaid.catalogue.library import Library
from socialaid.forms.compiled import (
    CompiledForm,
    FormField,
    FormGroup,
    Note,
    NoteCode,
    Question,
    Reduction,
    Section,
    SelectedItem,
)
from socialaid.forms.errors import FormCompileError
from socialaid.forms.merge import Merger, parameters_used
from socialaid.forms.schema_document import form_document, id_for
from socialaid.forms.sections import section_label, section_sort_key
from socialaid.forms.selection import resolve_selection


def compile_form(
    library: Library,
    catalogue: Mapping[str, ItemFile],
    selected: Sequence[str],
    *,
    tenant: str,
    as_of: date,
    parameters: Mapping[str, object] | None = None,
) -> CompiledForm:
    """Merge the selected items into one form; raise FormCompileError when they cannot be.

    `catalogue` is the tenant's effective published items at `as_of` (inheritance resolved by the
    caller); `parameters` the tenant's parameter values, read by conditions as `params.<key>`.
    """
    selection = resolve_selection(catalogue, selected)
    merger = Merger(library)
    for item in selection.items:
        merger.add(item)
    unknown_keys = merger.add_condition_fields()
    fields = merger.build_fields()
    groups = merger.build_groups(fields)
    materials = merger.build_materials()
    if merger.problems:
        raise FormCompileError(merger.problems)
    used_parameters, unset = parameters_used(merger, dict(parameters or {}))

    notes = list(selection.notes)
    notes += [
        Note(
            NoteCode.UNKNOWN_CONDITION_KEY,
            f"a condition reads {key!r}, which is not a field",
            items,
        )
        for key, items in unknown_keys
    ]
    notes += [
        Note(
            NoteCode.PARAMETER_UNSET,
            f"parameter {name!r} has no value; conditions read it as empty",
            items,
        )
        for name, items in unset
    ]
    items = tuple(
        SelectedItem(
            code=item.code,
            name=item.name,
            department=item.department,
            mode=item.mode.value,
            added_for=selection.added_for.get(item.code, ()),
        )
        for item in selection.items
    )
    questions = _questions(fields)
    sections = _sections(fields, groups)
    reduction = Reduction(
        fields_before=merger.fields_before,
        fields_after=len(fields),
        materials_before=merger.materials_before,
        materials_after=len(materials),
        questions_added=sum(1 for f in fields if not f.visible_by),
    )
    document = form_document(
        items=items,
        questions=questions,
        sections=sections,
        fields=fields,
        groups=groups,
        materials=materials,
        notes=notes,
        parameters=used_parameters,
        reduction=reduction,
    )
    digest = content_hash(document)
    document = {"$id": id_for(digest), **document}
    return CompiledForm(
        tenant=tenant,
        as_of=as_of,
        items=items,
        questions=questions,
        sections=sections,
        fields=tuple(fields),
        groups=tuple(groups),
        materials=tuple(materials),
        notes=tuple(notes),
        parameters=used_parameters,
        reduction=reduction,
        json_schema=document,
        content_hash=digest,
    )


def _questions(fields: list[FormField]) -> tuple[Question, ...]:
    """Top-level keys that conditions read, a question before those whose visibility reads it."""
    asked = [f for f in fields if f.asked_for and f.group is None]
    keys = {f.key for f in asked}
    depends = {
        f.key: {k for k in analyse(f.visible_when).keys if k in keys and k != f.key} for f in asked
    }
    ordered: list[FormField] = []
    placed: set[str] = set()
    remaining = list(asked)  # already in library order
    while remaining:
        ready = next((f for f in remaining if depends[f.key] <= placed), remaining[0])
        remaining.remove(ready)
        ordered.append(ready)
        placed.add(ready.key)
    return tuple(Question(f.key, f.label, f.asked_for) for f in ordered)


def _sections(fields: list[FormField], groups: list[FormGroup]) -> tuple[Section, ...]:
    codes = {f.section for f in fields if f.group is None} | {g.section for g in groups}
    return tuple(
        Section(
            code=code,
            label=section_label(code),
            fields=tuple(f.key for f in fields if f.group is None and f.section == code),
            groups=tuple(g.key for g in groups if g.section == code),
        )
        for code in sorted(codes, key=section_sort_key)
    )
