"""What a catalogue change does to one selection's form: added, removed and changed entries."""

from __future__ import annotations

from typing import Any

from socialaid.catalogue.files import ItemFile
from socialaid.forms.difference import form_difference
from tests.forms.builders import compile_items, item, material, rows, use


def living(**changes: Any) -> ItemFile:
    """One item; keyword arguments replace its fields, materials or repeat groups."""
    base: dict[str, Any] = {
        "fields": [use("applicant.name", required=True), use("applicant.phone")],
        "materials": [material("id_proof", necessity="required")],
        "repeat_groups": [rows("household.members")],
    }
    return item("living", **{**base, **changes})


def test_the_same_item_twice_makes_no_difference() -> None:
    difference = form_difference(compile_items(living()), compile_items(living()))
    assert difference.empty


def test_added_and_removed_fields_and_materials_are_named() -> None:
    before = compile_items(living())
    after = compile_items(
        living(
            fields=[use("applicant.name", required=True), use("applicant.age")],
            materials=[material("hukou_booklet", necessity="required")],
        )
    )

    difference = form_difference(before, after)

    assert difference.fields_added == ("applicant.age",)
    assert difference.fields_removed == ("applicant.phone",)
    assert [m.split(".")[0] for m in difference.materials_added] == ["hukou_booklet"]
    assert [m.split(".")[0] for m in difference.materials_removed] == ["id_proof"]


def test_a_field_made_required_and_a_group_given_a_minimum_count_as_changed() -> None:
    before = compile_items(living())
    after = compile_items(
        living(
            fields=[use("applicant.name", required=True), use("applicant.phone", required=True)],
            repeat_groups=[rows("household.members", min_items=1)],
        )
    )

    difference = form_difference(before, after)

    assert set(difference.fields_changed) == {"applicant.phone", "household.members"}
    assert difference.fields_added == () and difference.fields_removed == ()
