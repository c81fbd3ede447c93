"""Tiny hand-built libraries and items for the form tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from socialaid.catalogue.files import (
    CodeList,
    DataElement,
    EvidenceType,
    FieldUse,
    ItemFile,
    MaterialUse,
    RepeatGroup,
    RepeatGroupUse,
)
from socialaid.catalogue.library import Library
from socialaid.forms import CompiledForm, compile_form

SOURCE = {"document": "test", "section": "t"}
AS_OF = date(2025, 6, 1)


def element(key: str, type: str = "string", **extra: Any) -> DataElement:
    return DataElement.model_validate(
        {"key": key, "label": extra.pop("label", key), "type": type, "source": SOURCE, **extra}
    )


def group(key: str, min_items: int = 0, max_items: int | None = None) -> RepeatGroup:
    return RepeatGroup.model_validate(
        {"key": key, "label": key, "min_items": min_items, "max_items": max_items, "source": SOURCE}
    )


def evidence(code: str, **flags: Any) -> EvidenceType:
    values = {"government_issued": False, "electronic_licence": False, **flags}
    return EvidenceType.model_validate({"code": code, "name": code, "source": SOURCE, **values})


def code_list(code: str, *values: str) -> CodeList:
    return CodeList.model_validate(
        {
            "code": code,
            "name": code,
            "values": [{"code": v, "label": v} for v in values],
            "source": SOURCE,
        }
    )


def library(
    elements: list[DataElement] = (),  # type: ignore[assignment]
    groups: list[RepeatGroup] = (),  # type: ignore[assignment]
    evidence_types: list[EvidenceType] = (),  # type: ignore[assignment]
    code_lists: list[CodeList] = (),  # type: ignore[assignment]
) -> Library:
    return Library(
        code_lists={c.code: c for c in code_lists},
        repeat_groups={g.key: g for g in groups},
        data_elements={e.key: e for e in elements},
        evidence_types={e.code: e for e in evidence_types},
    )


def use(key: str, **extra: Any) -> FieldUse:
    return FieldUse.model_validate({"key": key, "purpose": extra.pop("purpose", "p"), **extra})


def rows(key: str, **extra: Any) -> RepeatGroupUse:
    return RepeatGroupUse.model_validate(
        {"key": key, "purpose": extra.pop("purpose", "p"), **extra}
    )


def material(evidence_code: str, **extra: Any) -> MaterialUse:
    return MaterialUse.model_validate(
        {"evidence": evidence_code, "purpose": extra.pop("purpose", "p"), **extra}
    )


def item(
    code: str,
    *,
    fields: list[FieldUse] = (),  # type: ignore[assignment]
    materials: list[MaterialUse] = (),  # type: ignore[assignment]
    repeat_groups: list[RepeatGroupUse] = (),  # type: ignore[assignment]
    **extra: Any,
) -> ItemFile:
    return ItemFile.model_validate(
        {
            "code": code,
            "name": extra.pop("name", code),
            "department": extra.pop("department", "civil_affairs"),
            "effective_from": date(2020, 1, 1),
            "source": SOURCE,
            "fields": [f.model_dump() for f in fields],
            "materials": [m.model_dump() for m in materials],
            "repeat_groups": [r.model_dump() for r in repeat_groups],
            **extra,
        }
    )


def catalogue(*items: ItemFile) -> dict[str, ItemFile]:
    return {i.code: i for i in items}


# A small vocabulary in 附件2's spirit, used by most tests.
LIBRARY = library(
    elements=[
        element("applicant.name", label="姓名"),
        element("applicant.id_number", "id_number", label="身份证号"),
        element("applicant.phone", "phone", label="联系电话"),
        element("applicant.age", "integer", constraints={"minimum": 0, "maximum": 150}),
        element("applicant.birth_date", "date"),
        element("applicant.marital_status", "code", code_list="marital"),
        element("household.income_monthly", "amount"),
        element("household.members[].name"),
        element("household.members[].id_number", "id_number"),
        element("household.members[].relation", "code", code_list="relation"),
        element("household.members[].disabled", "boolean"),
        element("bank.account_number", "bank_account"),
        element("supporters[].name"),
        element("situation.applying_outside_hukou", "boolean", label="是否在非户籍地申办"),
        element("situation.has_disability", "boolean", label="是否有残疾"),
        element("situation.disability_alone", "boolean", label="残疾人单独申请"),
    ],
    groups=[group("household.members", max_items=20), group("supporters")],
    evidence_types=[
        evidence(
            "id_proof",
            government_issued=True,
            electronic_licence=True,
            shared_data=True,
            issuer="public_security",
        ),
        evidence(
            "hukou_booklet", government_issued=True, shared_data=True, issuer="public_security"
        ),
        evidence("residence_permit", government_issued=True, issuer="public_security"),
        evidence("economic_check_authorisation", government_issued=False),
        evidence("disability_certificate", government_issued=True, electronic_licence=True),
    ],
    code_lists=[
        code_list("marital", "single", "married"),
        code_list("relation", "spouse", "child"),
    ],
)


def compile_items(*items: ItemFile, select: list[str] | None = None, **kw: Any) -> CompiledForm:
    """Compile `items` (all selected unless `select` says otherwise) against LIBRARY."""
    lib = kw.pop("library", LIBRARY)
    chosen = select if select is not None else [i.code for i in items]
    return compile_form(lib, catalogue(*items), chosen, tenant="990000", as_of=AS_OF, **kw)
