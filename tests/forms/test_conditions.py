from __future__ import annotations

import pytest

from socialaid.catalogue.conditions import all_of, analyse, any_of, evaluate


def test_variables_are_the_keys_a_condition_reads_in_order_once() -> None:
    logic = {
        "and": [
            {"var": "situation.has_disability"},
            {"<": [{"var": ["household.income_monthly", 0]}, {"var": "params.dibao_standard"}]},
            {"var": "situation.has_disability"},
        ]
    }
    analysis = analyse(logic)
    assert analysis.keys == (
        "situation.has_disability",
        "household.income_monthly",
        "params.dibao_standard",
    )
    assert [v.is_parameter for v in analysis.variables] == [False, False, True, False]
    assert analysis.problems == ()


def test_vars_inside_some_are_relative_to_a_row_of_the_named_group() -> None:
    logic = {"some": [{"var": "household.members"}, {"==": [{"var": "relation"}, "spouse"]}]}
    assert analyse(logic).keys == ("household.members", "household.members[].relation")


def test_subject_when_vars_are_relative_to_the_subject_row() -> None:
    analysis = analyse({"!!": {"var": "disabled"}}, row="household.members")
    assert analysis.keys == ("household.members[].disabled",)


def test_parameters_stay_absolute_inside_a_row() -> None:
    analysis = analyse({">": [{"var": "params.age_limit"}, 1]}, row="supporters")
    assert analysis.keys == ("params.age_limit",)


@pytest.mark.parametrize(
    ("logic", "code"),
    [
        ({"cat": ["a", "b"]}, "OPERATOR_NOT_ALLOWED"),
        ({"and": [{"var": "x"}, {"log": 1}]}, "OPERATOR_NOT_ALLOWED"),
        ({"merge": [[1], [2]]}, "OPERATOR_NOT_ALLOWED"),
        ({"var": {"var": "x"}}, "DYNAMIC_VARIABLE"),
        ({"a": 1, "b": 2}, "NOT_AN_EXPRESSION"),
        ({"some": [[1, 2], {"var": ""}]}, "ROW_SOURCE"),
    ],
)
def test_conditions_outside_the_allowed_subset_are_reported(logic: object, code: str) -> None:
    assert [p.code for p in analyse(logic).problems] == [code]


def test_every_operator_of_the_documented_subset_is_accepted() -> None:
    logic = {
        "if": [
            {"and": [{"!": {"var": "a"}}, {"!!": {"var": "b"}}, {"in": ["x", ["x"]]}]},
            {"or": [{"==": [1, 1]}, {"!=": [1, 2]}, {"<=": [1, 2]}, {">=": [2, 1]}, {">": [2, 1]}]},
            {
                "all": [
                    {"var": "g"},
                    {"none": [{"var": "h"}, {"<": [{"+": [1, {"-": [2, 1]}]}, 9]}]},
                ]
            },
        ]
    }
    logic["if"].append({"==": [{"*": [{"/": [4, 2]}, {"min": [1, 2]}]}, {"max": [1, 2]}]})
    assert analyse(logic).problems == ()


def test_evaluate_reads_nested_answers_and_treats_no_condition_as_true() -> None:
    answers = {"situation": {"applying_outside_hukou": True}, "params": {"limit": 3}}
    assert evaluate({"var": "situation.applying_outside_hukou"}, answers)
    assert not evaluate({"var": "situation.missing"}, answers)
    assert evaluate({"<": [2, {"var": "params.limit"}]}, answers)
    assert evaluate(None, {}) and evaluate(True, {}) and not evaluate(False, {})


def test_evaluate_refuses_operators_outside_the_subset_even_at_run_time() -> None:
    with pytest.raises(ReferenceError):
        evaluate({"cat": ["a", "b"]}, {})


def test_any_of_folds_constants_flattens_and_drops_duplicates() -> None:
    a, b = {"var": "a"}, {"var": "b"}
    assert any_of([a, True]) is True
    assert any_of([False, None]) is False
    assert any_of([a, False]) == a
    assert any_of([{"or": [a, b]}, b, a]) == any_of([b, a]) == {"or": [a, b]}


def test_all_of_treats_none_as_true_and_false_as_absorbing() -> None:
    a, b = {"var": "a"}, {"var": "b"}
    assert all_of([None, a]) == a
    assert all_of([a, False]) is False
    assert all_of([True, True]) is True
    assert all_of([b, {"and": [a, b]}]) == {"and": [a, b]}


def test_a_row_fields_condition_reads_undotted_names_from_its_own_row() -> None:
    logic = {"and": [{"var": "education_aid_student"}, {"var": "situation.has_disability"}]}
    analysis = analyse(logic, within="household.members")
    assert analysis.keys == (
        "household.members[].education_aid_student",
        "situation.has_disability",
    )
