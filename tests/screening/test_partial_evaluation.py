"""Partial evaluation over answers not all given: decided as soon as the known terms settle the
rule, otherwise waiting on exactly the keys that still matter."""

from __future__ import annotations

from typing import Any

from socialaid.screening.partial import Known, Unknown, partially_evaluate

DIBAO = {
    "and": [
        {"var": "applicant.shanghai_hukou"},
        {"<": [{"var": "household.per_capita_monthly_income"}, {"var": "params.dibao_standard"}]},
    ]
}
HUKOU = {"applicant": {"shanghai_hukou": True}}


def run(rule: Any, answers: dict[str, Any], params: dict[str, Any] | None = None) -> Any:
    return partially_evaluate(rule, answers, params or {})


def test_a_false_term_decides_a_conjunction_whatever_is_missing() -> None:
    assert run(DIBAO, {"applicant": {"shanghai_hukou": False}}) == Known(False)


def test_a_conjunction_waits_on_the_answer_and_the_parameter_it_still_reads() -> None:
    result = run(DIBAO, HUKOU)
    assert isinstance(result, Unknown)
    assert result.answers == {"household.per_capita_monthly_income"}
    assert result.parameters == {"dibao_standard"}


def test_known_answers_and_parameter_give_the_engines_value() -> None:
    answers = {**HUKOU, "household": {"per_capita_monthly_income": 800}}
    assert run(DIBAO, answers, {"dibao_standard": 1510}) == Known(True)
    answers = {**HUKOU, "household": {"per_capita_monthly_income": 1600}}
    assert run(DIBAO, answers, {"dibao_standard": 1510}) == Known(False)


def test_a_true_term_decides_a_disjunction() -> None:
    rule = {"or": [{"var": "a"}, {"var": "b"}]}
    assert run(rule, {"b": True}) == Known(True)
    assert run(rule, {"b": False}) == Unknown(frozenset({"a"}))


def test_rows_wait_on_the_row_key_unanswered_and_stop_at_a_deciding_row() -> None:
    rule = {"some": [{"var": "household.members"}, {"==": [{"var": "relation"}, "child"]}]}
    rows = [{"relation": "spouse"}, {}]
    assert run(rule, {"household": {"members": rows}}) == Unknown(
        frozenset({"household.members[].relation"})
    )
    rows = [{}, {"relation": "child"}]
    assert run(rule, {"household": {"members": rows}}) == Known(True)
    assert run(rule, {"household": {"members": []}}) == Known(False)


def test_a_var_with_a_default_is_never_missing() -> None:
    assert run({"var": ["a", 3]}, {}) == Known(3)


def test_an_if_waits_on_its_condition_and_the_branches() -> None:
    rule = {"if": [{"var": "c"}, {"var": "x"}, 0]}
    assert run(rule, {"c": False}) == Known(0)
    assert run(rule, {"c": True, "x": 5}) == Known(5)
    assert run(rule, {}) == Unknown(frozenset({"c", "x"}))
