"""The Relay `Node` interface: every entity a client caches answers `id` with its global id."""

from __future__ import annotations

from typing import ClassVar

import strawberry

from socialaid.kernel.global_id import encode_global_id

NODE_ID = (
    "全局标识（Relay）：不透明的字符串，可作 node(id:) 重新取回本对象，客户端缓存以之归一；"
    "不要解析其内容（编码可能改变）"
)


@strawberry.interface(
    name="Node",
    description="可按全局标识重新取回的对象（Relay 对象标识规范）：node(id:) 与 nodes(ids:) 按"
    "该类型自身查询的权限与脱敏规则作答",
)
class Node:
    # The GraphQL type name and the key parts of this object, which the global id encodes.
    node_type: ClassVar[str] = ""

    def node_key(self) -> tuple[str, ...]:
        raise NotImplementedError

    @strawberry.field(description=NODE_ID)
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id(self.node_type, *self.node_key()))
