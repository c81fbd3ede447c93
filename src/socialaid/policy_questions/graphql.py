"""GraphQL for the policy Q&A knowledge base: `policyQuestions`, public, a Relay connection."""

from __future__ import annotations

from typing import Annotated

import strawberry

from socialaid.catalogue.graphql import SourceType
from socialaid.catalogue.service import CatalogueCaches
from socialaid.clock import today_in_china
from socialaid.errors import DomainError, ErrorCode
from socialaid.kernel.connections import TotalConnection, relay_connection
from socialaid.kernel.context import Info
from socialaid.kernel.pagination import (
    AFTER,
    FIRST,
    PageInfo,
    check_page_size,
    decode_cursor,
    encode_cursor,
)
from socialaid.kernel.runner import MUTATION_INPUT, run_mutation
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.kernel.user_error import ErrorOf, Failable, errors_field, payload_error
from socialaid.policy_questions.knowledge import Entry
from socialaid.policy_questions.ranking import rank
from socialaid.policy_questions.service import (
    knowledge_base,
    policy_question_delete,
    policy_question_set,
)

MAX_SEARCH_LENGTH = 200


@strawberry.type(
    name="PolicyQuestion", description="政策问答知识库中的一问一答（依据种子文件原文编写）"
)
class PolicyQuestionType:
    code: str = strawberry.field(description="本租户内稳定的标识：事项代码#序号，如 dibao#1")
    item_code: str | None = strawberry.field(description="所属事项代码；不属于某一事项时为 null")
    item_name: str | None = strawberry.field(description="所属事项名称；不属于某一事项时为 null")
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
            item_code=entry.item or None,
            item_name=entry.item_name or None,
            question=entry.question,
            answer=entry.answer,
            source=SourceType.of(entry.source),
            score=None if score is None else round(score, 4),
        )


@relay_connection(
    description="政策问答的分页列表（Relay 连接）：有 search 时按相关度排序，否则按事项代码",
    edge="政策问答连接中的一条",
    node="一问一答",
    edges="本页的问答",
)
class PolicyQuestionConnection(TotalConnection[PolicyQuestionType]):
    pass


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
            entries = await knowledge_base(
                session,
                info.context.caches.of(CatalogueCaches),
                tenant=tenant,
                as_of=today_in_china(),
            )
        if item is not None:
            entries = [e for e in entries if e.item == item]
        found: list[tuple[Entry, float | None]]
        if search is not None and search.strip():
            found = [(r.entry, r.score) for r in rank(entries, search)]
        else:
            found = [(e, None) for e in entries]
        page = found[start : start + first]
        edges = [
            PolicyQuestionConnection.edge(
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


@strawberry.input(description="问答的出处：种子文件或文件名称（二者至少其一），以及章节")
class PolicySourceInput:
    seed: str | None = strawberry.field(
        default=None, description="种子文件名，如 000_140f49d7d74dd147.txt"
    )
    document: str | None = strawberry.field(
        default=None, description="文件名称及文号，如“关于调整本市最低生活保障标准的通知”"
    )
    section: str = strawberry.field(description="章节或条款，如“一（一）”")
    quote: str | None = strawberry.field(default=None, description="原文摘录；可省略")


@strawberry.input(description="新增、替换（同 code 覆盖上级的）或隐藏一条问答")
class PolicyQuestionSetInput:
    tenant: str = strawberry.field(description="租户（行政区划代码）；其下级同样读到")
    code: str = strawberry.field(
        description="问答标识：替换或隐藏上级的问答用其 code（如 dibao#1），新增用新的（小写字母、数字、_ . # -）"
    )
    item: str | None = strawberry.field(default=None, description="所属事项代码；可省略")
    question: str = strawberry.field(default="", description="问题（1 到 200 字；隐藏时可空）")
    answer: str = strawberry.field(default="", description="回答（1 到 4000 字；隐藏时可空）")
    source: PolicySourceInput = strawberry.field(description="出处（必填）")
    hidden: bool = strawberry.field(
        default=False, description="true：本级及下级不再显示该 code 的问答"
    )


@strawberry.input(description="撤销本级对一条问答的设定：继承的重新显示，本级新增的删除")
class PolicyQuestionDeleteInput:
    tenant: str = strawberry.field(description="租户（行政区划代码）")
    code: str = strawberry.field(description="问答标识")


PolicyQuestionError = payload_error(
    "PolicyQuestionError",
    [ErrorCode.NOT_FOUND],
    operations="政策问答的变更（policyQuestionSet、policyQuestionDelete）",
)


@strawberry.type(description="policyQuestionSet 的结果")
class PolicyQuestionSetPayload(Failable):
    error_type = PolicyQuestionError
    policy_question: PolicyQuestionType | None = strawberry.field(
        default=None, description="设定后本租户读到的问答；隐藏或失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(PolicyQuestionError)


@strawberry.type(description="policyQuestionDelete 的结果")
class PolicyQuestionDeletePayload(Failable):
    error_type = PolicyQuestionError
    code: str | None = strawberry.field(
        default=None, description="撤销设定的问答标识；失败时为 null"
    )
    errors: list[ErrorOf] = errors_field(PolicyQuestionError)


@strawberry.type
class PolicyQuestionMutation:
    @strawberry.mutation(
        description="新增、替换或隐藏一条政策问答（tenant_admin）；本级及下级读到；记入审计"
    )
    async def policy_question_set(
        self,
        info: Info,
        input: Annotated[PolicyQuestionSetInput, strawberry.argument(description=MUTATION_INPUT)],
    ) -> PolicyQuestionSetPayload:
        async def work(uow: UnitOfWork) -> PolicyQuestionSetPayload:
            entry = await policy_question_set(
                uow,
                tenant=input.tenant,
                code=input.code,
                item=input.item,
                question=input.question,
                answer=input.answer,
                source={
                    "seed": input.source.seed,
                    "document": input.source.document,
                    "section": input.source.section,
                    "quote": input.source.quote,
                },
                hidden=input.hidden,
                today=today_in_china(),
            )
            return PolicyQuestionSetPayload(
                policy_question=None if entry is None else PolicyQuestionType.of(entry, None)
            )

        return await run_mutation(info, PolicyQuestionSetPayload, work)

    @strawberry.mutation(
        description="撤销本级对一条政策问答的设定（tenant_admin）：继承的重新显示；记入审计"
    )
    async def policy_question_delete(
        self,
        info: Info,
        input: Annotated[
            PolicyQuestionDeleteInput, strawberry.argument(description=MUTATION_INPUT)
        ],
    ) -> PolicyQuestionDeletePayload:
        async def work(uow: UnitOfWork) -> PolicyQuestionDeletePayload:
            code = await policy_question_delete(uow, tenant=input.tenant, code=input.code)
            return PolicyQuestionDeletePayload(code=code)

        return await run_mutation(info, PolicyQuestionDeletePayload, work)
