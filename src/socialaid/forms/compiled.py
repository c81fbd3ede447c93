"""The compiled form (一表申请, 一套材料): what compile_form returns and the GraphQL layer exposes.

Every value is immutable by convention (tuples, frozen dataclasses); compiled forms are cached and
shared between requests, so nothing may change them after compilation. Mapping-typed members hold
JSON data and must be treated as read-only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from socialaid.catalogue.conditions import Condition
from socialaid.catalogue.files import Exemption, ReviewStandard


@dataclass(frozen=True)
class ItemPurpose:
    """Why one item asks for a field or material (its `purpose`)."""

    item: str
    purpose: str


@dataclass(frozen=True)
class ItemConstraints:
    """The narrowing constraints one item puts on a field (JSON Schema keywords)."""

    item: str
    constraints: Mapping[str, Any]


@dataclass(frozen=True)
class SelectedItem:
    code: str
    name: str
    department: str
    mode: str
    # Non-empty when the item was not chosen but added as the prerequisite of these items.
    added_for: tuple[str, ...] = ()


class NoteCode(StrEnum):
    PREREQUISITE_ADDED = "PREREQUISITE_ADDED"
    PREREQUISITE_MISSING = "PREREQUISITE_MISSING"
    PARAMETER_UNSET = "PARAMETER_UNSET"
    UNKNOWN_CONDITION_KEY = "UNKNOWN_CONDITION_KEY"


@dataclass(frozen=True)
class Note:
    """Something the applicant or clerk should know about the selection; not an error."""

    code: NoteCode
    message: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class CodeOption:
    code: str
    label: str


@dataclass(frozen=True)
class FormField:
    key: str  # canonical dotted key; row fields as household.members[].relation
    label: str
    type: str  # catalogue ElementType value
    section: str
    group: str | None  # the repeat group a row field belongs to
    code_list: str | None
    options: tuple[CodeOption, ...]
    sensitivity: str
    hint: str | None
    visible_when: Condition  # over the answers (row fields: `group[].key` names the same row)
    required_when: Condition  # implies visible_when
    base_constraints: Mapping[str, Any]
    item_constraints: tuple[ItemConstraints, ...]
    visible_by: tuple[str, ...]
    required_by: tuple[str, ...]
    purposes: tuple[ItemPurpose, ...]
    # Items whose conditions read this key: the field steers the form (a situation question).
    asked_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormGroup:
    """A repeat group (household.members, supporters, assets.properties …): rows of fields."""

    key: str
    label: str
    section: str
    min_items: int
    max_items: int | None
    visible_when: Condition
    visible_by: tuple[str, ...]
    purposes: tuple[ItemPurpose, ...]
    fields: tuple[str, ...]  # keys of its row fields, in library order
    asked_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """A variable the selected items' conditions read, asked before the rest of the form."""

    key: str
    label: str
    asked_for: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    code: str  # the first segment of the keys it holds: applicant, household, bank …
    label: str
    fields: tuple[str, ...]
    groups: tuple[str, ...]


@dataclass(frozen=True)
class Review:
    """One department's review standard for a merged material (审查标准 stays with its owner)."""

    item: str
    department: str
    standard: ReviewStandard | None


@dataclass(frozen=True)
class ExemptRoute:
    """A way the applicant may be spared the upload (两个免于提交, 容缺, 承诺)."""

    via: Exemption
    issuer: str | None = None  # for shared data / electronic licences: who holds the record
    allowed_by: tuple[str, ...] = ()  # for deferred / personal commitment: the items allowing it


@dataclass(frozen=True)
class FormMaterial:
    id: str  # stable: evidence.subject[.hash of subject_when]
    evidence: str
    name: str
    subject: str  # catalogue Subject value
    subject_when: Condition | None  # over one row of the subject's group
    applies_when: Condition  # over the answers: some item wants it
    required_when: Condition  # some item requires it (implies applies_when)
    used_by: tuple[str, ...]
    required_by: tuple[str, ...]
    original: str  # the strictest form any item asks for
    media: tuple[str, ...]
    purposes: tuple[ItemPurpose, ...]
    reviews: tuple[Review, ...]
    exempt_via: tuple[ExemptRoute, ...]


@dataclass(frozen=True)
class Reduction:
    """What merging saved: sums over the items taken separately versus the merged form."""

    fields_before: int
    fields_after: int
    materials_before: int
    materials_after: int
    questions_added: int  # fields present only because a condition reads them

    @property
    def fields_saved(self) -> float:
        return _saved(self.fields_before, self.fields_after)

    @property
    def materials_saved(self) -> float:
        return _saved(self.materials_before, self.materials_after)


def _saved(before: int, after: int) -> float:
    return 0.0 if before == 0 else round(1 - after / before, 4)


@dataclass(frozen=True)
class CompiledForm:
    tenant: str
    as_of: date
    items: tuple[SelectedItem, ...]
    questions: tuple[Question, ...]
    sections: tuple[Section, ...]
    fields: tuple[FormField, ...]
    groups: tuple[FormGroup, ...]
    materials: tuple[FormMaterial, ...]
    notes: tuple[Note, ...]
    parameters: Mapping[str, Any]  # the params.* values the conditions read
    reduction: Reduction
    json_schema: Mapping[str, Any]
    content_hash: str  # sha256 of the canonical JSON of json_schema without $id
    _fields_by_key: Mapping[str, FormField] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _groups_by_key: Mapping[str, FormGroup] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_fields_by_key", {f.key: f for f in self.fields})
        object.__setattr__(self, "_groups_by_key", {g.key: g for g in self.groups})

    @property
    def item_codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)

    def field(self, key: str) -> FormField:
        return self._fields_by_key[key]

    def group(self, key: str) -> FormGroup:
        return self._groups_by_key[key]

    def has_field(self, key: str) -> bool:
        return key in self._fields_by_key

    def has_group(self, key: str) -> bool:
        return key in self._groups_by_key

    def material(self, material_id: str) -> FormMaterial:
        for material in self.materials:
            if material.id == material_id:
                return material
        raise KeyError(material_id)

    def materials_of(self, evidence: str) -> tuple[FormMaterial, ...]:
        return tuple(m for m in self.materials if m.evidence == evidence)

    def top_level_fields(self) -> tuple[FormField, ...]:
        return tuple(f for f in self.fields if f.group is None)

    def row_fields(self, group: str) -> tuple[FormField, ...]:
        return tuple(self._fields_by_key[k] for k in self.group(group).fields)
