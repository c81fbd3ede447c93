"""Algebraic properties of the merge, over random small items drawn from the test vocabulary."""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialaid.catalogue.conditions import evaluate
from socialaid.catalogue.files import Exemption, ItemFile, MaterialUse
from socialaid.forms import CompiledForm
from socialaid.forms.answers import evaluation_data, row_scope
from socialaid.forms.errors import FormCompileError
from socialaid.forms.merge import Merger
from socialaid.forms.validation import validate_answers

from .builders import (
    LIBRARY,
    code_list,
    compile_items,
    element,
    item,
    library,
    material,
    rows,
    use,
)

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


# ---------------------------------------------------------------- the strictest rule wins
#
# Each expectation below is worked out from the items themselves (every item's own conditions
# evaluated one by one, the tightest bound, the intersection of the allowed values), never by
# asking merge.py.

MEMBERS = "household.members"
WIDE_TOP_KEYS = [*TOP_KEYS, "situation.has_disability", "situation.disability_alone"]
WIDE_ROW_KEYS = [*ROW_KEYS, "household.members[].disabled"]
BOOLEAN_KEYS = {
    "situation.applying_outside_hukou",
    "situation.has_disability",
    "situation.disability_alone",
    "household.members[].disabled",
}
# What each condition of the vocabulary reads, written out by hand.
READS: list[tuple[dict[str, Any], set[str]]] = [
    ({"var": "situation.applying_outside_hukou"}, {"situation.applying_outside_hukou"}),
    ({"var": "situation.has_disability"}, {"situation.has_disability"}),
    ({"!": {"var": "situation.has_disability"}}, {"situation.has_disability"}),
    ({">=": [{"var": "applicant.age"}, 60]}, {"applicant.age"}),
    (
        {"some": [{"var": "household.members"}, {"var": "disabled"}]},
        {MEMBERS, "household.members[].disabled"},
    ),
    ({"var": "household.members[].disabled"}, {"household.members[].disabled"}),
    ({"var": "disabled"}, {"household.members[].disabled"}),  # a subject_when: one member's row
]


def reads(condition: dict[str, Any] | None) -> set[str]:
    if condition is None:
        return set()
    return next(keys for known, keys in READS if known == condition)


def asked(catalogue: tuple[ItemFile, ...]) -> set[str]:
    """Every key some condition of some item reads."""
    out: set[str] = set()
    for each in catalogue:
        for field_use in each.fields:
            out |= reads(field_use.visible_when) | reads(field_use.required_when)
        for group_use in each.repeat_groups:
            out |= reads(group_use.visible_when)
        for material_use in each.materials:
            out |= reads(material_use.required_when) | reads(material_use.subject_when)
    return out


def holds(condition: dict[str, Any] | None, scope: dict[str, Any]) -> bool:
    return condition is None or evaluate(condition, scope)


@st.composite
def wide_items(draw: st.DrawFn, code: str) -> ItemFile:
    groups = [rows(MEMBERS, visible_when=draw(conditions))] if draw(st.booleans()) else []
    uses = []
    for key in draw(
        st.lists(st.sampled_from(WIDE_TOP_KEYS + WIDE_ROW_KEYS), unique=True, max_size=5)
    ):
        pool = CONDITIONS + ROW_CONDITIONS if "[]" in key else CONDITIONS
        extra: dict[str, Any] = {}
        need = draw(st.sampled_from(["optional", "required", "required_when"]))
        if need == "required":
            extra["required"] = True
        elif need == "required_when" and (when := draw(st.sampled_from(pool))) is not None:
            extra["required_when"] = when
        if (visible := draw(st.sampled_from(pool))) is not None:
            extra["visible_when"] = visible
        uses.append(use(key, **extra))
    return item(code, fields=uses, materials=draw(material_uses()), repeat_groups=groups)


wide_catalogues = st.integers(min_value=1, max_value=4).flatmap(
    lambda n: st.tuples(*[wide_items(f"item_{i}") for i in range(n)])
)


def expected_field(
    catalogue: tuple[ItemFile, ...], key: str, scope: dict[str, Any]
) -> tuple[bool, bool]:
    """(visible, required) of `key` in `scope` (a row's scope for a row field): shown when some
    item shows it, required when some item that shows it requires it; a key only conditions read
    is always shown; a yes/no question steering the form is required whenever shown."""
    shown: list[bool] = []
    needed: list[bool] = []
    for each in catalogue:
        group_shown = True
        if key.startswith(f"{MEMBERS}[]."):
            declared = [g for g in each.repeat_groups if g.key == MEMBERS]
            group_shown = not declared or holds(declared[0].visible_when, scope)
        for field_use in each.fields:
            if field_use.key != key:
                continue
            visible = group_shown and holds(field_use.visible_when, scope)
            requirement = field_use.required or (
                field_use.required_when is not None and holds(field_use.required_when, scope)
            )
            shown.append(visible)
            needed.append(visible and requirement)
    visible = any(shown) if shown else True
    required = any(needed)
    if key in BOOLEAN_KEYS and key in asked(catalogue):
        required = required or visible
    return visible, required


@settings(max_examples=150, deadline=None)
@given(catalogue=wide_catalogues, data=answers)
def test_visible_and_required_are_the_or_of_each_items_own_visible_and_required(
    catalogue: tuple[ItemFile, ...], data: dict[str, Any]
) -> None:
    form = compile_items(*catalogue)
    scope = evaluation_data(data, {})
    used = {field_use.key for each in catalogue for field_use in each.fields}
    assert {f.key for f in form.fields} == used | (asked(catalogue) - {MEMBERS})
    for field in form.fields:
        if field.group is None:
            scopes = [scope]
        else:
            scopes = [row_scope(scope, field.group, row) for row in data["household"]["members"]]
        for each in scopes:
            visible = evaluate(field.visible_when, each)
            required = evaluate(field.required_when, each)
            assert visible or not required, f"{field.key} required while hidden"
            assert (visible, required) == expected_field(catalogue, field.key, each), field.key

    touching = [
        each
        for each in catalogue
        if any(g.key == MEMBERS for g in each.repeat_groups)
        or any(f.key.startswith(f"{MEMBERS}[].") for f in each.fields)
    ]
    has_group = bool(touching) or any(k.startswith(MEMBERS) for k in asked(catalogue))
    assert form.has_group(MEMBERS) == has_group
    if touching:
        shown = any(
            all(holds(g.visible_when, scope) for g in each.repeat_groups if g.key == MEMBERS)
            for each in touching
        )
        assert evaluate(form.group(MEMBERS).visible_when, scope) == shown
    elif has_group:
        assert form.group(MEMBERS).visible_when is True


# Field constraints: a value passes the merged form exactly when it passes the tightest bounds.

MARITAL = ["single", "married", "divorced", "widowed"]
PATTERNS = ["^[a-c]+$", "a", "^b", "c$", "^[^d]*$"]
CONSTRAINED_LIBRARY = library(
    elements=[
        element("applicant.name", constraints={"maxLength": 12}, sensitivity="personal"),
        element(
            "applicant.age",
            "integer",
            constraints={"minimum": 0, "maximum": 150},
            sensitivity="public",
        ),
        element("applicant.marital_status", "code", code_list="marital", sensitivity="personal"),
        element("household.income_monthly", "amount", sensitivity="sensitive"),
    ],
    code_lists=[code_list("marital", *MARITAL)],
)
bounds = st.integers(-10, 160)
CONSTRAINT_STRATEGIES: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "applicant.age": st.fixed_dictionaries(
        {},
        optional={
            "minimum": bounds,
            "maximum": bounds,
            "exclusiveMinimum": bounds,
            "exclusiveMaximum": bounds,
            "multipleOf": st.sampled_from([1, 2, 3, 5]),
        },
    ),
    "household.income_monthly": st.fixed_dictionaries(
        {}, optional={"minimum": st.integers(0, 5000), "maximum": st.integers(0, 5000)}
    ),
    "applicant.name": st.fixed_dictionaries(
        {},
        optional={
            "minLength": st.integers(0, 6),
            "maxLength": st.integers(0, 14),
            "pattern": st.sampled_from(PATTERNS),
        },
    ),
    "applicant.marital_status": st.fixed_dictionaries(
        {}, optional={"enum": st.lists(st.sampled_from(MARITAL), min_size=1, unique=True)}
    ),
}
constrained_values = st.fixed_dictionaries(
    {
        "applicant.age": st.integers(-20, 200),
        "household.income_monthly": st.integers(-10, 6000),
        "applicant.name": st.text("abcd", min_size=1, max_size=14),
        "applicant.marital_status": st.sampled_from([*MARITAL, "unknown"]),
    }
)


@st.composite
def constrained_items(draw: st.DrawFn, code: str) -> ItemFile:
    keys = draw(st.lists(st.sampled_from(sorted(CONSTRAINT_STRATEGIES)), unique=True))
    return item(
        code, fields=[use(key, constraints=draw(CONSTRAINT_STRATEGIES[key])) for key in keys]
    )


constrained_catalogues = st.integers(min_value=1, max_value=4).flatmap(
    lambda n: st.tuples(*[constrained_items(f"item_{i}") for i in range(n)])
)


def allowed(catalogue: tuple[ItemFile, ...], key: str, value: Any) -> bool:
    """Whether `value` meets the intersection of the library's and every item's constraints."""
    sets = [dict(CONSTRAINED_LIBRARY.data_elements[key].constraints)] + [
        dict(u.constraints) for each in catalogue for u in each.fields if u.key == key
    ]

    def every(keyword: str) -> list[Any]:
        return [c[keyword] for c in sets if keyword in c]

    if key == "applicant.marital_status":
        permitted = set(MARITAL)  # the code list
        for values in every("enum"):
            permitted &= set(values)
        return value in permitted
    if key == "applicant.name":
        shortest = max(every("minLength"), default=0)
        longest = min(every("maxLength"), default=None)
        return (
            len(value) >= shortest
            and (longest is None or len(value) <= longest)
            and all(re.search(pattern, value) for pattern in every("pattern"))
        )
    floor = max(every("minimum") + ([0] if key == "household.income_monthly" else []), default=None)
    above = max(every("exclusiveMinimum"), default=None)
    ceiling = min(every("maximum"), default=None)
    below = min(every("exclusiveMaximum"), default=None)
    step = math.lcm(*every("multipleOf")) if every("multipleOf") else 1
    return bool(
        (floor is None or value >= floor)
        and (above is None or value > above)
        and (ceiling is None or value <= ceiling)
        and (below is None or value < below)
        and value % step == 0
    )


@settings(max_examples=150, deadline=None)
@given(catalogue=constrained_catalogues, values=constrained_values)
def test_a_value_passes_the_merged_form_exactly_when_it_meets_the_tightest_constraints(
    catalogue: tuple[ItemFile, ...], values: dict[str, Any]
) -> None:
    form = compile_items(*catalogue, library=CONSTRAINED_LIBRARY)
    used = sorted(key for key in values if form.has_field(key))
    answers: dict[str, Any] = {}
    for key in used:
        section, name = key.split(".")
        answers.setdefault(section, {})[name] = values[key]

    failing = {error.path for error in validate_answers(form, answers).errors}

    for key in used:
        assert (key not in failing) == allowed(catalogue, key, values[key]), (key, values[key])


@settings(max_examples=60, deadline=None)
@given(catalogue=constrained_catalogues)
def test_a_merged_field_keeps_its_elements_sensitivity_whichever_items_use_it(
    catalogue: tuple[ItemFile, ...],
) -> None:
    form = compile_items(*catalogue, library=CONSTRAINED_LIBRARY)
    for field in form.fields:
        expected = CONSTRAINED_LIBRARY.data_elements[field.key].sensitivity.value
        assert field.sensitivity == expected, field.key
        section, name = field.key.split(".")
        node = form.json_schema["properties"][section]["properties"][name]
        assert node["x-sensitivity"] == expected, field.key


# Repeat groups: the largest minimum and the smallest maximum, within the library's.

ROW_GROUPS = [MEMBERS, "supporters"]
row_bounds = st.tuples(st.none() | st.integers(0, 6), st.none() | st.integers(0, 25))


@st.composite
def row_items(draw: st.DrawFn, code: str) -> ItemFile:
    groups = []
    for key in draw(st.lists(st.sampled_from(ROW_GROUPS), unique=True)):
        least, most = draw(row_bounds)
        groups.append(rows(key, min_items=least, max_items=most))
    return item(code, repeat_groups=groups)


row_catalogues = st.integers(min_value=1, max_value=4).flatmap(
    lambda n: st.tuples(*[row_items(f"item_{i}") for i in range(n)])
)
# Names the rows' one field, so that rows can be answered; asks nothing of the counts.
ROW_NAMES = item("row_names", fields=[use("household.members[].name"), use("supporters[].name")])


def row_range(catalogue: tuple[ItemFile, ...], key: str) -> tuple[int, int | None]:
    base = LIBRARY.repeat_groups[key]
    uses = [g for each in catalogue for g in each.repeat_groups if g.key == key]
    least = max([base.min_items, *(g.min_items for g in uses if g.min_items is not None)])
    ceilings = [m for m in [base.max_items, *(g.max_items for g in uses)] if m is not None]
    return least, min(ceilings) if ceilings else None


@settings(max_examples=150, deadline=None)
@given(catalogue=row_catalogues, counts=st.tuples(st.integers(0, 26), st.integers(0, 8)))
def test_row_counts_are_the_largest_minimum_and_the_smallest_maximum(
    catalogue: tuple[ItemFile, ...], counts: tuple[int, int]
) -> None:
    expected = {key: row_range(catalogue, key) for key in ROW_GROUPS}
    empty = [k for k, (least, most) in expected.items() if most is not None and least > most]
    if empty:
        with pytest.raises(FormCompileError) as raised:
            compile_items(*catalogue, ROW_NAMES)
        assert raised.value.codes == ("EMPTY_ROW_RANGE",) * len(empty)
        return
    form = compile_items(*catalogue, ROW_NAMES)
    answers = {
        "household": {"members": [{"name": f"m{i}"} for i in range(counts[0])]},
        "supporters": [{"name": f"s{i}"} for i in range(counts[1])],
    }

    failing = {error.path for error in validate_answers(form, answers).errors}

    for key, count in zip(ROW_GROUPS, counts, strict=True):
        least, most = expected[key]
        assert (form.group(key).min_items, form.group(key).max_items) == (least, most)
        outside = count < least or (most is not None and count > most)
        assert (key in failing) == outside, (key, count, least, most)


# Materials: grouped by evidence type and subject; the strictest form of the document; required
# when any item that requires it needs it.

ORIGINAL_FORMS = ["original", "signed_or_electronic", "copy", "original_or_copy"]
# The test's own ranking, strictest first: the original itself, a signed paper or its electronic
# licence, a copy, and last "the original or a copy", which accepts the most.
STRICTNESS = {"original": 0, "signed_or_electronic": 1, "copy": 2, "original_or_copy": 3}


@st.composite
def wide_material_uses(draw: st.DrawFn) -> list[Any]:
    out = []
    pairs = st.tuples(st.sampled_from(EVIDENCE), st.sampled_from(["applicant", "household"]))
    for code, subject in draw(st.lists(pairs, unique=True, max_size=4)):
        extra: dict[str, Any] = {
            "subject": subject,
            "necessity": draw(st.sampled_from(["required", "optional"])),
            "original": draw(st.sampled_from(ORIGINAL_FORMS)),
            "allows": draw(
                st.lists(st.sampled_from(["deferred", "personal_commitment"]), unique=True)
            ),
        }
        if (when := draw(conditions)) is not None:
            extra["required_when"] = when
        if (medium := draw(st.sampled_from([None, "扫描版", "照片"]))) is not None:
            extra["medium"] = medium
        out.append(material(code, **extra))
    return out


@st.composite
def material_items(draw: st.DrawFn, code: str) -> ItemFile:
    return item(code, materials=draw(wide_material_uses()))


material_catalogues = st.integers(min_value=1, max_value=4).flatmap(
    lambda n: st.tuples(*[material_items(f"item_{i}") for i in range(n)])
)


@settings(max_examples=150, deadline=None)
@given(catalogue=material_catalogues, data=answers)
def test_a_shared_material_asks_for_the_strictest_form_and_whatever_any_item_needs(
    catalogue: tuple[ItemFile, ...], data: dict[str, Any]
) -> None:
    form = compile_items(*catalogue)
    scope = evaluation_data(data, {})
    users: dict[tuple[str, str], list[tuple[str, MaterialUse]]] = {}
    for each in catalogue:
        for material_use in each.materials:
            key = (material_use.evidence, material_use.subject.value)
            users.setdefault(key, []).append((each.code, material_use))
    merged = {(m.evidence, m.subject): m for m in form.materials}
    assert set(merged) == set(users)

    for key, uses in users.items():
        got = merged[key]
        asks = [u.original for _, u in uses]
        assert got.original == min(asks, key=STRICTNESS.__getitem__), key
        assert (got.original == "original") == ("original" in asks), key
        assert (got.original == "original_or_copy") == all(a == "original_or_copy" for a in asks)
        assert evaluate(got.applies_when, scope) == any(
            holds(u.required_when, scope) for _, u in uses
        ), key
        assert evaluate(got.required_when, scope) == any(
            holds(u.required_when, scope) for _, u in uses if u.necessity == "required"
        ), key
        assert got.used_by == tuple(sorted({code for code, _ in uses}))
        assert got.required_by == tuple(
            sorted({code for code, u in uses if u.necessity == "required"})
        )
        assert got.media == tuple(sorted({u.medium for _, u in uses if u.medium}))
        routes = {route.via: route.allowed_by for route in got.exempt_via}
        for via in (Exemption.PERSONAL_COMMITMENT, Exemption.DEFERRED):
            allowing = tuple(sorted({code for code, u in uses if via in u.allows}))
            assert routes.get(via, ()) == allowing, (key, via)
