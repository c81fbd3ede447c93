"""What changes between two compilations of one selection: fields and materials added, removed
or asked for differently (pure)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from socialaid.forms.compiled import CompiledForm, FormField, FormGroup, FormMaterial

T = TypeVar("T")


@dataclass(frozen=True)
class FormDifference:
    fields_added: tuple[str, ...]
    fields_removed: tuple[str, ...]
    fields_changed: tuple[str, ...]  # visibility, requirement or constraints differ; for a
    # repeat group (household.members …): its visibility or its minimum and maximum rows
    materials_added: tuple[str, ...]
    materials_removed: tuple[str, ...]
    # when it applies or is required, whom it concerns, original or copy, media, exemptions and
    # each department's review standard
    materials_changed: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.fields_added,
                self.fields_removed,
                self.fields_changed,
                self.materials_added,
                self.materials_removed,
                self.materials_changed,
            )
        )


def _field_rule(f: FormField) -> tuple[object, ...]:
    return (f.visible_when, f.required_when, f.base_constraints, f.item_constraints, f.type)


def _group_rule(g: FormGroup) -> tuple[object, ...]:
    return (g.visible_when, g.min_items, g.max_items)


def _material_rule(m: FormMaterial) -> tuple[object, ...]:
    return (
        m.applies_when,
        m.required_when,
        m.subject_when,
        m.original,
        m.media,
        m.exempt_via,
        m.reviews,
    )


def _changed(
    old: Mapping[str, T], new: Mapping[str, T], rule: Callable[[T], tuple[object, ...]]
) -> set[str]:
    return {k for k in old.keys() & new.keys() if rule(old[k]) != rule(new[k])}


def form_difference(before: CompiledForm, after: CompiledForm) -> FormDifference:
    old_fields = {f.key: f for f in before.fields}
    new_fields = {f.key: f for f in after.fields}
    old_groups = {g.key: g for g in before.groups}
    new_groups = {g.key: g for g in after.groups}
    old_materials = {m.id: m for m in before.materials}
    new_materials = {m.id: m for m in after.materials}
    return FormDifference(
        fields_added=tuple(sorted(new_fields.keys() - old_fields.keys())),
        fields_removed=tuple(sorted(old_fields.keys() - new_fields.keys())),
        fields_changed=tuple(
            sorted(
                _changed(old_fields, new_fields, _field_rule)
                | _changed(old_groups, new_groups, _group_rule)
            )
        ),
        materials_added=tuple(sorted(new_materials.keys() - old_materials.keys())),
        materials_removed=tuple(sorted(old_materials.keys() - new_materials.keys())),
        materials_changed=tuple(sorted(_changed(old_materials, new_materials, _material_rule))),
    )
