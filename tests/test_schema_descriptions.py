"""Every type, field, argument, input field and enum value of the served schema is described."""

from __future__ import annotations

from typing import Any

from graphql import build_schema as build_sdl_schema
from graphql.utilities import introspection_from_schema

from socialaid.api.schema import build_schema
from socialaid.api.schema_descriptions import undescribed
from tests.conftest import REPO_ROOT, test_settings

# Elements still undescribed while the descriptions are written domain by domain: the list may only
# shrink (a new element without a description fails, and so does an entry that got described).
KNOWN_GAPS = REPO_ROOT / "tests" / "schema_undescribed.txt"


def introspected(schema: Any) -> dict[str, Any]:
    """The standard introspection query's answer, deprecated arguments and input fields included."""
    return dict(introspection_from_schema(schema, input_value_deprecation=True))


def known_gaps() -> set[str]:
    if not KNOWN_GAPS.exists():
        return set()
    lines = KNOWN_GAPS.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_element_of_the_served_schema_is_described() -> None:
    schema = build_schema(test_settings())
    gaps = set(undescribed(introspected(schema._schema)))
    new = sorted(gaps - known_gaps())
    assert not new, f"{len(new)} schema elements have no description:\n" + "\n".join(new)
    fixed = sorted(known_gaps() - gaps)
    assert not fixed, f"described now, remove from {KNOWN_GAPS.name}:\n" + "\n".join(fixed)


def test_an_undescribed_element_of_every_kind_is_named() -> None:
    schema = build_sdl_schema(
        '''
        """颜色"""
        enum Colour { RED  """蓝""" BLUE }
        """筛选"""
        input Filter { colour: Colour  """  """ note: String = "" }
        type Thing { """名称""" name: String  size: Int }
        """查询"""
        type Query {
          """按条件取"""
          things(filter: Filter, limit: Int = 10): [Thing!]!
          """旧"""
          old: Int @deprecated(reason: " ")
        }
        '''
    )

    assert undescribed(introspected(schema)) == [
        "Colour.RED",
        "Filter.colour",
        "Filter.note",
        "Query.old @deprecated without a reason",
        "Query.things(filter:)",
        "Query.things(limit:)",
        "Thing",
        "Thing.size",
    ]


def test_built_in_scalars_and_introspection_types_are_exempt() -> None:
    schema = build_sdl_schema('''"""查询""" type Query { """一""" a(x: ID): Float }''')

    assert undescribed(introspected(schema)) == ["Query.a(x:)"]
