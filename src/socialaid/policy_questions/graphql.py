"""GraphQL for the policy Q&A knowledge base: `policyQuestions`, public, a Relay connection."""

from __future__ import annotations

from typing import Annotated

import strawberry

from socialaid.catalogue.graphql import SourceType
from socialaid.catalogue.service import CatalogueCaches, tenant_view
from socialaid.clock import today_in_china
from socialaid.errors import DomainError
from socialaid.kernel.context import Info
from socialaid.kernel.pagination import (
    AFTER,
    FIRST,
    TOTAL_COUNT,
    PageInfo,
    check_page_size,
    decode_cursor,
    encode_cursor,
)
from socialaid.policy_questions.knowledge import Entry, entries_of
from socialaid.policy_questions.ranking import rank

MAX_SEARCH_LENGTH = 200


@strawberry.type(
    name="PolicyQuestion", description="政策问答知识库中的一问一答（依据种子文件原文编写）"
)
class PolicyQuestionType:
    code: str = strawberry.field(description="本租户内稳定的标识：事项代码#序号，如 dibao#1")
    item_code: str = strawberry.field(description="所属事项代码")
    item_name: str = strawberry.field(description="所属事项名称")
    question: str = strawberry.field(description="问题")
    answer: str = strawberry.field(description="回答（依据出处原文）")
    source: SourceType = strawberry.field(description="出处：种子文件及章节、原文摘录")
    score: float | None = strawberry.field(
        description="与 search 的相关度（越大越相关，只用于排序）；未给 search 时为 null"
    )

    @classmethod
    def of(cls, entry: Entry, score: float | None) -> PolicyQuestionType:
        return cls(
            code=entry.code,
            item_code=entry.item,
            item_name=entry.item_name,
            question=entry.question,
            answer=entry.answer,
            source=SourceType.of(entry.source),
            score=None if score is None else round(score, 4),
        )


@strawberry.type(description="政策问答连接中的一条")
class PolicyQuestionEdge:
    cursor: str = strawberry.field(description="本条的游标，可作 after 取其后的一页")
    node: PolicyQuestionType = strawberry.field(description="一问一答")


@strawberry.type(
    description="政策问答的分页列表（Relay 连接）：有 search 时按相关度排序，否则按事项代码"
)
class PolicyQuestionConnection:
    edges: list[PolicyQuestionEdge] = strawberry.field(description="本页的问答")
    page_info: PageInfo = strawberry.field(description="分页信息")
    total_count: int = strawberry.field(description=TOTAL_COUNT)


@strawberry.type
class PolicyQuestionQuery:
    @strawberry.field(
        description="政策问答知识库（公开，无需令牌；山西 004 二“政策问答知识库”）：租户今天生效目录中各事项的问答，"
        "下级看到上级的（同事项目录的继承与覆盖）；search 用中文分词（jieba）检索，按相关度排序"
    )
    async def policy_questions(
        self,
        info: Info,
        tenant: Annotated[str, strawberry.argument(description="租户（行政区划代码），如 310105")],
        search: Annotated[
            str | None,
            strawberry.argument(
                description="用自己的话提问，如“低保多少钱一个月”（至多 200 字）；省略则列出全部"
            ),
        ] = None,
        item: Annotated[
            str | None, strawberry.argument(description="只要这个事项的问答（事项代码）")
        ] = None,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 10,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> PolicyQuestionConnection:
        check_page_size(first, path=["first"])
        if search is not None and len(search) > MAX_SEARCH_LENGTH:
            raise DomainError(f"search 至多 {MAX_SEARCH_LENGTH} 字", path=["search"])
        start = _offset(after) if after else 0
        async with info.context.db.session() as session:
            view = await tenant_view(
                session,
                info.context.caches.of(CatalogueCaches),
                tenant=tenant,
                as_of=today_in_china(),
            )
        entries = entries_of(view.specs.values())
        if item is not None:
            entries = [e for e in entries if e.item == item]
        found: list[tuple[Entry, float | None]]
        if search is not None and search.strip():
            found = [(r.entry, r.score) for r in rank(entries, search)]
        else:
            found = [(e, None) for e in entries]
        page = found[start : start + first]
        edges = [
            PolicyQuestionEdge(
                cursor=encode_cursor([str(start + i + 1)]), node=PolicyQuestionType.of(e, s)
            )
            for i, (e, s) in enumerate(page)
        ]
        return PolicyQuestionConnection(
            edges=edges,
            page_info=PageInfo.of(edges, has_next_page=start + first < len(found), after=after),
            total_count=len(found),
        )


def _offset(after: str) -> int:
    (position,) = decode_cursor(after, 1, path=["after"])
    if not position.isdigit():
        raise DomainError("after 不是本列表的游标", path=["after"])
    return int(position)
