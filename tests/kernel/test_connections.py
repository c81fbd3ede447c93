"""relay_connection turns one declaration into a node type's Relay edge and connection types:
the SDL a client sees is the one a hand-written pair gave, and a counted connection counts
only when totalCount is selected."""

from __future__ import annotations

import strawberry
from graphql import print_type

from socialaid.kernel.connections import CountedConnection, TotalConnection, relay_connection
from socialaid.kernel.pagination import PageInfo


@strawberry.type(name="Fruit", description="水果")
class FruitType:
    name: str = strawberry.field(description="名称")


@relay_connection(
    description="水果的分页列表（Relay 连接）",
    edge="水果连接中的一条",
    node="一种水果",
    edges="本页的水果",
)
class FruitConnection(CountedConnection[FruitType]):
    pass


@relay_connection(
    name="BasketConnection",
    description="篮子里的水果",
    edge="篮中的一个",
    node="篮中的水果",
    edges="本页的篮中水果",
    cursor="本条的游标",
)
class BasketOfFruit(TotalConnection[FruitType]):
    pass


class Counts:
    """How often the counted connection's counter ran."""

    calls = 0


@strawberry.type
class Query:
    @strawberry.field
    def fruits(self) -> FruitConnection:
        async def count() -> int:
            Counts.calls += 1
            return 7

        edges = [FruitConnection.edge(cursor=c, node=FruitType(name=c)) for c in ("桃", "李")]
        return FruitConnection(
            edges=edges, page_info=PageInfo.of(edges, has_next_page=True), count=count
        )

    @strawberry.field
    def basket(self) -> BasketOfFruit:
        edges = [BasketOfFruit.edge(cursor="梨", node=FruitType(name="梨"))]
        return BasketOfFruit(
            edges=edges, page_info=PageInfo.of(edges, has_next_page=False), total_count=1
        )


SCHEMA = strawberry.Schema(query=Query)


def sdl(type_name: str) -> str:
    graphql_type = SCHEMA._schema.get_type(type_name)
    assert graphql_type is not None, type_name
    return print_type(graphql_type)


def test_a_counted_connection_prints_its_edge_and_connection_with_their_descriptions() -> None:
    assert sdl("FruitEdge") == (
        '"""水果连接中的一条"""\n'
        "type FruitEdge {\n"
        '  """本条的游标，可作 after 取其后的一页"""\n'
        "  cursor: String!\n\n"
        '  """一种水果"""\n'
        "  node: Fruit!\n"
        "}"
    )
    assert sdl("FruitConnection") == (
        '"""水果的分页列表（Relay 连接）"""\n'
        "type FruitConnection {\n"
        '  """本页的水果"""\n'
        "  edges: [FruitEdge!]!\n\n"
        '  """分页信息"""\n'
        "  pageInfo: PageInfo!\n\n"
        '  """符合条件（同一筛选与可见范围）的总条数，与分页无关；只在选取此字段时计算"""\n'
        "  totalCount: Int!\n"
        "}"
    )


def test_a_renamed_connection_names_its_edge_after_it_and_keeps_its_cursor_wording() -> None:
    assert sdl("BasketEdge") == (
        '"""篮中的一个"""\n'
        "type BasketEdge {\n"
        '  """本条的游标"""\n'
        "  cursor: String!\n\n"
        '  """篮中的水果"""\n'
        "  node: Fruit!\n"
        "}"
    )
    assert "  edges: [BasketEdge!]!\n" in sdl("BasketConnection")


async def test_the_total_is_counted_only_when_a_client_selects_it() -> None:
    Counts.calls = 0
    page = await SCHEMA.execute("{ fruits { edges { cursor node { name } } } }")
    assert page.errors is None
    assert page.data == {
        "fruits": {
            "edges": [
                {"cursor": "桃", "node": {"name": "桃"}},
                {"cursor": "李", "node": {"name": "李"}},
            ]
        }
    }
    assert Counts.calls == 0

    counted = await SCHEMA.execute("{ fruits { totalCount pageInfo { endCursor } } }")
    assert counted.data == {"fruits": {"totalCount": 7, "pageInfo": {"endCursor": "李"}}}
    assert Counts.calls == 1


async def test_a_list_read_whole_answers_the_total_it_was_given() -> None:
    result = await SCHEMA.execute("{ basket { totalCount edges { node { name } } } }")
    assert result.data == {"basket": {"totalCount": 1, "edges": [{"node": {"name": "梨"}}]}}
