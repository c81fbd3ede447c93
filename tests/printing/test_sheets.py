"""What the printed form says for an answer, a material's person and a notice's closing lines;
the expectations are the seed form's wording, written out here."""

from __future__ import annotations

from socialaid.catalogue.conditions import Condition
from socialaid.forms.compiled import CodeOption, FormField
from socialaid.printing.sheets import (
    closing_lines,
    decision_facts,
    person_named,
    shown_value,
)


def field_of(kind: str, options: tuple[CodeOption, ...] = ()) -> FormField:
    always: Condition = True
    return FormField(
        key="applicant.x",
        label="x",
        type=kind,
        section="applicant",
        group=None,
        code_list=None,
        options=options,
        sensitivity="none",
        hint=None,
        visible_when=always,
        required_when=always,
        base_constraints={},
        item_constraints=(),
        visible_by=(),
        required_by=(),
        purposes=(),
    )


RELATIONS = (CodeOption("spouse", "配偶"), CodeOption("son", "儿子"))


def test_answers_print_as_the_form_reads_them() -> None:
    assert shown_value(field_of("boolean"), True) == "是"
    assert shown_value(field_of("boolean"), False) == "否"
    assert shown_value(field_of("code", RELATIONS), "spouse") == "配偶"
    assert shown_value(field_of("codes", RELATIONS), ["son", "spouse"]) == "儿子、配偶"
    assert shown_value(field_of("amount"), 300) == "300.00"
    assert shown_value(field_of("amount"), "1510.5") == "1510.50"
    assert shown_value(field_of("string"), None) == ""
    assert shown_value(field_of("code", RELATIONS), "unknown_code") == "unknown_code"


ANSWERS = {
    "applicant": {"name": "张秀英"},
    "household": {"members": [{"name": "李建国"}, {"name": "李小华"}]},
}


def test_a_material_names_its_person_from_the_answers() -> None:
    assert person_named("applicant", ANSWERS) == "张秀英"
    assert person_named("household.members[1]", ANSWERS) == "李小华"
    assert person_named("household", ANSWERS) == "全体家庭成员"
    assert person_named("household.members[5]", ANSWERS) == ""
    assert person_named(None, ANSWERS) == ""


def test_the_issuer_and_the_date_close_a_notice() -> None:
    paragraphs = ["张秀英：", "您申请的……决定准予救助。", "山西省民政厅", "2026年12月2日"]

    assert closing_lines(paragraphs, "山西省民政厅") == {"山西省民政厅", "2026年12月2日"}


def test_a_decision_in_short_says_outcome_amount_period_and_china_date() -> None:
    decision = {
        "outcome": "approved",
        "amount": "1510",
        "period_months": 12,
        "starts_on": "2027-01-01",
        # 20:30 UTC on 1 December is already 2 December in China.
        "decided_at": "2026-12-01T20:30:00+00:00",
    }

    assert [(c.label, c.value) for c in decision_facts(decision)] == [
        ("办理结果", "准予救助"),
        ("救助金额", "1510.00元"),
        ("救助期限", "12个月"),
        ("起始日期", "2027年1月1日"),
        ("决定日期", "2026年12月2日"),
    ]
