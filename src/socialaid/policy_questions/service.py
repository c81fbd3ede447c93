"""Reading a tenant's knowledge base, and a tenant admin's changes to it (policyQuestionSet,
policyQuestionDelete): authorized and audited here, once per operation (ADR 0009)."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authenticated, authorize
from socialaid.access.principal import Principal, Target
from socialaid.access.vocabulary import Action, Resource
from socialaid.audit.writer import write_event
from socialaid.catalogue.service import CatalogueCaches, TenantView, tenant_view
from socialaid.errors import DomainError, NotFoundError
from socialaid.kernel.unit_of_work import UnitOfWork
from socialaid.policy_questions.knowledge import Entry, Setting, entries_of, with_settings
from socialaid.policy_questions.models import PolicyQuestion
from socialaid.sources import SourceRef
from socialaid.tenancy.service import get_tenant

CODE = re.compile(r"^[a-z0-9_.#-]{1,120}$")
MAX_QUESTION, MAX_ANSWER = 200, 4000


async def knowledge_base(
    session: AsyncSession, caches: CatalogueCaches, *, tenant: str, as_of: date
) -> list[Entry]:
    """The entries `tenant` reads: its effective catalogue's, then the settings of its chain."""
    view = await tenant_view(session, caches, tenant=tenant, as_of=as_of)
    # The tenant row itself, not the cached view's copy, which belongs to another session.
    chain = (await get_tenant(session, code=tenant)).path.split("/")
    rows = (
        await session.execute(
            select(PolicyQuestion).where(col(PolicyQuestion.tenant_id).in_(chain))
        )
    ).scalars()
    depth = {code: i for i, code in enumerate(chain)}
    settings = [
        Setting(
            code=r.code,
            item=r.item_code,
            question=r.question,
            answer=r.answer,
            source=SourceRef.model_validate(r.source),
            hidden=r.hidden,
        )
        for r in sorted(rows, key=lambda r: (depth[r.tenant_id], r.code))
    ]
    names = {code: spec.name for code, spec in view.specs.items()}
    return with_settings(entries_of(view.specs.values()), settings, names)


def _checked_source(source: dict[str, str | None]) -> SourceRef:
    try:
        return SourceRef.model_validate({k: v for k, v in source.items() if v})
    except ValueError:  # pydantic's ValidationError, or the check after validation
        raise DomainError("出处须写明种子文件或文件名称，以及章节", path=["source"]) from None


async def _authorized(uow: UnitOfWork, tenant: str) -> tuple[str, Principal]:
    actor = authenticated(uow.actor)
    row_tenant = await get_tenant(uow.session, code=tenant)
    authorize(actor, Resource.CATALOGUE, Action.PUBLISH, Target(tenant_path=row_tenant.path))
    return row_tenant.tenant_id, actor


async def policy_question_set(
    uow: UnitOfWork,
    *,
    tenant: str,
    code: str,
    item: str | None,
    question: str,
    answer: str,
    source: dict[str, str | None],
    hidden: bool,
    today: date,
) -> Entry | None:
    """Add, replace or hide (`hidden`) the entry `code` for `tenant` and the tenants below it;
    returns the entry as the tenant now reads it (None when hidden)."""
    tenant_id, actor = await _authorized(uow, tenant)
    session = uow.session
    if not CODE.match(code):
        raise DomainError("code 须为 1 到 120 个小写字母、数字或 _ . # -", path=["code"])
    view: TenantView = await tenant_view(
        session, uow.caches.of(CatalogueCaches), tenant=tenant, as_of=today
    )
    if item is not None and item not in view.specs:
        raise NotFoundError(f"租户 {tenant} 的目录中没有事项 {item}", path=["item"])
    before = {
        e.code: e
        for e in await knowledge_base(
            session, uow.caches.of(CatalogueCaches), tenant=tenant, as_of=today
        )
    }.get(code)
    if hidden and before is None:
        raise NotFoundError(f"租户 {tenant} 的问答中没有 {code}，无可隐藏", path=["code"])
    if not hidden:
        if not question.strip() or len(question) > MAX_QUESTION:
            raise DomainError(f"问题须为 1 到 {MAX_QUESTION} 字", path=["question"])
        if not answer.strip() or len(answer) > MAX_ANSWER:
            raise DomainError(f"回答须为 1 到 {MAX_ANSWER} 字", path=["answer"])
    cited = _checked_source(source)
    values = {
        "item_code": item,
        "question": question.strip(),
        "answer": answer.strip(),
        "source": cited.model_dump(exclude_none=True),
        "hidden": hidden,
        "set_by": actor.user_id,
        "set_at": uow.clock(),
    }
    await session.execute(
        insert(PolicyQuestion)
        .values(tenant_id=tenant_id, code=code, **values)
        .on_conflict_do_update(index_elements=["tenant_id", "code"], set_=values)
    )
    await write_event(
        session,
        actor=actor,
        action="policy_question.hide" if hidden else "policy_question.set",
        tenant_id=tenant_id,
        subject_type="policy_question",
        subject_id=code,
        before=None if before is None else {"question": before.question, "answer": before.answer},
        after={
            "item": item,
            "question": values["question"],
            "answer": values["answer"],
            "source": values["source"],
            "hidden": hidden,
        },
        request_id=uow.request_id,
    )
    if hidden:
        return None
    entries = await knowledge_base(
        session, uow.caches.of(CatalogueCaches), tenant=tenant, as_of=today
    )
    return next(e for e in entries if e.code == code)


async def policy_question_delete(uow: UnitOfWork, *, tenant: str, code: str) -> str:
    """Remove `tenant`'s own setting of `code`: an inherited entry shows again, an added one goes."""
    tenant_id, actor = await _authorized(uow, tenant)
    row = await uow.session.get(PolicyQuestion, (tenant_id, code))
    if row is None:
        raise NotFoundError(f"租户 {tenant} 没有设定过问答 {code}", path=["code"])
    await uow.session.execute(
        delete(PolicyQuestion).where(
            col(PolicyQuestion.tenant_id) == tenant_id, col(PolicyQuestion.code) == code
        )
    )
    await write_event(
        uow.session,
        actor=actor,
        action="policy_question.delete",
        tenant_id=tenant_id,
        subject_type="policy_question",
        subject_id=code,
        before={"question": row.question, "answer": row.answer, "hidden": row.hidden},
        after=None,
        request_id=uow.request_id,
    )
    return code
