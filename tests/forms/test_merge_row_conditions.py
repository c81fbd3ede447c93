"""Conditions inside repeat groups: a row field's condition reads its own row, and whatever a
condition reads inside a group makes that group part of the form, asked for by every item reading it."""

from __future__ import annotations

from .builders import compile_items, item, rows, use

DISABLED_ROW = {"var": "disabled"}  # undotted inside a row field's condition: the same row


def test_a_row_fields_visibility_reads_the_same_rows_fields_by_their_short_name() -> None:
    form = compile_items(
        item("a", fields=[use("household.members[].id_number", visible_when=DISABLED_ROW)])
    )
    assert form.field("household.members[].disabled").asked_for == ("a",)
    assert form.group("household.members").fields == (
        "household.members[].id_number",
        "household.members[].disabled",
    )
    assert [n.code for n in form.notes] == []


def test_a_row_fields_requirement_reads_the_same_rows_fields_by_their_short_name() -> None:
    form = compile_items(
        item("a", fields=[use("household.members[].id_number", required_when=DISABLED_ROW)])
    )
    assert form.field("household.members[].disabled").asked_for == ("a",)
    assert [n.code for n in form.notes] == []


def test_a_group_read_by_several_items_conditions_is_asked_for_by_each() -> None:
    spouse = {"some": [{"var": "household.members"}, {"==": [{"var": "relation"}, "spouse"]}]}
    disabled = {"some": [{"var": "household.members"}, {"var": "disabled"}]}
    form = compile_items(
        item("a", fields=[use("applicant.name", required_when=spouse)]),
        item("b", fields=[use("applicant.phone", required_when=disabled)]),
    )
    assert form.group("household.members").asked_for == ("a", "b")
    assert form.field("household.members[].relation").asked_for == ("a",)
    assert form.field("household.members[].disabled").asked_for == ("b",)


def test_a_condition_reading_a_whole_group_makes_the_group_part_of_the_form() -> None:
    has_supporters = {"!!": [{"var": "supporters"}]}
    form = compile_items(item("a", fields=[use("applicant.name", required_when=has_supporters)]))
    assert form.has_group("supporters")
    assert form.group("supporters").asked_for == ("a",)
    assert form.group("supporters").visible_when is True
    assert [n.code for n in form.notes] == []


def test_a_condition_reading_an_unknown_key_gives_a_note_naming_the_items() -> None:
    ghost = {"var": "situation.ghost"}
    form = compile_items(
        item("b", fields=[use("applicant.name", visible_when=ghost)]),
        item("a", fields=[use("applicant.phone", required_when=ghost)]),
    )
    assert [(n.code, n.message, n.items) for n in form.notes] == [
        (
            "UNKNOWN_CONDITION_KEY",
            "a condition reads 'situation.ghost', which is not a field",
            ("a", "b"),
        )
    ]
    assert not form.has_field("situation.ghost")


def test_a_row_field_used_without_its_group_is_as_visible_as_its_own_condition() -> None:
    outside = {"var": "situation.applying_outside_hukou"}
    form = compile_items(item("a", fields=[use("household.members[].name", visible_when=outside)]))
    assert form.field("household.members[].name").visible_when == outside
    assert form.group("household.members").visible_when is True


def test_each_items_purpose_for_a_group_is_kept() -> None:
    form = compile_items(
        item("b", repeat_groups=[rows("household.members", purpose="核对家庭人口")]),
        item("a", repeat_groups=[rows("household.members", purpose="计算人均收入")]),
    )
    assert [(p.item, p.purpose) for p in form.group("household.members").purposes] == [
        ("a", "计算人均收入"),
        ("b", "核对家庭人口"),
    ]
