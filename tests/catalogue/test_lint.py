"""The catalogue lint on hand-built items (catalogue/lint.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from socialaid.catalogue.lint import LintError, lint_catalogue
from tests.forms.builders import LIBRARY, item, material, rows, use
from tests.forms.test_purity import FORBIDDEN


def _lint(*items: object, parameters: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    errors = lint_catalogue(LIBRARY, items, parameters=parameters)  # type: ignore[arg-type]
    return [(e.item, e.path, e.code) for e in errors]


def test_a_clean_catalogue_has_no_errors() -> None:
    assert _lint(item("a", fields=[use("applicant.name")]), item("b")) == []


def test_a_field_key_not_in_the_library() -> None:
    assert _lint(item("a", fields=[use("applicant.name"), use("applicant.shoe_size")])) == [
        ("a", "fields[1].key", "UNKNOWN_ELEMENT")
    ]


def test_an_item_using_one_key_twice_redefines_the_field() -> None:
    assert _lint(
        item("a", fields=[use("applicant.name"), use("applicant.name", required=True)])
    ) == [("a", "fields[1].key", "FIELD_REDEFINED")]


def test_an_item_using_a_repeat_group_twice_or_an_unknown_one() -> None:
    found = _lint(
        item(
            "a", repeat_groups=[rows("household.members"), rows("household.members"), rows("pets")]
        )
    )
    assert found == [
        ("a", "repeat_groups[1].key", "GROUP_REDEFINED"),
        ("a", "repeat_groups[2].key", "UNKNOWN_REPEAT_GROUP"),
    ]


def test_an_item_constraint_that_contradicts_the_base_constraint() -> None:
    # applicant.age is 0..150 in the library
    assert _lint(item("a", fields=[use("applicant.age", constraints={"minimum": 200})])) == [
        ("a", "fields[0].constraints", "EMPTY_CONSTRAINTS")
    ]


def test_constraints_of_two_items_that_cannot_both_hold_are_reported_for_the_pair() -> None:
    errors = lint_catalogue(
        LIBRARY,
        [
            item("a", fields=[use("applicant.age", constraints={"maximum": 10})]),
            item(
                "b",
                fields=[use("applicant.name"), use("applicant.age", constraints={"minimum": 20})],
            ),
        ],
    )
    assert errors == [
        LintError(
            "b",
            "fields[1].constraints",
            "EMPTY_CONSTRAINTS",
            "applicant.age: together with a, lower bound 20 is above upper bound 10",
            related=("a",),
        )
    ]


def test_touching_bounds_are_fine_unless_one_is_exclusive() -> None:
    touching = [
        item("a", fields=[use("applicant.age", constraints={"maximum": 10})]),
        item("b", fields=[use("applicant.age", constraints={"minimum": 10})]),
    ]
    assert _lint(*touching) == []
    exclusive = [
        item("a", fields=[use("applicant.age", constraints={"exclusiveMaximum": 10})]),
        item("b", fields=[use("applicant.age", constraints={"minimum": 10})]),
    ]
    assert [code for *_, code in _lint(*exclusive)] == ["EMPTY_CONSTRAINTS"]


def test_lengths_and_enums_are_intersected_too() -> None:
    lengths = _lint(
        item("a", fields=[use("applicant.name", constraints={"maxLength": 4})]),
        item("b", fields=[use("applicant.name", constraints={"minLength": 5})]),
    )
    assert lengths == [("b", "fields[0].constraints", "EMPTY_CONSTRAINTS")]
    # marital's code list is single/married; an item narrowing to a value outside it is empty
    enums = _lint(
        item("a", fields=[use("applicant.marital_status", constraints={"enum": ["widowed"]})])
    )
    assert enums == [("a", "fields[0].constraints", "EMPTY_CONSTRAINTS")]
    two_items = _lint(
        item("a", fields=[use("applicant.marital_status", constraints={"enum": ["single"]})]),
        item("b", fields=[use("applicant.marital_status", constraints={"const": "married"})]),
    )
    assert two_items == [("b", "fields[0].constraints", "EMPTY_CONSTRAINTS")]


def test_items_that_exclude_each_other_may_disagree_on_constraints() -> None:
    assert (
        _lint(
            item("a", excludes=["b"], fields=[use("applicant.age", constraints={"maximum": 10})]),
            item("b", fields=[use("applicant.age", constraints={"minimum": 20})]),
        )
        == []
    )


def test_row_counts_that_cannot_both_hold() -> None:
    found = _lint(
        item("a", repeat_groups=[rows("household.members", min_items=5)]),
        item("b", repeat_groups=[rows("household.members", max_items=3)]),
        item("c", repeat_groups=[rows("household.members", min_items=30)]),  # library max is 20
    )
    assert found == [
        ("c", "repeat_groups[0]", "EMPTY_ROW_RANGE"),
        ("b", "repeat_groups[0]", "EMPTY_ROW_RANGE"),
    ]


def test_a_condition_naming_an_unknown_key() -> None:
    found = _lint(
        item(
            "a",
            fields=[
                use("applicant.name", visible_when={"var": "situation.applying_outside_hukou"}),
                use("applicant.age", visible_when={"var": "situation.unheard_of"}),
            ],
        )
    )
    assert found == [("a", "fields[1].visible_when", "UNKNOWN_CONDITION_KEY")]


def test_conditions_may_name_repeat_groups_row_keys_and_declared_parameters() -> None:
    spouse = {"some": [{"var": "household.members"}, {"==": [{"var": "relation"}, "spouse"]}]}
    under = {"<": [{"var": "household.income_monthly"}, {"var": "params.dibao_standard"}]}
    local = {"<": [{"var": "applicant.age"}, {"var": "params.age_limit"}]}
    items = [
        item(
            "a",
            fields=[
                use("applicant.name", required_when=spouse),
                use("applicant.age", visible_when=under),
            ],
            materials=[material("id_proof", required_when=local)],
            parameters=[
                {"key": "age_limit", "label": "年龄", "source": {"document": "t", "section": "t"}}
            ],
        )
    ]
    assert _lint(*items, parameters=("dibao_standard",)) == []
    assert _lint(*items) == [("a", "fields[1].visible_when", "UNKNOWN_PARAMETER")]


def test_a_subject_when_names_keys_of_the_subjects_row() -> None:
    good = material(
        "disability_certificate", subject="household_member", subject_when={"var": "disabled"}
    )
    bad = material(
        "disability_certificate", subject="household_member", subject_when={"var": "height"}
    )
    assert _lint(item("a", materials=[good])) == []
    assert _lint(item("a", materials=[bad])) == [
        ("a", "materials[0].subject_when", "UNKNOWN_CONDITION_KEY")
    ]


def test_an_operator_outside_the_allowed_subset() -> None:
    found = _lint(
        item(
            "a",
            fields=[
                use("applicant.name", required_when={"substr": [{"var": "applicant.name"}, 0, 1]})
            ],
            eligibility={"cat": ["a"]},
        )
    )
    assert found == [
        ("a", "fields[0].required_when", "OPERATOR_NOT_ALLOWED"),
        ("a", "eligibility", "OPERATOR_NOT_ALLOWED"),
    ]


def _needs(code: str, *others: str) -> object:
    return item(code, requires_decision_of=[{"items": list(others), "reason": "r"}])


def test_a_dependency_cycle_is_reported_once_with_its_members() -> None:
    errors = lint_catalogue(
        LIBRARY, [_needs("a", "b"), _needs("b", "c"), _needs("c", "a"), _needs("d", "a")]
    )  # type: ignore[list-item]
    assert [(e.item, e.path, e.code, e.related) for e in errors] == [
        ("a", "requires_decision_of[0].items[0]", "DEPENDENCY_CYCLE", ("b", "c"))
    ]


def test_an_item_depending_on_itself_is_a_cycle() -> None:
    assert _lint(_needs("a", "a")) == [
        ("a", "requires_decision_of[0].items[0]", "DEPENDENCY_CYCLE")
    ]


def test_requires_and_excludes_naming_unknown_items() -> None:
    found = _lint(_needs("a", "ghost"), item("b", excludes=["phantom"]), item("c", parent="nobody"))
    assert found == [
        ("a", "requires_decision_of[0].items[0]", "UNKNOWN_ITEM"),
        ("b", "excludes[0]", "UNKNOWN_ITEM"),
        ("c", "parent", "UNKNOWN_ITEM"),
    ]


def test_a_material_whose_evidence_type_is_not_in_the_library() -> None:
    assert _lint(item("a", materials=[material("id_proof"), material("birth_certificate")])) == [
        ("a", "materials[1].evidence", "UNKNOWN_EVIDENCE")
    ]


def test_a_row_fields_condition_may_name_its_rows_keys_undotted() -> None:
    good = use("household.members[].relation", visible_when={"var": "disabled"})
    bad = use("household.members[].relation", visible_when={"var": "height"})
    assert _lint(item("a", fields=[good])) == []
    assert _lint(item("a", fields=[bad])) == [
        ("a", "fields[0].visible_when", "UNKNOWN_CONDITION_KEY")
    ]


def test_the_lint_imports_with_database_and_graphql_packages_blocked() -> None:
    script = textwrap.dedent(
        f"""
        import sys, importlib.abc

        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if any(name == f or name.startswith(f + ".") for f in {FORBIDDEN!r}):
                    raise ImportError("blocked: " + name)
                return None

        sys.meta_path.insert(0, Block())
        import socialaid.catalogue.lint
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_department_and_target_group_references_and_a_redefined_item() -> None:
    errors = lint_catalogue(
        LIBRARY,
        [
            item("a", department="nobody", target_groups=["ghosts"]),
            item("b", requires_decision_of=[{"items": ["a"], "reason": "r", "approved_as": ["x"]}]),
        ],
        departments={"civil_affairs"},
        redefined={"b"},
    )
    assert [(e.item, e.path, e.code) for e in errors] == [
        ("a", "department", "UNKNOWN_DEPARTMENT"),
        ("a", "target_groups[0]", "UNKNOWN_TARGET_GROUP"),
        ("b", "code", "REDEFINES_INHERITED"),
        ("b", "requires_decision_of[0].approved_as[0]", "UNKNOWN_TARGET_GROUP"),
    ]
