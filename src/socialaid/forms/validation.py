"""Checking submitted answers against the compiled form they were filled against (DESIGN §4.5).

Visibility is evaluated with the same JSONLogic engine as everywhere; hidden values are dropped
before anything else (an answer the applicant could not see must neither count nor fail), then
requirement is evaluated, then JSON Schema validates types, formats and constraints.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator

from socialaid.catalogue.conditions import evaluate
from socialaid.catalogue.files import ElementType
from socialaid.forms.answer_messages import answer_message
from socialaid.forms.answers import (
    MISSING,
    delete_path,
    evaluation_data,
    format_path,
    get_path,
    is_missing,
    is_present,
    key_of,
    relative_path,
    row_scope,
    set_path,
)
from socialaid.forms.compiled import CompiledForm
from socialaid.forms.formats import FORMAT_CHECKER

REQUIRED = "REQUIRED"
CONSTRAINT = "CONSTRAINT"
INVALID_TYPE = "INVALID_TYPE"
NOT_IN_CODE_LIST = "NOT_IN_CODE_LIST"
NEGATIVE_AMOUNT = "NEGATIVE_AMOUNT"
INVALID_AMOUNT = "INVALID_AMOUNT"
TOO_MANY_ROWS = "TOO_MANY_ROWS"
TOO_FEW_ROWS = "TOO_FEW_ROWS"
# A value of the wrong shape for these types gets the type's own code, not INVALID_TYPE.
_TYPE_CODES = {
    ElementType.ID_NUMBER: "INVALID_ID_NUMBER",
    ElementType.PHONE: "INVALID_PHONE",
    ElementType.BANK_ACCOUNT: "INVALID_BANK_ACCOUNT",
    ElementType.DATE: "INVALID_DATE",
    ElementType.AMOUNT: INVALID_AMOUNT,
    ElementType.CODE: NOT_IN_CODE_LIST,
}


@dataclass(frozen=True)
class FieldError:
    path: str  # dotted with row indexes: household.members[2].id_number
    code: str
    message: str


@dataclass(frozen=True)
class ValidationResult:
    answers: Mapping[str, Any]  # what counts: hidden and unknown values dropped
    errors: tuple[FieldError, ...]
    dropped: tuple[str, ...]  # paths of values dropped as hidden or not part of the form

    @property
    def ok(self) -> bool:
        return not self.errors


def visible_answers(
    form: CompiledForm, answers: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The answers that count: known to the form and visible, to a fixpoint (a hidden answer can
    hide others whose visibility reads it); also the paths dropped."""
    kept, dropped = _known(form, answers)
    while True:
        hidden = _hidden_paths(form, kept)
        if not hidden:
            return kept, dropped
        for parts in hidden:
            _delete(kept, parts)
            dropped.append(format_path(parts))


def _known(form: CompiledForm, answers: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    kept: dict[str, Any] = {}
    for field in form.top_level_fields():
        value = get_path(answers, field.key.split("."))
        if value is not MISSING and value is not None:
            set_path(kept, field.key.split("."), copy.deepcopy(value))
    for group in form.groups:
        rows = get_path(answers, group.key.split("."))
        if rows is MISSING or rows is None:
            continue
        if not isinstance(rows, list):
            set_path(kept, group.key.split("."), copy.deepcopy(rows))  # the schema reports it
            continue
        kept_rows: list[Any] = []
        for row in rows:
            if not isinstance(row, Mapping):
                kept_rows.append(copy.deepcopy(row))
                continue
            kept_row: dict[str, Any] = {}
            for key in group.fields:
                path = relative_path(key, group.key)
                value = get_path(row, path)
                if value is not MISSING and value is not None:
                    set_path(kept_row, path, copy.deepcopy(value))
            kept_rows.append(kept_row)
        set_path(kept, group.key.split("."), kept_rows)
    dropped = [p for p in _leaves(answers, []) if not is_present(kept, p)]
    return kept, [format_path(p) for p in dropped]


def _leaves(node: Any, prefix: list[str | int]) -> list[list[str | int]]:
    if isinstance(node, Mapping) and node:
        out: list[list[str | int]] = []
        for name, child in node.items():
            out += _leaves(child, [*prefix, str(name)])
        return out
    if isinstance(node, list) and node and all(isinstance(r, Mapping) for r in node):
        out = []
        for index, row in enumerate(node):
            out += _leaves(row, [*prefix, index])
        return out
    empty = node is None or node == {} or node == []
    return [prefix] if prefix and not empty else []


def _hidden_paths(form: CompiledForm, kept: dict[str, Any]) -> list[list[str | int]]:
    data = evaluation_data(kept, form.parameters)
    hidden: list[list[str | int]] = []
    for field in form.top_level_fields():
        path = field.key.split(".")
        if get_path(kept, path) is not MISSING and not evaluate(field.visible_when, data):
            hidden.append(list(path))
    for group in form.groups:
        path = group.key.split(".")
        rows = get_path(kept, path)
        if rows is MISSING:
            continue
        if not evaluate(group.visible_when, data):
            hidden.append(list(path))
            continue
        if not isinstance(rows, list):
            continue
        for index, row in enumerate(rows):
            if not isinstance(row, Mapping):
                continue
            scope = row_scope(data, group.key, row)
            for key in group.fields:
                relative = relative_path(key, group.key)
                if get_path(row, relative) is not MISSING and not evaluate(
                    form.field(key).visible_when, scope
                ):
                    hidden.append([*path, index, *relative])
    return hidden


def _delete(data: dict[str, Any], parts: list[str | int]) -> None:
    if any(isinstance(p, int) for p in parts):
        index_at = next(i for i, p in enumerate(parts) if isinstance(p, int))
        rows = get_path(data, [str(p) for p in parts[:index_at]])
        row = rows[parts[index_at]]
        delete_path(row, [str(p) for p in parts[index_at + 1 :]])
    else:
        delete_path(data, [str(p) for p in parts])


def _requirement_errors(form: CompiledForm, kept: dict[str, Any]) -> list[FieldError]:
    data = evaluation_data(kept, form.parameters)
    errors = []
    for field in form.top_level_fields():
        path = field.key.split(".")
        if is_missing(get_path(kept, path)) and evaluate(field.required_when, data):
            errors.append(FieldError(field.key, REQUIRED, f"{field.label}：必填"))
    for group in form.groups:
        path = group.key.split(".")
        rows = get_path(kept, path)
        if is_missing(rows):
            if group.min_items > 0 and evaluate(group.visible_when, data):
                errors.append(
                    FieldError(group.key, REQUIRED, f"{group.label}：至少填写 {group.min_items} 行")
                )
            continue
        if not isinstance(rows, list):
            continue
        for index, row in enumerate(rows):
            if not isinstance(row, Mapping):
                continue
            scope = row_scope(data, group.key, row)
            for key in group.fields:
                field = form.field(key)
                relative = relative_path(key, group.key)
                if is_missing(get_path(row, relative)) and evaluate(field.required_when, scope):
                    errors.append(
                        FieldError(
                            format_path([*path, index, *relative]),
                            REQUIRED,
                            f"{field.label}：必填",
                        )
                    )
    return errors


# One validator per form schema, built on the form's first check and kept for the process:
# building it on every check (and resolving its references anew) was part of each submission's
# cost (issue 20). Bounded, oldest forgotten first; a schema is named by its hash and its $id.
_VALIDATORS: dict[tuple[str, Any], Draft202012Validator] = {}
MAX_VALIDATORS = 256


def _validator(form: CompiledForm) -> Draft202012Validator:
    key = (form.content_hash, form.json_schema.get("$id"))
    validator = _VALIDATORS.get(key)
    if validator is None:
        if len(_VALIDATORS) >= MAX_VALIDATORS:
            del _VALIDATORS[next(iter(_VALIDATORS))]
        validator = Draft202012Validator(form.json_schema, format_checker=FORMAT_CHECKER)
        _VALIDATORS[key] = validator
    return validator


def _schema_errors(form: CompiledForm, kept: dict[str, Any]) -> list[FieldError]:
    validator = _validator(form)
    errors = []
    for error in validator.iter_errors(kept):
        if error.validator == "required":
            continue  # requirement is conditional; _requirement_errors decides it
        parts: list[str | int] = list(error.absolute_path)
        message = answer_message(
            _label(form, parts), str(error.validator), error.validator_value, error.instance
        )
        errors.append(FieldError(format_path(parts), _code(form, parts, error), message))
    return errors


def _label(form: CompiledForm, parts: list[str | int]) -> str:
    """The label of the field or group an error is about (its path when the form has neither)."""
    key = key_of(parts)
    if form.has_group(key):
        return form.group(key).label
    if not form.has_field(key) and key.endswith("[]"):
        key = key.removesuffix("[]")  # an element of a `codes` answer
    if form.has_field(key):
        return form.field(key).label
    return format_path(parts) or "答案"


def _code(form: CompiledForm, parts: list[str | int], error: Any) -> str:
    keyword = str(error.validator)
    key = key_of(parts)
    if form.has_group(key):
        if keyword == "maxItems":
            return TOO_MANY_ROWS
        if keyword == "minItems":
            return TOO_FEW_ROWS
        return INVALID_TYPE if keyword == "type" else CONSTRAINT
    if not form.has_field(key) and key.endswith("[]"):
        key = key.removesuffix("[]")  # an element of a `codes` answer
    if not form.has_field(key):
        return CONSTRAINT
    element_type = ElementType(form.field(key).type)
    if keyword in {"format", "type"} and element_type in _TYPE_CODES:
        return _TYPE_CODES[element_type]
    if keyword == "type":
        return INVALID_TYPE
    if keyword == "enum" and element_type in {ElementType.CODE, ElementType.CODES}:
        return NOT_IN_CODE_LIST
    if (
        element_type is ElementType.AMOUNT
        and keyword in {"minimum", "exclusiveMinimum"}
        and isinstance(error.instance, (int, float))
        and error.instance < 0
    ):
        return NEGATIVE_AMOUNT
    return CONSTRAINT


def validate_answers(form: CompiledForm, answers: Mapping[str, Any]) -> ValidationResult:
    kept, dropped = visible_answers(form, answers)
    found = _requirement_errors(form, kept) + _schema_errors(form, kept)
    unique = {(e.path, e.code): e for e in found}
    errors = tuple(unique[k] for k in sorted(unique))
    return ValidationResult(answers=kept, errors=errors, dropped=tuple(dropped))
