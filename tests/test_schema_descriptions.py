"""Every type, field, argument, input field and enum value of the served schema is described."""

from __future__ import annotations

from typing import Any

import httpx
from graphql import build_schema as build_sdl_schema
from graphql import get_introspection_query
from graphql.utilities import introspection_from_schema

from socialaid.api.app import create_app
from socialaid.api.schema import build_schema
from socialaid.api.schema_descriptions import enum_label, enum_labels, undescribed
from socialaid.db.database import Database
from tests.conftest import test_settings


def introspected(schema: Any) -> dict[str, Any]:
    """The standard introspection query's answer, deprecated arguments and input fields included."""
    return dict(introspection_from_schema(schema, input_value_deprecation=True))


def served_introspection() -> dict[str, Any]:
    return introspected(build_schema(test_settings())._schema)


def test_every_element_of_the_served_schema_is_described() -> None:
    gaps = undescribed(served_introspection())

    assert not gaps, f"{len(gaps)} schema elements have no description:\n" + "\n".join(gaps)


async def test_a_client_introspecting_over_http_gets_every_description(db: Database) -> None:
    # What GraphiQL and code generators send: the standard query, deprecated inputs included.
    app = create_app(db, test_settings())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        response = await client.post(
            "/graphql", json={"query": get_introspection_query(input_value_deprecation=True)}
        )

    introspection = response.json()["data"]
    assert undescribed(introspection) == []
    assert enum_labels(introspection)["ApplicationState"]["ESCALATED"] == "已提交联席会议"


def test_every_enum_value_carries_a_chinese_label() -> None:
    unlabelled = [
        f"{enum}.{value}"
        for enum, values in enum_labels(served_introspection()).items()
        for value, label in values.items()
        if label is None
    ]

    assert not unlabelled, (
        "enum value descriptions must start with 标签（VALUE）, e.g. 已准予（APPROVED）：…\n"
        + "\n".join(unlabelled)
    )


def test_labels_are_read_from_the_head_of_the_description() -> None:
    labels = enum_labels(served_introspection())

    assert labels["CaseState"]["APPROVED"] == "已准予"
    assert labels["ApplicationChannel"]["HOTLINE_12345"] == "12345热线申请"
    assert labels["Role"]["JOINT_MEETING"] == "联席会议办公室"


def test_a_description_without_the_label_convention_has_no_label() -> None:
    assert enum_label("已准予（APPROVED）：部门决定给予救助", "APPROVED") == "已准予"
    assert enum_label("查看（READ）", "READ") == "查看"
    assert enum_label("部门决定给予救助", "APPROVED") is None
    assert enum_label("已准予（DENIED）：…", "APPROVED") is None
    assert enum_label("（APPROVED）：没有标签", "APPROVED") is None
    assert enum_label("已准予（APPROVED）后面不是冒号", "APPROVED") is None
    assert enum_label(None, "APPROVED") is None


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
