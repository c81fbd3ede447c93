"""What changes between two compilations of one selection: fields and materials added, removed
or asked for differently (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from socialaid.forms.compiled import CompiledForm, FormField, FormMaterial


@dataclass(frozen=True)
class FormDifference:
    fields_added: tuple[str, ...]
    fields_removed: tuple[str, ...]
    fields_changed: tuple[str, ...]  # visibility, requirement or constraints differ
    materials_added: tuple[str, ...]
    materials_removed: tuple[str, ...]
    materials_changed: tuple[str, ...]  # when it applies, when it is required, exemptions

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


def _material_rule(m: FormMaterial) -> tuple[object, ...]:
    return (m.applies_when, m.required_when, m.subject_when, m.exempt_via)


def form_difference(before: CompiledForm, after: CompiledForm) -> FormDifference:
    old_fields = {f.key: f for f in before.fields}
    new_fields = {f.key: f for f in after.fields}
    old_materials = {m.id: m for m in before.materials}
    new_materials = {m.id: m for m in after.materials}
    return FormDifference(
        fields_added=tuple(sorted(new_fields.keys() - old_fields.keys())),
        fields_removed=tuple(sorted(old_fields.keys() - new_fields.keys())),
        fields_changed=tuple(
            sorted(
                k
                for k in old_fields.keys() & new_fields.keys()
                if _field_rule(old_fields[k]) != _field_rule(new_fields[k])
            )
        ),
        materials_added=tuple(sorted(new_materials.keys() - old_materials.keys())),
        materials_removed=tuple(sorted(old_materials.keys() - new_materials.keys())),
        materials_changed=tuple(
            sorted(
                k
                for k in old_materials.keys() & new_materials.keys()
                if _material_rule(old_materials[k]) != _material_rule(new_materials[k])
            )
        ),
    )
