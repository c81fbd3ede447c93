"""The algebra of 一表申请: folding items' field, group and material uses into one form.

Per field, with vis_i = the item's visible_when (true when absent; for a row field also the item's
visible_when of the group) and req_i = true / required_when / false:
    visible  = OR_i vis_i
    required = OR_i (vis_i AND req_i)          (so required implies visible)
    schema   = allOf(base constraints, every item's constraints)
Materials are grouped by (evidence type, subject, subject_when); applies = OR of the items'
required_when (true when absent); required = OR over the items whose necessity is required.
Every result is sorted by item code or library order, never by the order items were added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from socialaid.canonical_json import canonical_json, content_hash
from socialaid.catalogue.conditions import Condition, all_of, analyse, any_of
from socialaid.catalogue.files import (
    SUBJECT_GROUPS,
    ElementType,
    Exemption,
    ItemFile,
    MaterialUse,
    ReviewStandard,
    Subject,
)
from socialaid.catalogue.library import Library
from socialaid.forms.compiled import (
    CodeOption,
    ExemptRoute,
    FormField,
    FormGroup,
    FormMaterial,
    ItemConstraints,
    ItemPurpose,
    Review,
)
from socialaid.forms.errors import SelectionProblem
from socialaid.forms.sections import section_of

_SUBJECT_ORDER = {s: i for i, s in enumerate(Subject)}
# From strictest to most lenient: the merged material asks for the strictest form any item asks for.
_ORIGINAL_STRICTNESS = ("original", "signed_or_electronic", "copy", "original_or_copy")


@dataclass
class _FieldAcc:
    visible: list[Condition] = field(default_factory=list)
    required: list[Condition] = field(default_factory=list)
    visible_by: set[str] = field(default_factory=set)
    required_by: set[str] = field(default_factory=set)
    purposes: list[ItemPurpose] = field(default_factory=list)
    constraints: list[ItemConstraints] = field(default_factory=list)
    asked_for: set[str] = field(default_factory=set)


@dataclass
class _GroupAcc:
    visible: list[Condition] = field(default_factory=list)
    visible_by: set[str] = field(default_factory=set)
    purposes: list[ItemPurpose] = field(default_factory=list)
    mins: list[int] = field(default_factory=list)
    maxes: list[int] = field(default_factory=list)
    asked_for: set[str] = field(default_factory=set)


@dataclass
class _MaterialAcc:
    evidence: str
    subject: Subject
    subject_when: Condition | None
    uses: dict[tuple[str, int], tuple[ItemFile, MaterialUse]] = field(default_factory=dict)


@dataclass
class Merger:
    """Accumulates items (in code order) and builds the merged parts of the form."""

    library: Library
    fields: dict[str, _FieldAcc] = field(default_factory=dict)
    groups: dict[str, _GroupAcc] = field(default_factory=dict)
    materials: dict[tuple[str, Subject, str], _MaterialAcc] = field(default_factory=dict)
    condition_keys: dict[str, set[str]] = field(default_factory=dict)  # key → items reading it
    parameters: dict[str, set[str]] = field(default_factory=dict)  # params.x → items
    problems: list[SelectionProblem] = field(default_factory=list)
    fields_before: int = 0
    materials_before: int = 0

    def add(self, item: ItemFile) -> None:
        self.fields_before += len(item.fields)
        self.materials_before += len(item.materials)
        group_visibility: dict[str, Condition] = {}
        for group_use in item.repeat_groups:
            visible: Condition = group_use.visible_when or True
            group_visibility[group_use.key] = visible
            group_acc = self.groups.setdefault(group_use.key, _GroupAcc())
            group_acc.visible.append(visible)
            group_acc.visible_by.add(item.code)
            group_acc.purposes.append(ItemPurpose(item.code, group_use.purpose))
            if group_use.min_items is not None:
                group_acc.mins.append(group_use.min_items)
            if group_use.max_items is not None:
                group_acc.maxes.append(group_use.max_items)
            self._read(item, group_use.visible_when)
        for use in item.fields:
            if use.key not in self.library.data_elements:
                self.problems.append(
                    SelectionProblem(
                        "UNKNOWN_ELEMENT", f"{item.code}: unknown field {use.key!r}", (item.code,)
                    )
                )
                continue
            visible = use.visible_when or True
            group = self.library.repeat_group_of(use.key)
            if group is not None:
                if group not in group_visibility:
                    # Using a row field without declaring the group: the group is shown for it.
                    group_visibility[group] = True
                    acc_group = self.groups.setdefault(group, _GroupAcc())
                    acc_group.visible.append(True)
                    acc_group.visible_by.add(item.code)
                visible = all_of([group_visibility[group], visible])
            requirement: Condition = True if use.required else (use.required_when or False)
            acc = self.fields.setdefault(use.key, _FieldAcc())
            acc.visible.append(visible)
            acc.visible_by.add(item.code)
            acc.purposes.append(ItemPurpose(item.code, use.purpose))
            if requirement is not False:
                acc.required.append(all_of([visible, requirement]))
                acc.required_by.add(item.code)
            if use.constraints:
                acc.constraints.append(ItemConstraints(item.code, dict(use.constraints)))
            self._read(item, use.visible_when, within=group)
            self._read(item, use.required_when, within=group)
        for position, material in enumerate(item.materials):
            if material.evidence not in self.library.evidence_types:
                self.problems.append(
                    SelectionProblem(
                        "UNKNOWN_EVIDENCE",
                        f"{item.code}: unknown evidence type {material.evidence!r}",
                        (item.code,),
                    )
                )
                continue
            row_group = SUBJECT_GROUPS.get(material.subject)
            subject_when = material.subject_when if row_group is not None else None
            key = (
                material.evidence,
                material.subject,
                "" if subject_when is None else canonical_json(subject_when),
            )
            self.materials.setdefault(
                key, _MaterialAcc(material.evidence, material.subject, subject_when)
            ).uses[(item.code, position)] = (
                item,
                material,
            )  # keyed: adding an item twice is a no-op
            self._read(item, material.required_when)
            if subject_when is not None:
                self._read(item, subject_when, row=row_group)

    def _read(
        self,
        item: ItemFile,
        condition: object,
        *,
        row: str | None = None,
        within: str | None = None,
    ) -> None:
        if condition is None:
            return
        for variable in analyse(condition, row=row, within=within).variables:
            into = self.parameters if variable.is_parameter else self.condition_keys
            into.setdefault(variable.key, set()).add(item.code)

    # ------------------------------------------------------------ after every item is added

    def add_condition_fields(self) -> list[tuple[str, tuple[str, ...]]]:
        """Make every key a condition reads part of the form; return the keys that are unknown."""
        unknown: list[tuple[str, tuple[str, ...]]] = []
        for key, items in sorted(self.condition_keys.items()):
            if key in self.library.data_elements:
                acc = self.fields.setdefault(key, _FieldAcc())
                acc.asked_for |= items
                if not acc.visible:
                    acc.visible.append(True)
                group = self.library.repeat_group_of(key)
                if group is not None:
                    self._ensure_group(group, items)
            elif key in self.library.repeat_groups:
                self._ensure_group(key, items)
            else:
                unknown.append((key, tuple(sorted(items))))
        return unknown

    def _ensure_group(self, key: str, items: set[str]) -> None:
        acc = self.groups.setdefault(key, _GroupAcc())
        acc.asked_for |= items
        if not acc.visible:
            acc.visible.append(True)

    def build_fields(self) -> list[FormField]:
        order = {key: index for index, key in enumerate(self.library.data_elements)}
        out = []
        for key in sorted(self.fields, key=order.__getitem__):
            acc = self.fields[key]
            element = self.library.data_elements[key]
            visible = any_of(acc.visible)
            required = any_of(acc.required)
            if acc.asked_for and element.type is ElementType.BOOLEAN:
                # A yes/no question that steers the form must be answered whenever it is shown:
                # an unanswered "在非户籍地申办?" would silently drop the 居住证.
                required = any_of([required, visible])
            code_list = self.library.code_lists.get(element.code_list or "")
            out.append(
                FormField(
                    key=key,
                    label=element.label,
                    type=element.type.value,
                    section=section_of(key),
                    group=self.library.repeat_group_of(key),
                    code_list=element.code_list,
                    options=tuple(CodeOption(v.code, v.label) for v in code_list.values)
                    if code_list
                    else (),
                    sensitivity=element.sensitivity.value,
                    hint=element.hint,
                    visible_when=visible,
                    required_when=required,
                    base_constraints=dict(element.constraints),
                    item_constraints=_unique_constraints(acc.constraints),
                    visible_by=tuple(sorted(acc.visible_by)),
                    required_by=tuple(sorted(acc.required_by)),
                    purposes=tuple(sorted(set(acc.purposes), key=lambda p: (p.item, p.purpose))),
                    asked_for=tuple(sorted(acc.asked_for)),
                )
            )
        return out

    def build_groups(self, fields: list[FormField]) -> list[FormGroup]:
        order = {key: index for index, key in enumerate(self.library.repeat_groups)}
        out = []
        for key in sorted(self.groups, key=lambda k: order.get(k, len(order))):
            acc = self.groups[key]
            base = self.library.repeat_groups.get(key)
            if base is None:
                self.problems.append(
                    SelectionProblem(
                        "UNKNOWN_REPEAT_GROUP",
                        f"unknown repeat group {key!r}",
                        tuple(sorted(acc.visible_by)),
                    )
                )
                continue
            minimum = max([base.min_items, *acc.mins])
            ceilings = [m for m in [base.max_items, *acc.maxes] if m is not None]
            maximum = min(ceilings) if ceilings else None
            if maximum is not None and minimum > maximum:
                self.problems.append(
                    SelectionProblem(
                        "EMPTY_ROW_RANGE",
                        f"{key}: the selected items ask for at least {minimum} and at most "
                        f"{maximum} rows",
                        tuple(sorted(acc.visible_by)),
                    )
                )
            out.append(
                FormGroup(
                    key=key,
                    label=base.label,
                    section=section_of(key),
                    min_items=minimum,
                    max_items=maximum,
                    visible_when=any_of(acc.visible),
                    visible_by=tuple(sorted(acc.visible_by)),
                    purposes=tuple(sorted(set(acc.purposes), key=lambda p: (p.item, p.purpose))),
                    fields=tuple(f.key for f in fields if f.group == key),
                    asked_for=tuple(sorted(acc.asked_for)),
                )
            )
        return out

    def build_materials(self) -> list[FormMaterial]:
        order = {code: index for index, code in enumerate(self.library.evidence_types)}
        keys = sorted(self.materials, key=lambda k: (order[k[0]], _SUBJECT_ORDER[k[1]], k[2]))
        return [self._material(self.materials[key], key[2]) for key in keys]

    def _material(self, acc: _MaterialAcc, subject_when_text: str) -> FormMaterial:
        evidence = self.library.evidence_types[acc.evidence]
        uses = [acc.uses[key] for key in sorted(acc.uses)]
        applies: list[Condition] = [use.required_when or True for _, use in uses]
        required = [use.required_when or True for _, use in uses if use.necessity == "required"]
        material_id = f"{acc.evidence}.{acc.subject.value}"
        if subject_when_text:
            material_id += f".{content_hash(acc.subject_when)[:8]}"
        return FormMaterial(
            id=material_id,
            evidence=acc.evidence,
            name=evidence.name,
            subject=acc.subject.value,
            subject_when=acc.subject_when,
            applies_when=any_of(applies),
            required_when=any_of(required),
            used_by=tuple(dict.fromkeys(item.code for item, _ in uses)),
            required_by=tuple(
                dict.fromkeys(item.code for item, use in uses if use.necessity == "required")
            ),
            original=min((use.original for _, use in uses), key=_ORIGINAL_STRICTNESS.index),
            media=tuple(sorted({use.medium for _, use in uses if use.medium})),
            purposes=tuple(ItemPurpose(item.code, use.purpose) for item, use in uses),
            reviews=tuple(_review(item, use.review) for item, use in uses),
            exempt_via=_routes(
                evidence.government_issued and evidence.shared_data,
                evidence.electronic_licence,
                evidence.issuer,
                uses,
            ),
        )


def _unique_constraints(constraints: list[ItemConstraints]) -> tuple[ItemConstraints, ...]:
    distinct = {(c.item, canonical_json(c.constraints)): c for c in constraints}
    return tuple(distinct[key] for key in sorted(distinct))


def _review(item: ItemFile, standard: ReviewStandard | None) -> Review:
    return Review(item=item.code, department=item.department, standard=standard)


def _routes(
    shared_data: bool,
    electronic_licence: bool,
    issuer: str | None,
    uses: list[tuple[ItemFile, MaterialUse]],
) -> tuple[ExemptRoute, ...]:
    """两个免于提交 from the evidence type, 容缺 / 承诺 (and any extra route) from the items."""

    def allowing(route: Exemption) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item.code for item, use in uses if route in use.allows))

    routes = []
    for via, by_type in (
        (Exemption.SHARED_DATA, shared_data),
        (Exemption.ELECTRONIC_LICENCE, electronic_licence),
    ):
        if by_type or allowing(via):
            routes.append(ExemptRoute(via, issuer=issuer, allowed_by=allowing(via)))
    for via in (Exemption.PERSONAL_COMMITMENT, Exemption.DEFERRED):
        if allowing(via):
            routes.append(ExemptRoute(via, allowed_by=allowing(via)))
    return tuple(routes)


def parameters_used(
    merger: Merger, values: dict[str, Any]
) -> tuple[dict[str, Any], list[tuple[str, tuple[str, ...]]]]:
    """The params.* values the conditions read, and the ones that have no value yet."""
    used: dict[str, Any] = {}
    unset: list[tuple[str, tuple[str, ...]]] = []
    for key, items in sorted(merger.parameters.items()):
        name = key.removeprefix("params.")
        value = values.get(name)
        if value is None:
            unset.append((name, tuple(sorted(items))))
        used[name] = value
    return used, unset
