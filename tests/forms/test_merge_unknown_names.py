"""Names the library does not know: every unknown field and evidence type is reported, by item."""

from __future__ import annotations

import pytest

from socialaid.forms import FormCompileError

from .builders import compile_items, item, material, use


def test_every_unknown_field_and_evidence_type_is_a_problem_naming_its_item() -> None:
    with pytest.raises(FormCompileError) as refused:
        compile_items(
            item(
                "a",
                fields=[
                    use("applicant.nickname"),
                    use("applicant.name"),
                    use("applicant.shoe_size"),
                ],
                materials=[material("moon_licence"), material("id_proof"), material("star_chart")],
            ),
            item("b", fields=[use("applicant.nickname")]),
        )
    assert [(p.code, p.message, p.items) for p in refused.value.problems] == [
        ("UNKNOWN_ELEMENT", "a: unknown field 'applicant.nickname'", ("a",)),
        ("UNKNOWN_ELEMENT", "a: unknown field 'applicant.shoe_size'", ("a",)),
        ("UNKNOWN_EVIDENCE", "a: unknown evidence type 'moon_licence'", ("a",)),
        ("UNKNOWN_EVIDENCE", "a: unknown evidence type 'star_chart'", ("a",)),
        ("UNKNOWN_ELEMENT", "b: unknown field 'applicant.nickname'", ("b",)),
    ]
