from __future__ import annotations

import pytest

from socialaid.forms import FormCompileError

from .builders import compile_items, item


def _error(*items: object, select: list[str]) -> FormCompileError:
    with pytest.raises(FormCompileError) as caught:
        compile_items(*items, select=select)  # type: ignore[arg-type]
    return caught.value


def test_an_unknown_item_is_a_typed_error_naming_it() -> None:
    error = _error(item("a"), select=["a", "nope"])
    assert error.codes == ("UNKNOWN_ITEM",)
    assert error.problems[0].items == ("nope",)


def test_an_empty_selection_is_an_error() -> None:
    assert _error(item("a"), select=[]).codes == ("EMPTY_SELECTION",)


def test_an_organised_item_cannot_be_applied_for() -> None:
    error = _error(item("outreach", mode="organised"), select=["outreach"])
    assert error.codes == ("ORGANISED_ITEM",)


def test_a_parent_with_sub_items_is_refused_and_the_error_names_the_sub_items() -> None:
    parent = item("education_aid")
    preschool = item("education_aid.preschool", parent="education_aid")
    college = item("education_aid.college", parent="education_aid")
    error = _error(parent, preschool, college, select=["education_aid"])
    assert error.codes == ("PARENT_ITEM_SELECTED",)
    assert error.problems[0].items == (
        "education_aid",
        "education_aid.college",
        "education_aid.preschool",
    )


def test_every_problem_of_the_selection_is_reported_at_once() -> None:
    error = _error(item("o", mode="organised"), select=["o", "x"])
    assert sorted(error.codes) == ["ORGANISED_ITEM", "UNKNOWN_ITEM"]


def test_an_auto_granted_item_may_be_selected() -> None:
    form = compile_items(item("medical", mode="auto_granted"))
    assert form.item_codes == ("medical",)


def _dependent(prerequisite: str) -> object:
    return item(
        "medical",
        requires_decision_of=[
            {"items": ["dibao"], "reason": "低保对象享受", "prerequisite": prerequisite}
        ],
    )


def test_a_prerequisite_marked_add_is_added_with_a_note() -> None:
    form = compile_items(_dependent("add"), item("dibao"), select=["medical"])  # type: ignore[arg-type]
    assert form.item_codes == ("dibao", "medical")
    assert form.items[0].added_for == ("medical",)
    assert [n.code for n in form.notes] == ["PREREQUISITE_ADDED"]
    assert form.notes[0].items == ("dibao", "medical")


def test_a_prerequisite_marked_warn_is_not_added_but_named_in_a_warning() -> None:
    form = compile_items(_dependent("warn"), item("dibao"), select=["medical"])  # type: ignore[arg-type]
    assert form.item_codes == ("medical",)
    assert [(n.code, n.items) for n in form.notes] == [
        ("PREREQUISITE_MISSING", ("medical", "dibao"))
    ]


def test_a_selected_prerequisite_gives_no_note() -> None:
    form = compile_items(_dependent("add"), item("dibao"))  # type: ignore[arg-type]
    assert form.notes == ()


def test_added_prerequisites_bring_their_own_prerequisites() -> None:
    chain = item("c", requires_decision_of=[{"items": ["b"], "reason": "r", "prerequisite": "add"}])
    middle = item(
        "b", requires_decision_of=[{"items": ["a"], "reason": "r", "prerequisite": "add"}]
    )
    form = compile_items(chain, middle, item("a"), select=["c"])
    assert form.item_codes == ("a", "b", "c")


def test_a_prerequisite_that_cannot_be_applied_for_becomes_a_warning() -> None:
    dependent = item(
        "b", requires_decision_of=[{"items": ["a"], "reason": "r", "prerequisite": "add"}]
    )
    form = compile_items(dependent, item("a", mode="organised"), select=["b"])
    assert form.item_codes == ("b",)
    assert [n.code for n in form.notes] == ["PREREQUISITE_MISSING"]


def test_items_that_exclude_each_other_are_an_error_naming_both() -> None:
    error = _error(item("a", excludes=["b"]), item("b"), select=["b", "a"])
    assert error.codes == ("ITEMS_EXCLUDE_EACH_OTHER",)
    assert error.problems[0].items == ("a", "b")


def test_an_added_prerequisite_is_checked_against_exclusions_too() -> None:
    dependent = item(
        "b", requires_decision_of=[{"items": ["a"], "reason": "r", "prerequisite": "add"}]
    )
    error = _error(dependent, item("a"), item("c", excludes=["a"]), select=["b", "c"])
    assert error.codes == ("ITEMS_EXCLUDE_EACH_OTHER",)
    assert error.problems[0].items == ("a", "c")
