"""Printing an application form or a decision notice: authorised exactly like reading the
application or the case (`applications.queries`), values disclosed as the reader may see them,
and one audit event per print, in the reader's scoped transaction.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.access.decisions import authenticated
from socialaid.access.principal import Principal
from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.queries import application_record, case_record, disclosed_answers
from socialaid.audit.writer import write_event
from socialaid.clock import in_china_time
from socialaid.errors import NotFoundError
from socialaid.forms.service import FormCaches, form_by_hash
from socialaid.printing.sheets import (
    CHANNEL_LABELS,
    NOTICE_TITLES,
    ApplicationSheet,
    NoticeSheet,
    application_sections,
    chinese_date,
    closing_lines,
    decision_facts,
    material_lines,
    notice_paragraphs,
)
from socialaid.printing.verification import verification_code
from socialaid.tenancy.models import Tenant
from socialaid.tenancy.service import tenants_by_code

PRINT_APPLICATION = "print.application"
PRINT_NOTICE = "print.notice"


async def tenant_full_name(session: AsyncSession, tenant: Tenant) -> str:
    """山西省太原市小店区: the names along the tenant's path, province first."""
    codes = re.findall(r"\d{6}", tenant.path) or [tenant.tenant_id]
    found = await tenants_by_code(session, codes)
    return "".join(found[c].name for c in codes if c in found) or tenant.name


def application_content(application: Application) -> dict[str, Any]:
    """What the signed form certifies: the stored submission (not the reader's masked view)."""
    return {
        "tenant": application.tenant_id,
        "id": str(application.id),
        "form": application.form_hash,
        "items": list(application.items),
        "answers": application.answers,
        "materials": [m.to_json() for m in application.materials],
        "submitted_at": application.submitted_at,
    }


def notice_content(case: ApplicationCase) -> dict[str, Any]:
    """What the notice certifies: the case, its decision and the notice's text as issued."""
    return {
        "tenant": case.tenant_id,
        "case": str(case.id),
        "application": str(case.application_id),
        "item": case.item_code,
        "decision": None if case.decision is None else case.decision.to_json(),
        "notice": None if case.notice is None else case.notice.to_json(),
    }


async def application_sheet(
    session: AsyncSession,
    form_caches: FormCaches,
    *,
    actor: Principal | None,
    application_id: str,
    signing_key: str,
    request_id: str | None = None,
) -> ApplicationSheet:
    """The filled form as this reader may print it; the print is recorded."""
    record = await application_record(session, actor=actor, application_id=application_id)
    reader = authenticated(actor)
    application = record.application
    form = await form_by_hash(session, form_caches, form_hash=application.form_hash)
    answers = await disclosed_answers(
        session,
        actor=reader,
        application=application,
        form=form,
        tenant=record.tenant,
        cases=record.cases,
        request_id=request_id,
    )
    code = verification_code(signing_key, "application", application_content(application))
    await write_event(
        session,
        actor=reader,
        action=PRINT_APPLICATION,
        tenant_id=application.tenant_id,
        subject_type="application",
        subject_id=str(application.id),
        application_id=str(application.id),
        person_key=application.person_key,
        after={"verification_code": code},
        request_id=request_id,
    )
    names = {item.code: item.name for item in form.items}
    assert application.submitted_at is not None  # set by the database on insert
    return ApplicationSheet(
        tenant_name=await tenant_full_name(session, record.tenant),
        applicant_name=application.applicant_name,
        items=tuple(names.get(code, code) for code in application.items),
        channel=CHANNEL_LABELS.get(application.channel, application.channel),
        submitted_on=chinese_date(in_china_time(application.submitted_at).date()),
        document_number=str(application.id),
        verification_code=code,
        sections=application_sections(form, answers),
        materials=material_lines(form, [m.to_json() for m in application.materials], answers),
        personal_commitment=application.personal_commitment,
    )


async def notice_sheet(
    session: AsyncSession,
    *,
    actor: Principal | None,
    case_id: str,
    signing_key: str,
    request_id: str | None = None,
) -> NoticeSheet:
    """The case's decision notice (告知书) as issued; the print is recorded."""
    case = await case_record(session, actor=actor, case_id=case_id)
    reader = authenticated(actor)
    if case.notice is None:
        raise NotFoundError("这个案件还没有告知书（尚未作出决定）", path=["id"])
    application = await session.scalar(
        select(Application).where(
            col(Application.tenant_id) == case.tenant_id,
            col(Application.id) == case.application_id,
        )
    )
    if application is None:  # pragma: no cover - a case's application is its foreign key
        raise NotFoundError("没有这个申请", path=["id"])
    tenant = (await tenants_by_code(session, [case.tenant_id]))[case.tenant_id]
    code = verification_code(signing_key, "notice", notice_content(case))
    await write_event(
        session,
        actor=reader,
        action=PRINT_NOTICE,
        tenant_id=case.tenant_id,
        subject_type="case",
        subject_id=str(case.id),
        application_id=str(case.application_id),
        person_key=application.person_key,
        department=case.department if case.department in reader.departments else None,
        after={"verification_code": code, "kind": case.notice.kind.value},
        request_id=request_id,
    )
    paragraphs = notice_paragraphs(case.notice.text)
    return NoticeSheet(
        tenant_name=await tenant_full_name(session, tenant),
        title=NOTICE_TITLES.get(case.notice.kind.value, "告知书"),
        applicant_name=application.applicant_name,
        item=case.item_name,
        department=case.department_name,
        facts=decision_facts(None if case.decision is None else case.decision.to_json()),
        paragraphs=paragraphs,
        closing=closing_lines(paragraphs, case.department_name),
        template_label=case.notice.label,
        document_number=str(case.id),
        verification_code=code,
    )


async def application_code(
    session: AsyncSession, *, actor: Principal | None, application_id: str, signing_key: str
) -> str:
    """The code the application's form would carry if printed now (for verifying a paper)."""
    record = await application_record(session, actor=actor, application_id=application_id)
    return verification_code(signing_key, "application", application_content(record.application))


async def notice_code(
    session: AsyncSession, *, actor: Principal | None, case_id: str, signing_key: str
) -> str:
    """The code the case's notice would carry if printed now (for verifying a paper)."""
    case = await case_record(session, actor=actor, case_id=case_id)
    if case.notice is None:
        raise NotFoundError("这个案件还没有告知书（尚未作出决定）", path=["id"])
    return verification_code(signing_key, "notice", notice_content(case))
