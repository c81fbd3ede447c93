"""Algebraic properties of the merge, over random small items drawn from the test vocabulary."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from socialaid.catalogue.conditions import evaluate
from socialaid.catalogue.files import ItemFile
from socialaid.forms import CompiledForm
from socialaid.forms.answers import evaluation_data, row_scope
from socialaid.forms.merge import Merger

from .builders import LIBRARY, compile_items, item, material, rows, use

CONDITIONS: list[dict[str, Any] | None] = [
    None,
    {"var": "situation.applying_outside_hukou"},
    {"var": "situation.has_disability"},
    {"!": {"var": "situation.has_disability"}},
    {">=": [{"var": "applicant.age"}, 60]},
    {"some": [{"var": "household.members"}, {"var": "disabled"}]},
]
ROW_CONDITIONS = [None, {"var": "household.members[].disabled"}]
TOP_KEYS = ["applicant.name", "applicant.phone", "applicant.age", "household.income_monthly"]
ROW_KEYS = ["household.members[].name", "household.members[].relation"]
EVIDENCE = ["id_proof", "hukou_booklet", "residence_permit", "disability_certificate"]

conditions = st.sampled_from(CONDITIONS)


@st.composite
def field_uses(draw: st.DrawFn) -> list[Any]:
    out = []
    for key in draw(st.lists(st.sampled_from(TOP_KEYS + ROW_KEYS), unique=True, max_size=5)):
        pool = CONDITIONS + ROW_CONDITIONS if "[]" in key else CONDITIONS
        extra: dict[str, Any] = {}
        if draw(st.booleans()):
            extra["required"] = True
        elif (when := draw(st.sampled_from(pool))) is not None:
            extra["required_when"] = when
        if (visible := draw(st.sampled_from(pool))) is not None:
            extra["visible_when"] = visible
        if key == "applicant.age" and draw(st.booleans()):
            extra["constraints"] = {"maximum": draw(st.integers(60, 150))}
        out.append(use(key, **extra))
    return out


@st.composite
def material_uses(draw: st.DrawFn) -> list[Any]:
    out = []
    for code in draw(st.lists(st.sampled_from(EVIDENCE), unique=True, max_size=3)):
        extra: dict[str, Any] = {"necessity": draw(st.sampled_from(["required", "optional"]))}
        if (when := draw(conditions)) is not None:
            extra["required_when"] = when
        if code == "disability_certificate" and draw(st.booleans()):
            extra["subject"] = "household_member"
            extra["subject_when"] = {"var": "disabled"}
        if draw(st.booleans()):
            extra["allows"] = [draw(st.sampled_from(["deferred", "personal_commitment"]))]
        out.append(material(code, **extra))
    return out


@st.composite
def items(draw: st.DrawFn, code: str) -> ItemFile:
    groups = []
    if draw(st.booleans()):
        groups.append(
            rows(
                "household.members",
                min_items=draw(st.sampled_from([None, 0, 1])),
                max_items=draw(st.sampled_from([None, 10, 20])),
                visible_when=draw(conditions),
            )
        )
    return item(
        code, fields=draw(field_uses()), materials=draw(material_uses()), repeat_groups=groups
    )


catalogues = st.integers(min_value=1, max_value=5).flatmap(
    lambda n: st.tuples(*[items(f"item_{i}") for i in range(n)])
)

answers = st.fixed_dictionaries(
    {
        "situation": st.fixed_dictionaries(
            {"applying_outside_hukou": st.booleans(), "has_disability": st.booleans()}
        ),
        "applicant": st.fixed_dictionaries({"age": st.integers(0, 100)}),
        "household": st.fixed_dictionaries(
            {"members": st.lists(st.fixed_dictionaries({"disabled": st.booleans()}), max_size=3)}
        ),
    }
)


def _required(form: CompiledForm, key: str, data: dict[str, Any]) -> bool:
    field = form.field(key)
    if field.group is None:
        return evaluate(field.required_when, data)
    members = data["household"]["members"]
    return any(evaluate(field.required_when, row_scope(data, field.group, r)) for r in members)


@settings(max_examples=60, deadline=None)
@given(catalogue=catalogues, order=st.randoms(use_true_random=False))
def test_the_merge_does_not_depend_on_selection_order(
    catalogue: tuple[ItemFile, ...], order: Any
) -> None:
    codes = [i.code for i in catalogue]
    shuffled = list(codes)
    order.shuffle(shuffled)
    one = compile_items(*catalogue, select=codes)
    other = compile_items(*reversed(catalogue), select=shuffled)
    assert one.content_hash == other.content_hash
    assert one.fields == other.fields
    assert one.materials == other.materials


@settings(max_examples=60, deadline=None)
@given(catalogue=catalogues)
def test_merging_an_item_twice_changes_nothing(catalogue: tuple[ItemFile, ...]) -> None:
    codes = [i.code for i in catalogue]
    assert (
        compile_items(*catalogue, select=codes + codes[:1]).content_hash
        == compile_items(*catalogue, select=codes).content_hash
    )
    once, twice = Merger(LIBRARY), Merger(LIBRARY)
    for each in catalogue:
        once.add(each)
        twice.add(each)
        twice.add(each)
    for merger in (once, twice):
        merger.add_condition_fields()
    fields_once, fields_twice = once.build_fields(), twice.build_fields()
    assert fields_once == fields_twice
    assert once.build_groups(fields_once) == twice.build_groups(fields_twice)
    assert once.build_materials() == twice.build_materials()


@settings(max_examples=80, deadline=None)
@given(catalogue=catalogues, extra=items("item_extra"), data=answers)
def test_adding_an_item_never_makes_a_required_field_optional_or_drops_a_material(
    catalogue: tuple[ItemFile, ...], extra: ItemFile, data: dict[str, Any]
) -> None:
    before = compile_items(*catalogue)
    after = compile_items(*catalogue, extra)
    scope = evaluation_data(data, {})
    for field in before.fields:
        assert after.has_field(field.key)
        if _required(before, field.key, scope):
            assert _required(after, field.key, scope), field.key
    for group in before.groups:
        assert after.group(group.key).min_items >= group.min_items
    after_materials = {m.id: m for m in after.materials}
    for material_before in before.materials:
        merged = after_materials[material_before.id]
        if evaluate(material_before.required_when, scope):
            assert evaluate(merged.required_when, scope), material_before.id
        if evaluate(material_before.applies_when, scope):
            assert evaluate(merged.applies_when, scope), material_before.id
