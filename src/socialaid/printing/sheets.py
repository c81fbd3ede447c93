"""What a printed document says, before it is laid out: the filled application form and a
decision notice (告知书) as plain values. Pure: no database, no strawberry, no rendering.

The application form follows 附件2 of 004 (山西省“高效办成社会救助一件事”申请表): one block per
section in the order `forms.sections` keeps (申请人基本信息, 家庭情况 with the household table,
银行开户信息, 家庭财产状况, 赡养（抚养、扶养）义务人信息), then the materials (附件3, 材料清单) and the
signatures. Values are printed as the reader may see them (`answers` already disclosed).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from socialaid.clock import in_china_time
from socialaid.forms.compiled import CompiledForm, FormField, Section

BLANK = ""

MATERIAL_STATUS_LABELS: Mapping[str, str] = {
    "uploaded": "已提交",
    "upload_required": "待提交",
    "optional": "可选提交",
    "exempt": "免于提交",
    "deferred": "容缺后补",
    "personal_commitment": "个人承诺",
    "not_applicable": "不适用",
}

EXEMPTION_LABELS: Mapping[str, str] = {
    "shared_data": "数据共享",
    "electronic_licence": "电子证照",
    "personal_commitment": "个人承诺",
    "deferred": "容缺受理",
}

NOTICE_TITLES: Mapping[str, str] = {
    "approve": "准予救助告知书",
    "deny": "不予救助告知书",
    "reject": "不予受理告知书",
    "supplement": "补正材料告知书",
}

OUTCOME_LABELS: Mapping[str, str] = {"approved": "准予救助", "denied": "不予救助"}

CHANNEL_LABELS: Mapping[str, str] = {
    "online": "网上申请",
    "window": "窗口申请",
    "adviser": "代办申请",
}

_ROW = re.compile(r"^(?P<group>[a-z_.]+)\[(?P<index>\d+)\]$")


@dataclass(frozen=True)
class Cell:
    label: str
    value: str


@dataclass(frozen=True)
class Table:
    """A repeat group as printed: one row per member (or supporter, property …)."""

    label: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SheetSection:
    label: str
    cells: tuple[Cell, ...]
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class MaterialLine:
    number: int
    name: str
    person: str
    status: str


@dataclass(frozen=True)
class ApplicationSheet:
    tenant_name: str
    applicant_name: str
    items: tuple[str, ...]  # the items' names, as selected
    channel: str
    submitted_on: str
    document_number: str
    verification_code: str
    sections: tuple[SheetSection, ...]
    materials: tuple[MaterialLine, ...]
    personal_commitment: bool


@dataclass(frozen=True)
class NoticeSheet:
    tenant_name: str
    title: str
    applicant_name: str
    item: str
    department: str
    facts: tuple[Cell, ...]  # the decision in short: outcome, amount, period, date
    paragraphs: tuple[str, ...]
    closing: frozenset[str]  # the paragraphs set to the right: the issuer and the date
    template_label: str | None  # said when the text is the platform's default, not the tenant's
    document_number: str
    verification_code: str


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def shown_value(form_field: FormField, value: Any) -> str:
    """An answer as the form prints it: 是/否, the code's label, amounts with two decimals."""
    if value is None:
        return BLANK
    if isinstance(value, bool):
        return "是" if value else "否"
    labels = {option.code: option.label for option in form_field.options}
    if isinstance(value, list):
        return "、".join(labels.get(str(v), str(v)) for v in value)
    if form_field.type == "amount" and isinstance(value, int | float | Decimal | str):
        try:
            return f"{Decimal(str(value)):.2f}"
        except ArithmeticError:
            return str(value)
    return labels.get(str(value), str(value))


def _answer(answers: Mapping[str, Any], dotted: str) -> Any:
    here: Any = answers
    for part in dotted.split("."):
        if not isinstance(here, Mapping):
            return None
        here = here.get(part)
    return here


def _row_key(group: str, field_key: str) -> str:
    """`household.members[].name` → `name`: the key inside one row."""
    return field_key.removeprefix(group + "[].")


def _table(form: CompiledForm, group_key: str, answers: Mapping[str, Any]) -> Table:
    group = form.group(group_key)
    fields = form.row_fields(group_key)
    rows = _answer(answers, group_key)
    printed = tuple(
        tuple(shown_value(f, row.get(_row_key(group_key, f.key))) for f in fields)
        for row in (rows if isinstance(rows, list) else [])
        if isinstance(row, Mapping)
    )
    return Table(group.label, tuple(f.label for f in fields), printed)


def application_sections(
    form: CompiledForm, answers: Mapping[str, Any]
) -> tuple[SheetSection, ...]:
    """The form's sections with what was answered: a field left unanswered is left out (the
    merged form only asks what the selected items need), a repeat group is printed even empty."""
    sections = []
    for section in form.sections:
        cells = tuple(
            Cell(f.label, shown_value(f, _answer(answers, f.key)))
            for f in (form.field(key) for key in section.fields)
            if _answer(answers, f.key) is not None
        )
        tables = tuple(_table(form, key, answers) for key in section.groups)
        if cells or tables:
            sections.append(SheetSection(_section_label(form, section), cells, tables))
    return tuple(sections)


def _section_label(form: CompiledForm, section: Section) -> str:
    """The section's label; for a section 附件2 does not name (its label is its code, such as
    `legal_aid`), the names of the items that ask for its fields: 法律援助信息."""
    if not section.label.isascii():
        return section.label
    names = {item.code: item.name for item in form.items}
    asking = dict.fromkeys(
        names[p.item] for key in section.fields for p in form.field(key).purposes if p.item in names
    )
    return "、".join(asking) + "信息" if asking else "其他信息"


def person_named(subject_path: str | None, answers: Mapping[str, Any]) -> str:
    """Whose material it is, by name: `household.members[1]` → that member's name."""
    if subject_path is None:
        return BLANK
    if subject_path == "household":
        return "全体家庭成员"
    match = _ROW.match(subject_path)
    if match is None:
        found = _answer(answers, subject_path)
    else:
        rows = _answer(answers, match["group"])
        index = int(match["index"])
        found = rows[index] if isinstance(rows, list) and index < len(rows) else None
    name = found.get("name") if isinstance(found, Mapping) else None
    return str(name) if name else BLANK


def material_lines(
    form: CompiledForm, materials: Sequence[Mapping[str, Any]], answers: Mapping[str, Any]
) -> tuple[MaterialLine, ...]:
    """附件3's list for this application: each material for each person, and where it stands."""
    lines: list[MaterialLine] = []
    for material in materials:
        if material["status"] == "not_applicable":
            continue
        try:
            name = form.material(material["material"]).name
        except KeyError:
            name = material["evidence"]
        status = MATERIAL_STATUS_LABELS.get(material["status"], material["status"])
        via = material.get("exempt_via")
        if via:
            status += f"（{EXEMPTION_LABELS.get(via, via)}）"
        lines.append(
            MaterialLine(
                len(lines) + 1, name, person_named(material.get("subject_path"), answers), status
            )
        )
    return tuple(lines)


def notice_paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def closing_lines(paragraphs: Sequence[str], department: str) -> frozenset[str]:
    """The lines a notice signs off with (the department's name, the date): set to the right."""
    return frozenset(p for p in paragraphs if p == department or _DATE_LINE.match(p))


def decision_facts(decision: Mapping[str, Any] | None) -> tuple[Cell, ...]:
    """The decision in a few cells: outcome, amount, period, start, date (those present)."""
    if decision is None:
        return ()
    facts = [Cell("办理结果", OUTCOME_LABELS.get(decision["outcome"], decision["outcome"]))]
    if decision.get("amount") is not None:
        facts.append(Cell("救助金额", f"{Decimal(str(decision['amount'])):.2f}元"))
    if decision.get("period"):
        facts.append(Cell("救助期限", str(decision["period"])))
    elif decision.get("period_months"):
        facts.append(Cell("救助期限", f"{decision['period_months']}个月"))
    if decision.get("starts_on"):
        facts.append(Cell("起始日期", chinese_date(date.fromisoformat(str(decision["starts_on"])))))
    if decision.get("reasons"):
        facts.append(Cell("理由", "；".join(str(r) for r in decision["reasons"])))
    decided_at = decision.get("decided_at")
    if decided_at:
        moment = (
            decided_at if isinstance(decided_at, datetime) else datetime.fromisoformat(decided_at)
        )
        facts.append(Cell("决定日期", chinese_date(in_china_time(moment).date())))
    return tuple(facts)
