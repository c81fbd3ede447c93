"""The compiled form as a JSON Schema 2020-12 document with JSONLogic annotations.

Answers are nested objects by dotted key ({"applicant": {"name": …}}); a repeat group is an array
of row objects. Conditions ride along as `x-visibleWhen` / `x-requiredWhen`; a frontend evaluates
them with any JSONLogic engine, and the server re-evaluates them on submit (validation.py).
The static `required` arrays hold only what is required unconditionally.

Condition scope: a var names a dotted key of the whole answers (`situation.has_disability`) or a
parameter (`params.x`). In a row field's conditions `household.members[].disabled` and the
undotted `disabled` both read the same row; inside some/all/none a var reads the current row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from socialaid.catalogue.files import ElementType
from socialaid.forms.compiled import (
    FormField,
    FormGroup,
    FormMaterial,
    Note,
    Question,
    Reduction,
    Section,
    SelectedItem,
)
from socialaid.forms.formats import (
    AMOUNT_FORMAT,
    BANK_CARD_FORMAT,
    DATE_FORMAT,
    ID_NUMBER_FORMAT,
    PHONE_FORMAT,
)

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
FORM_TITLE = "社会救助一件事申请表"


def id_for(content_hash: str) -> str:
    return f"urn:socialaid:form:sha256:{content_hash}"


def type_schema(field: FormField) -> dict[str, Any]:
    """The JSON Schema of a value of the field's element type."""
    codes = [option.code for option in field.options]
    match ElementType(field.type):
        case ElementType.INTEGER:
            return {"type": "integer"}
        case ElementType.NUMBER:
            return {"type": "number"}
        case ElementType.AMOUNT:
            return {"type": "number", "minimum": 0, "format": AMOUNT_FORMAT}
        case ElementType.BOOLEAN:
            return {"type": "boolean"}
        case ElementType.DATE:
            return {"type": "string", "format": DATE_FORMAT}
        case ElementType.CODE:
            return {"type": "string", "enum": codes}
        case ElementType.CODES:
            return {"type": "array", "items": {"enum": codes}, "uniqueItems": True}
        case ElementType.ID_NUMBER:
            return {"type": "string", "format": ID_NUMBER_FORMAT}
        case ElementType.PHONE:
            return {"type": "string", "format": PHONE_FORMAT}
        case ElementType.BANK_ACCOUNT:
            return {"type": "string", "format": BANK_CARD_FORMAT}
        case ElementType.FILE:
            # The answer is the reference of an uploaded file (the upload service's id).
            return {
                "type": "string",
                "minLength": 1,
                "contentMediaType": "application/octet-stream",
            }
        case _:  # string, text, address
            return {"type": "string"}


def _provenance(field_or_group: FormField | FormGroup) -> dict[str, Any]:
    out: dict[str, Any] = {
        "x-visibleWhen": field_or_group.visible_when,
        "x-visibleBy": list(field_or_group.visible_by),
        "x-purpose": [{"item": p.item, "purpose": p.purpose} for p in field_or_group.purposes],
    }
    if field_or_group.asked_for:
        out["x-askedFor"] = list(field_or_group.asked_for)
    return out


def field_schema(field: FormField) -> dict[str, Any]:
    schema: dict[str, Any] = {"title": field.label, **type_schema(field)}
    constraints = [dict(field.base_constraints)] if field.base_constraints else []
    for use in field.item_constraints:
        if dict(use.constraints) not in constraints:
            constraints.append(dict(use.constraints))
    if constraints:
        schema["allOf"] = constraints
    if field.hint:
        schema["description"] = field.hint
    schema.update(
        {
            "x-key": field.key,
            "x-elementType": field.type,
            "x-sensitivity": field.sensitivity,
            "x-requiredWhen": field.required_when,
            "x-requiredBy": list(field.required_by),
            **_provenance(field),
        }
    )
    if field.code_list:
        schema["x-codeList"] = field.code_list
        schema["x-options"] = [{"code": o.code, "label": o.label} for o in field.options]
    if field.item_constraints:
        schema["x-constraintsBy"] = [
            {"item": use.item, "constraints": dict(use.constraints)}
            for use in field.item_constraints
        ]
    return schema


def _object(title: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "object", "properties": {}, "additionalProperties": False}
    if title is not None:
        node["title"] = title
    return node


def _place(root: dict[str, Any], path: Sequence[str], leaf: dict[str, Any], required: bool) -> None:
    """Put `leaf` at `path` under `root`, creating objects; a required leaf makes its parents required."""
    node = root
    for segment in path[:-1]:
        if required:
            _require(node, segment)
        node = node["properties"].setdefault(segment, _object())
    node["properties"][path[-1]] = leaf
    if required:
        _require(node, path[-1])


def _require(node: dict[str, Any], name: str) -> None:
    names: list[str] = node.setdefault("required", [])
    if name not in names:
        names.append(name)


def _relative(key: str, group: str) -> list[str]:
    return key.removeprefix(f"{group}[].").split(".")


def group_schema(group: FormGroup, rows: Sequence[FormField]) -> dict[str, Any]:
    row = _object()
    for field in rows:
        _place(
            row, _relative(field.key, group.key), field_schema(field), field.required_when is True
        )
    schema: dict[str, Any] = {"title": group.label, "type": "array", "items": row}
    if group.min_items:
        schema["minItems"] = group.min_items
    if group.max_items is not None:
        schema["maxItems"] = group.max_items
    schema.update({"x-key": group.key, **_provenance(group)})
    return schema


def material_document(material: FormMaterial) -> dict[str, Any]:
    return {
        "id": material.id,
        "evidence": material.evidence,
        "name": material.name,
        "subject": material.subject,
        "subjectWhen": material.subject_when,
        "appliesWhen": material.applies_when,
        "requiredWhen": material.required_when,
        "usedBy": list(material.used_by),
        "requiredBy": list(material.required_by),
        "original": material.original,
        "media": list(material.media),
        "purpose": [{"item": p.item, "purpose": p.purpose} for p in material.purposes],
        "review": [
            {
                "item": r.item,
                "department": r.department,
                "standard": None if r.standard is None else r.standard.model_dump(mode="json"),
            }
            for r in material.reviews
        ],
        "exemptVia": [
            {
                "via": route.via.value,
                **({"issuer": route.issuer} if route.issuer is not None else {}),
                **({"allowedBy": list(route.allowed_by)} if route.allowed_by else {}),
            }
            for route in material.exempt_via
        ],
    }


def form_document(
    *,
    items: Sequence[SelectedItem],
    questions: Sequence[Question],
    sections: Sequence[Section],
    fields: Sequence[FormField],
    groups: Sequence[FormGroup],
    materials: Sequence[FormMaterial],
    notes: Sequence[Note],
    parameters: dict[str, Any],
    reduction: Reduction,
) -> dict[str, Any]:
    """The document without `$id`: the content hash is taken over exactly this."""
    root = _object(FORM_TITLE)
    root["$schema"] = SCHEMA_DIALECT
    root["description"] = "、".join(item.name for item in items)
    by_key = {f.key: f for f in fields}
    for section in sections:
        root["properties"][section.code] = _object(section.label)
    for section in sections:
        for key in section.fields:
            field = by_key[key]
            _place(root, key.split("."), field_schema(field), field.required_when is True)
        for group in (g for g in groups if g.section == section.code):
            _place(
                root,
                group.key.split("."),
                group_schema(group, [by_key[k] for k in group.fields]),
                group.visible_when is True and group.min_items > 0,
            )
    root.update(
        {
            "x-items": [
                {
                    "code": item.code,
                    "name": item.name,
                    "department": item.department,
                    "mode": item.mode,
                    "addedFor": list(item.added_for),
                }
                for item in items
            ],
            "x-questions": [
                {"key": q.key, "label": q.label, "askedFor": list(q.asked_for)} for q in questions
            ],
            "x-sections": [{"code": s.code, "label": s.label} for s in sections],
            "x-materials": [material_document(m) for m in materials],
            "x-parameters": parameters,
            "x-notes": [
                {"code": n.code, "message": n.message, "items": list(n.items)} for n in notes
            ],
            "x-reduction": {
                "fieldsBefore": reduction.fields_before,
                "fieldsAfter": reduction.fields_after,
                "materialsBefore": reduction.materials_before,
                "materialsAfter": reduction.materials_after,
                "questionsAdded": reduction.questions_added,
            },
        }
    )
    return root
