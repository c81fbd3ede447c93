from __future__ import annotations

from socialaid.catalogue.files import Exemption

from .builders import compile_items, item, material

OUTSIDE = {"var": "situation.applying_outside_hukou"}
REVIEW = {"form": "原件核验", "points": ["姓名与申请表一致"]}


def test_one_material_serves_every_item_that_needs_it() -> None:
    form = compile_items(
        item("a", materials=[material("id_proof", review=REVIEW)], department="civil_affairs"),
        item("b", materials=[material("id_proof")], department="hrss"),
    )
    [id_proof] = form.materials
    assert id_proof.id == "id_proof.applicant"
    assert id_proof.used_by == id_proof.required_by == ("a", "b")
    assert id_proof.required_when is True
    assert form.reduction.materials_before == 2
    assert form.reduction.materials_after == 1


def test_each_departments_review_standard_stays_attached() -> None:
    form = compile_items(
        item("a", materials=[material("id_proof", review=REVIEW)], department="civil_affairs"),
        item("b", materials=[material("id_proof")], department="hrss"),
    )
    reviews = form.materials[0].reviews
    assert [(r.item, r.department) for r in reviews] == [("a", "civil_affairs"), ("b", "hrss")]
    assert reviews[0].standard is not None and reviews[0].standard.points == ["姓名与申请表一致"]
    assert reviews[1].standard is None


def test_materials_for_different_subjects_are_separate() -> None:
    form = compile_items(
        item("a", materials=[material("id_proof"), material("id_proof", subject="supporter")])
    )
    assert [m.id for m in form.materials] == ["id_proof.applicant", "id_proof.supporter"]


def test_member_materials_with_different_subject_conditions_are_separate() -> None:
    disabled = {"var": "disabled"}
    form = compile_items(
        item(
            "a",
            materials=[
                material(
                    "disability_certificate", subject="household_member", subject_when=disabled
                )
            ],
        ),
        item("b", materials=[material("disability_certificate", subject="household_member")]),
        item(
            "c",
            materials=[
                material(
                    "disability_certificate", subject="household_member", subject_when=disabled
                )
            ],
        ),
    )
    conditional, unconditional = sorted(form.materials, key=lambda m: m.subject_when is None)
    assert conditional.used_by == ("a", "c")
    assert conditional.subject_when == disabled
    assert conditional.id.startswith("disability_certificate.household_member.")
    assert unconditional.id == "disability_certificate.household_member"
    assert form.group("household.members").fields == ("household.members[].disabled",)


def test_required_is_the_or_of_the_items_conditions() -> None:
    form = compile_items(
        item("a", materials=[material("residence_permit", required_when=OUTSIDE)]),
        item(
            "b",
            materials=[
                material("residence_permit", required_when={"var": "situation.has_disability"})
            ],
        ),
    )
    permit = form.materials[0]
    assert permit.required_when == {"or": [OUTSIDE, {"var": "situation.has_disability"}]}
    assert [q.key for q in form.questions] == [
        "situation.applying_outside_hukou",
        "situation.has_disability",
    ]


def test_an_optional_use_applies_without_making_the_material_required() -> None:
    form = compile_items(
        item("a", materials=[material("residence_permit", necessity="optional")]),
        item("b", materials=[material("residence_permit", required_when=OUTSIDE)]),
    )
    permit = form.materials[0]
    assert permit.applies_when is True
    assert permit.required_when == OUTSIDE
    assert permit.required_by == ("b",)
    assert permit.used_by == ("a", "b")


def test_the_strictest_original_form_wins() -> None:
    form = compile_items(
        item("a", materials=[material("id_proof", original="copy")]),
        item("b", materials=[material("id_proof", original="original")]),
    )
    assert form.materials[0].original == "original"


def test_exemption_routes_come_from_the_evidence_type_and_the_items() -> None:
    form = compile_items(
        item("a", materials=[material("id_proof"), material("economic_check_authorisation")]),
        item("b", materials=[material("economic_check_authorisation", allows=["deferred"])]),
        item("c", materials=[material("residence_permit", allows=["personal_commitment"])]),
    )
    routes = {
        m.evidence: [(r.via, r.issuer, r.allowed_by) for r in m.exempt_via] for m in form.materials
    }
    assert routes["id_proof"] == [
        (Exemption.SHARED_DATA, "public_security", ()),
        (Exemption.ELECTRONIC_LICENCE, "public_security", ()),
    ]
    assert routes["economic_check_authorisation"] == [(Exemption.DEFERRED, None, ("b",))]
    # government-issued but not available by data sharing, no electronic licence
    assert routes["residence_permit"] == [(Exemption.PERSONAL_COMMITMENT, None, ("c",))]


def test_materials_are_listed_in_library_order_whatever_the_item_order() -> None:
    form = compile_items(
        item(
            "a",
            materials=[
                material("disability_certificate"),
                material("hukou_booklet", subject="household"),
            ],
        ),
        item("b", materials=[material("id_proof")]),
    )
    assert [m.evidence for m in form.materials] == [
        "id_proof",
        "hukou_booklet",
        "disability_certificate",
    ]
