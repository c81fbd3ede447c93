"""Per application: which material must be uploaded, which is exempt (两个免于提交), which waits.

Two steps so the decision stays pure: `collect_confirmations` asks the evidence sources (shared
data registry, electronic licence service; built elsewhere on the EvidenceSource protocol) about
the subjects that could be exempt; `material_statuses` decides from the form, the answers and
those confirmations, without I/O.

Subjects: the applicant and `household` materials are keyed by the applicant's ID number (the
family's authorisation is filed under the applicant); `household_member` / `supporter`
materials by each matching row's ID number.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from socialaid.catalogue.conditions import evaluate
from socialaid.catalogue.files import SUBJECT_GROUPS, Exemption, Subject
from socialaid.forms.answers import evaluation_data, get_path
from socialaid.forms.compiled import CompiledForm, FormMaterial
from socialaid.forms.validation import visible_answers

CONFIRMABLE = frozenset({Exemption.SHARED_DATA, Exemption.ELECTRONIC_LICENCE})
ELECTABLE = frozenset({Exemption.DEFERRED, Exemption.PERSONAL_COMMITMENT})


@dataclass(frozen=True)
class Confirmation:
    """A source's word that it holds the evidence for a person, so no upload is needed."""

    evidence: str
    subject_id_number: str
    via: Exemption  # shared_data or electronic_licence
    issuer: str  # who holds the record, e.g. public_security
    reference: str | None = None  # the source's record or licence id, kept with the application


class EvidenceSource(Protocol):
    async def confirms(self, evidence_code: str, subject_id_number: str) -> Confirmation | None:
        """The confirmation that this source holds the evidence, or None."""
        ...


class MaterialState(StrEnum):
    UPLOAD_REQUIRED = "upload_required"
    OPTIONAL = "optional"  # applies, but no selected item requires it
    EXEMPT = "exempt"
    DEFERRED = "deferred"  # 容缺受理: accepted now, material later
    PERSONAL_COMMITMENT = "personal_commitment"  # 个人承诺 instead of the material
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class MaterialStatus:
    material: str  # FormMaterial.id
    evidence: str
    subject: str
    subject_path: str | None  # applicant, household, household.members[2]; None if nobody
    subject_id_number: str | None
    state: MaterialState
    reason: str
    required_by: tuple[str, ...]
    confirmation: Confirmation | None = None


@dataclass(frozen=True)
class _Instance:
    path: str
    id_number: str | None


def _id(value: Any) -> str | None:
    return value.strip().upper() if isinstance(value, str) and value.strip() else None


def _instances(
    material: FormMaterial, answers: Mapping[str, Any], parameters: Mapping[str, Any]
) -> list[_Instance]:
    subject = Subject(material.subject)
    applicant_id = _id(get_path(answers, ["applicant", "id_number"]))
    if subject is Subject.APPLICANT:
        return [_Instance("applicant", applicant_id)]
    if subject is Subject.HOUSEHOLD:
        return [_Instance("household", applicant_id)]
    group = SUBJECT_GROUPS[subject]
    rows = get_path(answers, group.split("."))
    if not isinstance(rows, list):
        return []
    return [
        _Instance(f"{group}[{index}]", _id(row.get("id_number")))
        for index, row in enumerate(rows)
        if isinstance(row, Mapping)
        and evaluate(material.subject_when, evaluation_data(row, parameters))
    ]


def _applicable(
    form: CompiledForm, answers: Mapping[str, Any]
) -> list[tuple[FormMaterial, bool, list[_Instance]]]:
    """Each material with whether it is required and the subjects it applies to (none: n/a)."""
    data = evaluation_data(answers, form.parameters)
    out: list[tuple[FormMaterial, bool, list[_Instance]]] = []
    for material in form.materials:
        if not evaluate(material.applies_when, data):
            out.append((material, False, []))
            continue
        out.append(
            (
                material,
                evaluate(material.required_when, data),
                _instances(material, answers, form.parameters),
            )
        )
    return out


async def collect_confirmations(
    form: CompiledForm,
    answers: Mapping[str, Any],
    sources: Sequence[EvidenceSource],
    *,
    visible: Mapping[str, Any] | None = None,
) -> dict[tuple[str, str], Confirmation]:
    """Ask the sources, concurrently, about every applicable subject a source could exempt.

    Sources are asked in order for one (evidence, person); the first confirmation wins.
    `visible`: `visible_answers` of `answers`, when the caller has computed them already.
    """
    kept = visible if visible is not None else visible_answers(form, answers)[0]
    wanted: dict[tuple[str, str], None] = {}
    for material, _, instances in _applicable(form, kept):
        if not any(route.via in CONFIRMABLE for route in material.exempt_via):
            continue
        for instance in instances:
            if instance.id_number is not None:
                wanted[(material.evidence, instance.id_number)] = None

    async def first(evidence: str, id_number: str) -> Confirmation | None:
        for source in sources:
            confirmation = await source.confirms(evidence, id_number)
            if confirmation is not None:
                return confirmation
        return None

    keys = list(wanted)
    found = await asyncio.gather(*(first(*key) for key in keys))
    return {key: c for key, c in zip(keys, found, strict=True) if c is not None}


def material_statuses(
    form: CompiledForm,
    answers: Mapping[str, Any],
    confirmations: Mapping[tuple[str, str], Confirmation],
    *,
    requests: Mapping[str, Exemption] | None = None,
    visible: Mapping[str, Any] | None = None,
) -> list[MaterialStatus]:
    """Each material's state per subject; `requests` are the applicant's (or clerk's) choice of
    deferral or personal commitment by material id, honoured only where an item allows it.
    `visible`: `visible_answers` of `answers`, when the caller has computed them already."""
    kept = visible if visible is not None else visible_answers(form, answers)[0]
    chosen = requests or {}
    out: list[MaterialStatus] = []
    for material, required, instances in _applicable(form, kept):
        if not instances:
            out.append(
                _status(
                    material,
                    None,
                    MaterialState.NOT_APPLICABLE,
                    "没有符合条件的对象"
                    if evaluate(material.applies_when, _data(form, kept))
                    else "所选事项在本次申请情形下不需要此材料",
                )
            )
            continue
        routes = {route.via: route for route in material.exempt_via}
        for instance in instances:
            confirmation = (
                confirmations.get((material.evidence, instance.id_number))
                if instance.id_number is not None
                else None
            )
            if confirmation is not None and confirmation.via in routes:
                why = (
                    f"共享数据（{confirmation.issuer}）"
                    if confirmation.via is Exemption.SHARED_DATA
                    else f"电子证照（{confirmation.issuer}）"
                )
                out.append(_status(material, instance, MaterialState.EXEMPT, why, confirmation))
            elif not required:
                out.append(_status(material, instance, MaterialState.OPTIONAL, "可选材料"))
            elif chosen.get(material.id) in ELECTABLE and chosen[material.id] in routes:
                via = chosen[material.id]
                allowed = "、".join(routes[via].allowed_by)
                if via is Exemption.DEFERRED:
                    state, why = MaterialState.DEFERRED, f"容缺受理（{allowed} 允许），须后补"
                else:
                    state, why = MaterialState.PERSONAL_COMMITMENT, f"个人承诺（{allowed} 允许）"
                out.append(_status(material, instance, state, why))
            else:
                out.append(_status(material, instance, MaterialState.UPLOAD_REQUIRED, "需上传"))
    return out


def _data(form: CompiledForm, kept: Mapping[str, Any]) -> dict[str, Any]:
    return evaluation_data(kept, form.parameters)


def _status(
    material: FormMaterial,
    instance: _Instance | None,
    state: MaterialState,
    reason: str,
    confirmation: Confirmation | None = None,
) -> MaterialStatus:
    return MaterialStatus(
        material=material.id,
        evidence=material.evidence,
        subject=material.subject,
        subject_path=None if instance is None else instance.path,
        subject_id_number=None if instance is None else instance.id_number,
        state=state,
        reason=reason,
        required_by=material.required_by,
        confirmation=confirmation,
    )
