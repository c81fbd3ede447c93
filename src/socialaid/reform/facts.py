"""An application's facts for the reform counts (`reform.arithmetic`), read from what it stored:
the form snapshot it was filed against, its material statuses and its cases. Used by the fold
(`reform.fold`) and, for applications not folded yet, by the report itself (`reform.effect`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, DateTime, Text, TextClause, cast, literal_column, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from socialaid.applications.models import Application, ApplicationCase
from socialaid.applications.states import CaseState
from socialaid.catalogue.files import ItemFile, Mode
from socialaid.clock import CHINA
from socialaid.forms.models import FormSnapshot
from socialaid.reform.arithmetic import (
    ApplicationFacts,
    CaseAsWorked,
    ItemAsFiled,
    MaterialAsFiled,
)

DECIDED = frozenset({CaseState.APPROVED, CaseState.DENIED})
ENDED_UNDECIDED = frozenset({CaseState.CLOSED, CaseState.WITHDRAWN})


def _day(moment: datetime | None) -> date:
    assert moment is not None, "submitted_at and created_at are NOT NULL"
    return moment.astimezone(CHINA).date()


def _item(document: dict[str, Any]) -> ItemFile:
    return ItemFile.model_validate(document)


def _filed(item: ItemFile) -> ItemAsFiled:
    return ItemAsFiled(
        code=item.code,
        step_actors=tuple(step.actor.value for step in item.process),
        fields=frozenset(use.key for use in item.fields),
        statutory_working_days=item.time_limits.statutory_working_days,
        promised_working_days=item.time_limits.promised_working_days,
    )


async def _snapshots(session: AsyncSession, hashes: set[str]) -> dict[str, dict[str, ItemAsFiled]]:
    """Each form's applied-for items (mode on_application), as its snapshot holds them."""
    rows = await session.execute(
        select(col(FormSnapshot.hash), col(FormSnapshot.items)).where(
            col(FormSnapshot.hash).in_(hashes)
        )
    )
    out: dict[str, dict[str, ItemAsFiled]] = {}
    for form_hash, documents in rows:
        items = (_item(document) for document in documents.values())
        out[form_hash] = {
            item.code: _filed(item) for item in items if item.mode is Mode.ON_APPLICATION
        }
    return out


# Only what the counts read of each material and decision, taken out of the JSONB in SQL: turning
# every stored record into its model cost most of a month's report (ADR 0035).
MATERIAL_STATUSES = literal_column(
    "ARRAY(SELECT concat_ws('|', m->>'status', coalesce(m->>'exempt_via', ''),"
    " jsonb_array_length(coalesce(m->'required_by', '[]'::jsonb)))"
    " FROM jsonb_array_elements(application.materials) AS m)",
    ARRAY(Text),
)
DECIDED_AT = cast(col(ApplicationCase.decision)["decided_at"].astext, DateTime(timezone=True))


def _material(entry: str) -> MaterialAsFiled:
    """One `status|exempt_via|number of requiring items` of MATERIAL_STATUSES."""
    status, exempt_via, requiring = entry.split("|")
    return MaterialAsFiled(int(requiring), status, exempt_via or None)


def _case(
    item: str,
    state: CaseState,
    created_at: datetime | None,
    clock_started_at: datetime | None,
    decided_at: datetime | None,
) -> CaseAsWorked:
    decided = decided_at if state in DECIDED else None
    opened = _day(created_at)
    return CaseAsWorked(
        item=item,
        accepted=opened,
        started=_day(clock_started_at) if clock_started_at is not None else opened,
        decided=_day(decided) if decided is not None else None,
        final=state in ENDED_UNDECIDED,
    )


@dataclass(frozen=True)
class StoredApplication:
    """An application's facts, and which application they are."""

    tenant_id: str
    id: UUID
    submitted_at: datetime
    facts: ApplicationFacts


def marked(tenants: list[str], ids: list[UUID], table: str = "application") -> TextClause:
    """The rows of `table` of the applications named by the pairs (tenants[i], ids[i])."""
    key = "id" if table == "application" else "application_id"
    return text(
        f"({table}.tenant_id, {table}.{key}) IN"
        " (SELECT * FROM unnest(CAST(:tenants AS text[]), CAST(:ids AS uuid[])))"
    ).bindparams(tenants=tenants, ids=ids)


async def load_facts(
    session: AsyncSession, where: Sequence[ColumnElement[bool] | TextClause]
) -> list[StoredApplication]:
    """The facts of the applications `where` selects, from their rows and form snapshots."""
    period = where
    applications = (
        await session.execute(
            select(
                col(Application.tenant_id),
                col(Application.id),
                col(Application.channel),
                col(Application.form_hash),
                col(Application.items),
                MATERIAL_STATUSES,
                col(Application.submitted_at),
            ).where(*period)
        )
    ).all()
    cases: dict[tuple[str, UUID], list[CaseAsWorked]] = {}
    case_rows = await session.execute(
        select(
            col(ApplicationCase.tenant_id),
            col(ApplicationCase.application_id),
            col(ApplicationCase.item_code),
            col(ApplicationCase.state),
            col(ApplicationCase.created_at),
            col(ApplicationCase.clock_started_at),
            DECIDED_AT,
        )
        .join(
            Application,
            (col(Application.tenant_id) == col(ApplicationCase.tenant_id))
            & (col(Application.id) == col(ApplicationCase.application_id)),
        )
        .where(*period)
    )
    for tenant_id, application_id, item, state, created, started, decision in case_rows:
        cases.setdefault((tenant_id, application_id), []).append(
            _case(item, state, created, started, decision)
        )
    forms = await _snapshots(session, {row.form_hash for row in applications})
    out = []
    for tenant_id, app_id, channel, form_hash, items, materials, submitted in applications:
        assert submitted is not None, "submitted_at is NOT NULL"
        filed = forms.get(form_hash, {})
        applied = tuple(filed[code] for code in items if code in filed)
        facts = ApplicationFacts(
            channel=channel,
            submitted=_day(submitted),
            items=applied,
            materials=tuple(_material(entry) for entry in materials),
            cases=tuple(
                c for c in cases.get((tenant_id, app_id), []) if c.item in {i.code for i in applied}
            ),
        )
        out.append(StoredApplication(tenant_id, app_id, submitted, facts))
    return out
