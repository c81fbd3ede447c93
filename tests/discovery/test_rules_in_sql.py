"""A discovery rule gives the same residents whether the job evaluates it in SQL (rule_sql.py)
or the reference engine does (catalogue/conditions.py): each case below has its answer written
out by hand from JSONLogic's definition, and both evaluators must give it."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from socialaid.catalogue.conditions import evaluate
from socialaid.db.database import Database
from socialaid.discovery.rule_sql import UntranslatableRuleError, compile_predicate


def var(name: str, default: Any = None) -> dict[str, Any]:
    return {"var": name if default is None else [name, default]}


BILL = var("large_medical_bills.amount")
LINE = var("params.line")
SEVERE = var("disability.severe")
GRADE = var("disability.grade")
EMPLOYED = var("employment.employed")
AGE = var("age.years")
NOTE = var("health.note")
AFFECTED = var("disaster.affected")


def bill(amount: Any) -> dict[str, Any]:
    return {"large_medical_bills": {"amount": amount}}


def disability(**facts: Any) -> dict[str, Any]:
    return {"disability": facts}


def note(value: Any) -> dict[str, Any]:
    return {"health": {"note": value}}


# (what the case shows, rule, tags, parameter values, the answer JSONLogic defines)
CASES: list[tuple[str, Any, dict[str, Any], dict[str, Any], bool]] = [
    ("at the line", {">=": [BILL, LINE]}, bill(30000), {"line": 30000}, True),
    ("below the line", {">=": [BILL, LINE]}, bill(29999.5), {"line": 30000}, False),
    ("missing fact is null, null is 0", {">=": [BILL, LINE]}, {}, {"line": 0}, True),
    ("missing fact below a positive line", {">=": [BILL, LINE]}, {}, {"line": 1}, False),
    ("numeric text compares as a number", {">": [BILL, 100]}, bill("250"), {}, True),
    ("text that is no number compares false", {"<": [BILL, 100]}, bill("abc"), {}, False),
    ("text against text by characters", {"<": [NOTE, "9"]}, note("10"), {}, True),
    ("text against text, not less", {">": [NOTE, "b"]}, note("a"), {}, False),
    ("between, inside", {"<": [18, AGE, 60]}, {"age": {"years": 30}}, {}, True),
    ("between, at the open end", {"<": [18, AGE, 60]}, {"age": {"years": 60}}, {}, False),
    ("between inclusive at the end", {"<=": [18, AGE, 60]}, {"age": {"years": 60}}, {}, True),
    ("boolean equals boolean", {"==": [SEVERE, True]}, disability(severe=True), {}, True),
    ("boolean unequal", {"==": [SEVERE, True]}, disability(severe=False), {}, False),
    ("numeric text equals the number", {"==": [GRADE, 1]}, disability(grade="1"), {}, True),
    ("true equals 1", {"==": [SEVERE, 1]}, disability(severe=True), {}, True),
    ("missing equals 0", {"==": [GRADE, 0]}, {}, {}, True),
    ("missing equals null", {"==": [GRADE, None]}, {}, {}, True),
    ("missing is not the empty text", {"==": [NOTE, ""]}, {}, {}, False),
    ("text equals text", {"==": [NOTE, "病"]}, note("病"), {}, True),
    ("text unequal to other text", {"!=": [NOTE, "病"]}, note("伤"), {}, True),
    ("not equal to a number it differs from", {"!=": [GRADE, 2]}, disability(grade=3), {}, True),
    (
        "and of two kinds",
        {"and": [SEVERE, {"!": EMPLOYED}]},
        {"disability": {"severe": True}, "employment": {"employed": False}},
        {},
        True,
    ),
    (
        "and fails on the second",
        {"and": [SEVERE, {"!": EMPLOYED}]},
        {"disability": {"severe": True}, "employment": {"employed": True}},
        {},
        False,
    ),
    (
        "or reaches a true operand",
        {"or": [GRADE, AFFECTED]},
        {"disaster": {"affected": True}},
        {},
        True,
    ),
    ("empty text is false", {"!!": [NOTE]}, note(""), {}, False),
    ("the text 0 is true", {"!!": [NOTE]}, note("0"), {}, True),
    ("the number 0 is false", {"!!": [GRADE]}, disability(grade=0), {}, False),
    ("not of a missing fact", {"!": [GRADE]}, {}, {}, True),
    ("a bare var is its truthiness", SEVERE, disability(severe=True), {}, True),
    ("in a list", {"in": [GRADE, [1, 2]]}, disability(grade=2), {}, True),
    ("not in a list", {"in": [GRADE, [1, 2]]}, disability(grade=3), {}, False),
    ("text in a list", {"in": [NOTE, ["病", "伤"]]}, note("伤"), {}, True),
    ("substring of a fact", {"in": ["透析", NOTE]}, note("长期透析治疗"), {}, True),
    ("no substring", {"in": ["化疗", NOTE]}, note("长期透析治疗"), {}, False),
    ("in a missing fact", {"in": ["透析", NOTE]}, {}, {}, False),
    (
        "if: condition true takes the then branch",
        {"if": [SEVERE, {">": [GRADE, 2]}, False]},
        disability(severe=True, grade=3),
        {},
        True,
    ),
    (
        "if: condition false takes the else branch",
        {"if": [SEVERE, False, {">": [GRADE, 2]}]},
        disability(severe=False, grade=1),
        {},
        False,
    ),
    (
        "if without else and a false condition",
        {"if": [SEVERE, True]},
        disability(severe=False),
        {},
        False,
    ),
    (
        "and returns the operand: the value compared",
        {"==": [{"and": [SEVERE, GRADE]}, 4]},
        disability(severe=True, grade=4),
        {},
        True,
    ),
    ("var default for a missing fact", {"var": ["disaster.affected", True]}, {}, {}, True),
    (
        "some over a fact (never a list)",
        {"some": [AFFECTED, True]},
        {"disaster": {"affected": True}},
        {},
        False,
    ),
    ("all over a fact", {"all": [AFFECTED, True]}, {"disaster": {"affected": True}}, {}, False),
    ("none over a fact", {"none": [AFFECTED, True]}, {"disaster": {"affected": True}}, {}, True),
]


def in_python(rule: Any, tags: dict[str, Any], values: dict[str, Any]) -> bool:
    return evaluate(rule, {**tags, "params": values})


async def in_sql(db: Database, rule: Any, tags: dict[str, Any], values: dict[str, Any]) -> bool:
    import json

    predicate = compile_predicate(rule, values, doc="r.doc", prefix="p")
    async with db.owner_session() as session:
        answer = await session.scalar(
            text(f"SELECT {predicate.sql} FROM (SELECT CAST(:doc AS jsonb) AS doc) r"),
            {"doc": json.dumps(tags, ensure_ascii=False), **predicate.params},
        )
    assert isinstance(answer, bool)
    return answer


@pytest.mark.parametrize(
    ("rule", "tags", "values", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_reference_engine_gives_the_written_answer(
    rule: Any, tags: dict[str, Any], values: dict[str, Any], expected: bool
) -> None:
    assert in_python(rule, tags, values) is expected


async def test_the_sql_predicate_gives_the_written_answer_for_every_case(db: Database) -> None:
    # One database for all cases: each is a SELECT, nothing is written.
    wrong = [
        name
        for name, rule, tags, values, expected in CASES
        if await in_sql(db, rule, tags, values) is not expected
    ]
    assert wrong == []


def test_arithmetic_is_left_to_the_reference_engine() -> None:
    with pytest.raises(UntranslatableRuleError):
        compile_predicate({">": [{"+": [BILL, 1]}, 2]}, {}, doc="r.doc", prefix="p")


def test_values_are_bound_never_written_into_the_statement() -> None:
    predicate = compile_predicate(
        {"==": [NOTE, "'); DROP TABLE lead; --"]}, {}, doc="r.doc", prefix="p"
    )
    assert "DROP" not in predicate.sql
    assert "'); DROP TABLE lead; --" in {str(v).strip('"') for v in predicate.params.values()}
