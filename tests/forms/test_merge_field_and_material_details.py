"""What a merged field and a merged material carry over from the library and from each item."""

from __future__ import annotations

import re

from socialaid.catalogue.files import CodeList, Exemption
from socialaid.forms.compiled import ExemptRoute

from .builders import (
    SOURCE,
    compile_items,
    element,
    item,
    library,
    material,
    use,
)

DISABLED = {"var": "disabled"}
CHILD = {"==": [{"var": "relation"}, "child"]}


def test_fields_come_in_the_librarys_order_not_alphabetically() -> None:
    # The library lists the phone number before the age; the alphabet would not.
    form = compile_items(item("a", fields=[use("applicant.age"), use("applicant.phone")]))
    assert [f.key for f in form.fields] == ["applicant.phone", "applicant.age"]


def test_a_field_keeps_its_elements_code_list_hint_and_option_labels() -> None:
    marital = CodeList.model_validate(
        {
            "code": "marital",
            "name": "婚姻状况",
            "values": [{"code": "single", "label": "未婚"}, {"code": "married", "label": "已婚"}],
            "source": SOURCE,
        }
    )
    lib = library(
        elements=[
            element("applicant.marital_status", "code", code_list="marital", hint="按户口簿填写"),
        ],
        code_lists=[marital],
    )
    form = compile_items(item("a", fields=[use("applicant.marital_status")]), library=lib)
    status = form.field("applicant.marital_status")
    assert status.code_list == "marital"
    assert status.hint == "按户口簿填写"
    assert [(o.code, o.label) for o in status.options] == [("single", "未婚"), ("married", "已婚")]


def test_every_use_of_a_field_keeps_its_constraints_even_within_one_item() -> None:
    form = compile_items(
        item(
            "a",
            fields=[
                use("applicant.age", constraints={"maximum": 100}),
                use("applicant.age", constraints={"minimum": 18}),
            ],
        ),
        item("b", fields=[use("applicant.age", constraints={"maximum": 100})]),
    )
    kept = form.field("applicant.age").item_constraints
    assert sorted((c.item, sorted(c.constraints.items())) for c in kept) == [
        ("a", [("maximum", 100)]),
        ("a", [("minimum", 18)]),
        ("b", [("maximum", 100)]),
    ]


def test_a_material_carries_its_evidence_types_name_and_each_items_purpose() -> None:
    form = compile_items(
        item("b", materials=[material("hukou_booklet", purpose="核实户籍")]),
        item("a", materials=[material("hukou_booklet", purpose="核实家庭成员")]),
    )
    [booklet] = form.materials
    assert booklet.name == "hukou_booklet"
    assert [(p.item, p.purpose) for p in booklet.purposes] == [
        ("a", "核实家庭成员"),
        ("b", "核实户籍"),
    ]


def test_materials_for_different_members_are_apart_with_ids_of_their_own() -> None:
    form = compile_items(
        item(
            "a",
            materials=[
                material(
                    "disability_certificate", subject="household_member", subject_when=DISABLED
                ),
                material("disability_certificate", subject="household_member", subject_when=CHILD),
                material("disability_certificate", subject="household_member"),
            ],
        )
    )
    ids = [m.id for m in form.materials]
    assert len(set(ids)) == 3
    assert "disability_certificate.household_member" in ids
    hashed = [i for i in ids if i != "disability_certificate.household_member"]
    assert all(
        re.fullmatch(r"disability_certificate\.household_member\.[0-9a-f]{8}", i) for i in hashed
    )


def test_a_subject_condition_means_nothing_for_the_applicant_and_is_dropped() -> None:
    form = compile_items(
        item("a", materials=[material("residence_permit", subject_when=DISABLED)]),
        item("b", materials=[material("residence_permit")]),
    )
    [permit] = form.materials
    assert permit.id == "residence_permit.applicant"
    assert permit.subject_when is None
    assert permit.used_by == ("a", "b")


def test_an_item_may_allow_a_route_the_evidence_type_lacks_and_is_named_for_it() -> None:
    form = compile_items(
        item("a", materials=[material("residence_permit", allows=["shared_data"])]),
        item("b", materials=[material("residence_permit", allows=["deferred"])]),
    )
    [permit] = form.materials
    assert permit.exempt_via == (
        ExemptRoute(Exemption.SHARED_DATA, issuer="public_security", allowed_by=("a",)),
        ExemptRoute(Exemption.DEFERRED, issuer=None, allowed_by=("b",)),
    )


def test_a_route_the_evidence_type_has_also_names_the_items_allowing_it() -> None:
    form = compile_items(
        item("a", materials=[material("id_proof", allows=["electronic_licence"])]),
        item("b", materials=[material("id_proof")]),
    )
    [proof] = form.materials
    assert proof.exempt_via == (
        ExemptRoute(Exemption.SHARED_DATA, issuer="public_security", allowed_by=()),
        ExemptRoute(Exemption.ELECTRONIC_LICENCE, issuer="public_security", allowed_by=("a",)),
    )
