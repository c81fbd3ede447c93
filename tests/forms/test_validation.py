from __future__ import annotations

from typing import Any

from socialaid.forms import CompiledForm, validate_answers

from .builders import compile_items, item, rows, use

OUTSIDE = {"var": "situation.applying_outside_hukou"}
VALID_ID = "11010519491231002X"
VALID_CARD = "6222021234567890128"  # Luhn-valid


def _form() -> CompiledForm:
    return compile_items(
        item(
            "a",
            fields=[
                use("applicant.name", required=True),
                use("applicant.id_number", required=True),
                use("applicant.phone"),
                use("applicant.birth_date"),
                use("applicant.marital_status"),
                use("applicant.age", visible_when=OUTSIDE, required=True),
                use("household.income_monthly"),
                use("bank.account_number"),
                use("household.members[].name", required=True),
                use(
                    "household.members[].relation",
                    required_when={"var": "situation.has_disability"},
                ),
            ],
            repeat_groups=[rows("household.members", max_items=2)],
        )
    )


def _errors(answers: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e.path, e.code) for e in validate_answers(_form(), answers).errors]


BASE = {
    "applicant": {"name": "张三", "id_number": VALID_ID},
    "situation": {"applying_outside_hukou": False, "has_disability": False},
}


def _with(**sections: dict[str, Any]) -> dict[str, Any]:
    answers = {k: dict(v) for k, v in BASE.items()}
    for name, values in sections.items():
        answers.setdefault(name, {}).update(values)
    return answers


def test_complete_answers_pass() -> None:
    result = validate_answers(_form(), BASE)
    assert result.ok, result.errors
    assert result.dropped == ()


def test_missing_required_fields_are_reported_by_dotted_path() -> None:
    assert _errors({"situation": {"applying_outside_hukou": False, "has_disability": False}}) == [
        ("applicant.id_number", "REQUIRED"),
        ("applicant.name", "REQUIRED"),
    ]


def test_an_empty_string_is_no_answer_but_false_is() -> None:
    answers = _with(applicant={"name": ""})
    assert _errors(answers) == [("applicant.name", "REQUIRED")]
    assert _errors(_with()) == []


def test_a_steering_question_left_unanswered_is_required() -> None:
    answers = {"applicant": {"name": "张三", "id_number": VALID_ID}}
    assert _errors(answers) == [
        ("situation.applying_outside_hukou", "REQUIRED"),
        ("situation.has_disability", "REQUIRED"),
    ]


def test_a_conditionally_visible_field_is_required_only_when_shown() -> None:
    assert _errors(_with()) == []
    assert _errors(_with(situation={"applying_outside_hukou": True})) == [
        ("applicant.age", "REQUIRED")
    ]


def test_hidden_values_are_dropped_before_validation() -> None:
    answers = _with(applicant={"age": -5})  # hidden: not applying outside the hukou place
    result = validate_answers(_form(), answers)
    assert result.ok
    assert result.dropped == ("applicant.age",)
    assert "age" not in result.answers["applicant"]


def test_values_that_are_not_in_the_form_are_dropped() -> None:
    result = validate_answers(_form(), _with(applicant={"shoe_size": 42}, pets={"cat": "咪咪"}))
    assert result.ok
    assert set(result.dropped) == {"applicant.shoe_size", "pets.cat"}


def test_the_format_of_each_element_type_has_its_own_code() -> None:
    answers = _with(
        applicant={
            "id_number": "110105194912310021",
            "phone": "12345",
            "birth_date": "2025-02-30",
            "marital_status": "widowed",
        },
        household={"income_monthly": -1},
        bank={"account_number": "6222021234567890123"},
    )
    assert _errors(answers) == [
        ("applicant.birth_date", "INVALID_DATE"),
        ("applicant.id_number", "INVALID_ID_NUMBER"),
        ("applicant.marital_status", "NOT_IN_CODE_LIST"),
        ("applicant.phone", "INVALID_PHONE"),
        ("bank.account_number", "INVALID_BANK_ACCOUNT"),
        ("household.income_monthly", "NEGATIVE_AMOUNT"),
    ]


def test_valid_values_of_each_type_pass() -> None:
    answers = _with(
        applicant={"phone": "13812345678", "birth_date": "1990-01-31", "marital_status": "single"},
        household={"income_monthly": 1234.5},
        bank={"account_number": VALID_CARD},
    )
    assert _errors(answers) == []


def test_amounts_with_fractions_of_a_fen_are_refused() -> None:
    assert _errors(_with(household={"income_monthly": 10.001})) == [
        ("household.income_monthly", "INVALID_AMOUNT")
    ]


def test_a_base_constraint_violation_is_a_constraint_error() -> None:
    answers = _with(situation={"applying_outside_hukou": True}, applicant={"age": 151})
    assert _errors(answers) == [("applicant.age", "CONSTRAINT")]


def test_rows_are_checked_one_by_one_with_their_index_in_the_path() -> None:
    answers = _with(
        situation={"has_disability": True},
        household={"members": [{"name": "李四", "relation": "spouse"}, {"relation": "cousin"}]},
    )
    assert _errors(answers) == [
        ("household.members[1].name", "REQUIRED"),
        ("household.members[1].relation", "NOT_IN_CODE_LIST"),
    ]


def test_a_row_field_required_by_a_condition_is_checked_per_row() -> None:
    answers = _with(situation={"has_disability": True}, household={"members": [{"name": "李四"}]})
    assert _errors(answers) == [("household.members[0].relation", "REQUIRED")]


def test_too_many_rows() -> None:
    members = [{"name": n} for n in ("甲", "乙", "丙")]
    assert _errors(_with(household={"members": members})) == [
        ("household.members", "TOO_MANY_ROWS")
    ]


def test_a_row_value_hidden_by_its_own_row_is_dropped() -> None:
    form = compile_items(
        item(
            "a",
            fields=[
                use("household.members[].name"),
                use(
                    "household.members[].relation",
                    visible_when={"var": "household.members[].disabled"},
                ),
            ],
        )
    )
    answers = {
        "household": {
            "members": [
                {"name": "甲", "disabled": True, "relation": "spouse"},
                {"name": "乙", "disabled": False, "relation": "child"},
            ]
        }
    }
    result = validate_answers(form, answers)
    assert result.dropped == ("household.members[1].relation",)
    assert result.answers["household"]["members"][0]["relation"] == "spouse"


def test_hiding_cascades_to_fields_whose_visibility_reads_a_hidden_answer() -> None:
    form = compile_items(
        item(
            "a",
            fields=[
                use("situation.has_disability", visible_when=OUTSIDE),
                use("situation.disability_alone", visible_when={"var": "situation.has_disability"}),
            ],
        )
    )
    answers = {
        "situation": {
            "applying_outside_hukou": False,
            "has_disability": True,
            "disability_alone": True,
        }
    }
    result = validate_answers(form, answers)
    assert result.answers == {"situation": {"applying_outside_hukou": False}}
    assert set(result.dropped) == {"situation.has_disability", "situation.disability_alone"}


def test_a_row_fields_condition_may_name_keys_of_its_row_without_the_group_prefix() -> None:
    form = compile_items(
        item(
            "a",
            fields=[
                use("household.members[].disabled", required=True),
                use(
                    "household.members[].relation",
                    visible_when={"var": "disabled"},
                    required_when={"var": "disabled"},
                ),
            ],
        )
    )
    answers = {
        "household": {
            "members": [{"disabled": True}, {"disabled": False, "relation": "child"}],
        }
    }
    result = validate_answers(form, answers)
    assert [(e.path, e.code) for e in result.errors] == [
        ("household.members[0].relation", "REQUIRED")
    ]
    assert result.dropped == ("household.members[1].relation",)
