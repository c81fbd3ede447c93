from __future__ import annotations

from datetime import date

from jsonschema import Draft202012Validator

from socialaid.canonical_json import content_hash
from socialaid.forms import FormCache

from .builders import LIBRARY, catalogue, compile_items, item, material, rows, use

OUTSIDE = {"var": "situation.applying_outside_hukou"}


def _form() -> object:
    return compile_items(
        item(
            "a",
            name="低保",
            fields=[
                use("applicant.name", required=True),
                use("applicant.marital_status"),
                use("household.members[].name", required=True),
                use("household.members[].relation", visible_when=OUTSIDE),
            ],
            repeat_groups=[rows("household.members", min_items=1)],
            materials=[material("residence_permit", required_when=OUTSIDE)],
        ),
        item("b", name="临时救助", fields=[use("applicant.name"), use("household.income_monthly")]),
    )


def test_the_document_is_a_valid_2020_12_schema_with_id_and_title() -> None:
    schema = _form().json_schema  # type: ignore[attr-defined]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:socialaid:form:sha256:")
    assert schema["title"] == "社会救助一件事申请表"
    assert schema["description"] == "低保、临时救助"


def test_dotted_keys_become_nested_objects_and_repeat_groups_arrays() -> None:
    schema = _form().json_schema  # type: ignore[attr-defined]
    applicant = schema["properties"]["applicant"]
    assert applicant["type"] == "object"
    assert applicant["properties"]["name"]["x-key"] == "applicant.name"
    members = schema["properties"]["household"]["properties"]["members"]
    assert members["type"] == "array"
    assert members["minItems"] == 1
    assert members["maxItems"] == 20
    assert set(members["items"]["properties"]) == {"name", "relation"}
    assert members["items"]["required"] == ["name"]


def test_conditions_and_provenance_are_annotations_on_each_property() -> None:
    schema = _form().json_schema  # type: ignore[attr-defined]
    relation = schema["properties"]["household"]["properties"]["members"]["items"]["properties"][
        "relation"
    ]
    assert relation["x-visibleWhen"] == OUTSIDE
    assert relation["x-requiredWhen"] is False
    assert relation["enum"] == ["spouse", "child"]
    assert relation["x-options"][0] == {"code": "spouse", "label": "spouse"}
    name = schema["properties"]["applicant"]["properties"]["name"]
    assert name["x-requiredWhen"] is True
    assert name["x-requiredBy"] == ["a"]
    assert name["x-visibleBy"] == ["a", "b"]
    assert [p["item"] for p in name["x-purpose"]] == ["a", "b"]
    assert schema["properties"]["applicant"]["required"] == ["name"]
    assert "applicant" in schema["required"]


def test_element_types_map_to_schema_types_and_formats() -> None:
    schema = _form().json_schema  # type: ignore[attr-defined]
    income = schema["properties"]["household"]["properties"]["income_monthly"]
    assert (income["type"], income["minimum"], income["format"]) == ("number", 0, "amount")


def test_questions_materials_and_reduction_travel_in_the_document() -> None:
    schema = _form().json_schema  # type: ignore[attr-defined]
    assert [q["key"] for q in schema["x-questions"]] == ["situation.applying_outside_hukou"]
    [permit] = schema["x-materials"]
    assert permit["requiredWhen"] == OUTSIDE
    assert permit["requiredBy"] == ["a"]
    assert schema["x-reduction"]["fieldsBefore"] == 6


def test_the_content_hash_is_the_sha256_of_the_document_without_its_id() -> None:
    form = _form()
    document = dict(form.json_schema)  # type: ignore[attr-defined]
    document.pop("$id")
    assert form.content_hash == content_hash(document)  # type: ignore[attr-defined]
    assert form.json_schema["$id"].endswith(form.content_hash)  # type: ignore[attr-defined]


def test_the_hash_changes_when_the_form_changes_and_not_otherwise() -> None:
    assert _form().content_hash == _form().content_hash  # type: ignore[attr-defined]
    one = compile_items(item("a", fields=[use("applicant.name")]))
    other = compile_items(item("a", fields=[use("applicant.name", required=True)]))
    assert one.content_hash != other.content_hash


def test_the_cache_returns_the_same_form_for_the_same_key_in_any_order() -> None:
    cache = FormCache(maxsize=2)
    items = catalogue(item("a"), item("b"), item("c"))

    def get(selected: list[str], fingerprint: str = "v1", as_of: date = date(2025, 1, 1)) -> object:
        return cache.get_or_compile(
            LIBRARY, items, selected, tenant="990000", as_of=as_of, fingerprint=fingerprint
        )

    first = get(["a", "b"])
    assert get(["b", "a", "b"]) is first
    assert (cache.hits, cache.misses) == (1, 1)
    assert get(["a", "b"], fingerprint="v2") is not first
    get(["c"])  # evicts the least recently used: (a, b, v1)
    assert len(cache) == 2
    assert get(["a", "b"]) is not first
    assert cache.misses == 4
