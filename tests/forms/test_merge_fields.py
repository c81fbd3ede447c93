from __future__ import annotations

from .builders import compile_items, item, rows, use

OUTSIDE = {"var": "situation.applying_outside_hukou"}
DISABLED = {"var": "situation.has_disability"}


def test_a_field_used_by_several_items_appears_once_with_every_items_provenance() -> None:
    form = compile_items(
        item("a", fields=[use("applicant.name", required=True, purpose="核实身份")]),
        item("b", fields=[use("applicant.name", purpose="联系")]),
    )
    [name] = form.fields
    assert name.key == "applicant.name"
    assert name.visible_by == ("a", "b")
    assert name.required_by == ("a",)
    assert [(p.item, p.purpose) for p in name.purposes] == [("a", "核实身份"), ("b", "联系")]


def test_fields_are_deduplicated_by_key_only_not_by_label_or_purpose() -> None:
    form = compile_items(
        item("a", fields=[use("applicant.name"), use("applicant.phone")]),
        item("b", fields=[use("applicant.phone", purpose="另一个目的")]),
    )
    assert [f.key for f in form.fields] == ["applicant.name", "applicant.phone"]


def test_visibility_is_the_or_of_the_items_and_no_condition_means_always() -> None:
    conditional = compile_items(
        item("a", fields=[use("applicant.age", visible_when=OUTSIDE)]),
        item("b", fields=[use("applicant.age", visible_when=DISABLED)]),
    )
    assert conditional.field("applicant.age").visible_when == {"or": [OUTSIDE, DISABLED]}
    always = compile_items(
        item("a", fields=[use("applicant.age", visible_when=OUTSIDE)]),
        item("b", fields=[use("applicant.age")]),
    )
    assert always.field("applicant.age").visible_when is True


def test_required_is_the_or_of_visible_and_required_per_item() -> None:
    form = compile_items(
        item("a", fields=[use("applicant.age", visible_when=OUTSIDE, required=True)]),
        item("b", fields=[use("applicant.age", required_when=DISABLED)]),
        item("c", fields=[use("applicant.age")]),
    )
    age = form.field("applicant.age")
    assert age.required_when == {"or": [OUTSIDE, DISABLED]}
    assert age.required_by == ("a", "b")
    assert age.visible_when is True


def test_one_item_requiring_unconditionally_makes_the_field_required() -> None:
    form = compile_items(
        item("a", fields=[use("applicant.age", required_when=DISABLED)]),
        item("b", fields=[use("applicant.age", required=True)]),
    )
    assert form.field("applicant.age").required_when is True


def test_required_implies_visible_even_when_visibility_and_requirement_differ() -> None:
    form = compile_items(
        item("a", fields=[use("applicant.age", visible_when=OUTSIDE, required_when=DISABLED)])
    )
    age = form.field("applicant.age")
    assert age.visible_when == OUTSIDE
    assert age.required_when == {"and": [OUTSIDE, DISABLED]}


def test_constraints_of_every_item_are_kept_next_to_the_base_constraints() -> None:
    form = compile_items(
        item("a", fields=[use("applicant.age", constraints={"maximum": 70})]),
        item("b", fields=[use("applicant.age", constraints={"minimum": 16})]),
    )
    age = form.field("applicant.age")
    assert age.base_constraints == {"minimum": 0, "maximum": 150}
    assert [(c.item, dict(c.constraints)) for c in age.item_constraints] == [
        ("a", {"maximum": 70}),
        ("b", {"minimum": 16}),
    ]
    schema = form.json_schema["properties"]["applicant"]["properties"]["age"]
    assert schema["allOf"] == [{"minimum": 0, "maximum": 150}, {"maximum": 70}, {"minimum": 16}]


def test_repeat_groups_merge_with_min_the_largest_and_max_the_smallest_within_the_base() -> None:
    form = compile_items(
        item("a", repeat_groups=[rows("household.members", min_items=1, max_items=30)]),
        item("b", repeat_groups=[rows("household.members", max_items=10)]),
        item("c", repeat_groups=[rows("household.members", min_items=2)]),
    )
    members = form.group("household.members")
    assert (members.min_items, members.max_items) == (2, 10)  # the library's ceiling is 20
    assert members.visible_by == ("a", "b", "c")


def test_the_library_ceiling_caps_a_more_generous_item() -> None:
    form = compile_items(item("a", repeat_groups=[rows("household.members", max_items=50)]))
    assert form.group("household.members").max_items == 20


def test_row_fields_sit_inside_their_group_and_using_them_shows_the_group() -> None:
    form = compile_items(
        item("a", fields=[use("household.members[].name", required=True), use("applicant.name")])
    )
    members = form.group("household.members")
    assert members.fields == ("household.members[].name",)
    assert members.visible_when is True
    assert form.field("household.members[].name").group == "household.members"
    assert [f.key for f in form.top_level_fields()] == ["applicant.name"]


def test_a_row_field_is_only_as_visible_as_the_items_group() -> None:
    form = compile_items(
        item(
            "a",
            repeat_groups=[rows("household.members", visible_when=DISABLED)],
            fields=[use("household.members[].name", required=True)],
        )
    )
    name = form.field("household.members[].name")
    assert name.visible_when == DISABLED
    assert name.required_when == DISABLED
    assert form.group("household.members").visible_when == DISABLED


def test_every_variable_a_condition_reads_is_asked_first_with_its_label() -> None:
    form = compile_items(
        item(
            "a",
            fields=[
                use("applicant.age", visible_when=DISABLED),
                use("situation.disability_alone", visible_when=DISABLED),
            ],
            materials=[],
        ),
        item("b", fields=[use("applicant.name", required_when=OUTSIDE)]),
    )
    assert [(q.key, q.label, q.asked_for) for q in form.questions] == [
        ("situation.applying_outside_hukou", "是否在非户籍地申办", ("b",)),
        ("situation.has_disability", "是否有残疾", ("a",)),
    ]
    question = form.field("situation.has_disability")
    assert question.visible_when is True
    assert question.required_when is True  # a yes/no question steering the form is answered
    assert question.visible_by == ()
    assert form.reduction.questions_added == 2


def test_a_question_whose_visibility_reads_another_question_comes_after_it() -> None:
    form = compile_items(
        item(
            "a",
            fields=[
                use(
                    "situation.applying_outside_hukou",
                    visible_when={"var": "situation.disability_alone"},
                )
            ],
        ),
        item("b", fields=[use("applicant.name", required_when=OUTSIDE)]),
    )
    assert [q.key for q in form.questions] == [
        "situation.disability_alone",
        "situation.applying_outside_hukou",
    ]


def test_parameters_are_not_questions_but_their_values_travel_with_the_form() -> None:
    condition = {">": [{"var": "applicant.age"}, {"var": "params.age_limit"}]}
    form = compile_items(
        item("a", fields=[use("applicant.name", required_when=condition)]),
        parameters={"age_limit": 60, "unrelated": 1},
    )
    assert [q.key for q in form.questions] == ["applicant.age"]
    assert form.parameters == {"age_limit": 60}


def test_a_parameter_without_a_value_gives_a_note() -> None:
    condition = {">": [{"var": "applicant.age"}, {"var": "params.age_limit"}]}
    form = compile_items(item("a", fields=[use("applicant.name", required_when=condition)]))
    assert [n.code for n in form.notes] == ["PARAMETER_UNSET"]


def test_row_variables_of_conditions_become_row_fields_not_questions() -> None:
    some_spouse = {"some": [{"var": "household.members"}, {"==": [{"var": "relation"}, "spouse"]}]}
    form = compile_items(item("a", fields=[use("applicant.name", required_when=some_spouse)]))
    assert form.questions == ()
    assert form.group("household.members").fields == ("household.members[].relation",)
    assert form.field("household.members[].relation").asked_for == ("a",)


def test_sections_follow_the_application_form_order_whatever_the_item_order() -> None:
    form = compile_items(
        item("a", fields=[use("situation.has_disability"), use("bank.account_number")]),
        item("b", fields=[use("household.income_monthly"), use("applicant.name")]),
        item("c", fields=[use("supporters[].name")]),
    )
    assert [s.code for s in form.sections] == [
        "applicant",
        "household",
        "bank",
        "supporters",
        "situation",
    ]
    assert form.sections[0].label == "申请人基本信息"
    assert form.sections[3].groups == ("supporters",)


def test_the_reduction_report_counts_items_separately_and_merged() -> None:
    form = compile_items(
        item("a", fields=[use("applicant.name"), use("applicant.phone")]),
        item("b", fields=[use("applicant.name"), use("applicant.age")]),
    )
    reduction = form.reduction
    assert (reduction.fields_before, reduction.fields_after) == (4, 3)
    assert reduction.fields_saved == 0.25
