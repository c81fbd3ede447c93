"""Merged repeat groups: in the library's order, with its label, and unknown or impossible ones
reported with every item that asks for them."""

from __future__ import annotations

import pytest

from socialaid.catalogue.files import RepeatGroup
from socialaid.forms import FormCompileError

from .builders import SOURCE, compile_items, element, item, library, rows, use


def labelled(key: str, label: str, min_items: int = 0, max_items: int | None = None) -> RepeatGroup:
    return RepeatGroup.model_validate(
        {
            "key": key,
            "label": label,
            "min_items": min_items,
            "max_items": max_items,
            "source": SOURCE,
        }
    )


# The library lists supporters before household members: the alphabet would not.
SUPPORTERS_FIRST = library(
    elements=[element("household.members[].name"), element("supporters[].name")],
    groups=[
        labelled("supporters", "赡养人"),
        labelled("household.members", "家庭成员", max_items=20),
    ],
)


def test_groups_come_in_the_librarys_order_with_its_labels() -> None:
    form = compile_items(
        item("a", repeat_groups=[rows("household.members")]),
        item("b", repeat_groups=[rows("supporters")]),
        library=SUPPORTERS_FIRST,
    )
    assert [(g.key, g.label) for g in form.groups] == [
        ("supporters", "赡养人"),
        ("household.members", "家庭成员"),
    ]


def test_every_unknown_group_is_reported_with_the_items_asking_for_it() -> None:
    with pytest.raises(FormCompileError) as refused:
        compile_items(
            item("b", repeat_groups=[rows("assets.vehicles"), rows("household.members")]),
            item("a", repeat_groups=[rows("assets.vehicles"), rows("assets.boats")]),
        )
    assert [(p.code, p.message, p.items) for p in refused.value.problems] == [
        ("UNKNOWN_REPEAT_GROUP", "unknown repeat group 'assets.vehicles'", ("a", "b")),
        ("UNKNOWN_REPEAT_GROUP", "unknown repeat group 'assets.boats'", ("a",)),
    ]


def test_rows_no_count_can_satisfy_are_reported_with_every_item_asking_for_rows() -> None:
    with pytest.raises(FormCompileError) as refused:
        compile_items(
            item("b", repeat_groups=[rows("household.members", min_items=5)]),
            item("a", repeat_groups=[rows("household.members", max_items=3)]),
            item("c", fields=[use("applicant.name")]),
        )
    assert [(p.code, p.message, p.items) for p in refused.value.problems] == [
        (
            "EMPTY_ROW_RANGE",
            "household.members: the selected items ask for at least 5 and at most 3 rows",
            ("a", "b"),
        )
    ]
