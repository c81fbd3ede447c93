"""Relay connection types: each node type's edge and connection made from one declaration, so
only their Chinese descriptions are written per type (the paging itself is in pagination.py)."""

# No `from __future__ import annotations`: strawberry reads the base classes' annotations (the
# private count) as objects, and this module's names would not resolve where they are inherited.
import inspect
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar, dataclass_transform, get_args

import strawberry

from socialaid.kernel.pagination import TOTAL_COUNT, Counter, PageInfo

N = TypeVar("N")
C = TypeVar("C", bound="Connection[Any]")
CURSOR = "本条的游标，可作 after 取其后的一页"


@dataclass
class Edge(Generic[N]):
    """One row of a page; `relay_connection` makes the node type's GraphQL edge from it."""

    cursor: str
    node: N


@dataclass
class Connection(Generic[N]):
    """A page of a connection; subclass CountedConnection or TotalConnection, or this one when
    the connection counts its own way (declaring its own fields)."""

    edges: list[Edge[N]]
    page_info: PageInfo
    edge_type: ClassVar[type[Edge[Any]]]

    @classmethod
    def edge(cls, *, cursor: str, node: N) -> Edge[N]:
        return cls.edge_type(cursor=cursor, node=node)


@dataclass
class CountedConnection(Connection[N]):
    """A connection whose total is counted only when totalCount is selected."""

    count: strawberry.Private[Counter]


@dataclass
class TotalConnection(Connection[N]):
    """A connection over a list already read whole, so its total is known."""

    total_count: int


async def _count_on_demand(self: CountedConnection[Any]) -> int:
    return await self.count()


@dataclass_transform()
def relay_connection(
    *,
    description: str,
    edge: str,
    node: str,
    edges: str,
    cursor: str = CURSOR,
    name: str | None = None,
) -> Callable[[type[C]], type[C]]:
    """Makes the decorated `class XConnection(CountedConnection[XType])` the GraphQL type
    `name` (default the class's name) and its edge type (the name with Edge for Connection):
    `description`/`edge` describe the two types, `node`, `edges` and `cursor` their fields."""

    def make(cls: type[C]) -> type[C]:
        graphql_name = name or cls.__name__
        edge_type = _edge_type(
            _node_type(cls),
            graphql_name.removesuffix("Connection") + "Edge",
            description=edge,
            node=node,
            cursor=cursor,
        )
        annotations: dict[str, object] = {
            "edges": types.GenericAlias(list, (edge_type,)),
            "page_info": PageInfo,
        }
        fields = {
            "edges": strawberry.field(description=edges),
            "page_info": strawberry.field(description="分页信息"),
        }
        if issubclass(cls, TotalConnection):
            annotations["total_count"] = int
            fields["total_count"] = strawberry.field(description=TOTAL_COUNT)
        elif issubclass(cls, CountedConnection) and "total_count" not in cls.__dict__:
            fields["total_count"] = strawberry.field(
                resolver=_count_on_demand, description=TOTAL_COUNT
            )
        for field, value in fields.items():
            setattr(cls, field, value)
        cls.__annotations__ = {**annotations, **inspect.get_annotations(cls)}
        cls.edge_type = edge_type
        return strawberry.type(cls, name=name, description=description)

    return make


def _node_type(cls: type) -> type:
    for base in getattr(cls, "__orig_bases__", ()):
        args = get_args(base)
        if len(args) == 1 and isinstance(args[0], type):
            return args[0]
    raise TypeError(f"{cls.__name__} must subclass a connection of a node type")


def _edge_type(
    node_type: type, name: str, *, description: str, node: str, cursor: str
) -> type[Edge[Any]]:
    namespace = {
        "__annotations__": {"cursor": str, "node": node_type},
        "__module__": node_type.__module__,
        "cursor": strawberry.field(description=cursor),
        "node": strawberry.field(description=node),
    }
    return strawberry.type(type(name, (Edge,), namespace), name=name, description=description)
